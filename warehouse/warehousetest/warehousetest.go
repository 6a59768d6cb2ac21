// Package warehousetest gives tests a real warehouse: a DuckDB file in a
// temporary directory with the reference tables filled, and, on request, the
// bundled sample reports loaded through the real ingest pipeline. It is for
// tests only.
package warehousetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/datasets"
	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
)

// Open returns an empty warehouse with the indicator catalog and the
// division table loaded; it is closed when the test ends. cfg.Path, if
// empty, is a file in a temporary directory.
func Open(t testing.TB, cfg warehouse.Config) *warehouse.DB {
	t.Helper()
	ctx := context.Background()
	if cfg.Path == "" {
		cfg.Path = filepath.Join(t.TempDir(), "fazhi.duckdb")
	}
	db, err := warehouse.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open warehouse: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	mem := memory.NewGoAllocator()
	for _, ref := range []struct {
		table string
		build func() (arrow.RecordBatch, error)
	}{
		{"indicators", func() (arrow.RecordBatch, error) { return ingest.IndicatorBatch(mem) }},
		{"jurisdictions", func() (arrow.RecordBatch, error) { return ingest.JurisdictionBatch(mem, divisionTable(t)) }},
	} {
		rec, err := ref.build()
		if err != nil {
			t.Fatalf("build %s: %v", ref.table, err)
		}
		err = db.ReplaceReference(ctx, ref.table, rec)
		rec.Release()
		if err != nil {
			t.Fatalf("load %s: %v", ref.table, err)
		}
	}
	return db
}

// OpenSamples returns a warehouse opened as Open does, holding the five
// bundled sample reports.
func OpenSamples(t testing.TB, cfg warehouse.Config) *warehouse.DB {
	t.Helper()
	db := Open(t, cfg)
	LoadSamples(t, db)
	return db
}

// LoadSamples loads the five bundled sample reports into db through the
// real ingest pipeline.
func LoadSamples(t testing.TB, db *warehouse.DB) {
	t.Helper()
	ctx := context.Background()
	inputs, err := ingest.FilesFS(datasets.SampleReports(), ".", "")
	if err != nil {
		t.Fatalf("list samples: %v", err)
	}
	err = Extractor(t).Walk(ctx, inputs, ingest.WalkConfig{}, func(ctx context.Context, b *ingest.Batch) error {
		_, err := db.Load(ctx, b)
		return err
	})
	if err != nil {
		t.Fatalf("load samples: %v", err)
	}
	if err := db.RebuildHeadline(ctx); err != nil {
		t.Fatalf("rebuild headline: %v", err)
	}
}

func divisionTable(t testing.TB) *divisions.Table {
	t.Helper()
	table, err := divisions.Load()
	if err != nil {
		t.Fatalf("load division table: %v", err)
	}
	return table
}

// Extractor returns the real ingest extractor with the embedded reference
// data.
func Extractor(t testing.TB) *ingest.Extractor {
	t.Helper()
	ref, err := ingest.LoadReference()
	if err != nil {
		t.Fatalf("load reference data: %v", err)
	}
	x, err := ingest.NewExtractor(ref)
	if err != nil {
		t.Fatalf("new extractor: %v", err)
	}
	return x
}
