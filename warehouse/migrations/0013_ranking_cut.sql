-- fazhi warehouse, schema version 13: one ranking cut for the pages and SQL.
-- Among several facts for one jurisdiction-year and indicator, one the
-- extractor is unsure of gives way to a sure one (migration 8), but "unsure"
-- was a fixed 0.5 here while the pages marked as 待核实 what fell below
-- FAZHI_MIN_CONFIDENCE: with another cut the two disagreed. The cut now
-- lives in the warehouse (ranking_cut, one row): the writer stores
-- FAZHI_MIN_CONFIDENCE there when it opens the file and recomputes the
-- headline if it changed; replicas and researchers read the same value.
CREATE TABLE ranking_cut (min_confidence DOUBLE NOT NULL);
INSERT INTO ranking_cut VALUES (0.5);
COMMENT ON TABLE ranking_cut IS 'One row: the extractor confidence below which a fact is unsure (FAZHI_MIN_CONFIDENCE of the server that last opened the warehouse for writing). Unsure facts give way to sure ones in headline_facts and are not ranked; a person''s confirmation makes them sure.';
COMMENT ON COLUMN ranking_cut.min_confidence IS 'The cut, 0-1 (0.5 by default).';

CREATE OR REPLACE VIEW headline_facts AS
WITH alone AS (
    SELECT r.jurisdiction_key, r.jurisdiction_code, r.jurisdiction_name, r.jurisdiction_level, r.year,
           f.indicator, f.value, f.unit, f.approx, f.scope <> '' AS partial, f.scope, f.derived, f.flags,
           f.corrected, f.fact_id, f.report_id, f.quote, f.numerator, f.denominator, f.basis, f.approx_kind,
           f.confidence
    FROM facts_corrected f
    JOIN report_jurisdictions r USING (report_id)
    JOIN indicators i ON i.code = f.indicator
    WHERE r.year IS NOT NULL AND r.counts AND NOT (r.duplicates > 0 AND NOT r.chosen)
    QUALIFY row_number() OVER (
        PARTITION BY r.jurisdiction_key, r.year, f.indicator
        ORDER BY f.scope <> '', f.derived, NOT f.added, NOT f.corrected AND f.confidence < (SELECT min_confidence FROM ranking_cut), CASE WHEN i.kind = 'rate' THEN 0 ELSE -f.value END, f.start, f.fact_id
    ) = 1
),
per_report AS (
    SELECT r.jurisdiction_key, r.jurisdiction_code, r.jurisdiction_name, r.jurisdiction_level, r.year,
           f.indicator, f.value, f.unit, f.approx, f.scope <> '' AS partial, f.scope, f.derived, f.flags,
           f.corrected, f.fact_id, f.report_id, f.quote, f.numerator, f.denominator, f.basis, f.approx_kind,
           f.added, f.start, i.kind, f.confidence
    FROM facts_corrected f
    JOIN (SELECT * FROM report_jurisdictions WHERE duplicates > 0 AND NOT chosen AND counts AND year IS NOT NULL) r USING (report_id)
    JOIN indicators i ON i.code = f.indicator
    QUALIFY row_number() OVER (
        PARTITION BY r.jurisdiction_key, r.year, f.indicator, f.report_id
        ORDER BY f.scope <> '', f.derived, NOT f.added, NOT f.corrected AND f.confidence < (SELECT min_confidence FROM ranking_cut), CASE WHEN i.kind = 'rate' THEN 0 ELSE -f.value END, f.start, f.fact_id
    ) = 1
),
judged AS (
    SELECT *, count(DISTINCT value) OVER (PARTITION BY jurisdiction_key, year, indicator) > 1 AS conflict,
           row_number() OVER (
               PARTITION BY jurisdiction_key, year, indicator
               ORDER BY partial, derived, NOT added, NOT corrected AND confidence < (SELECT min_confidence FROM ranking_cut), CASE WHEN kind = 'rate' THEN 0 ELSE -value END, start, fact_id
           ) AS pick
    FROM per_report
)
SELECT * EXCLUDE (confidence), false AS conflict, NULL::DOUBLE[] AS conflict_values, NULL::VARCHAR[] AS conflict_fact_ids,
       NULL::VARCHAR[] AS conflict_report_ids, confidence
FROM alone
UNION ALL
SELECT jurisdiction_key, jurisdiction_code, jurisdiction_name, jurisdiction_level, year, indicator, value, unit,
       approx, partial, scope, derived, flags, corrected, fact_id, report_id, quote, numerator, denominator, basis,
       approx_kind, false, NULL, NULL, NULL, confidence
