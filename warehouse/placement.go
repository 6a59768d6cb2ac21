package warehouse

import (
	"context"
	"database/sql"
	"fmt"
)

// placementSelect computes report_jurisdictions: every report's
// jurisdiction and year as they count (the latest correction of each,
// else what was extracted), its grouping key, how many other reports share
// its jurisdiction-year, and whether its facts count for it. Of several
// reports for one jurisdiction-year, all count until a person chooses one
// (action counts); the choice stands while the chosen report is still about
// that jurisdiction-year and no other report joined it later (loaded, or
// moved there by a correction): a newcomer opens the question again.
// %[1]s is the set of reports read (a subquery of report_ids); their
// jurisdiction-years must be whole (refreshPlacements sees to it). Migration 0007 fills
// the table with the same query. A retired report (retired_reports) has no
// row: it leaves every view built on this table.
const placementSelect = `
WITH latest AS (
    SELECT * FROM report_corrections WHERE action IN ('jurisdiction', 'year') AND report_id IN %[1]s
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
    WHERE r.report_id IN %[1]s AND r.report_id NOT IN (SELECT report_id FROM retired_reports)
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
FROM judged`

// refreshPlacements recomputes, inside the caller's transaction, the rows
// of report_jurisdictions of the reports listed in the temp table
// touched_reports (loaded, replaced, corrected; a report that is gone loses
// its row) and of every report in the jurisdiction-years they leave or
// join. It adds the (jurisdiction_key, year) pairs whose headline values
// may change to touched_keys (created if need be), before and after.
func refreshPlacements(ctx context.Context, conn *sql.Conn) error {
	for _, q := range []string{
		`CREATE TEMP TABLE IF NOT EXISTS touched_keys (jurisdiction_key VARCHAR, year INTEGER)`,
		// The jurisdiction-years the touched reports leave (their rows as
		// they are) and join (as placementSelect will place them).
		`CREATE OR REPLACE TEMP TABLE touched_groups AS
		 SELECT jurisdiction_code, year FROM report_jurisdictions
		 WHERE report_id IN (SELECT report_id FROM touched_reports) AND jurisdiction_code <> '' AND year IS NOT NULL
		 UNION
		 SELECT jurisdiction_code, year FROM (` + fmt.Sprintf(placementSelect, "(SELECT report_id FROM touched_reports)") + `)
		 WHERE jurisdiction_code <> '' AND year IS NOT NULL`,
		`CREATE OR REPLACE TEMP TABLE placed_reports AS
		 SELECT report_id FROM touched_reports
		 UNION
		 SELECT report_id FROM report_jurisdictions WHERE (jurisdiction_code, year) IN (SELECT (jurisdiction_code, year) FROM touched_groups)`,
		`INSERT INTO touched_keys SELECT jurisdiction_key, year FROM report_jurisdictions
		 WHERE report_id IN (SELECT report_id FROM placed_reports)`,
		`DELETE FROM report_jurisdictions WHERE report_id IN (SELECT report_id FROM placed_reports)`,
		`INSERT INTO report_jurisdictions ` + fmt.Sprintf(placementSelect, "(SELECT report_id FROM placed_reports)"),
		`INSERT INTO touched_keys SELECT jurisdiction_key, year FROM report_jurisdictions
		 WHERE report_id IN (SELECT report_id FROM placed_reports)`,
		`DROP TABLE touched_groups`,
		`DROP TABLE placed_reports`,
		`DROP TABLE touched_reports`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("refresh report jurisdictions: %.60s: %w", q, err)
		}
	}
	return nil
}

// rebuildPlacements recomputes the whole of report_jurisdictions.
func rebuildPlacements(ctx context.Context, conn *sql.Conn) error {
	for _, q := range []string{
		`DELETE FROM report_jurisdictions`,
		`INSERT INTO report_jurisdictions ` + fmt.Sprintf(placementSelect, "(SELECT report_id FROM reports)") + ` ORDER BY report_id`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild report jurisdictions: %w", err)
		}
	}
	return nil
}
