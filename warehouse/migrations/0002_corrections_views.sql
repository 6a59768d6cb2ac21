-- fazhi warehouse, schema version 2: corrections that carry their evidence and
-- survive a re-ingest, analysts' added facts, the researcher views (coverage,
-- yoy, review_queue; indicator_wide is rebuilt from the catalog by the loader)
-- and a comment on every table and column.

ALTER TABLE corrections ADD COLUMN quote VARCHAR;
ALTER TABLE corrections ADD COLUMN scope VARCHAR;
ALTER TABLE corrections ADD COLUMN start INTEGER;
ALTER TABLE corrections ADD COLUMN "end" INTEGER;
ALTER TABLE corrections ADD COLUMN carried_from BIGINT;

-- Facts as analysts see them: extracted facts plus the facts analysts added,
-- rejected facts left out, the latest correction's value applied.
CREATE OR REPLACE VIEW facts_corrected AS
WITH latest AS (
    SELECT * FROM corrections
    WHERE fact_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY fact_id ORDER BY "at" DESC, correction_id DESC) = 1
),
added AS (
    SELECT c.fact_id, c.report_id, c.indicator, c.value, i.unit, i.unit AS raw_unit, false AS approx,
           coalesce(c.scope, '') AS scope, c.quote, c.start, c."end", false AS derived,
           []::VARCHAR[] AS flags, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, '' AS basis,
           true AS added
    FROM corrections c JOIN indicators i ON i.code = c.indicator
    WHERE c.action = 'add'
),
all_facts AS (
    SELECT fact_id, report_id, indicator, value, unit, raw_unit, approx, scope, quote, start, "end",
           derived, flags, numerator, denominator, basis, false AS added
    FROM facts
    UNION ALL BY NAME
    SELECT * FROM added
)
SELECT f.fact_id, f.report_id, f.indicator,
       coalesce(l.value, f.value) AS value,
       f.unit, f.raw_unit, f.approx AND l.value IS NULL AS approx, f.scope, f.quote, f.start, f."end",
       f.derived, f.flags, l.correction_id IS NOT NULL AS corrected,
       f.added, f.value AS extracted_value, f.numerator, f.denominator, f.basis
FROM all_facts f LEFT JOIN latest l USING (fact_id)
WHERE l.action IS DISTINCT FROM 'reject';

-- One value per jurisdiction, year and indicator (INDICATORS.md, "Headline value per report"):
-- the jurisdiction-wide fact when there is one, otherwise the largest scoped fact (partial).
-- Among several jurisdiction-wide facts: stated before derived, a fact an analyst added
-- before the extractor's, then for counts and amounts the largest (a total is never below
-- its parts), for rates the first mentioned. Same columns as version 1 (the table headline
-- is a copy of this view), but facts analysts added are no longer dropped.
CREATE OR REPLACE VIEW headline_facts AS
SELECT r.jurisdiction_key, r.jurisdiction_code, r.jurisdiction_name, r.jurisdiction_level, r.year,
       f.indicator, f.value, f.unit, f.approx, f.scope <> '' AS partial, f.scope, f.derived, f.flags,
       f.corrected, f.fact_id, f.report_id, f.quote, f.numerator, f.denominator, f.basis
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

-- How informative each report is: which catalog indicators it states.
CREATE VIEW coverage AS
WITH stated AS (
    SELECT report_id, list(DISTINCT indicator ORDER BY indicator) AS indicators,
           count(DISTINCT indicator) AS indicators_stated,
           count(DISTINCT split_part(indicator, '.', 1)) AS categories_stated,
           count(*) AS facts
    FROM facts_corrected GROUP BY report_id
)
SELECT r.report_id, coalesce(r.jurisdiction_code, '') AS jurisdiction_code, r.jurisdiction_name,
       r.jurisdiction_level, r.year,
       coalesce(s.indicators_stated, 0) AS indicators_stated,
       (SELECT count(*) FROM indicators) AS indicators_total,
       round(100.0 * coalesce(s.indicators_stated, 0) / nullif((SELECT count(*) FROM indicators), 0), 1) AS share,
       coalesce(s.categories_stated, 0) AS categories_stated,
       coalesce(s.facts, 0) AS facts,
       coalesce(s.indicators, []::VARCHAR[]) AS indicators
FROM reports r LEFT JOIN stated s USING (report_id);