FROM judged WHERE NOT conflict AND pick = 1
UNION ALL
SELECT jurisdiction_key, any_value(jurisdiction_code), min(jurisdiction_name), min(jurisdiction_level), year, indicator,
       NULL::DOUBLE, any_value(unit), false, false, '', false, []::VARCHAR[], false, NULL::VARCHAR, NULL::VARCHAR,
       NULL::VARCHAR, NULL::DOUBLE, NULL::DOUBLE, '', '', true,
       list(value ORDER BY report_id), list(fact_id ORDER BY report_id), list(report_id ORDER BY report_id),
       NULL::DOUBLE
FROM judged WHERE conflict
GROUP BY jurisdiction_key, year, indicator;

COMMENT ON VIEW headline_facts IS 'One headline value per jurisdiction, year and indicator, corrections applied, from the reports that count. partial = only a sub-body figure was stated. conflict = several reports for the jurisdiction-year disagree and nobody chose between them: no value, the competing ones in conflict_values. jurisdiction_code is empty for unresolved jurisdictions.';
COMMENT ON COLUMN headline_facts.jurisdiction_key IS 'Grouping key: the division code, or report:<report_id> for an unresolved jurisdiction.';
COMMENT ON COLUMN headline_facts.jurisdiction_code IS 'Division code; empty when the report''s jurisdiction is unresolved (then each report is its own row).';
COMMENT ON COLUMN headline_facts.jurisdiction_name IS 'Name of the jurisdiction (report_jurisdictions.jurisdiction_name).';
COMMENT ON COLUMN headline_facts.jurisdiction_level IS 'Level word: 街道 镇 乡 区 县 市 旗 ...';
COMMENT ON COLUMN headline_facts.year IS 'The year the figures belong to.';
COMMENT ON COLUMN headline_facts.indicator IS 'Indicator code (indicators.code).';
COMMENT ON COLUMN headline_facts.value IS 'The headline value, corrections applied; NULL for a conflict.';
COMMENT ON COLUMN headline_facts.unit IS 'Canonical unit.';
COMMENT ON COLUMN headline_facts.approx IS 'Written as a bound or estimate (余 多 约 超 ...).';
COMMENT ON COLUMN headline_facts.partial IS 'Only a sub-body''s figure was stated: the largest is shown.';
COMMENT ON COLUMN headline_facts.scope IS 'Sub-body of a partial value; empty for the whole jurisdiction.';
COMMENT ON COLUMN headline_facts.derived IS 'Computed by fazhi from two stated counts.';
COMMENT ON COLUMN headline_facts.flags IS 'Data-quality findings of the fact.';
COMMENT ON COLUMN headline_facts.corrected IS 'An analyst corrected, confirmed or added the fact.';
COMMENT ON COLUMN headline_facts.fact_id IS 'The fact chosen (facts_corrected.fact_id); NULL for a conflict.';
COMMENT ON COLUMN headline_facts.report_id IS 'The report it came from; NULL for a conflict.';
COMMENT ON COLUMN headline_facts.quote IS 'The sentence that states it; NULL for a conflict.';
COMMENT ON COLUMN headline_facts.numerator IS 'For a rate: the count on top, when the report gives it.';
COMMENT ON COLUMN headline_facts.denominator IS 'For a rate: the count below, when the report gives it.';
COMMENT ON COLUMN headline_facts.basis IS 'For a rate: what numerator and denominator are.';
COMMENT ON COLUMN headline_facts.approx_kind IS 'How the value is approximate: at_least, about, at_most; empty when exact.';
COMMENT ON COLUMN headline_facts.conflict IS 'Several reports count for this jurisdiction-year and their values differ: no headline value until a person chooses which report counts (PUT /api/reports/{id}/counts).';
COMMENT ON COLUMN headline_facts.conflict_values IS 'For a conflict: each report''s own headline value, in the order of conflict_report_ids.';
COMMENT ON COLUMN headline_facts.conflict_fact_ids IS 'For a conflict: the facts behind conflict_values.';
COMMENT ON COLUMN headline_facts.conflict_report_ids IS 'For a conflict: the reports that disagree, by report_id.';
COMMENT ON COLUMN headline_facts.confidence IS 'The extractor''s confidence in the headline fact; NULL for a conflict. Below ranking_cut it is unsure: it gives way to a sure fact, and the pages do not rank it.';
