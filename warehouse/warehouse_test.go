package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

var keep = flag.Bool("keep", false, "keep the test warehouse files and print their paths")

func mustOpen(t *testing.T) *DB {
	t.Helper()
	dir := t.TempDir()
	if *keep {
		dir = filepath.Join("/tmp", "fazhi-"+t.Name())
		t.Logf("warehouse kept at %s/test.duckdb", dir)
	}
	db, err := Open(context.Background(), Config{Path: filepath.Join(dir, "test.duckdb"), Threads: 2})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustLoad(t *testing.T, db *DB, reports ...ingest.Report) LoadResult {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b, err := ingest.NewBatch(mem, reports)
	if err != nil {
		t.Fatalf("NewBatch: %v", err)
	}
	defer b.Release()
	res, err := db.Load(context.Background(), b)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return res
}

// report builds a report about a town with one mediation fact per value.
func report(source, sha, code, name string, year int, text string, facts ...ingest.Fact) ingest.Report {
	confidence := 0.3
	if code != "" {
		confidence = 0.95
	}
	return ingest.Report{
		ID: sha[:16], SHA256: sha, Source: source, Format: "txt", Title: name + "法治政府建设情况报告",
		Text:         text,
		Jurisdiction: ingest.Jurisdiction{Name: name, Level: "街道", Code: code, Confidence: confidence},
		Year:         year,
		Facts:        facts,
	}
}

func fact(indicator string, value float64, scope string, start, end int) ingest.Fact {
	return ingest.Fact{Indicator: indicator, Value: value, Unit: "件", RawUnit: "件", Scope: scope,
		Quote: "受理矛盾纠纷", Start: start, End: end, Flags: []string{}}
}

const (
	shaA  = "aaaaaaaaaaaaaaaa0000000000000000000000000000000000000000000000aa"
	shaA2 = "aaaaaaaaaaaaaaa20000000000000000000000000000000000000000000000aa"
	shaB  = "bbbbbbbbbbbbbbbb0000000000000000000000000000000000000000000000bb"
)

func loadIndicators(t *testing.T, db *DB) {
	t.Helper()
	mem := memory.NewGoAllocator()
	rec, err := ingest.IndicatorBatch(mem)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Release()
	if err := db.ReplaceReference(context.Background(), "indicators", rec); err != nil {
		t.Fatalf("ReplaceReference: %v", err)
	}
}

func TestLoadIsIdempotentAndReplacesChangedReports(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	a := report("a.txt", shaA, "110105019", "垡头街道", 2023, text,
		fact("mediation.cases_accepted", 374, "", 8, 11), fact("mediation.cases_resolved", 367, "", 17, 20))
	b := report("b.txt", shaB, "331082001", "古城街道", 2023, text,
		fact("mediation.cases_accepted", 100, "", 8, 11))

	if got, want := mustLoad(t, db, a, b).LoadCounts, (LoadCounts{Stored: 2, Facts: 3}); got != want {
		t.Errorf("first Load = %+v; want %+v", got, want)
	}
	if got, want := mustLoad(t, db, a, b).LoadCounts, (LoadCounts{Unchanged: 2}); got != want {
		t.Errorf("second Load = %+v; want %+v", got, want)
	}
	a2 := report("a.txt", shaA2, "110105019", "垡头街道", 2023, text, fact("mediation.cases_accepted", 375, "", 8, 11))
	if got, want := mustLoad(t, db, a2).LoadCounts, (LoadCounts{Stored: 1, Replaced: 1, Facts: 1}); got != want {
		t.Errorf("changed Load = %+v; want %+v", got, want)
	}
	h, err := db.Health(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if h != (Health{Reports: 2, Facts: 2}) {
		t.Errorf("Health = %+v; want 2 reports, 2 facts", h)
	}
	if _, err := db.Report(ctx, shaA[:16]); !errors.Is(err, ErrNotFound) {
		t.Errorf("Report(replaced) error = %v; want ErrNotFound", err)
	}
}

func TestLoadRejectsFactWithoutProvenance(t *testing.T) {
	bad := report("a.txt", shaA, "", "垡头街道", 2023, "短", ingest.Fact{Indicator: "mediation.cases_accepted", Value: 1, Start: 0, End: 9})
	if _, err := ingest.NewBatch(memory.NewGoAllocator(), []ingest.Report{bad}); err == nil {
		t.Fatal("NewBatch accepted a fact with no quote and a span past the text")
	}
}

func TestCompareHeadline(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,其中驻所调解室受理500件,调解室受理12件。"
	mustLoad(t, db,
		// A town-wide figure and a (larger) scoped one: the town-wide one is the headline.
		report("a.txt", shaA, "110105019", "垡头街道", 2023, text,
			fact("mediation.cases_accepted", 374, "", 8, 11), fact("mediation.cases_accepted", 500, "驻所调解室", 20, 23)),
		// Only scoped figures: the largest is the headline, marked partial.
		report("b.txt", shaB, "110105001", "建外街道", 2023, text,
			fact("mediation.cases_accepted", 12, "调解室", 30, 32), fact("mediation.cases_accepted", 500, "驻所调解室", 20, 23)),
	)
	rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		name    string
		value   float64
		partial bool
	}
	var got []row
	for _, r := range rows {
		got = append(got, row{r.JurisdictionName, r.Value, r.Partial})
	}
	want := []row{{"建外街道", 500, true}, {"垡头街道", 374, false}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Compare = %+v; want %+v", got, want)
	}
	rows, err = snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Parent: "110105", Level: "街道"})
	if err != nil || len(rows) != 2 {
		t.Errorf("Compare(parent 110105) = %d rows, %v; want 2", len(rows), err)
	}
	rows, err = snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Parent: "3310"})
	if err != nil || len(rows) != 0 {
		t.Errorf("Compare(parent 3310) = %d rows, %v; want 0", len(rows), err)
	}
	if _, err := snapOf(t, db).Compare(readmodel.CompareFilter{}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("Compare(no indicator) error = %v; want ErrInvalidQuery", err)
	}
}