-- Year-over-year change of the headline values of resolved jurisdictions.
CREATE VIEW yoy AS
WITH h AS (
    SELECT *, lag(year) OVER w AS prev_year, lag(value) OVER w AS prev_value,
           lag(approx) OVER w AS prev_approx, lag(partial) OVER w AS prev_partial
    FROM headline
    WHERE jurisdiction_code <> ''
    WINDOW w AS (PARTITION BY jurisdiction_code, indicator ORDER BY year)
)
SELECT jurisdiction_code, jurisdiction_name, indicator, year, value, unit, prev_year, prev_value,
       value - prev_value AS change,
       CASE WHEN prev_value <> 0 THEN round(100.0 * (value - prev_value) / prev_value, 2) END AS change_pct,
       approx OR prev_approx AS approx,
       partial OR prev_partial AS partial,
       fact_id
FROM h WHERE prev_year IS NOT NULL;

-- Facts that need a human look, oldest report first. A fact leaves the queue
-- once an analyst has corrected it (a set with the same value confirms it).
CREATE VIEW review_queue AS
WITH reasons AS (
    SELECT f.fact_id, unnest(f.flags) AS reason FROM facts_corrected f WHERE NOT f.corrected
    UNION ALL
    SELECT h.fact_id, 'approx_headline' FROM headline h WHERE h.approx AND NOT h.corrected
    UNION ALL
    SELECT h.fact_id, 'unresolved_jurisdiction' FROM headline h WHERE h.jurisdiction_code = '' AND NOT h.corrected
),
grouped AS (
    SELECT fact_id, list(DISTINCT reason ORDER BY reason) AS reasons FROM reasons GROUP BY fact_id
)
SELECT f.fact_id, f.report_id, coalesce(r.jurisdiction_code, '') AS jurisdiction_code,
       r.jurisdiction_name, r.year, f.indicator, f.value, f.unit, f.approx, f.scope, f.quote,
       f.start, f."end", f.flags, g.reasons, r.ingested_at
FROM grouped g
JOIN facts_corrected f USING (fact_id)
JOIN reports r ON r.report_id = f.report_id;

-- indicator_wide has one column per catalog code, so it is (re)built from the
-- indicators table whenever the catalog is loaded (warehouse.ReplaceReference).
-- Until then it holds the key columns only.
CREATE VIEW indicator_wide AS
SELECT jurisdiction_code, any_value(jurisdiction_name) AS jurisdiction_name,
       any_value(jurisdiction_level) AS jurisdiction_level, year,
       CASE WHEN jurisdiction_code = '' THEN report_id ELSE '' END AS unresolved_report_id
FROM headline GROUP BY 1, 4, 5;

-- Refill the precomputed headline table from the new definition.
DELETE FROM headline;
INSERT INTO headline SELECT * FROM headline_facts ORDER BY indicator, year, value DESC;

COMMENT ON TABLE schema_version IS 'Migrations applied to this warehouse; fazhi upgrades an older warehouse in place.';
COMMENT ON COLUMN schema_version.version IS 'Migration number (migrations/NNNN_*.sql).';
COMMENT ON COLUMN schema_version.name IS 'Migration file name.';
COMMENT ON COLUMN schema_version.applied_at IS 'When this warehouse was upgraded to the version.';

COMMENT ON COLUMN indicators.code IS 'Stable ASCII code, category.name (INDICATORS.md), e.g. mediation.cases_accepted.';
COMMENT ON COLUMN indicators.name_zh IS 'Chinese name as shown in the dashboards.';
COMMENT ON COLUMN indicators.name_en IS 'English name.';
COMMENT ON COLUMN indicators.category IS 'The part before the dot: mediation, litigation, publicity ...';
COMMENT ON COLUMN indicators.description IS 'What the indicator counts and how reports word it.';

COMMENT ON COLUMN jurisdictions.name IS 'Official name of the division.';
COMMENT ON COLUMN jurisdictions.province IS 'Name of the province the division is in (its own name for a province).';
COMMENT ON COLUMN jurisdictions.city IS 'Name of the prefecture-level city the division is in; empty above that level.';
COMMENT ON COLUMN jurisdictions.county IS 'Name of the county or district the division is in; empty above that level.';

