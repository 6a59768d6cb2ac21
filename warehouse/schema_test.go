package warehouse

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// TestUpgradeFromVersion1 builds a warehouse the way fazhi with only
// migration 1 did, with data and a correction in it, then opens it with this
// fazhi: it must be upgraded in place, data and corrections intact.
func TestUpgradeFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.duckdb")
	steps, err := migrationSteps()
	if err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
		steps[0].sql,
		`INSERT INTO schema_version (version, name) VALUES (1, '` + steps[0].name + `')`,
		`INSERT INTO indicators VALUES ('mediation.cases_accepted', '调解受理', 'Mediation cases accepted', 'mediation', 'count', '件', '')`,
		`INSERT INTO reports VALUES ('aaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaa00', 'a.txt', 'txt', '垡头街道报告', '', '110105019', '垡头街道', '街道',
			[], 2023, 18, '全年受理矛盾纠纷374件,调解成功367件。', 'fazhi-extract/1', now())`,
		`INSERT INTO facts VALUES ('aaaaaaaaaaaaaaaa-1', 'aaaaaaaaaaaaaaaa', 'mediation.cases_accepted', 374, '件', '件', false, '',
			'全年受理矛盾纠纷374件', 8, 11, false, [], NULL, NULL, '')`,
		`INSERT INTO corrections VALUES (nextval('correction_ids'), 'aaaaaaaaaaaaaaaa-1', 'aaaaaaaaaaaaaaaa', NULL, 380, 'set', '李明', '表格', now())`,
		`INSERT INTO facts VALUES ('aaaaaaaaaaaaaaaa-2', 'aaaaaaaaaaaaaaaa', 'mediation.cases_accepted', 300, '件', '件', true, '调解室',
			'调解室受理300余件', 30, 33, false, [], NULL, NULL, '')`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("build version 1 warehouse: %.60s: %v", q, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := Open(ctx, Config{Path: path})
	if err != nil {
		t.Fatalf("Open(version 1 warehouse): %v", err)
	}
	defer db.Close()
	var versions []int
	rows, err := db.sql.QueryContext(ctx, `SELECT version FROM schema_version ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v int
		rows.Scan(&v)
		versions = append(versions, v)
	}
	rows.Close()
	if want := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}; !reflect.DeepEqual(versions, want) {
		t.Errorf("schema_version after upgrade = %v; want %v", versions, want)
	}
	// Version 5: an approximate fact of before keeps the weakest claim, "about".
	var kinds string
	if err := db.sql.QueryRowContext(ctx, `SELECT string_agg(fact_id || '=' || approx_kind, ',' ORDER BY fact_id) FROM facts`).Scan(&kinds); err != nil {
		t.Fatal(err)
	}
	if want := "aaaaaaaaaaaaaaaa-1=,aaaaaaaaaaaaaaaa-2=about"; kinds != want {
		t.Errorf("approx_kind after upgrade = %s; want %s", kinds, want)
	}
	rep, err := db.Report(ctx, "aaaaaaaaaaaaaaaa")
	if err != nil {
		t.Fatalf("Report after upgrade: %v", err)
	}
	if len(rep.Facts) != 2 || rep.Facts[0].Value != 380 || !rep.Facts[0].Corrected || rep.Facts[1].ApproxKind != readmodel.ApproxAbout {
		t.Errorf("facts after upgrade = %+v; want the corrected 380 and the approximate 300 (about)", rep.Facts)
	}
	if v, ok := headlineValue(t, db, "110105019", 2023, "mediation.cases_accepted"); !ok || v != 380 {
		t.Errorf("headline after upgrade = %v, %v; want 380 (the table is refilled)", v, ok)
	}
	hist, err := db.Corrections(ctx, "aaaaaaaaaaaaaaaa-1")
	if err != nil || len(hist) != 1 || hist[0].Author != "李明" {
		t.Errorf("Corrections after upgrade = %+v, %v; want the version-1 correction", hist, err)
	}
	for _, view := range []string{"coverage", "yoy", "review_queue", "indicator_wide", "report_jurisdictions", "report_corrections"} {
		if _, err := QueryRows(ctx, db, `SELECT * FROM `+view); err != nil {
			t.Errorf("SELECT * FROM %s after upgrade: %v", view, err)
		}
	}
}

// TestEveryColumnHasAComment: names are the documentation, and comments
// are the rest of it (SELECT * FROM duckdb_columns()).
func TestEveryColumnHasAComment(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	rows, err := db.sql.QueryContext(ctx, `
		SELECT 'table ' || table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND coalesce(comment, '') = ''
		UNION ALL
		SELECT 'view ' || view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND coalesce(comment, '') = ''
		UNION ALL
		SELECT table_name || '.' || column_name FROM duckdb_columns()
		WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND coalesce(comment, '') = ''
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var missing []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		missing = append(missing, s)
	}
	if len(missing) > 0 {
		t.Errorf("without COMMENT ON: %s", strings.Join(missing, ", "))
	}
}

