-- fazhi warehouse, schema version 3: small summary tables for the dashboards.
-- The pages used to count and group the headline and reports tables on every
-- request; these tables hold those aggregates, a few hundred to a few tens of
-- thousands of rows. Load and Correct refresh them in their transaction
-- (refreshHeadline), RebuildHeadline recomputes them whole.

CREATE TABLE headline_stats (
    indicator   VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    value_count BIGINT NOT NULL,
    flagged     BIGINT NOT NULL,
    total       DOUBLE NOT NULL,
    approx      BOOLEAN NOT NULL,
    largest     STRUCT(jurisdiction_key VARCHAR, jurisdiction_code VARCHAR, jurisdiction_name VARCHAR, "value" DOUBLE,
                       unit VARCHAR, approx BOOLEAN, partial BOOLEAN, scope VARCHAR, derived BOOLEAN, corrected BOOLEAN,
                       flags VARCHAR[], fact_id VARCHAR, report_id VARCHAR, quote VARCHAR)[] NOT NULL,
    flagged_examples STRUCT(jurisdiction_key VARCHAR, jurisdiction_code VARCHAR, jurisdiction_name VARCHAR, "value" DOUBLE,
                       unit VARCHAR, approx BOOLEAN, partial BOOLEAN, scope VARCHAR, derived BOOLEAN, corrected BOOLEAN,
                       flags VARCHAR[], fact_id VARCHAR, report_id VARCHAR, quote VARCHAR)[] NOT NULL
);
COMMENT ON TABLE headline_stats IS 'One row per indicator and year that has headline values: how many, their sum and the largest, precomputed from headline for the dashboards. Sorted by indicator, year.';
COMMENT ON COLUMN headline_stats.indicator IS 'Indicator code (indicators.code).';
COMMENT ON COLUMN headline_stats.year IS 'The year the figures belong to.';
COMMENT ON COLUMN headline_stats.value_count IS 'Number of headline values (jurisdictions with a value that year).';
COMMENT ON COLUMN headline_stats.flagged IS 'How many of them carry at least one data-quality flag.';
COMMENT ON COLUMN headline_stats.total IS 'Sum of the headline values (meaningful for counts and amounts, not rates).';
COMMENT ON COLUMN headline_stats.approx IS 'At least one summed value is approximate (a bound or estimate).';
COMMENT ON COLUMN headline_stats.largest IS 'The five largest headline values with their provenance (the headline columns), largest first.';
COMMENT ON COLUMN headline_stats.flagged_examples IS 'The first three flagged headline values by fact_id, with their provenance (the headline columns).';

CREATE TABLE report_years (
    year       INTEGER,
    reports    BIGINT NOT NULL,
    unresolved BIGINT NOT NULL
);
COMMENT ON TABLE report_years IS 'Reports counted per year, precomputed from reports for the dashboards.';
COMMENT ON COLUMN report_years.year IS 'The year the figures belong to; NULL counts the reports whose year is unknown.';
COMMENT ON COLUMN report_years.reports IS 'Number of reports of that year.';
COMMENT ON COLUMN report_years.unresolved IS 'How many of them have no settled division (reports.jurisdiction_code IS NULL).';

CREATE TABLE report_divisions (
    jurisdiction_code  VARCHAR NOT NULL,
    reports            BIGINT NOT NULL,
    latest_report_id   VARCHAR NOT NULL,
    latest_ingested_at TIMESTAMPTZ NOT NULL,
    latest_title       VARCHAR NOT NULL,
    latest_name        VARCHAR NOT NULL,
    latest_year        INTEGER
);
COMMENT ON TABLE report_divisions IS 'One row per division that reports are about (resolved jurisdictions only), all years together, precomputed from reports for the coverage and peer-group selectors.';
COMMENT ON COLUMN report_divisions.jurisdiction_code IS 'Official division code (reports.jurisdiction_code).';
COMMENT ON COLUMN report_divisions.reports IS 'Number of reports about it.';
COMMENT ON COLUMN report_divisions.latest_report_id IS 'Its most recently ingested report.';
COMMENT ON COLUMN report_divisions.latest_ingested_at IS 'When that report was ingested.';
COMMENT ON COLUMN report_divisions.latest_title IS 'Its title.';
COMMENT ON COLUMN report_divisions.latest_name IS 'Its jurisdiction name as written.';
COMMENT ON COLUMN report_divisions.latest_year IS 'Its year; NULL when unknown.';

CREATE TABLE report_latest (
    report_id         VARCHAR NOT NULL,
    title             VARCHAR NOT NULL,
    jurisdiction_name VARCHAR NOT NULL,
    year              INTEGER,
    ingested_at       TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE report_latest IS 'The ten most recently ingested reports (the overview''s list), precomputed from reports.';
COMMENT ON COLUMN report_latest.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN report_latest.title IS 'Its title.';
COMMENT ON COLUMN report_latest.jurisdiction_name IS 'Its jurisdiction name as written.';
COMMENT ON COLUMN report_latest.year IS 'Its year; NULL when unknown.';
COMMENT ON COLUMN report_latest.ingested_at IS 'When it was ingested.';

INSERT INTO headline_stats
SELECT indicator, year, count(*), count(*) FILTER (WHERE len(flags) > 0), coalesce(sum(value), 0), bool_or(approx),
       max_by({'jurisdiction_key': jurisdiction_key, 'jurisdiction_code': jurisdiction_code, 'jurisdiction_name': jurisdiction_name,
        'value': value, 'unit': unit, 'approx': approx, 'partial': partial, 'scope': scope, 'derived': derived,
        'corrected': corrected, 'flags': flags, 'fact_id': fact_id, 'report_id': report_id, 'quote': quote}, value, 5),
       coalesce((list({'jurisdiction_key': jurisdiction_key, 'jurisdiction_code': jurisdiction_code, 'jurisdiction_name': jurisdiction_name,
        'value': value, 'unit': unit, 'approx': approx, 'partial': partial, 'scope': scope, 'derived': derived,
        'corrected': corrected, 'flags': flags, 'fact_id': fact_id, 'report_id': report_id, 'quote': quote} ORDER BY fact_id) FILTER (WHERE len(flags) > 0))[1:3], [])
FROM headline GROUP BY indicator, year ORDER BY indicator, year;

INSERT INTO report_years
SELECT year, count(*), count(*) FILTER (WHERE jurisdiction_code IS NULL) FROM reports GROUP BY year ORDER BY year;

INSERT INTO report_divisions
SELECT jurisdiction_code, n, l.report_id, l.ingested_at, l.title, l.jurisdiction_name, l.year
FROM (SELECT jurisdiction_code, count(*) AS n,
             arg_max({'report_id': report_id, 'ingested_at': ingested_at, 'title': title,
                      'jurisdiction_name': jurisdiction_name, 'year': year}, (ingested_at, report_id)) AS l
      FROM reports WHERE jurisdiction_code IS NOT NULL GROUP BY jurisdiction_code)
ORDER BY jurisdiction_code;

INSERT INTO report_latest
SELECT report_id, title, jurisdiction_name, year, ingested_at FROM reports ORDER BY ingested_at DESC, report_id LIMIT 10;
