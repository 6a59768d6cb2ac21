-- fazhi warehouse, schema version 15: headline_stats is a view.
-- The table was kept fresh for the dashboards; they read their snapshot now,
-- which counts and ranks each indicator-year's values itself, so only SQL
-- readers used it, and every write paid for it: at 400,000 reports the
-- refresh after 1,500 reports added spent 1.1 s computing it and 0.3 s
-- finding which of its rows had changed. The five largest values and three
-- flagged examples are picked by fact id and made whole rows after (carrying
-- every row as a struct through the aggregates took 2.6 s at 400,000
-- reports, this 1.1 s).
DROP TABLE headline_stats;

CREATE VIEW headline_stats AS
WITH agg AS MATERIALIZED (
    SELECT indicator, year, count(*) AS value_count, count(*) FILTER (WHERE len(flags) > 0) AS flagged,
           coalesce(sum(value), 0) AS total, bool_or(approx) AS approx,
           max_by(fact_id, value, 5) AS largest_ids,
           coalesce(min_by(fact_id, fact_id, 3) FILTER (WHERE len(flags) > 0), []) AS example_ids
    FROM headline WHERE NOT conflict GROUP BY indicator, year),
ids AS (
    SELECT indicator AS ind, year AS yr, unnest(largest_ids) AS id, generate_subscripts(largest_ids, 1) AS at, true AS largest FROM agg
    UNION ALL
    SELECT indicator, year, unnest(example_ids), generate_subscripts(example_ids, 1), false FROM agg),
lists AS (
    SELECT i.ind AS indicator, i.yr AS year,
           list({'jurisdiction_key': jurisdiction_key, 'jurisdiction_code': jurisdiction_code,
            'jurisdiction_name': jurisdiction_name, 'value': value, 'unit': unit, 'approx': approx, 'partial': partial,
            'scope': scope, 'derived': derived, 'corrected': corrected, 'flags': flags, 'fact_id': fact_id,
            'report_id': report_id, 'quote': quote} ORDER BY i.at) FILTER (WHERE i.largest) AS largest,
           list({'jurisdiction_key': jurisdiction_key, 'jurisdiction_code': jurisdiction_code,
            'jurisdiction_name': jurisdiction_name, 'value': value, 'unit': unit, 'approx': approx, 'partial': partial,
            'scope': scope, 'derived': derived, 'corrected': corrected, 'flags': flags, 'fact_id': fact_id,
            'report_id': report_id, 'quote': quote} ORDER BY i.at) FILTER (WHERE NOT i.largest) AS flagged_examples
    FROM headline JOIN ids i ON fact_id = i.id AND indicator = i.ind AND year = i.yr
    WHERE NOT conflict
    GROUP BY i.ind, i.yr)
SELECT a.indicator, a.year, a.value_count, a.flagged, a.total, a.approx,
       coalesce(l.largest, []) AS largest, coalesce(l.flagged_examples, []) AS flagged_examples
FROM agg a LEFT JOIN lists l USING (indicator, year)
ORDER BY a.indicator, a.year;

-- The table's comments went with it.
COMMENT ON VIEW headline_stats IS 'One row per indicator and year that has headline values: how many, their sum and the largest, computed from headline when read (about a second at 400,000 reports). Sorted by indicator, year.';
COMMENT ON COLUMN headline_stats.indicator IS 'Indicator code (indicators.code).';
COMMENT ON COLUMN headline_stats.year IS 'The year the figures belong to.';
COMMENT ON COLUMN headline_stats.value_count IS 'Number of headline values (jurisdictions with a value that year).';
COMMENT ON COLUMN headline_stats.flagged IS 'How many of them carry at least one data-quality flag.';
COMMENT ON COLUMN headline_stats.total IS 'Sum of the headline values (meaningful for counts and amounts, not rates).';
COMMENT ON COLUMN headline_stats.approx IS 'At least one summed value is approximate (a bound or estimate).';
COMMENT ON COLUMN headline_stats.largest IS 'The five largest headline values with their provenance (the headline columns), largest first.';
COMMENT ON COLUMN headline_stats.flagged_examples IS 'The first three flagged headline values by fact_id, with their provenance (the headline columns).';
