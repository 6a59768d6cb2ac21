package warehouse

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/datasets/synth"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// TestSnapshotPatchEqualsRebuild makes writes of every kind after the
// dashboards are in use (loads of new reports, new versions, duplicates,
// corrections of facts and of reports, a bulk load and its end) and checks
// after each that the snapshot the pages read, patched with the
// jurisdiction-years the write touched, is the snapshot a build from
// scratch gives.
func TestSnapshotPatchEqualsRebuild(t *testing.T) {
	ctx := context.Background()
	var logs bytes.Buffer
	db := mustOpen(t)
	db.log = slog.New(slog.NewTextHandler(&logs, nil))
	loadIndicators(t, db)
	table, err := divisions.Load()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := ingest.LoadReference()
	if err != nil {
		t.Fatal(err)
	}
	x, err := ingest.NewExtractor(ref)
	if err != nil {
		t.Fatal(err)
	}
	jur, err := ingest.JurisdictionBatch(memory.NewGoAllocator(), ref.Table)
	if err != nil {
		t.Fatal(err)
	}
	defer jur.Release()
	if err := db.ReplaceReference(ctx, "jurisdictions", jur); err != nil {
		t.Fatal(err)
	}
	var reports []ingest.Report
	for r := range synth.Texts(table, synth.DefaultTextConfig(240)) {
		rep, err := x.Extract(ctx, r.Path, r.Data, ingest.Meta{JurisdictionCode: r.Truth.JurisdictionCode})
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, rep)
	}
	load := func(bulk bool, rs ...ingest.Report) {
		t.Helper()
		b, err := ingest.NewBatch(memory.NewGoAllocator(), rs)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Release()
		if bulk {
			_, err = db.BulkLoad(ctx, b)
		} else {
			_, err = db.Load(ctx, b)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	check := func(what string) {
		t.Helper()
		got := snapOf(t, db)
		want, err := readmodel.Build(ctx, db.sql, readmodel.BuildConfig{Generation: got.Generation(), MinConfidence: db.minConfidence})
		if err != nil {
			t.Fatal(err)
		}
		if g, w := got.Dump(), want.Dump(); g != w {
			t.Fatalf("after %s, the patched snapshot differs from a rebuild:\n%s", what, firstDiff(g, w))
		}
	}
	load(false, reports[:150]...)
	check("the first load") // built from scratch
	db.PrepareDashboards()

	load(false, reports[150:200]...)
	check("a load of new reports")

	// A new version of a file (same source, jurisdiction and year), and a
	// second report for a jurisdiction-year that has one.
	changed := reports[3]
	changed.Text += "\n补充说明。"
	changed.SHA256 = strings.Repeat("ab", 32)
	changed.ID = changed.SHA256[:16]
	dup := reports[7]
	dup.Source = "other/" + dup.Source
	dup.Text += "\n另一份。"
	dup.SHA256 = strings.Repeat("cd", 32)
	dup.ID = dup.SHA256[:16]
	for i := range dup.Facts {
		dup.Facts[i].Value++
	}
	load(false, changed, dup)
	check("a new version and a duplicate")

	var factID string
	if err := db.sql.QueryRowContext(ctx, `SELECT fact_id FROM headline WHERE NOT conflict ORDER BY fact_id LIMIT 1`).Scan(&factID); err != nil {
		t.Fatal(err)
	}
	v := 12345.0
	if _, err := db.Correct(ctx, CorrectionInput{Action: ActionSet, FactID: factID, Value: &v, Author: "测试", Reason: "patch"}); err != nil {
		t.Fatal(err)
	}
	check("a correction of a fact")

	if _, err := db.CorrectReport(ctx, ReportCorrectionInput{ReportID: reports[20].ID, Action: ReportYear, Year: 2030, Author: "测试", Reason: "patch"}); err != nil {
		t.Fatal(err)
	}
	check("a report moved to another year")

	load(true, reports[200:240]...)
	check("a bulk load")
	if err := db.FinishBulk(ctx); err != nil {
		t.Fatal(err)
	}
	check("the end of the bulk")

	// New versions of reports, forty at a time: their old values' quotes
	// stay in the patched snapshots as waste, which a patch compacts once
	// it is a quarter of the quotes.
	wasted, compacted := 0, false
	for k := 0; k+40 <= len(reports) && !compacted; k += 40 {
		var versions []ingest.Report
		for i, r := range reports[k : k+40] {
			r.Text += "\n新版本。"
			r.SHA256 = fmt.Sprintf("%016x%048x", k+i+1, 0)
			r.ID = r.SHA256[:16]
			versions = append(versions, r)
		}
		load(false, versions...)
		check(fmt.Sprintf("new versions of reports %d to %d", k, k+39))
		w := snapOf(t, db).Size().WastedQuoteBytes
		compacted = w < wasted
		wasted = w
	}
	if !compacted {
		t.Errorf("no patch compacted the quotes of the values replaced (%d bytes unused at the end)\n%s", wasted, logs.String())
	}
	if n := strings.Count(logs.String(), "dashboard snapshot patched"); n < 5 {
		t.Errorf("%d snapshots were patched; want one per write after the first\n%s", n, logs.String())
	}
}

// firstDiff shows the first line where two dumps differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\npatched: %.400s\nrebuilt: %.400s", i, g[i], w[i])
		}
	}
	return fmt.Sprintf("patched has %d lines, rebuilt %d", len(g), len(w))
}
