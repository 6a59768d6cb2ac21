-- fazhi warehouse, schema version 7: a person can set a report's
-- jurisdiction and year, and choose which of two reports for one
-- jurisdiction-year counts; two reports for one jurisdiction-year are both
-- kept, and where they disagree the headline shows a conflict, not one of them.
-- reports keeps what was extracted; report_jurisdictions is what counts.

CREATE SEQUENCE report_correction_ids START 1;
CREATE TABLE report_corrections (
    correction_id      BIGINT PRIMARY KEY,
    report_id          VARCHAR NOT NULL,
    sha256             VARCHAR NOT NULL,
    source             VARCHAR NOT NULL,
    action             VARCHAR NOT NULL CHECK (action IN ('jurisdiction', 'year', 'counts')),
    jurisdiction_code  VARCHAR,
    jurisdiction_name  VARCHAR,
    jurisdiction_level VARCHAR,
    year               INTEGER,
    author             VARCHAR NOT NULL,
    reason             VARCHAR NOT NULL,
    "at"               TIMESTAMPTZ NOT NULL,
    carried_from       BIGINT
);
COMMENT ON TABLE report_corrections IS 'People''s corrections of reports, never deleted: the latest jurisdiction and the latest year per report win (report_jurisdictions), the latest choice per jurisdiction-year says which report counts; history is kept.';
COMMENT ON COLUMN report_corrections.correction_id IS 'Increasing id; with "at" it orders the history.';
COMMENT ON COLUMN report_corrections.report_id IS 'The report corrected (reports.report_id).';
COMMENT ON COLUMN report_corrections.sha256 IS 'The report''s content hash when corrected.';
COMMENT ON COLUMN report_corrections.source IS 'The report''s source (file path or URL) when corrected.';
COMMENT ON COLUMN report_corrections.action IS 'jurisdiction (set its division), year (set its year), counts (of the reports for one jurisdiction-year, this one counts).';
COMMENT ON COLUMN report_corrections.jurisdiction_code IS 'For jurisdiction: the division code set, NULL to declare the jurisdiction unresolved. For counts: the jurisdiction the choice was made for.';
COMMENT ON COLUMN report_corrections.jurisdiction_name IS 'For jurisdiction: the official name of the division set (jurisdictions.name).';
COMMENT ON COLUMN report_corrections.jurisdiction_level IS 'For jurisdiction: the level word of the division set (街道 镇 乡 区 县 市 旗 ...).';
COMMENT ON COLUMN report_corrections.year IS 'For year: the year set. For counts: the year the choice was made for.';
COMMENT ON COLUMN report_corrections.author IS 'Who made the correction.';
COMMENT ON COLUMN report_corrections.reason IS 'Why, in the person''s words.';
COMMENT ON COLUMN report_corrections."at" IS 'When the correction was made.';
COMMENT ON COLUMN report_corrections.carried_from IS 'Set when a changed file replaced the report''s old version: the correction of the old version this row carries over.';

