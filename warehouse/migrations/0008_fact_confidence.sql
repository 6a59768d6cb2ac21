-- fazhi warehouse, schema version 8: how sure the extractor is of a fact.
-- Every fact the extractor reads now carries its confidence (0-1): the
-- probability its model gives the reading, calibrated on the annotated real
-- reports (fazhi eval prints precision by confidence band). The dashboards
-- rank only facts at or above FAZHI_MIN_CONFIDENCE (0.5 by default) unless a
-- person confirmed them; the others are listed beside the ranking and in the
-- review queue. Facts stored before this version have no confidence (NULL):
-- re-ingesting their reports (an extractor upgrade re-extracts them) gives
-- them one.

ALTER TABLE facts ADD COLUMN confidence DOUBLE;
COMMENT ON COLUMN facts.confidence IS 'How sure the extractor is of the reading, 0-1 (its model''s probability; see fazhi eval''s precision by confidence band); NULL for facts extracted before schema version 8.';

CREATE OR REPLACE VIEW facts_corrected AS
WITH latest AS (
    SELECT * FROM corrections
    WHERE fact_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY fact_id ORDER BY "at" DESC, correction_id DESC) = 1
),
added AS (
    SELECT c.fact_id, c.report_id, c.indicator, c.value, i.unit, i.unit AS raw_unit, false AS approx,
           '' AS approx_kind, coalesce(c.scope, '') AS scope, c.quote, c.start, c."end", false AS derived,
           []::VARCHAR[] AS flags, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, '' AS basis,
           true AS added, 1.0::DOUBLE AS confidence
    FROM corrections c JOIN indicators i ON i.code = c.indicator
    WHERE c.action = 'add'
),
all_facts AS (
    SELECT fact_id, report_id, indicator, value, unit, raw_unit, approx, approx_kind, scope, quote, start, "end",
           derived, flags, numerator, denominator, basis, false AS added, confidence
    FROM facts
    UNION ALL BY NAME
    SELECT * FROM added
)
SELECT f.fact_id, f.report_id, f.indicator,
       coalesce(l.value, f.value) AS value,
       f.unit, f.raw_unit, f.approx AND l.value IS NULL AS approx, f.scope, f.quote, f.start, f."end",
       f.derived, f.flags, l.correction_id IS NOT NULL AS corrected,
       f.added, f.value AS extracted_value, f.numerator, f.denominator, f.basis,
       CASE WHEN l.value IS NULL THEN f.approx_kind ELSE '' END AS approx_kind,
       f.confidence
FROM all_facts f LEFT JOIN latest l USING (fact_id)
WHERE l.action IS DISTINCT FROM 'reject';

