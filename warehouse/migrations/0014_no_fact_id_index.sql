-- fazhi warehouse, schema version 14: no index on facts.fact_id.
-- DuckDB keeps an ART index in memory; on fact_id (every fact's own key) it
-- grows with the facts — at 400,000 reports (7.7 million facts) beyond the
-- 512 MB a bulk ingest gives DuckDB, which then stopped with "Out of Memory".
-- A fact is found among its report's facts (its id begins with the
-- report's), through the index on facts.report_id, whose 400,000 keys stay
-- small.
DROP INDEX facts_fact_id;
