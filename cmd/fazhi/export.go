package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/fazhi/fazhi/warehouse"
)

func runExport(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	cfg.commonFlags(fs)
	format := fs.String("format", "parquet", "parquet (Hive-partitioned by year) or csv")
	out := fs.String("out", "", "directory to write into (created if missing)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi export [--db PATH] [--format parquet|csv] --out DIR\n\nWrites facts, headline_facts, reports and jurisdictions. Parquet: DIR/<table>/year=YYYY/data_0.parquet,\none dataset per table for Spark, Trino, pandas or DuckDB. CSV: DIR/<table>.csv.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		fs.Usage()
		return errors.New("export: give --out DIR and no other arguments")
	}
	if *format != warehouse.FormatParquet && *format != warehouse.FormatCSV {
		return fmt.Errorf("export: --format must be parquet or csv, not %q", *format)
	}
	dir, err := filepath.Abs(*out)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := os.Stat(cfg.DB); err != nil {
		return fmt.Errorf("no warehouse at %s: run `fazhi ingest PATH...` or `fazhi serve` first, or set --db", cfg.DB)
	}
	// Read-only, with file access opened for dir only (see warehouse/DESIGN.md).
	db, err := warehouse.Open(ctx, warehouse.Config{Path: cfg.DB, ReadOnly: true, Threads: cfg.Threads,
		MemoryLimit: cfg.Memory, AllowedDirectories: []string{dir}})
	if errors.Is(err, warehouse.ErrLocked) {
		return fmt.Errorf("%w\n  a running `fazhi serve` holds %s; download from it instead: GET /api/export/{facts,headline_facts,reports,jurisdictions}.{csv,parquet}", err, cfg.DB)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Export(ctx, dir, *format)
	for _, r := range res {
		fmt.Fprintf(stdout, "%-15s %8d rows  %s\n", r.Table, r.Rows, r.Path)
	}
	if err != nil {
		return err
	}
	return nil
}
