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
	shard := fs.String("shard", "", "this warehouse's name in a dataset several write (Parquet): writes year=YYYY/NAME_0.parquet and replaces only those")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi export [--db PATH] [--format parquet|csv] [--shard NAME] --out DIR\n\nWrites facts, headline_facts, reports and jurisdictions. Parquet: DIR/<table>/year=YYYY/data_0.parquet,\none dataset per table for Spark, Trino, pandas or DuckDB. CSV: DIR/<table>.csv.\nWith --shard NAME the year files are NAME_0.parquet and other shards' files stay: export each shard\nwarehouse into the same DIR and read the union.")
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
	if *shard != "" && *format != warehouse.FormatParquet {
		return errors.New("export: --shard writes Parquet; CSV has no partitions to share")
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
	res, err := db.Export(ctx, dir, warehouse.ExportOptions{Format: *format, Shard: *shard})
	for _, r := range res {
		fmt.Fprintf(stdout, "%-15s %8d rows  %s\n", r.Table, r.Rows, r.Path)
	}
	if err != nil {
		return err
	}
	return nil
}