COMMENT ON COLUMN reports.sha256 IS 'SHA-256 of the file''s bytes: re-ingesting the same content is a no-op.';
COMMENT ON COLUMN reports.format IS 'File format read: txt, html, docx or pdf.';
COMMENT ON COLUMN reports.title IS 'Title of the report (first line or HTML title).';
COMMENT ON COLUMN reports.url IS 'URL the report was published at, when known.';
COMMENT ON COLUMN reports.jurisdiction_name IS 'Name of the jurisdiction the report is about, as written.';
COMMENT ON COLUMN reports.extractor_version IS 'The extraction rules that produced the facts (fazhi-extract/N).';
COMMENT ON COLUMN reports.ingested_at IS 'When the report was loaded.';

COMMENT ON COLUMN facts.report_id IS 'The report the fact was extracted from (reports.report_id).';
COMMENT ON COLUMN facts.indicator IS 'Indicator code (indicators.code).';
COMMENT ON COLUMN facts.unit IS 'Canonical unit of value (indicators.unit).';

COMMENT ON COLUMN corrections.correction_id IS 'Increasing id; with "at" it orders the history.';
COMMENT ON COLUMN corrections.fact_id IS 'The fact corrected. For add: the id of the added fact (report_id-a<id>).';
COMMENT ON COLUMN corrections.report_id IS 'The report of the fact.';
COMMENT ON COLUMN corrections.indicator IS 'For add: the indicator of the added fact.';
COMMENT ON COLUMN corrections.value IS 'For set and add: the value in the indicator''s unit. NULL for reject.';
COMMENT ON COLUMN corrections.author IS 'Who made the correction.';
COMMENT ON COLUMN corrections.reason IS 'Why, in the analyst''s words.';
COMMENT ON COLUMN corrections."at" IS 'When the correction was made.';
COMMENT ON COLUMN corrections.quote IS 'For add: the sentence of the report that states the value.';
COMMENT ON COLUMN corrections.scope IS 'For add: the sub-body the value belongs to; empty for the whole jurisdiction.';
COMMENT ON COLUMN corrections.start IS 'For add: character offset where the quote starts in reports.text.';
COMMENT ON COLUMN corrections."end" IS 'For add: character offset just past the quote in reports.text.';
COMMENT ON COLUMN corrections.carried_from IS 'Set when a changed report replaced its old version: the correction of the old version''s fact this row carries over.';

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

COMMENT ON VIEW coverage IS 'One row per report: which catalog indicators it states, i.e. how informative it is.';
COMMENT ON COLUMN coverage.report_id IS 'The report.';
COMMENT ON COLUMN coverage.jurisdiction_code IS 'Division code; empty when unresolved.';
COMMENT ON COLUMN coverage.jurisdiction_name IS 'Name as written in the report.';
COMMENT ON COLUMN coverage.jurisdiction_level IS 'Level as written.';
COMMENT ON COLUMN coverage.year IS 'Year of the figures; NULL when unknown.';
COMMENT ON COLUMN coverage.indicators_stated IS 'Distinct indicators with at least one fact (corrections applied).';
COMMENT ON COLUMN coverage.indicators_total IS 'Size of the catalog.';
COMMENT ON COLUMN coverage.share IS 'indicators_stated as a percentage of indicators_total.';
COMMENT ON COLUMN coverage.categories_stated IS 'Distinct categories (mediation, litigation ...) with at least one fact.';
COMMENT ON COLUMN coverage.facts IS 'Number of facts (corrections applied).';
COMMENT ON COLUMN coverage.indicators IS 'The indicator codes stated, sorted.';

COMMENT ON VIEW yoy IS 'Year-over-year change of headline values per resolved jurisdiction and indicator, against the previous year that has a value (prev_year; check year - prev_year = 1 for strict neighbours).';
COMMENT ON COLUMN yoy.jurisdiction_code IS 'Division code (unresolved jurisdictions are left out).';
COMMENT ON COLUMN yoy.jurisdiction_name IS 'Name as written in the later report.';
COMMENT ON COLUMN yoy.indicator IS 'Indicator code.';
COMMENT ON COLUMN yoy.year IS 'The later year.';
COMMENT ON COLUMN yoy.value IS 'Headline value of year.';
COMMENT ON COLUMN yoy.unit IS 'Canonical unit.';
COMMENT ON COLUMN yoy.prev_year IS 'The previous year with a headline value.';
COMMENT ON COLUMN yoy.prev_value IS 'Headline value of prev_year.';
COMMENT ON COLUMN yoy.change IS 'value - prev_value, in the unit (percentage points for rates).';
COMMENT ON COLUMN yoy.change_pct IS 'Relative change in percent; NULL when prev_value is 0.';
COMMENT ON COLUMN yoy.approx IS 'Either value is approximate.';
COMMENT ON COLUMN yoy.partial IS 'Either value is a sub-body''s figure.';
COMMENT ON COLUMN yoy.fact_id IS 'The fact of the later year.';