-- Every report's jurisdiction and year as they count: the latest correction,
-- else what was extracted; and whether its facts count for its
-- jurisdiction-year. A choice (action counts) stands while the chosen report
-- is still about that jurisdiction-year and no other report joined it later.
-- It was a view; computed on every read it cost 0.25 s at 400,000 reports
-- (its windows sort every report), so it is a table now, kept up to date
-- like headline: Load and the corrections recompute the rows of the reports
-- they touch and of the jurisdiction-years those leave and join
-- (warehouse.placementSelect is this query; keep the two alike).
DROP VIEW report_jurisdictions;
CREATE TABLE report_jurisdictions AS
WITH latest AS (
    SELECT * FROM report_corrections WHERE action IN ('jurisdiction', 'year')
    QUALIFY row_number() OVER (PARTITION BY report_id, action ORDER BY "at" DESC, correction_id DESC) = 1
),
effective AS (
    SELECT r.report_id,
           CASE WHEN j.report_id IS NULL THEN r.jurisdiction_code ELSE j.jurisdiction_code END AS code,
           CASE WHEN j.jurisdiction_code IS NULL THEN r.jurisdiction_name ELSE j.jurisdiction_name END AS name,
           CASE WHEN j.jurisdiction_code IS NULL THEN r.jurisdiction_level ELSE j.jurisdiction_level END AS level,
           coalesce(y.year, r.year) AS year,
           j.report_id IS NOT NULL AS jurisdiction_corrected, y.report_id IS NOT NULL AS year_corrected,
           coalesce(r.jurisdiction_code, '') AS extracted_jurisdiction_code, r.year AS extracted_year,
           greatest(r.ingested_at, coalesce(j."at", r.ingested_at), coalesce(y."at", r.ingested_at)) AS placed_at
    FROM reports r
    LEFT JOIN latest j ON j.report_id = r.report_id AND j.action = 'jurisdiction'
    LEFT JOIN latest y ON y.report_id = r.report_id AND y.action = 'year'
),
choice AS (
    SELECT c.jurisdiction_code, c.year, c.report_id, c."at"
    FROM report_corrections c JOIN effective e ON e.report_id = c.report_id AND e.code = c.jurisdiction_code AND e.year = c.year
    WHERE c.action = 'counts'
    QUALIFY row_number() OVER (PARTITION BY c.jurisdiction_code, c.year ORDER BY c."at" DESC, c.correction_id DESC) = 1
),
grouped AS (
    SELECT e.*, count(*) OVER w - 1 AS others, ch.report_id AS chosen_id, ch."at" AS chosen_at,
           max(e.placed_at) FILTER (WHERE e.report_id IS DISTINCT FROM ch.report_id) OVER w AS others_placed_at
    FROM effective e LEFT JOIN choice ch ON ch.jurisdiction_code = e.code AND ch.year = e.year
    WINDOW w AS (PARTITION BY e.code, e.year)
),
judged AS (
    SELECT *, CASE WHEN code IS NULL OR year IS NULL THEN 0 ELSE others END AS duplicates,
           code IS NOT NULL AND year IS NOT NULL AND others > 0 AND chosen_id IS NOT NULL
               AND chosen_at >= coalesce(others_placed_at, chosen_at) AS decided
    FROM grouped
)
SELECT report_id, coalesce(code, 'report:' || report_id) AS jurisdiction_key,
       coalesce(code, '') AS jurisdiction_code, name AS jurisdiction_name, level AS jurisdiction_level, year,
       NOT decided OR chosen_id = report_id AS counts,
       decided AND chosen_id = report_id AS chosen,
       duplicates::INTEGER AS duplicates,
       jurisdiction_corrected, year_corrected, extracted_jurisdiction_code, extracted_year
FROM judged ORDER BY report_id;
CREATE INDEX report_jurisdictions_report_id ON report_jurisdictions (report_id);

