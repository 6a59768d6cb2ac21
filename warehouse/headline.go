package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// refreshHeadline recomputes the headline rows of the jurisdiction-years
// listed in the temp table touched_keys (jurisdiction_key, year), and the
// summary rows that depend on them, inside the caller's transaction on
// conn, and notes them for the dashboards' snapshot (a patch of those
// jurisdiction-years instead of a rebuild). Rows it adds go to the end of
// the table.
func (db *DB) refreshHeadline(ctx context.Context, conn *sql.Conn) error {
	// The dashboards' next snapshot patches these jurisdiction-years only.
	keys, err := readKeys(ctx, conn)
	if err != nil {
		return fmt.Errorf("refresh headline: %w", err)
	}
	db.note.keys, db.note.noted = append(db.note.keys, keys...), true
	for _, q := range []string{
		// The indicator-years whose summary changes: those of the rows
		// removed here and of the rows that replace them.
		`CREATE OR REPLACE TEMP TABLE touched_stats AS
		 SELECT DISTINCT indicator, year FROM headline
		 WHERE (jurisdiction_key, year) IN (SELECT (jurisdiction_key, year) FROM touched_keys)`,
		`DELETE FROM headline WHERE (jurisdiction_key, year) IN (SELECT (jurisdiction_key, year) FROM touched_keys)`,
		// The filter goes below the view's windows (headlineSelect): only
		// the touched jurisdiction-years' facts are read and ranked.
		`INSERT INTO headline BY NAME ` + headlineSelect(touchedKeysFilter),
		`INSERT INTO touched_stats SELECT DISTINCT indicator, year FROM headline
		 WHERE (jurisdiction_key, year) IN (SELECT (jurisdiction_key, year) FROM touched_keys)`,
		`DELETE FROM headline_stats WHERE (indicator, year) IN (SELECT (indicator, year) FROM touched_stats)`,
		`INSERT INTO headline_stats ` + headlineStatsSelect(`(indicator, year) IN (SELECT (indicator, year) FROM touched_stats)`),
		`DELETE FROM report_divisions WHERE jurisdiction_code IN (SELECT jurisdiction_key FROM touched_keys)`,
		`INSERT INTO report_divisions ` + reportDivisionsSelect + `
		 AND e.jurisdiction_code IN (SELECT jurisdiction_key FROM touched_keys)` + reportDivisionsGroup,
		`DELETE FROM report_years`,
		`INSERT INTO report_years ` + reportYearsSelect,
		`DELETE FROM report_latest`,
		`INSERT INTO report_latest ` + reportLatestSelect(),
		`DROP TABLE touched_stats`,
		`DROP TABLE touched_keys`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("refresh headline: %.60s: %w", q, err)
		}
	}
	return nil
}