COMMENT ON VIEW review_queue IS 'Facts that need a human look, one row per fact with its reasons: extractor flags, approx_headline (an approximate headline value), unresolved_jurisdiction (a headline value of a report whose division is not settled). Corrected facts leave the queue.';
COMMENT ON COLUMN review_queue.fact_id IS 'The fact to look at.';
COMMENT ON COLUMN review_queue.report_id IS 'Its report.';
COMMENT ON COLUMN review_queue.jurisdiction_code IS 'Division code; empty when unresolved.';
COMMENT ON COLUMN review_queue.jurisdiction_name IS 'Name as written.';
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
COMMENT ON COLUMN review_queue.reasons IS 'Why it is in the queue: its flags, approx_headline, unresolved_jurisdiction.';
COMMENT ON COLUMN review_queue.ingested_at IS 'When its report was loaded; the queue is read oldest first.';

COMMENT ON VIEW indicator_wide IS 'One row per jurisdiction-year, one column per indicator code (quote it: "mediation.cases_accepted"), holding the headline value. Rebuilt whenever the catalog is loaded.';
COMMENT ON COLUMN indicator_wide.jurisdiction_code IS 'Division code; empty when unresolved.';
COMMENT ON COLUMN indicator_wide.jurisdiction_name IS 'Name as written.';
COMMENT ON COLUMN indicator_wide.jurisdiction_level IS 'Level as written.';
COMMENT ON COLUMN indicator_wide.year IS 'Year of the figures.';
COMMENT ON COLUMN indicator_wide.unresolved_report_id IS 'For an unresolved jurisdiction: its report (each is its own row); empty otherwise.';

COMMENT ON COLUMN headline.jurisdiction_key IS 'Grouping key: the division code, or report:<report_id> for an unresolved jurisdiction.';
COMMENT ON COLUMN headline.jurisdiction_code IS 'Division code; empty when the report''s jurisdiction is unresolved.';
COMMENT ON COLUMN headline.jurisdiction_name IS 'Name of the jurisdiction as written in the report.';
COMMENT ON COLUMN headline.jurisdiction_level IS 'Level as written: 街道 镇 乡 区 县 市.';
COMMENT ON COLUMN headline.year IS 'The year the figures belong to.';
COMMENT ON COLUMN headline.indicator IS 'Indicator code (indicators.code).';
COMMENT ON COLUMN headline.value IS 'The headline value, corrections applied.';
COMMENT ON COLUMN headline.unit IS 'Canonical unit.';
COMMENT ON COLUMN headline.approx IS 'Written as a bound or estimate (余 多 约 超 ...).';
COMMENT ON COLUMN headline.partial IS 'Only a sub-body''s figure was stated: the largest is shown.';
COMMENT ON COLUMN headline.scope IS 'Sub-body of a partial value; empty for the whole jurisdiction.';
COMMENT ON COLUMN headline.derived IS 'Computed by fazhi from two stated counts.';
COMMENT ON COLUMN headline.flags IS 'Data-quality findings of the fact.';
COMMENT ON COLUMN headline.corrected IS 'An analyst corrected, confirmed or added the fact.';
COMMENT ON COLUMN headline.fact_id IS 'The fact chosen (facts_corrected.fact_id).';
COMMENT ON COLUMN headline.report_id IS 'The report it came from.';
COMMENT ON COLUMN headline.quote IS 'The sentence that states it.';
COMMENT ON COLUMN headline.numerator IS 'For a rate: the count on top, when the report gives it.';
COMMENT ON COLUMN headline.denominator IS 'For a rate: the count below, when the report gives it.';
COMMENT ON COLUMN headline.basis IS 'For a rate: what numerator and denominator are.';
COMMENT ON COLUMN report_jurisdictions.report_id IS 'The report.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_key IS 'Grouping key: the division code, or report:<report_id> for an unresolved jurisdiction.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_code IS 'Division code; empty when the report''s jurisdiction is unresolved.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_name IS 'Name of the jurisdiction as written in the report.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_level IS 'Level as written: 街道 镇 乡 区 县 市.';
COMMENT ON COLUMN report_jurisdictions.year IS 'Year of the figures; NULL when unknown.';