-- Among several facts for one jurisdiction-year and indicator, one the
-- extractor is unsure of (below 0.5, the default ranking cut) gives way to
-- a sure one, unless a person confirmed it.
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
        ORDER BY f.scope <> '', f.derived, NOT f.added, NOT f.corrected AND f.confidence < 0.5, CASE WHEN i.kind = 'rate' THEN 0 ELSE -f.value END, f.start, f.fact_id
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
        ORDER BY f.scope <> '', f.derived, NOT f.added, NOT f.corrected AND f.confidence < 0.5, CASE WHEN i.kind = 'rate' THEN 0 ELSE -f.value END, f.start, f.fact_id
    ) = 1
),
judged AS (
    SELECT *, count(DISTINCT value) OVER (PARTITION BY jurisdiction_key, year, indicator) > 1 AS conflict,
           row_number() OVER (
               PARTITION BY jurisdiction_key, year, indicator
               ORDER BY partial, derived, NOT added, NOT corrected AND confidence < 0.5, CASE WHEN kind = 'rate' THEN 0 ELSE -value END, start, fact_id
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

ALTER TABLE headline ADD COLUMN confidence DOUBLE;
DELETE FROM headline;
INSERT INTO headline BY NAME SELECT * FROM headline_facts ORDER BY indicator, year, value DESC;
COMMENT ON COLUMN headline.confidence IS 'The extractor''s confidence in the headline fact (facts.confidence); 1 for a fact a person added; NULL for a conflict or a fact from before schema version 8.';

CREATE OR REPLACE VIEW review_queue AS
WITH reasons AS (
    SELECT f.fact_id, unnest(f.flags) AS reason FROM facts_corrected f WHERE NOT f.corrected
    UNION ALL
    SELECT h.fact_id, 'approx_headline' FROM headline h WHERE h.approx AND NOT h.corrected
),
grouped AS (
    SELECT fact_id, list(DISTINCT reason ORDER BY reason) AS reasons FROM reasons GROUP BY fact_id
)
SELECT f.fact_id, f.report_id, r.jurisdiction_code, r.jurisdiction_name, r.year, f.indicator, f.value, f.unit,
       f.approx, f.scope, f.quote, f.start, f."end", f.flags, g.reasons, rep.ingested_at, f.confidence
FROM grouped g
JOIN facts_corrected f USING (fact_id)
JOIN report_jurisdictions r ON r.report_id = f.report_id
JOIN reports rep ON rep.report_id = f.report_id;

-- CREATE OR REPLACE VIEW drops the comments: the replaced views' again, and the new columns'.
COMMENT ON VIEW facts_corrected IS 'facts with analysts'' corrections applied: rejected facts left out, set values used, added facts included.';
COMMENT ON COLUMN facts_corrected.fact_id IS 'facts.fact_id, or report_id-a<correction_id> for a fact an analyst added.';
COMMENT ON COLUMN facts_corrected.report_id IS 'The report the fact belongs to.';
COMMENT ON COLUMN facts_corrected.indicator IS 'Indicator code (indicators.code).';
COMMENT ON COLUMN facts_corrected.value IS 'The value after corrections.';
COMMENT ON COLUMN facts_corrected.unit IS 'Canonical unit.';
COMMENT ON COLUMN facts_corrected.raw_unit IS 'Unit as written in the report.';
COMMENT ON COLUMN facts_corrected.approx IS 'Written as a bound or estimate; false once an analyst set the value.';
COMMENT ON COLUMN facts_corrected.scope IS 'Sub-body the figure belongs to; empty for the whole jurisdiction.';
COMMENT ON COLUMN facts_corrected.quote IS 'The sentence of the report that states the number.';
COMMENT ON COLUMN facts_corrected.start IS 'Character offset of the number (of the quote, for added facts) in reports.text.';
COMMENT ON COLUMN facts_corrected."end" IS 'Character offset just past it.';
COMMENT ON COLUMN facts_corrected.derived IS 'Computed by fazhi, not stated in the report.';
COMMENT ON COLUMN facts_corrected.flags IS 'Data-quality findings of the extractor.';
COMMENT ON COLUMN facts_corrected.corrected IS 'An analyst corrected, confirmed or added this fact (see corrections).';
COMMENT ON COLUMN facts_corrected.added IS 'The fact was added by an analyst, not extracted.';
COMMENT ON COLUMN facts_corrected.extracted_value IS 'The value before corrections (for an added fact: the value added).';
COMMENT ON COLUMN facts_corrected.numerator IS 'For a rate: the count on top, when the report gives it.';
COMMENT ON COLUMN facts_corrected.denominator IS 'For a rate: the count below, when the report gives it.';
COMMENT ON COLUMN facts_corrected.basis IS 'For a rate: what numerator and denominator are.';
COMMENT ON COLUMN facts_corrected.approx_kind IS 'How the value is approximate: at_least, about, at_most; empty when exact or set by an analyst.';
COMMENT ON COLUMN facts_corrected.confidence IS 'The extractor''s confidence in the reading (facts.confidence); 1 for a fact a person added. A correction makes a fact count whatever its confidence.';
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
COMMENT ON VIEW review_queue IS 'Facts that need a human look, one row per fact with its reasons: extractor flags, approx_headline (an approximate headline value). Corrected facts leave the queue. Reports whose jurisdiction or year need a person and duplicate reports are listed once per report by GET /api/review (see report_jurisdictions).';
COMMENT ON COLUMN review_queue.fact_id IS 'The fact to look at.';
COMMENT ON COLUMN review_queue.report_id IS 'Its report.';
COMMENT ON COLUMN review_queue.jurisdiction_code IS 'Division code as it counts; empty when unresolved.';
COMMENT ON COLUMN review_queue.jurisdiction_name IS 'Name of the jurisdiction.';
COMMENT ON COLUMN review_queue.year IS 'Year of the figures.';
COMMENT ON COLUMN review_queue.indicator IS 'Indicator code.';
COMMENT ON COLUMN review_queue.value IS 'Current value.';
COMMENT ON COLUMN review_queue.unit IS 'Canonical unit.';
COMMENT ON COLUMN review_queue.approx IS 'Written as a bound or estimate.';
COMMENT ON COLUMN review_queue.scope IS 'Sub-body; empty for the whole jurisdiction.';
COMMENT ON COLUMN review_queue.quote IS 'The sentence that states it.';
COMMENT ON COLUMN review_queue.start IS 'Character offset in reports.text.';
COMMENT ON COLUMN review_queue."end" IS 'Character offset just past the number.';
COMMENT ON COLUMN review_queue.flags IS 'Extractor flags.';
COMMENT ON COLUMN review_queue.reasons IS 'Why it is in the queue: its flags, approx_headline.';
COMMENT ON COLUMN review_queue.ingested_at IS 'When its report was loaded; the queue is read oldest first.';
COMMENT ON COLUMN headline_facts.confidence IS 'The extractor''s confidence in the headline fact; NULL for a conflict.';
COMMENT ON COLUMN review_queue.confidence IS 'The extractor''s confidence in the fact; GET /api/review adds the reason low_confidence below FAZHI_MIN_CONFIDENCE.';