// readKeys reads the jurisdiction-years of touched_keys.
func readKeys(ctx context.Context, conn *sql.Conn) ([]readmodel.Key, error) {
	rows, err := conn.QueryContext(ctx, `SELECT DISTINCT jurisdiction_key, coalesce(year, 0) FROM touched_keys`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []readmodel.Key
	for rows.Next() {
		var k readmodel.Key
		if err := rows.Scan(&k.Jurisdiction, &k.Year); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// touchedKeysFilter keeps the report_jurisdictions rows of the
// jurisdiction-years in touched_keys.
const touchedKeysFilter = `(jurisdiction_key, year) IN (SELECT (jurisdiction_key, year) FROM touched_keys)`

// headlineSelect is the headline rule of the view headline_facts
// (headlineRule) with a filter on report_jurisdictions (a condition on
// its columns) applied before the rule's windows rank the facts: the view
// reads and ranks every fact of the warehouse even when a refresh wants a
// few jurisdiction-years, since DuckDB does not push a filter on the view's
// output below its windows. headlineSelect("true") is the view itself; the
// tests compare the two (assertHeadlineFresh).
func headlineSelect(filter string) string {
	return strings.NewReplacer("{placed}", "(SELECT * FROM report_jurisdictions WHERE "+filter+")",
		"{facts}", "(SELECT * FROM facts_corrected WHERE report_id IN (SELECT report_id FROM report_jurisdictions WHERE "+filter+"))").
		Replace(headlineRule())
}

// headlineRule is the text of the view headline_facts as the latest
// migration that defines it has it, with {placed} for report_jurisdictions
// and {facts} for facts_corrected: one text for the view researchers read
// and the refresh that fills the headline table.
var headlineRule = sync.OnceValue(func() string {
	steps, err := migrationSteps()
	if err != nil {
		panic(err) // embedded at compile time: every test that opens a warehouse fails first
	}
	const head = "CREATE OR REPLACE VIEW headline_facts AS"
	for k := len(steps) - 1; k >= 0; k-- {
		_, view, ok := strings.Cut(steps[k].sql, head)
		if !ok {
			continue
		}
		view, _, _ = strings.Cut(view, ";\n")
		return strings.NewReplacer("report_jurisdictions", "{placed}", "facts_corrected", "{facts}").Replace(view)
	}
	panic("no migration defines headline_facts")
})

// The summary tables' contents (migration 0003 fills them the same way,
// 0007 leaves conflicts out and reads the jurisdictions and years as they
// count), computed from headline, report_jurisdictions and reports.
// reportDivisionsSelect takes more AND conditions and needs its GROUP BY.
// Ties (reports ingested in the same transaction) are broken by report_id.
const (
	reportDivisionsSelect = `SELECT jurisdiction_code, n AS reports, l.report_id AS latest_report_id, l.ingested_at AS latest_ingested_at,
		l.title AS latest_title, l.jurisdiction_name AS latest_name, l.year AS latest_year
		FROM (SELECT e.jurisdiction_code, count(*) AS n,
		             arg_max({'report_id': report_id, 'ingested_at': r.ingested_at, 'title': r.title,
		                      'jurisdiction_name': e.jurisdiction_name, 'year': e.year}, (r.ingested_at, report_id)) AS l
		      FROM report_jurisdictions e JOIN reports r USING (report_id) WHERE e.jurisdiction_code <> ''`
	reportDivisionsGroup = ` GROUP BY e.jurisdiction_code)`
	reportYearsSelect    = `SELECT year, count(*), count(*) FILTER (WHERE jurisdiction_code = '')
		FROM report_jurisdictions GROUP BY year ORDER BY year`
	// cellStruct is a headline row as a struct with the columns of a Cell
	// (less year and indicator, which the summary row has).
	cellStruct = `{'jurisdiction_key': jurisdiction_key, 'jurisdiction_code': jurisdiction_code,
		'jurisdiction_name': jurisdiction_name, 'value': value, 'unit': unit, 'approx': approx, 'partial': partial,
		'scope': scope, 'derived': derived, 'corrected': corrected, 'flags': flags, 'fact_id': fact_id,
		'report_id': report_id, 'quote': quote}`
)

// headlineStatsSelect computes the rows of headline_stats of the
// indicator-years that filter (a condition on headline's columns) keeps,
// by indicator and year. The five largest values and three flagged
// examples are picked by fact first and made whole rows (cellStruct) after:
// carrying every row as a struct through the aggregates took 2.6 s at
// 400,000 reports, for some 3,000 rows kept (0.3 s this way).
func headlineStatsSelect(filter string) string {
	return `WITH agg AS MATERIALIZED (
			SELECT indicator, year, count(*) AS value_count, count(*) FILTER (WHERE len(flags) > 0) AS flagged,
			       coalesce(sum(value), 0) AS total, bool_or(approx) AS approx,
			       max_by(fact_id, value, 5) AS largest_ids,
			       coalesce(min_by(fact_id, fact_id, 3) FILTER (WHERE len(flags) > 0), []) AS example_ids
			FROM headline WHERE NOT conflict AND (` + filter + `) GROUP BY indicator, year),
		ids AS (
			SELECT indicator AS ind, year AS yr, unnest(largest_ids) AS id, generate_subscripts(largest_ids, 1) AS at, true AS largest FROM agg
			UNION ALL
			SELECT indicator, year, unnest(example_ids), generate_subscripts(example_ids, 1), false FROM agg),
		lists AS (
			SELECT i.ind AS indicator, i.yr AS year,
			       list(` + cellStruct + ` ORDER BY i.at) FILTER (WHERE i.largest) AS largest,
			       list(` + cellStruct + ` ORDER BY i.at) FILTER (WHERE NOT i.largest) AS flagged_examples
			FROM headline JOIN ids i ON fact_id = i.id AND indicator = i.ind AND year = i.yr
			WHERE NOT conflict
			GROUP BY i.ind, i.yr)
		SELECT a.indicator, a.year, a.value_count, a.flagged, a.total, a.approx,
		       coalesce(l.largest, []) AS largest, coalesce(l.flagged_examples, []) AS flagged_examples
		FROM agg a LEFT JOIN lists l USING (indicator, year)
		ORDER BY a.indicator, a.year`
}

// reportLatestSelect picks the readmodel.OverviewLatest most recently ingested reports.
func reportLatestSelect() string {
	return fmt.Sprintf(`SELECT report_id, r.title, e.jurisdiction_name, e.year, r.ingested_at
		FROM reports r JOIN report_jurisdictions e USING (report_id)
		ORDER BY r.ingested_at DESC, report_id LIMIT %d`, readmodel.OverviewLatest)
}

// rebuildSummaries recomputes every summary table from headline and reports.
func rebuildSummaries(ctx context.Context, conn *sql.Conn) error {
	for _, q := range []string{
		`DELETE FROM headline_stats`,
		`INSERT INTO headline_stats ` + headlineStatsSelect("true"),
		`DELETE FROM report_divisions`,
		`INSERT INTO report_divisions ` + reportDivisionsSelect + reportDivisionsGroup + ` ORDER BY jurisdiction_code`,
		`DELETE FROM report_years`,
		`INSERT INTO report_years ` + reportYearsSelect,
		`DELETE FROM report_latest`,
		`INSERT INTO report_latest ` + reportLatestSelect(),
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild summaries: %.60s: %w", q, err)
		}
	}
	return nil
}

// RebuildHeadline recomputes report_jurisdictions and the whole headline
// table from the reports and facts, writes the latter sorted by indicator
// and year, the order every dashboard query filters on, then the summary
// tables. Run it after large ingests; Load keeps the tables correct in
// between, only less well ordered.
func (db *DB) RebuildHeadline(ctx context.Context) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if err := db.onConn(ctx, func(conn *sql.Conn) error { return rebuildHeadline(ctx, conn) }); err != nil {
		return fmt.Errorf("rebuild headline: %w", err)
	}
	return nil
}

// rebuildHeadline is RebuildHeadline inside the caller's transaction; it
// recomputes report_jurisdictions first.
func rebuildHeadline(ctx context.Context, conn *sql.Conn) error {
	if err := rebuildPlacements(ctx, conn); err != nil {
		return err
	}
	if err := rebuildHeadlineInGroups(ctx, conn, headlineGroupReports); err != nil {
		return err
	}
	return rebuildSummaries(ctx, conn)
}

// headlineGroupReports is about how many reports' facts the headline
// rule ranks at once in a rebuild: its windows hold them all in memory,
// and at 400,000 reports (7.7 million facts) one window over everything
// needs more than the 512 MB a bulk ingest gives DuckDB.
const headlineGroupReports = 25000

// rebuildHeadlineInGroups writes the whole headline table anew, from
// groups of jurisdictions of about groupReports reports each (a
// jurisdiction's jurisdiction-years all fall in one group), each group's
// values sorted by indicator, year and value (so a researcher's filter on an
// indicator skips most of a group's row groups).
func rebuildHeadlineInGroups(ctx context.Context, conn *sql.Conn, groupReports int) error {
	rows, err := conn.QueryContext(ctx, `
		WITH keys AS (SELECT jurisdiction_key, count(*) AS n FROM report_jurisdictions GROUP BY ALL),
		     run AS (SELECT jurisdiction_key, sum(n) OVER (ORDER BY jurisdiction_key) AS upto FROM keys)
		SELECT min(jurisdiction_key) FROM run GROUP BY (upto - 1) // $1 ORDER BY 1`, groupReports)
	if err != nil {
		return fmt.Errorf("rebuild headline: %w", err)
	}
	var starts []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return fmt.Errorf("rebuild headline: %w", err)
		}
		starts = append(starts, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("rebuild headline: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `DELETE FROM headline`); err != nil {
		return fmt.Errorf("rebuild headline: %w", err)
	}
	for i, lo := range starts {
		filter := "jurisdiction_key >= " + quote(lo)
		if i+1 < len(starts) {
			filter += " AND jurisdiction_key < " + quote(starts[i+1])
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO headline BY NAME `+headlineSelect(filter)+` ORDER BY indicator, year, value DESC`); err != nil {
			return fmt.Errorf("rebuild headline, group %d of %d: %w", i+1, len(starts), err)
		}
	}
	return nil
}
