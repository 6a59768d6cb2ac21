package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
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
	t := newPhaseTimer()
	for _, st := range []struct{ name, q string }{
		{"delete", `DELETE FROM headline WHERE (jurisdiction_key, year) IN (SELECT (jurisdiction_key, year) FROM touched_keys)`},
		// The filter goes below the view's windows (headlineSelect): only
		// the touched jurisdiction-years' facts are read and ranked.
		{"headline", `INSERT INTO headline BY NAME ` + headlineSelect(touchedKeysFilter)},
		{"divisions delete", `DELETE FROM report_divisions WHERE jurisdiction_code IN (SELECT jurisdiction_key FROM touched_keys)`},
		{"divisions", `INSERT INTO report_divisions ` + reportDivisionsSelect + `
		 AND e.jurisdiction_code IN (SELECT jurisdiction_key FROM touched_keys)` + reportDivisionsGroup},
		{"years delete", `DELETE FROM report_years`},
		{"years", `INSERT INTO report_years ` + reportYearsSelect},
		{"latest delete", `DELETE FROM report_latest`},
		{"latest", `INSERT INTO report_latest ` + reportLatestSelect()},
		{"drop keys", `DROP TABLE touched_keys`},
	} {
		if _, err := conn.ExecContext(ctx, st.q); err != nil {
			return fmt.Errorf("refresh headline: %s: %w", st.name, err)
		}
		t.mark(st.name)
	}
	db.log.Debug("refresh headline", append([]any{"keys", len(keys)}, t.attrs()...)...)
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
// output below its windows. The facts it ranks are facts_corrected's rule
// (factsCorrectedRule) over the filtered reports' rows of facts: a filter
// on the view's output reaches the scan of facts only as the bounds of
// report_id, so DuckDB read every column of every fact and joined them
// all with the corrections (0.9 s at 400,000 reports for 1,500
// jurisdiction-years; the semi-join right on the scan reads report_id
// first). headlineSelect("true") is the view itself; the tests compare the
// two (assertHeadlineFresh).
func headlineSelect(filter string) string {
	reports := "(SELECT report_id FROM report_jurisdictions WHERE " + filter + ")"
	facts := "(" + strings.Replace(factsCorrectedRule(), "{facts}", "(SELECT * FROM facts WHERE report_id IN "+reports+")", 1) + ")"
	return strings.NewReplacer("{placed}", "(SELECT * FROM report_jurisdictions WHERE "+filter+")", "{facts}", facts).
		Replace(headlineRule())
}

// headlineRule is the text of the view headline_facts as the latest
// migration that defines it has it, with {placed} for report_jurisdictions
// and {facts} for facts_corrected: one text for the view researchers read
// and the refresh that fills the headline table.
var headlineRule = sync.OnceValue(func() string {
	return strings.NewReplacer("report_jurisdictions", "{placed}", "facts_corrected", "{facts}").Replace(viewText("headline_facts"))
})

// factsCorrectedRule is the text of the view facts_corrected as the
// latest migration that defines it has it, with {facts} for the table
// facts it reads.
var factsCorrectedRule = sync.OnceValue(func() string {
	view := viewText("facts_corrected")
	table := regexp.MustCompile(`\bFROM facts\b`)
	if n := len(table.FindAllStringIndex(view, -1)); n != 1 {
		panic(fmt.Sprintf("facts_corrected reads facts %d times; factsCorrectedRule knows one", n))
	}
	return table.ReplaceAllLiteralString(view, "FROM {facts}")
})

// viewText is the query of the view name in the latest migration that
// defines it (CREATE OR REPLACE VIEW name AS …;).
func viewText(name string) string {
	steps, err := migrationSteps()
	if err != nil {
		panic(err) // embedded at compile time: every test that opens a warehouse fails first
	}
	head := "CREATE OR REPLACE VIEW " + name + " AS"
	for k := len(steps) - 1; k >= 0; k-- {
		_, view, ok := strings.Cut(steps[k].sql, head)
		if !ok {
			continue
		}
		view, _, _ = strings.Cut(view, ";\n")
		return view
	}
	panic("no migration defines " + name)
}

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
)

// reportLatestSelect picks the readmodel.OverviewLatest most recently ingested reports.
func reportLatestSelect() string {
	return fmt.Sprintf(`SELECT report_id, r.title, e.jurisdiction_name, e.year, r.ingested_at
		FROM reports r JOIN report_jurisdictions e USING (report_id)
		ORDER BY r.ingested_at DESC, report_id LIMIT %d`, readmodel.OverviewLatest)
}

// rebuildSummaries recomputes every summary table from headline and reports.
func rebuildSummaries(ctx context.Context, conn *sql.Conn) error {
	for _, q := range []string{
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