-- One value per jurisdiction, year and indicator (INDICATORS.md, "Headline
-- value per report"), from the facts of the reports that count: the
-- jurisdiction-wide fact when there is one, otherwise the largest scoped fact
-- (partial); among several jurisdiction-wide facts stated before derived, a
-- fact an analyst added before the extractor's, then for counts and amounts
-- the largest, for rates the first mentioned. When several reports count for
-- one jurisdiction-year (duplicates nobody has chosen between yet: "shared"),
-- each report's own headline value is taken; where they disagree the row is
-- a conflict: no value, the competing values listed. Almost every report is
-- alone in its jurisdiction-year and takes the short way (alone); the few
-- shared ones are read apart (a common CTE for both doubled the cost).
CREATE OR REPLACE VIEW headline_facts AS
WITH alone AS (
    SELECT r.jurisdiction_key, r.jurisdiction_code, r.jurisdiction_name, r.jurisdiction_level, r.year,
           f.indicator, f.value, f.unit, f.approx, f.scope <> '' AS partial, f.scope, f.derived, f.flags,
           f.corrected, f.fact_id, f.report_id, f.quote, f.numerator, f.denominator, f.basis, f.approx_kind
    FROM facts_corrected f
    JOIN report_jurisdictions r USING (report_id)
    JOIN indicators i ON i.code = f.indicator
    WHERE r.year IS NOT NULL AND r.counts AND NOT (r.duplicates > 0 AND NOT r.chosen)
    QUALIFY row_number() OVER (
        PARTITION BY r.jurisdiction_key, r.year, f.indicator
        ORDER BY f.scope <> '', f.derived, NOT f.added, CASE WHEN i.kind = 'rate' THEN 0 ELSE -f.value END, f.start, f.fact_id
    ) = 1
),
per_report AS (
    SELECT r.jurisdiction_key, r.jurisdiction_code, r.jurisdiction_name, r.jurisdiction_level, r.year,
           f.indicator, f.value, f.unit, f.approx, f.scope <> '' AS partial, f.scope, f.derived, f.flags,
           f.corrected, f.fact_id, f.report_id, f.quote, f.numerator, f.denominator, f.basis, f.approx_kind,
           f.added, f.start, i.kind
    FROM facts_corrected f
    JOIN (SELECT * FROM report_jurisdictions WHERE duplicates > 0 AND NOT chosen AND counts AND year IS NOT NULL) r USING (report_id)
    JOIN indicators i ON i.code = f.indicator
    QUALIFY row_number() OVER (
        PARTITION BY r.jurisdiction_key, r.year, f.indicator, f.report_id
        ORDER BY f.scope <> '', f.derived, NOT f.added, CASE WHEN i.kind = 'rate' THEN 0 ELSE -f.value END, f.start, f.fact_id
    ) = 1
),
judged AS (
    SELECT *, count(DISTINCT value) OVER (PARTITION BY jurisdiction_key, year, indicator) > 1 AS conflict,
           row_number() OVER (
               PARTITION BY jurisdiction_key, year, indicator
               ORDER BY partial, derived, NOT added, CASE WHEN kind = 'rate' THEN 0 ELSE -value END, start, fact_id
           ) AS pick
    FROM per_report
)
SELECT *, false AS conflict, NULL::DOUBLE[] AS conflict_values, NULL::VARCHAR[] AS conflict_fact_ids,
       NULL::VARCHAR[] AS conflict_report_ids
FROM alone
UNION ALL
SELECT jurisdiction_key, jurisdiction_code, jurisdiction_name, jurisdiction_level, year, indicator, value, unit,
       approx, partial, scope, derived, flags, corrected, fact_id, report_id, quote, numerator, denominator, basis,
       approx_kind, false, NULL, NULL, NULL
FROM judged WHERE NOT conflict AND pick = 1
UNION ALL
SELECT jurisdiction_key, any_value(jurisdiction_code), min(jurisdiction_name), min(jurisdiction_level), year, indicator,
       NULL::DOUBLE, any_value(unit), false, false, '', false, []::VARCHAR[], false, NULL::VARCHAR, NULL::VARCHAR,
       NULL::VARCHAR, NULL::DOUBLE, NULL::DOUBLE, '', '', true,
       list(value ORDER BY report_id), list(fact_id ORDER BY report_id), list(report_id ORDER BY report_id)
FROM judged WHERE conflict
GROUP BY jurisdiction_key, year, indicator;

ALTER TABLE headline ADD COLUMN conflict BOOLEAN;
ALTER TABLE headline ADD COLUMN conflict_values DOUBLE[];
ALTER TABLE headline ADD COLUMN conflict_fact_ids VARCHAR[];
ALTER TABLE headline ADD COLUMN conflict_report_ids VARCHAR[];
DELETE FROM headline;
INSERT INTO headline BY NAME SELECT * FROM headline_facts ORDER BY indicator, year, value DESC;

-- Summaries of the headline leave conflicts out: they have no value.
DELETE FROM headline_stats;
INSERT INTO headline_stats
SELECT indicator, year, count(*), count(*) FILTER (WHERE len(flags) > 0), coalesce(sum(value), 0), bool_or(approx),
       max_by({'jurisdiction_key': jurisdiction_key, 'jurisdiction_code': jurisdiction_code, 'jurisdiction_name': jurisdiction_name,
        'value': value, 'unit': unit, 'approx': approx, 'partial': partial, 'scope': scope, 'derived': derived,
        'corrected': corrected, 'flags': flags, 'fact_id': fact_id, 'report_id': report_id, 'quote': quote}, value, 5),
       coalesce((list({'jurisdiction_key': jurisdiction_key, 'jurisdiction_code': jurisdiction_code, 'jurisdiction_name': jurisdiction_name,
        'value': value, 'unit': unit, 'approx': approx, 'partial': partial, 'scope': scope, 'derived': derived,
        'corrected': corrected, 'flags': flags, 'fact_id': fact_id, 'report_id': report_id, 'quote': quote} ORDER BY fact_id) FILTER (WHERE len(flags) > 0))[1:3], [])
FROM headline WHERE NOT conflict GROUP BY indicator, year ORDER BY indicator, year;

-- How informative each report is, about its jurisdiction and year as they count.
CREATE OR REPLACE VIEW coverage AS
WITH stated AS (
    SELECT report_id, list(DISTINCT indicator ORDER BY indicator) AS indicators,
           count(DISTINCT indicator) AS indicators_stated,
           count(DISTINCT split_part(indicator, '.', 1)) AS categories_stated,
           count(*) AS facts
    FROM facts_corrected GROUP BY report_id
)
SELECT r.report_id, r.jurisdiction_code, r.jurisdiction_name, r.jurisdiction_level, r.year,
       coalesce(s.indicators_stated, 0) AS indicators_stated,
       (SELECT count(*) FROM indicators) AS indicators_total,
       round(100.0 * coalesce(s.indicators_stated, 0) / nullif((SELECT count(*) FROM indicators), 0), 1) AS share,
       coalesce(s.categories_stated, 0) AS categories_stated,
       coalesce(s.facts, 0) AS facts,
       coalesce(s.indicators, []::VARCHAR[]) AS indicators
FROM report_jurisdictions r LEFT JOIN stated s USING (report_id);

-- Year-over-year change of the headline values of resolved jurisdictions
-- (conflicts have no value: the previous year with a value is taken).
CREATE OR REPLACE VIEW yoy AS
WITH h AS (
    SELECT *, lag(year) OVER w AS prev_year, lag(value) OVER w AS prev_value,
           lag(approx) OVER w AS prev_approx, lag(partial) OVER w AS prev_partial
    FROM headline
    WHERE jurisdiction_code <> '' AND NOT conflict
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
-- Reports whose jurisdiction or year need a person, and duplicate reports,
-- are listed once per report (GET /api/review), not once per fact.
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
       f.approx, f.scope, f.quote, f.start, f."end", f.flags, g.reasons, rep.ingested_at
FROM grouped g
JOIN facts_corrected f USING (fact_id)
JOIN report_jurisdictions r ON r.report_id = f.report_id
JOIN reports rep ON rep.report_id = f.report_id;

-- CREATE OR REPLACE VIEW drops the comments: every view's again.
COMMENT ON TABLE report_jurisdictions IS 'One row per report: its jurisdiction and year as they count (a person''s latest correction, else what was extracted; reports keeps the extracted ones), its grouping key, and whether its facts count for its jurisdiction-year. Kept up to date by every load and correction.';
COMMENT ON COLUMN report_jurisdictions.report_id IS 'The report.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_key IS 'Grouping key: the division code, or report:<report_id> for an unresolved jurisdiction.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_code IS 'Division code as it counts; empty when the jurisdiction is unresolved.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_name IS 'Name of the jurisdiction: as written in the report, or the official name when a person set the division.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_level IS 'Level word: 街道 镇 乡 区 县 市 旗 ...';
COMMENT ON COLUMN report_jurisdictions.year IS 'Year of the figures as it counts; NULL when unknown.';
COMMENT ON COLUMN report_jurisdictions.counts IS 'Its facts count for its jurisdiction-year. False only for a report a person did not choose among several for one jurisdiction-year.';
COMMENT ON COLUMN report_jurisdictions.chosen IS 'A person chose this report among several for its jurisdiction-year, and the choice stands.';
COMMENT ON COLUMN report_jurisdictions.duplicates IS 'How many other reports are about the same (resolved) jurisdiction and year. With duplicates > 0 and no report chosen, the values they disagree on are conflicts in headline_facts.';
COMMENT ON COLUMN report_jurisdictions.jurisdiction_corrected IS 'A person set the jurisdiction (report_corrections).';
COMMENT ON COLUMN report_jurisdictions.year_corrected IS 'A person set the year (report_corrections).';
COMMENT ON COLUMN report_jurisdictions.extracted_jurisdiction_code IS 'The division code read from the report (reports.jurisdiction_code); empty when unresolved.';
COMMENT ON COLUMN report_jurisdictions.extracted_year IS 'The year read from the report (reports.year).';

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

COMMENT ON COLUMN headline.value IS 'The headline value, corrections applied; NULL for a conflict.';
COMMENT ON COLUMN headline.fact_id IS 'The fact chosen (facts_corrected.fact_id); NULL for a conflict.';
COMMENT ON COLUMN headline.report_id IS 'The report it came from; NULL for a conflict.';
COMMENT ON COLUMN headline.quote IS 'The sentence that states it; NULL for a conflict.';
COMMENT ON COLUMN headline.conflict IS 'Several reports count for this jurisdiction-year and their values differ: no headline value until a person chooses which report counts.';
COMMENT ON COLUMN headline.conflict_values IS 'For a conflict: each report''s own headline value, in the order of conflict_report_ids.';
COMMENT ON COLUMN headline.conflict_fact_ids IS 'For a conflict: the facts behind conflict_values.';
COMMENT ON COLUMN headline.conflict_report_ids IS 'For a conflict: the reports that disagree, by report_id.';

COMMENT ON VIEW coverage IS 'One row per report: which catalog indicators it states, i.e. how informative it is.';
COMMENT ON COLUMN coverage.report_id IS 'The report.';
COMMENT ON COLUMN coverage.jurisdiction_code IS 'Division code as it counts; empty when unresolved.';
COMMENT ON COLUMN coverage.jurisdiction_name IS 'Name of the jurisdiction (report_jurisdictions).';
COMMENT ON COLUMN coverage.jurisdiction_level IS 'Level word.';
COMMENT ON COLUMN coverage.year IS 'Year of the figures; NULL when unknown.';
COMMENT ON COLUMN coverage.indicators_stated IS 'Distinct indicators with at least one fact (corrections applied).';
COMMENT ON COLUMN coverage.indicators_total IS 'Size of the catalog.';
COMMENT ON COLUMN coverage.share IS 'indicators_stated as a percentage of indicators_total.';
COMMENT ON COLUMN coverage.categories_stated IS 'Distinct categories (mediation, litigation ...) with at least one fact.';
COMMENT ON COLUMN coverage.facts IS 'Number of facts (corrections applied).';
COMMENT ON COLUMN coverage.indicators IS 'The indicator codes stated, sorted.';

COMMENT ON VIEW yoy IS 'Year-over-year change of headline values per resolved jurisdiction and indicator, against the previous year that has a value (prev_year; check year - prev_year = 1 for strict neighbours). Conflicts are skipped.';
COMMENT ON COLUMN yoy.jurisdiction_code IS 'Division code (unresolved jurisdictions are left out).';
COMMENT ON COLUMN yoy.jurisdiction_name IS 'Name of the jurisdiction in the later year.';
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
