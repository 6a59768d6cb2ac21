-- fazhi warehouse, schema version 12: one rule for the counts behind a rate.
-- Which counts stand beside a rate (the 调解成功 and 受理 cases beside a
-- 调解成功率) was decided in the pages' Go code, so researchers' SQL could not
-- give the same answer. The catalog now says which counts each rate is
-- computed from (ingest's rate ledger), and headline_counts decides, for
-- pages and researchers alike: the counts the rate's own sentence states,
-- or else the jurisdiction-year's headline counts when they agree with the
-- rate (same body, exact, numerator <= denominator, within half a point).
ALTER TABLE indicators ADD COLUMN numerator VARCHAR;
ALTER TABLE indicators ADD COLUMN denominator VARCHAR;
ALTER TABLE indicators ADD COLUMN derived_from VARCHAR[];
COMMENT ON COLUMN indicators.numerator IS 'For a rate whose counts may stand beside it: the code of the count on top; empty otherwise.';
COMMENT ON COLUMN indicators.denominator IS 'For a rate whose counts may stand beside it: the code of the count below; empty otherwise.';
COMMENT ON COLUMN indicators.derived_from IS 'For a rate: the codes of the counts it is computed from (a rate derived from a part-year count covers part of the year too); empty otherwise.';

CREATE VIEW headline_counts AS
SELECT p.jurisdiction_key, p.year, p.indicator, p.fact_id,
       p.numerator, p.denominator, 'stated' AS counts_from
FROM headline p
WHERE NOT p.conflict AND p.numerator IS NOT NULL AND p.denominator IS NOT NULL
UNION ALL
SELECT p.jurisdiction_key, p.year, p.indicator, p.fact_id,
       n.value AS numerator, d.value AS denominator, 'headline' AS counts_from
FROM headline p
JOIN indicators i ON i.code = p.indicator AND i.numerator <> '' AND i.denominator <> ''
JOIN headline n ON n.jurisdiction_key = p.jurisdiction_key AND n.year = p.year AND n.indicator = i.numerator AND NOT n.conflict
JOIN headline d ON d.jurisdiction_key = p.jurisdiction_key AND d.year = p.year AND d.indicator = i.denominator AND NOT d.conflict
WHERE NOT p.conflict AND (p.numerator IS NULL OR p.denominator IS NULL)
  AND d.value > 0 AND n.value <= d.value AND n.scope = p.scope AND d.scope = p.scope
  AND NOT n.approx AND NOT d.approx AND abs(100 * n.value / d.value - p.value) <= 0.5;
COMMENT ON VIEW headline_counts IS 'The counts behind each headline rate that has them, as every page shows them: those its sentence states, or else the jurisdiction-year''s headline counts when they agree with the rate. A rate with no row here is shown without counts.';
COMMENT ON COLUMN headline_counts.jurisdiction_key IS 'The rate''s jurisdiction (headline.jurisdiction_key).';
COMMENT ON COLUMN headline_counts.year IS 'The rate''s year.';
COMMENT ON COLUMN headline_counts.indicator IS 'The rate''s code.';
COMMENT ON COLUMN headline_counts.fact_id IS 'The rate''s fact.';
COMMENT ON COLUMN headline_counts.numerator IS 'The count on top.';
COMMENT ON COLUMN headline_counts.denominator IS 'The count below.';
COMMENT ON COLUMN headline_counts.counts_from IS 'stated: the rate''s own sentence gives them; headline: the jurisdiction-year''s headline counts, which agree with the rate.';