func TestMigrateIsRepeatable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	for i := 0; i < 2; i++ {
		db, err := Open(ctx, Config{Path: path})
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v < 1 {
			t.Errorf("SchemaVersion = %d, %v; want ≥ 1", v, err)
		}
		db.Close()
	}
}

// assertHeadlineFresh checks that the precomputed headline table holds
// exactly what the headline_facts view computes from the facts, and
// report_jurisdictions and the summary tables what they would hold if
// recomputed now.
func assertHeadlineFresh(t *testing.T, db *DB) {
	// cellStruct is a headline row as a struct with the columns of a Cell
	// (less year and indicator, which the summary row has).
	const cellStruct = `{'jurisdiction_key': jurisdiction_key, 'jurisdiction_code': jurisdiction_code,
		'jurisdiction_name': jurisdiction_name, 'value': value, 'unit': unit, 'approx': approx, 'partial': partial,
		'scope': scope, 'derived': derived, 'corrected': corrected, 'flags': flags, 'fact_id': fact_id,
		'report_id': report_id, 'quote': quote}`
	t.Helper()
	var n int
	err := db.sql.QueryRowContext(context.Background(), `SELECT count(*) FROM (
		(SELECT * FROM headline EXCEPT ALL SELECT * FROM headline_facts)
		UNION ALL
		(SELECT * FROM headline_facts EXCEPT ALL SELECT * FROM headline))`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("headline table differs from headline_facts in %d rows", n)
	}
	for _, c := range []struct{ table, fresh string }{
		// The refreshes' headline rule is the view's.
		{"headline_facts", headlineSelect("true")},
		{"report_jurisdictions", fmt.Sprintf(placementSelect, "(SELECT report_id FROM reports)")},
		// The view picks by fact, then builds the rows: the same as carrying
		// every row through the aggregates.
		{"headline_stats", `SELECT indicator, year, count(*) AS value_count, count(*) FILTER (WHERE len(flags) > 0) AS flagged,
			coalesce(sum(value), 0) AS total, bool_or(approx) AS approx, max_by(` + cellStruct + `, value, 5) AS largest,
			coalesce(min_by(` + cellStruct + `, fact_id, 3) FILTER (WHERE len(flags) > 0), []) AS flagged_examples
			FROM headline WHERE NOT conflict GROUP BY indicator, year`},
		{"report_divisions", reportDivisionsSelect + reportDivisionsGroup},
		{"report_years", reportYearsSelect},
		{"report_latest", reportLatestSelect()},
	} {
		// The five largest are compared as sets: equal values may come in any order.
		norm := `SELECT * REPLACE (list_sort(largest) AS largest) FROM `
		if c.table != "headline_stats" {
			norm = `SELECT * FROM `
		}
		err := db.sql.QueryRowContext(context.Background(), `SELECT count(*) FROM (
			(`+norm+c.table+` EXCEPT ALL `+norm+`(`+c.fresh+`))
			UNION ALL
			(`+norm+`(`+c.fresh+`) EXCEPT ALL `+norm+c.table+`))`).Scan(&n)
		if err != nil {
			t.Fatalf("compare %s: %v", c.table, err)
		}
		if n != 0 {
			t.Errorf("summary table %s differs from a recomputation in %d rows", c.table, n)
		}
	}
}

