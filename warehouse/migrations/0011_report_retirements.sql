-- fazhi warehouse, schema version 11: retiring a report; a fact a person
-- corrected or confirmed loses the extractor's flags in facts_corrected (and
-- so its badges, the overview's warning counts and the headline's flags:
-- the person looked), facts.flags keeps them.
-- A person with the admin role can retire a report (a draft, a wrong file):
-- it leaves every page and every view (report_jurisdictions has no row for
-- it, so headline_facts, coverage, review_queue, yoy and indicator_wide
-- lose it, and facts_corrected leaves its facts out), and can be restored.
-- Nothing is deleted: the report stays in reports, its facts in facts, and
-- every retirement and restoration is a row here.
CREATE SEQUENCE report_retirement_ids START 1;
CREATE TABLE report_retirements (
    retirement_id BIGINT PRIMARY KEY,
    report_id     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    retired       BOOLEAN NOT NULL,
    author        VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    "at"          TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE report_retirements IS 'Retirements and restorations of reports, never deleted: the latest per report says whether it is retired (retired_reports).';
COMMENT ON COLUMN report_retirements.retirement_id IS 'Increasing id; with "at" it orders the history.';
COMMENT ON COLUMN report_retirements.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN report_retirements.sha256 IS 'The report''s content hash.';
COMMENT ON COLUMN report_retirements.source IS 'The report''s source (file path or URL).';
COMMENT ON COLUMN report_retirements.retired IS 'true: retired; false: restored.';
COMMENT ON COLUMN report_retirements.author IS 'Who retired or restored it.';
COMMENT ON COLUMN report_retirements.reason IS 'Why, in the person''s words.';
COMMENT ON COLUMN report_retirements."at" IS 'When.';

CREATE VIEW retired_reports AS
SELECT report_id, author, reason, "at" AS retired_at
FROM (SELECT *, row_number() OVER (PARTITION BY report_id ORDER BY "at" DESC, retirement_id DESC) AS n FROM report_retirements)
WHERE n = 1 AND retired;
COMMENT ON VIEW retired_reports IS 'The reports retired now: left out of every other view; still in reports and facts.';
COMMENT ON COLUMN retired_reports.report_id IS 'The retired report.';
COMMENT ON COLUMN retired_reports.author IS 'Who retired it.';
COMMENT ON COLUMN retired_reports.reason IS 'Why.';
COMMENT ON COLUMN retired_reports.retired_at IS 'When.';

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
       f.derived, CASE WHEN l.correction_id IS NULL THEN f.flags ELSE []::VARCHAR[] END AS flags,
       l.correction_id IS NOT NULL AS corrected,
       f.added, f.value AS extracted_value, f.numerator, f.denominator, f.basis,
       CASE WHEN l.value IS NULL THEN f.approx_kind ELSE '' END AS approx_kind,
       f.confidence
FROM all_facts f LEFT JOIN latest l USING (fact_id)
WHERE l.action IS DISTINCT FROM 'reject'
  AND f.report_id NOT IN (SELECT report_id FROM retired_reports);


-- CREATE OR REPLACE VIEW drops the comments.
COMMENT ON VIEW facts_corrected IS 'facts with analysts'' corrections applied: rejected facts left out, set values used, added facts included; the facts of retired reports left out.';
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
COMMENT ON COLUMN facts_corrected.flags IS 'Data-quality findings of the extractor; empty once a person corrected or confirmed the fact (facts.flags keeps them).';
COMMENT ON COLUMN facts_corrected.corrected IS 'An analyst corrected, confirmed or added this fact (see corrections).';
COMMENT ON COLUMN facts_corrected.added IS 'The fact was added by an analyst, not extracted.';
COMMENT ON COLUMN facts_corrected.extracted_value IS 'The value before corrections (for an added fact: the value added).';
COMMENT ON COLUMN facts_corrected.numerator IS 'For a rate: the count on top, when the report gives it.';
COMMENT ON COLUMN facts_corrected.denominator IS 'For a rate: the count below, when the report gives it.';
COMMENT ON COLUMN facts_corrected.basis IS 'For a rate: what numerator and denominator are.';
COMMENT ON COLUMN facts_corrected.approx_kind IS 'How the value is approximate: at_least, about, at_most; empty when exact or set by an analyst.';
COMMENT ON COLUMN facts_corrected.confidence IS 'The extractor''s confidence in the reading (facts.confidence); 1 for a fact a person added. A correction makes a fact count whatever its confidence.';

-- The headline values of the jurisdiction-years with corrected facts carry
-- the flags of before: refreshed when the warehouse is opened (FinishBulk).
INSERT INTO headline_pending
SELECT DISTINCT r.jurisdiction_key, r.year FROM report_jurisdictions r
WHERE r.report_id IN (SELECT report_id FROM corrections WHERE report_id IS NOT NULL);