func TestResearcherViews(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	mustLoad(t, db,
		report("a.txt", shaA, "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 300, "", 8, 11)),
		report("a2.txt", shaA2, "110105019", "垡头街道", 2023, text,
			fact("mediation.cases_accepted", 374, "", 8, 11), fact("mediation.cases_resolved", 367, "", 17, 20)),
		report("b.txt", shaB, "", "古城街道", 2023, text, fact("mediation.cases_accepted", 100, "", 8, 11)),
	)
	q := func(sql string) [][]any {
		t.Helper()
		rows, err := QueryRows(ctx, db, sql)
		if err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return rows
	}
	wide := q(`SELECT jurisdiction_name, year, "mediation.cases_accepted", "mediation.cases_resolved" FROM indicator_wide ORDER BY year, jurisdiction_name`)
	want := [][]any{{"垡头街道", int32(2022), 300.0, nil}, {"古城街道", int32(2023), 100.0, nil}, {"垡头街道", int32(2023), 374.0, 367.0}}
	if !reflect.DeepEqual(wide, want) {
		t.Errorf("indicator_wide = %v; want %v", wide, want)
	}
	yoy := q(`SELECT indicator, year, prev_year, value, prev_value, change, change_pct FROM yoy`)
	want = [][]any{{"mediation.cases_accepted", int32(2023), int32(2022), 374.0, 300.0, 74.0, 24.67}}
	if !reflect.DeepEqual(yoy, want) {
		t.Errorf("yoy = %v; want %v", yoy, want)
	}
	cov := q(`SELECT report_id, indicators_stated, facts, indicators FROM coverage ORDER BY report_id`)
	if len(cov) != 3 || cov[0][1] != int64(2) || !reflect.DeepEqual(cov[0][3], []any{"mediation.cases_accepted", "mediation.cases_resolved"}) {
		t.Errorf("coverage = %v; want report a2 stating 2 indicators", cov)
	}
}

// TestOpenTwiceInOneProcess: a process holds one *DB per file. DuckDB's
// lock on the file keeps other processes out but not this one (a file
// open for writing is attached to a DuckDB of its own, and a second one
// could attach it too), so a second Open of the same file fails, whether
// for writing or reading, and the first stays usable.
func TestOpenTwiceInOneProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	first, err := Open(ctx, Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	for _, cfg := range []Config{{Path: path}, {Path: path, ReadOnly: true}} {
		second, err := Open(ctx, cfg)
		if err == nil {
			second.Close()
			t.Errorf("second Open(%+v) in the same process succeeded; want an error", cfg)
		}
	}
	loadIndicators(t, first)
	steps, err := migrationSteps()
	if err != nil {
		t.Fatal(err)
	}
	if v, err := first.SchemaVersion(ctx); err != nil || v != len(steps) {
		t.Errorf("first DB after the refused second Open: SchemaVersion = %d, %v; want %d", v, err, len(steps))
	}
}

// TestUpgradeToVersion7 opens a version-6 warehouse that holds a draft and
// the published report for one jurisdiction-year, of which the old headline
// rule silently took the larger value: after the upgrade the two values are
// a conflict and report_jurisdictions says so.
func TestUpgradeToVersion7(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v6.duckdb")
	steps, err := migrationSteps()
	if err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	// Data goes in at version 2; migrations 3 to 6 then fill what they add
	// from it (summaries, approx_kind, confidence, the old headline rule's table).
	qs := []string{`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`}
	apply := func(from, to int) {
		for _, s := range steps[from:to] {
			qs = append(qs, s.sql, `INSERT INTO schema_version (version, name) VALUES (`+strconv.Itoa(s.version)+`, '`+s.name+`')`)
		}
	}
	apply(0, 2)
	qs = append(qs,
		`INSERT INTO indicators VALUES ('mediation.cases_accepted', '调解受理', 'Mediation cases accepted', 'mediation', 'count', '件', '')`)
	for i, v := range []string{"2119", "2911"} {
		id := strings.Repeat(strconv.Itoa(i+1), 16)
		qs = append(qs,
			`INSERT INTO reports VALUES ('`+id+`', '`+id+`00', 'dt`+id+`.docx', 'txt', '大田街道报告', '', '331082004', '大田街道', '街道',
			 [], 2023, 20, '全年受理矛盾纠纷`+v+`件。', 'fazhi-extract/9', now())`,
			`INSERT INTO facts VALUES ('`+id+`-1', '`+id+`', 'mediation.cases_accepted', `+v+`, '件', '件', false, '',
			 '受理矛盾纠纷`+v+`件', 8, 12, false, [], NULL, NULL, '')`)
	}
	apply(2, 6)
	for _, q := range qs {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("build version 6 warehouse: %.60s: %v", q, err)
		}
	}
	var before float64
	if err := old.QueryRowContext(ctx, `SELECT value FROM headline`).Scan(&before); err != nil || before != 2911 {
		t.Fatalf("version 6 headline = %v, %v; want the old rule's silent 2911", before, err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, Config{Path: path})
	if err != nil {
		t.Fatalf("Open(version 6 warehouse): %v", err)
	}
	defer db.Close()
	if _, ok := headlineValue(t, db, "331082004", 2023, "mediation.cases_accepted"); ok {
		t.Error("after the upgrade the comparison still shows one of the two reports' values")
	}
	var conflicts, duplicates int
	if err := db.sql.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM headline WHERE conflict),
		(SELECT sum(duplicates) FROM report_jurisdictions)`).Scan(&conflicts, &duplicates); err != nil || conflicts != 1 || duplicates != 2 {
		t.Errorf("after the upgrade: %d conflicts, duplicates %d, %v; want 1 and 2", conflicts, duplicates, err)
	}
	assertHeadlineFresh(t, db)
}
