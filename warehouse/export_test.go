package warehouse

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/fazhi/fazhi/ingest"
)

// mustOpenExport opens a warehouse whose SQL may write into dir only.
func mustOpenExport(t *testing.T, dir string) *DB {
	t.Helper()
	db, err := Open(context.Background(), Config{Path: filepath.Join(t.TempDir(), "x.duckdb"), AllowedDirectories: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func loadExportFixture(t *testing.T, db *DB) {
	t.Helper()
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	mustLoad(t, db,
		report("a.txt", shaA, "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 300, "", 8, 11)),
		report("a2.txt", shaA2, "110105019", "垡头街道", 2023, text,
			fact("mediation.cases_accepted", 374, "", 8, 11), fact("mediation.cases_resolved", 367, "", 17, 20)),
		report("b.txt", shaB, "", "古城街道", 0, text, fact("mediation.cases_accepted", 100, "调解室", 8, 11)),
	)
}

// readParquetDataset reads every Parquet file under dir with arrow-go's
// reader (not DuckDB) and returns one line per row, "col=value" joined by
// "|", with the Hive partition column taken from the directory name.
func readParquetDataset(t *testing.T, dir string) []string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".parquet") {
			return err
		}
		part := ""
		if p := filepath.Base(filepath.Dir(path)); strings.HasPrefix(p, "year=") {
			part = strings.TrimPrefix(p, "year=")
			if part == "__HIVE_DEFAULT_PARTITION__" {
				part = "NULL"
			}
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		pf, err := file.NewParquetReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer pf.Close()
		fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.NewGoAllocator())
		if err != nil {
			return err
		}
		tbl, err := fr.ReadTable(context.Background())
		if err != nil {
			return err
		}
		defer tbl.Release()
		tr := array.NewTableReader(tbl, 1024)
		defer tr.Release()
		for tr.Next() {
			rec := tr.RecordBatch()
			for i := 0; i < int(rec.NumRows()); i++ {
				var cells []string
				if part != "" {
					cells = append(cells, "year="+part)
				}
				for c := 0; c < int(rec.NumCols()); c++ {
					cells = append(cells, rec.ColumnName(c)+"="+cellString(rec.Column(c), i))
				}
				sort.Strings(cells)
				lines = append(lines, strings.Join(cells, "|"))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read Parquet dataset %s: %v", dir, err)
	}
	sort.Strings(lines)
	return lines
}

func cellString(col arrow.Array, i int) string {
	if col.IsNull(i) {
		return "NULL"
	}
	switch a := col.(type) {
	case *array.Timestamp:
		return a.Value(i).ToTime(a.DataType().(*arrow.TimestampType).Unit).UTC().Format("2006-01-02T15:04:05.999999Z")
	case *array.List:
		start, end := a.ValueOffsets(i)
		var parts []string
		for j := start; j < end; j++ {
			parts = append(parts, cellString(a.ListValues(), int(j)))
		}
		return "[" + strings.Join(parts, ",") + "]"
	case *array.Float64:
		return fmt.Sprint(a.Value(i))
	}
	return col.ValueStr(i)
}

// warehouseRows renders the same table from DuckDB in the same shape.
func warehouseRows(t *testing.T, db *DB, table string) []string {
	t.Helper()
	et, err := findExportTable(table)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.sql.QueryContext(context.Background(), et.query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		cells := make([]string, len(cols))
		for i, v := range vals {
			cells[i] = cols[i] + "=" + goString(v)
		}
		sort.Strings(cells)
		lines = append(lines, strings.Join(cells, "|"))
	}
	sort.Strings(lines)
	return lines
}

func goString(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = goString(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return fmt.Sprint(v)
}

func TestExportParquetReadBackByArrow(t *testing.T) {
	out := t.TempDir()
	db := mustOpenExport(t, out)
	loadExportFixture(t, db)
	res, err := db.Export(context.Background(), out, ExportOptions{Format: FormatParquet})
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	if len(res) != 4 {
		t.Fatalf("Export = %+v; want 4 tables", res)
	}
	for _, name := range []string{"year=2022", "year=2023", "year=__HIVE_DEFAULT_PARTITION__"} {
		if _, err := os.Stat(filepath.Join(out, "facts", name, "data_0.parquet")); err != nil {
			t.Errorf("facts partition %s: %v", name, err)
		}
	}
	for _, r := range res {
		t.Run(r.Table, func(t *testing.T) {
			got := readParquetDataset(t, r.Path)
			want := warehouseRows(t, db, r.Table)
			if int64(len(got)) != r.Rows || len(got) != len(want) {
				t.Fatalf("Parquet %s: %d rows read, %d reported, %d in the warehouse", r.Table, len(got), r.Rows, len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("Parquet %s row %d:\n got %s\nwant %s", r.Table, i, got[i], want[i])
				}
			}
		})
	}
	// Exporting again replaces the previous export.
	if _, err := db.Export(context.Background(), out, ExportOptions{Format: FormatParquet}); err != nil {
		t.Errorf("second Export: %v", err)
	}
}

func TestExportCSVAndStream(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	db := mustOpenExport(t, out)
	loadExportFixture(t, db)
	res, err := db.Export(ctx, out, ExportOptions{Format: FormatCSV})
	if err != nil {
		t.Fatalf("Export(csv): %v", err)
	}
	for _, r := range res {
		b, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\ufeff")) {
			t.Errorf("%s does not start with a byte-order mark", r.Path)
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
		if err != nil || int64(len(recs)-1) != r.Rows {
			t.Errorf("%s: %d records, %v; want header + %d", r.Path, len(recs), err, r.Rows)
		}
	}

	var buf bytes.Buffer
	n, err := db.ExportTable(ctx, &buf, "headline_facts", FormatCSV, out)
	if err != nil || n != 3 || !strings.HasPrefix(buf.String(), "\ufeffjurisdiction_code,") {
		t.Errorf("ExportTable(headline_facts, csv) = %d, %v, %.60q; want 3 rows with a header", n, err, buf.String())
	}
	buf.Reset()
	n, err = db.ExportTable(ctx, &buf, "facts", FormatParquet, out)
	if err != nil || n != 4 || !bytes.HasPrefix(buf.Bytes(), []byte("PAR1")) {
		t.Errorf("ExportTable(facts, parquet) = %d, %v; want 4 rows of Parquet", n, err)
	}
	left, _ := filepath.Glob(filepath.Join(out, "facts-*"))
	if len(left) != 0 {
		t.Errorf("ExportTable left %v behind", left)
	}
	if _, err := db.ExportTable(ctx, io.Discard, "secrets", FormatCSV, out); !errors.Is(err, ErrNotFound) {
		t.Errorf("ExportTable(unknown table) error = %v; want ErrNotFound", err)
	}
	if _, err := db.ExportTable(ctx, io.Discard, "facts", "xlsx", out); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("ExportTable(xlsx) error = %v; want ErrInvalidQuery", err)
	}
}

// A file named like a formula (issue 9 §5) reaches a CSV export as text:
// its cells are neutralised, negative numbers stay numbers.
func TestExportCSVNeutralisesFormulas(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	db := mustOpenExport(t, out)
	loadIndicators(t, db)
	evil := "=cmd|'/C calc'!A0.txt"
	r := report(evil, shaA, "110105019", "垡头街道", 2023, "全年受理矛盾纠纷374件。", fact("mediation.cases_accepted", -5, "@SUM(A1)", 8, 11))
	r.Title = "+1+1"
	mustLoad(t, db, r)
	var buf bytes.Buffer
	if _, err := db.ExportTable(ctx, &buf, "reports", FormatCSV, out); err != nil {
		t.Fatal(err)
	}
	body := buf.String()
	for _, want := range []string{"\ufeffreport_id,", ",'=cmd|'/C calc'!A0.txt,", ",'+1+1,"} {
		if !strings.Contains(body, want) {
			t.Errorf("reports.csv lacks %q:\n%.400s", want, body)
		}
	}
	if strings.Contains(body, ",=cmd") || strings.Contains(body, ",\"=cmd") {
		t.Errorf("reports.csv has a cell starting with =cmd:\n%.400s", body)
	}
	if _, err := db.Export(ctx, out, ExportOptions{Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "facts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\ufefffact_id,", ",-5.0,", ",'@SUM(A1),"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("facts.csv lacks %q:\n%s", want, b)
		}
	}
}

// TestExportNeedsAnAllowedDirectory: file access stays closed outside
// Config.AllowedDirectories, for exports too.
func TestExportNeedsAnAllowedDirectory(t *testing.T) {
	ctx := context.Background()
	db := mustOpenExport(t, t.TempDir())
	loadExportFixture(t, db)
	elsewhere := t.TempDir()
	if _, err := db.Export(ctx, elsewhere, ExportOptions{Format: FormatParquet}); !errors.Is(err, ErrQueryRejected) {
		t.Errorf("Export outside the allowed directories: error = %v; want ErrQueryRejected", err)
	}
	if _, err := db.ExportTable(ctx, io.Discard, "facts", FormatCSV, elsewhere); !errors.Is(err, ErrQueryRejected) {
		t.Errorf("ExportTable outside the allowed directories: error = %v; want ErrQueryRejected", err)
	}
	entries, _ := os.ReadDir(elsewhere)
	if len(entries) != 0 {
		t.Errorf("files written outside the allowed directories: %v", entries)
	}
}

// TestAllowedDirectoryOpensNothingElse: naming an export directory opens
// that directory only: SQL on the instance cannot climb out of it or reach
// a sibling with the same prefix. (Researchers' SQL never runs on this
// instance: the sandbox's workers run it on a published copy.)
func TestAllowedDirectoryOpensNothingElse(t *testing.T) {
	ctx := context.Background()
	allowed := filepath.Join(t.TempDir(), "exports")
	if err := os.MkdirAll(allowed, 0o755); err != nil {
		t.Fatal(err)
	}
	db := mustOpenExport(t, allowed)
	loadIndicators(t, db)
	for _, q := range []string{
		`SELECT * FROM read_text('` + allowed + `/../../../../etc/hostname')`,
		`SELECT * FROM read_text('` + allowed + `/./../../../../../etc/passwd')`,
		`SELECT * FROM read_text('` + allowed + `x/../../../../../etc/passwd')`,
		`SELECT * FROM glob('` + allowed + `/../*')`,
		`SELECT * FROM read_text('/etc/hostname')`,
	} {
		if _, err := QueryRows(ctx, db, q); !errors.Is(translate(ctx, err), ErrQueryRejected) {
			t.Errorf("%q: error = %v; want ErrQueryRejected", q, err)
		}
	}
}

// BenchmarkExportParquet exports a synthetic warehouse of 1,000 reports
// with 20 facts each (20,000 facts) as partitioned Parquet.
func BenchmarkExportParquet(b *testing.B) {
	ctx := context.Background()
	out := b.TempDir()
	db, err := Open(ctx, Config{Path: filepath.Join(b.TempDir(), "b.duckdb"), AllowedDirectories: []string{out}})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	inds, err := ingest.IndicatorBatch(memory.NewGoAllocator())
	if err != nil {
		b.Fatal(err)
	}
	defer inds.Release()
	if err := db.ReplaceReference(ctx, "indicators", inds); err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("全年受理矛盾纠纷374件,调解成功367件。", 20)
	var reports []ingest.Report
	for i := 0; i < 1000; i++ {
		sha := fmt.Sprintf("%016x%048d", i+1, 0)
		var facts []ingest.Fact
		for j := 0; j < 20; j++ {
			facts = append(facts, fact("mediation.cases_accepted", float64(i*20+j), fmt.Sprint(j), 8+j*22, 11+j*22))
		}
		reports = append(reports, report(fmt.Sprintf("r%d.txt", i), sha, "110105019", "垡头街道", 2015+i%10, text, facts...))
	}
	batch, err := ingest.NewBatch(memory.NewGoAllocator(), reports)
	if err != nil {
		b.Fatal(err)
	}
	defer batch.Release()
	if _, err := db.Load(ctx, batch); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Export(ctx, out, ExportOptions{Format: FormatParquet}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(20000*float64(b.N)/b.Elapsed().Seconds(), "facts/s")
}

// Shard warehouses export into one directory tree: each writes and
// replaces only its own files, and DuckDB reads the union back whole.
func TestExportShardsUnion(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	a := mustOpenExport(t, out)
	loadExportFixture(t, a)
	b := mustOpenExport(t, out)
	loadIndicators(t, b)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	mustLoad(t, b, report("c.txt", shaC, "110105001", "建外街道", 2023, text,
		fact("mediation.cases_accepted", 374, "", 8, 11), fact("mediation.cases_resolved", 367, "", 17, 20)))
	export := func(db *DB, shard string) {
		t.Helper()
		if _, err := db.Export(ctx, out, ExportOptions{Format: FormatParquet, Shard: shard}); err != nil {
			t.Fatalf("Export shard %s: %v", shard, err)
		}
	}
	union := func(table string) (rows, files int) {
		t.Helper()
		r, err := sql.Open("duckdb", "")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		glob := filepath.Join(out, table, "**", "*.parquet")
		if err := r.QueryRow(`SELECT count(*), count(DISTINCT filename) FROM read_parquet(?, hive_partitioning = true, filename = true)`,
			glob).Scan(&rows, &files); err != nil {
			t.Fatal(err)
		}
		return rows, files
	}
	count := func(db *DB, table string) int {
		t.Helper()
		var n int
		if err := db.sql.QueryRow(`SELECT count(*) FROM (` + mustExportQuery(t, table) + `)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	export(a, "a")
	export(b, "b")
	export(a, "a") // again: replaces shard a's files, leaves b's
	for _, table := range []string{"facts", "headline_facts", "reports"} {
		want := count(a, table) + count(b, table)
		if got, files := union(table); got != want {
			t.Errorf("%s: the union of shards a and b reads %d rows from %d files; want %d", table, got, files, want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(out, "*", "year=*", writingPrefix+"*")); len(left) != 0 {
		t.Errorf("files being written left behind: %v", left)
	}
	if _, err := os.Stat(filepath.Join(out, "facts", "year=2023", "b_0.parquet")); err != nil {
		t.Errorf("shard b's 2023 facts: %v", err)
	}
	if got, _ := union("jurisdictions"); got != count(a, "jurisdictions") {
		t.Errorf("jurisdictions: %d rows; want the one division table, %d", got, count(a, "jurisdictions"))
	}
	for _, bad := range []ExportOptions{{Format: FormatCSV, Shard: "a"}, {Format: FormatParquet, Shard: "../a"}, {Format: FormatParquet, Shard: "a b"}} {
		if _, err := a.Export(ctx, out, bad); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("Export(%+v) = %v; want ErrInvalidQuery", bad, err)
		}
	}
}

func mustExportQuery(t *testing.T, table string) string {
	t.Helper()
	et, err := findExportTable(table)
	if err != nil {
		t.Fatal(err)
	}
	return et.query
}