func TestHeadlineTableFollowsLoads(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	a := report("a.txt", shaA, "110105019", "垡头街道", 2023, text,
		fact("mediation.cases_accepted", 374, "", 8, 11), fact("mediation.cases_resolved", 367, "", 17, 20))
	b := report("b.txt", shaB, "", "古城街道", 2023, text, fact("mediation.cases_accepted", 100, "", 8, 11))
	mustLoad(t, db, a, b)
	assertHeadlineFresh(t, db)
	// Another a.txt about another year is another report: both years stay.
	a2 := report("a.txt", shaA2, "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 375, "", 8, 11))
	mustLoad(t, db, a2)
	assertHeadlineFresh(t, db)
	for year, want := range map[int]float64{2022: 375, 2023: 374} {
		if v, ok := headlineValue(t, db, "110105019", year, "mediation.cases_accepted"); !ok || v != want {
			t.Errorf("compare 垡头 %d = %v, %v; want %v", year, v, ok, want)
		}
	}
	// A changed a.txt about 2022: it replaces its 2022 version only.
	a3 := report("a.txt", shaC, "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 376, "", 8, 11))
	if res := mustLoad(t, db, a3); res.Replaced != 1 {
		t.Errorf("Load(a.txt of 2022 changed) = %+v; want its 2022 version replaced", res.LoadCounts)
	}
	assertHeadlineFresh(t, db)
	rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("Compare = %d rows; want 2 (垡头's latest, 2023, and the unresolved 古城)", len(rows))
	}
	if err := db.RebuildHeadline(ctx); err != nil {
		t.Fatal(err)
	}
	assertHeadlineFresh(t, db)
}

// Two copies of one file in a batch are one report with its facts once.
func TestLoadDuplicateFilesInOneBatch(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件。"
	a := report("a.txt", shaA, "110105019", "垡头街道", 2023, text, fact("mediation.cases_accepted", 374, "", 8, 11))
	b := a
	b.Source = "copy/a.txt"
	if got, want := mustLoad(t, db, a, b).LoadCounts, (LoadCounts{Stored: 1, Facts: 1}); got != want {
		t.Errorf("Load(two copies) = %+v; want %+v", got, want)
	}
	h, err := db.Health(ctx)
	if err != nil || h != (Health{Reports: 1, Facts: 1}) {
		t.Errorf("Health = %+v, %v; want 1 report, 1 fact", h, err)
	}
}

// Headline values depend on the catalog: loading a changed catalog rebuilds
// them (here: facts stored before their indicator was known).
func TestCatalogChangeRebuildsHeadline(t *testing.T) {
	db := mustOpen(t)
	text := "全年受理矛盾纠纷374件。"
	mustLoad(t, db, report("a.txt", shaA, "110105019", "垡头街道", 2023, text, fact("mediation.cases_accepted", 374, "", 8, 11)))
	if rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted"}); err != nil || len(rows) != 0 {
		t.Fatalf("Compare before the catalog = %d rows, %v; want none", len(rows), err)
	}
	loadIndicators(t, db)
	rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("Compare after the catalog = %d rows, %v; want 1", len(rows), err)
	}
	assertHeadlineFresh(t, db)
}

// snapOf returns db's current dashboards' snapshot.
func snapOf(t testing.TB, db *DB) *readmodel.Snapshot {
	t.Helper()
	s, err := db.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The headline rebuilt a group of jurisdictions at a time is the view's,
// however small the groups (a rebuild at national scale uses many).
func TestHeadlineRebuiltInGroups(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	mustLoad(t, db,
		report("a.txt", shaA, "110105019", "垡头街道", 2023, text, fact("mediation.cases_accepted", 374, "", 8, 11)),
		report("a2.txt", shaA2, "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 375, "", 8, 11)),
		report("b.txt", shaB, "", "古城街道", 2023, text, fact("mediation.cases_accepted", 100, "", 8, 11)),
		report("c.txt", shaC, "110105001", "建外街道", 2023, text, fact("mediation.cases_resolved", 367, "", 17, 20)))
	for _, group := range []int{1, 2, 1000} {
		err := db.onConn(ctx, func(conn *sql.Conn) error { return rebuildHeadlineInGroups(ctx, conn, group) })
		if err != nil {
			t.Fatalf("groups of %d reports: %v", group, err)
		}
		assertHeadlineFresh(t, db)
		var n int
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM headline`).Scan(&n); err != nil || n != 4 {
			t.Errorf("groups of %d reports: %d headline rows, %v; want 4", group, n, err)
		}
	}
}
