-- fazhi warehouse, schema version 5: which way an approximate number leans.
-- approx said only that a number was written with a qualifier; the pages
-- showed ≥ for all of them, wrong for 近500 (fewer than 500). approx_kind
-- keeps the qualifier's kind: at_least (余 多 超过 逾 以上 ...), about (约
-- 左右 上下 ...), at_most (近 将近 接近); '' for an exact number.

ALTER TABLE facts ADD COLUMN approx_kind VARCHAR;
-- Facts extracted before this version did not record the kind: the honest
-- claim left is "about" (re-ingesting a changed report records the kind).
UPDATE facts SET approx_kind = CASE WHEN approx THEN 'about' ELSE '' END;
COMMENT ON COLUMN facts.approx_kind IS 'How the number is approximate: at_least (余 多 超过 逾 以上), about (约 左右 上下), at_most (近 将近 接近); empty when exact.';

-- The views of version 2, with approx_kind (a corrected value is exact).
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
           true AS added
    FROM corrections c JOIN indicators i ON i.code = c.indicator
    WHERE c.action = 'add'
),
all_facts AS (
    SELECT fact_id, report_id, indicator, value, unit, raw_unit, approx, approx_kind, scope, quote, start, "end",
           derived, flags, numerator, denominator, basis, false AS added
    FROM facts
    UNION ALL BY NAME
    SELECT * FROM added
)
SELECT f.fact_id, f.report_id, f.indicator,
       coalesce(l.value, f.value) AS value,
       f.unit, f.raw_unit, f.approx AND l.value IS NULL AS approx, f.scope, f.quote, f.start, f."end",
       f.derived, f.flags, l.correction_id IS NOT NULL AS corrected,
       f.added, f.value AS extracted_value, f.numerator, f.denominator, f.basis,
       CASE WHEN l.value IS NULL THEN f.approx_kind ELSE '' END AS approx_kind
FROM all_facts f LEFT JOIN latest l USING (fact_id)
WHERE l.action IS DISTINCT FROM 'reject';

CREATE OR REPLACE VIEW headline_facts AS
SELECT r.jurisdiction_key, r.jurisdiction_code, r.jurisdiction_name, r.jurisdiction_level, r.year,
       f.indicator, f.value, f.unit, f.approx, f.scope <> '' AS partial, f.scope, f.derived, f.flags,
       f.corrected, f.fact_id, f.report_id, f.quote, f.numerator, f.denominator, f.basis, f.approx_kind
FROM facts_corrected f
JOIN report_jurisdictions r USING (report_id)
JOIN indicators i ON i.code = f.indicator
WHERE r.year IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY r.jurisdiction_key, r.year, f.indicator
    ORDER BY f.scope <> '', f.derived, NOT f.added,
             CASE WHEN i.kind = 'rate' THEN 0 ELSE -f.value END,
             f.start, f.fact_id
) = 1;

ALTER TABLE headline ADD COLUMN approx_kind VARCHAR;
DELETE FROM headline;
INSERT INTO headline SELECT * FROM headline_facts ORDER BY indicator, year, value DESC;
COMMENT ON COLUMN headline.approx_kind IS 'How the value is approximate: at_least, about, at_most; empty when exact.';

-- CREATE OR REPLACE VIEW drops the comments: the version-2 ones again, and the new column's.
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
COMMENT ON VIEW headline_facts IS 'One headline value per jurisdiction, year and indicator, corrections applied. partial = only a sub-body figure was stated. jurisdiction_code is empty for unresolved jurisdictions.';
COMMENT ON COLUMN headline_facts.jurisdiction_key IS 'Grouping key: the division code, or report:<report_id> for an unresolved jurisdiction.';
COMMENT ON COLUMN headline_facts.scope IS 'Sub-body of a partial value; empty for the whole jurisdiction.';
COMMENT ON COLUMN headline_facts.numerator IS 'For a rate: the count on top, when the report gives it.';
COMMENT ON COLUMN headline_facts.denominator IS 'For a rate: the count below, when the report gives it.';
COMMENT ON COLUMN headline_facts.basis IS 'For a rate: what numerator and denominator are.';
COMMENT ON COLUMN headline_facts.jurisdiction_code IS 'Division code; empty when the report''s jurisdiction is unresolved (then each report is its own row).';
COMMENT ON COLUMN headline_facts.jurisdiction_name IS 'Name of the jurisdiction as written in the report.';
COMMENT ON COLUMN headline_facts.jurisdiction_level IS 'Level as written: 街道 镇 乡 区 县 市.';
COMMENT ON COLUMN headline_facts.year IS 'The year the figures belong to.';
COMMENT ON COLUMN headline_facts.indicator IS 'Indicator code (indicators.code).';
COMMENT ON COLUMN headline_facts.value IS 'The headline value, corrections applied.';
COMMENT ON COLUMN headline_facts.unit IS 'Canonical unit.';
COMMENT ON COLUMN headline_facts.approx IS 'Written as a bound or estimate (余 多 约 超 ...).';
COMMENT ON COLUMN headline_facts.partial IS 'Only a sub-body''s figure was stated: the largest is shown.';
COMMENT ON COLUMN headline_facts.derived IS 'Computed by fazhi from two stated counts.';
COMMENT ON COLUMN headline_facts.flags IS 'Data-quality findings of the fact.';
COMMENT ON COLUMN headline_facts.corrected IS 'An analyst corrected, confirmed or added the fact.';
COMMENT ON COLUMN headline_facts.fact_id IS 'The fact chosen (facts_corrected.fact_id).';
COMMENT ON COLUMN headline_facts.report_id IS 'The report it came from.';
COMMENT ON COLUMN headline_facts.quote IS 'The sentence that states it.';
COMMENT ON COLUMN facts_corrected.approx_kind IS 'How the value is approximate: at_least, about, at_most; empty when exact or set by an analyst.';
COMMENT ON COLUMN headline_facts.approx_kind IS 'How the value is approximate: at_least, about, at_most; empty when exact.';
