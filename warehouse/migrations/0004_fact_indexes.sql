-- fazhi warehouse, schema version 4: indexes for point lookups of facts.
-- The dashboards compute their figures in memory (see snapshot.go) and read
-- only the quotes of the values they show from the warehouse, by fact_id;
-- the report page reads a report's facts by report_id. Without an index,
-- each lookup scans the whole facts table (tens of milliseconds at a few
-- million facts); with one, it costs well under a millisecond.
CREATE INDEX facts_fact_id ON facts (fact_id);
CREATE INDEX facts_report_id ON facts (report_id);
