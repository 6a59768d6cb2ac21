package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/datasets"
)

func mustExtractor(t testing.TB) *Extractor {
	t.Helper()
	ref, err := LoadReference()
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(ref)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

type sampleMeta struct {
	File         string `json:"file"`
	Jurisdiction string `json:"jurisdiction"`
	DivisionCode string `json:"division_code"`
	Path         []string
	Year         int `json:"year"`
}

// Every sample report resolves to its official division and year, and every
// fact it yields holds its number inside its quote, at its span.
func TestExtractSamples(t *testing.T) {
	ctx := context.Background()
	x := mustExtractor(t)
	samples := datasets.SampleReports()
	metaLines, err := fs.ReadFile(samples, "reports.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(metaLines)), "\n") {
		var want sampleMeta
		if err := json.Unmarshal([]byte(line), &want); err != nil {
			t.Fatal(err)
		}
		t.Run(want.File, func(t *testing.T) {
			data, err := fs.ReadFile(samples, want.File)
			if err != nil {
				t.Fatal(err)
			}
			r, err := x.Extract(ctx, want.File, data, Meta{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Jurisdiction.Code != want.DivisionCode || r.Jurisdiction.Name != want.Jurisdiction {
				t.Errorf("jurisdiction = %s %s; want %s %s", r.Jurisdiction.Name, r.Jurisdiction.Code, want.Jurisdiction, want.DivisionCode)
			}
			if strings.Join(r.Jurisdiction.Path, "/") != strings.Join(want.Path, "/") {
				t.Errorf("path = %v; want %v", r.Jurisdiction.Path, want.Path)
			}
			if r.Year != want.Year {
				t.Errorf("year = %d; want %d", r.Year, want.Year)
			}
			if len(r.ID) != 16 || !strings.HasPrefix(r.SHA256, r.ID) {
				t.Errorf("report id %q does not start the content hash %q", r.ID, r.SHA256)
			}
			text := []rune(r.Text)
			for _, f := range r.Facts {
				if f.Derived {
					continue
				}
				num := string(text[f.Start:f.End])
				if !strings.Contains(f.Quote, num) || !strings.Contains(r.Text, f.Quote) {
					t.Errorf("%s=%g: span text %q not in quote %q, or quote not in text", f.Indicator, f.Value, num, f.Quote)
				}
				if f.Flags == nil {
					t.Errorf("%s=%g: nil flags", f.Indicator, f.Value)
				}
			}
		})
	}
}

func TestNewBatchReleasesEverything(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	x := mustExtractor(t)
	data, err := fs.ReadFile(datasets.SampleReports(), "002_d513238c1e646e12.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), "002.txt", data, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBatch(mem, []Report{r})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Release()
	if !b.Reports.Schema().Equal(ReportSchema) || !b.Facts.Schema().Equal(FactSchema) {
		t.Fatal("batch schemas differ from ReportSchema/FactSchema")
	}
	if b.Reports.NumRows() != 1 || int(b.Facts.NumRows()) != len(r.Facts) {
		t.Errorf("batch rows = %d reports, %d facts; want 1, %d", b.Reports.NumRows(), b.Facts.NumRows(), len(r.Facts))
	}
	ids := b.Facts.Column(0).(*array.String)
	seen := map[string]bool{}
	for i := 0; i < ids.Len(); i++ {
		if seen[ids.Value(i)] {
			t.Errorf("fact id %s repeats", ids.Value(i))
		}
		seen[ids.Value(i)] = true
	}
}

// TestBatchApproxColumns checks that the qualifier columns, and the columns
// after them, hold each fact's own fields: a shifted builder index would
// put a scope into approx_kind.
func TestBatchApproxColumns(t *testing.T) {
	data, err := fs.ReadFile(datasets.SampleReports(), "001_54d729c3997a150e.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := mustExtractor(t).Extract(context.Background(), "001.txt", data, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBatch(memory.NewGoAllocator(), []Report{r})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Release()
	column := func(name string) int {
		idx := FactSchema.FieldIndices(name)
		if len(idx) != 1 {
			t.Fatalf("FactSchema has %d fields %q; want 1", len(idx), name)
		}
		return idx[0]
	}
	approx := b.Facts.Column(column("approx")).(*array.Boolean)
	kind := b.Facts.Column(column("approx_kind")).(*array.String)
	scope := b.Facts.Column(column("scope")).(*array.String)
	basis := b.Facts.Column(column("basis")).(*array.String)
	kinds := map[string]int{}
	for i, f := range r.Facts {
		if approx.Value(i) != f.Approx || kind.Value(i) != f.ApproxKind || scope.Value(i) != f.Scope || basis.Value(i) != f.Basis {
			t.Errorf("row %d = approx %v %q scope %q basis %q; want %v %q %q %q", i,
				approx.Value(i), kind.Value(i), scope.Value(i), basis.Value(i), f.Approx, f.ApproxKind, f.Scope, f.Basis)
		}
		kinds[kind.Value(i)]++
	}
	// The sample states 约1502万元 and many 余 figures; both kinds must reach the batch.
	if kinds["about"] == 0 || kinds["at_least"] == 0 || kinds[""] == 0 {
		t.Errorf("approx_kind counts = %v; want exact, at_least and about rows", kinds)
	}
}

func TestWalkReportsBadFilesAndGoesOn(t *testing.T) {
	good, err := fs.ReadFile(datasets.SampleReports(), "004_3f536242070f5f00.txt")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"a/good.txt":  {Data: good},
		"a/empty.txt": {Data: []byte("   \n")},
		"a/bin.txt":   {Data: []byte{0x00, 0x81, 0xff, 0xfe, 0x13, 0x00, 0x9f}},
		"a/skip.csv":  {Data: []byte("x")},
	}
	inputs, err := FilesFS(fsys, "a", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) != 3 {
		t.Fatalf("FilesFS found %d inputs; want 3 (csv skipped)", len(inputs))
	}
	var stored, failed int
	err = mustExtractor(t).Walk(context.Background(), inputs, WalkConfig{BatchSize: 1, OnFile: func(fr FileResult) {
		if fr.Err != nil {
			failed++
		}
	}}, func(ctx context.Context, b *Batch) error {
		stored += int(b.Reports.NumRows())
		return nil
	})
	if !errors.Is(err, ErrFilesFailed) || failed != 2 || stored != 1 {
		t.Errorf("Walk: err %v, %d failed, %d stored; want an error naming 2 failed files and 1 stored", err, failed, stored)
	}
	if err != nil && (!strings.Contains(err.Error(), "empty.txt") || !strings.Contains(err.Error(), "bin.txt")) {
		t.Errorf("Walk error %q does not name both bad files", err)
	}

	// An error from emit stops the walk.
	stop := errors.New("warehouse gone")
	err = mustExtractor(t).Walk(context.Background(), inputs[2:], WalkConfig{}, func(context.Context, *Batch) error { return stop })
	if !errors.Is(err, stop) || errors.Is(err, ErrFilesFailed) {
		t.Errorf("Walk with failing emit = %v; want the emit error, not a per-file failure", err)
	}
}
