package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
)

// openWarehouse opens the warehouse for writing, with a message that says
// what to do when another process holds it.
func openWarehouse(ctx context.Context, cfg Config, log *slog.Logger) (*warehouse.DB, error) {
	return openWarehouseWith(ctx, cfg, log, "")
}

// openWarehouseWith is openWarehouse with DuckDB's checkpoint threshold
// (warehouse.Config.CheckpointThreshold).
func openWarehouseWith(ctx context.Context, cfg Config, log *slog.Logger, checkpoint string) (*warehouse.DB, error) {
	db, err := warehouse.Open(ctx, warehouse.Config{Path: cfg.DB, Threads: cfg.Threads, MemoryLimit: cfg.Memory,
		AllowedDirectories: cfg.allowedDirs, Log: log, MinConfidence: cfg.MinConfidence, CheckpointThreshold: checkpoint})
	if errors.Is(err, warehouse.ErrLocked) {
		return nil, fmt.Errorf("%w\n  another fazhi (probably `fazhi serve`) holds %s; stop it first, or ingest through the running server:\n  fazhi ingest --server http://HOST:8080 --token $FAZHI_TOKEN PATH...", err, cfg.DB)
	}
	return db, err
}

// openWarehouseReadOnly opens an existing warehouse for reading only; how
// says what to do instead while a server holds it.
func openWarehouseReadOnly(ctx context.Context, cfg Config, how string) (*warehouse.DB, error) {
	if _, err := os.Stat(cfg.DB); err != nil {
		return nil, fmt.Errorf("no warehouse at %s: run `fazhi ingest PATH...` or `fazhi serve` first, or set --db", cfg.DB)
	}
	db, err := warehouse.Open(ctx, warehouse.Config{Path: cfg.DB, ReadOnly: true, Threads: cfg.Threads, MemoryLimit: cfg.Memory, MinConfidence: cfg.MinConfidence})
	if errors.Is(err, warehouse.ErrLocked) {
		return nil, fmt.Errorf("%w\n  a running `fazhi serve` holds %s; %s", err, cfg.DB, how)
	}
	return db, err
}

// prepareReference loads the division table and (re)writes the reference
// tables: the indicator catalog every time (it is small and may have grown),
// the division table when the warehouse's copy differs in size.
func prepareReference(ctx context.Context, db *warehouse.DB) (ingest.Reference, error) {
	var none ingest.Reference
	ref, err := ingest.LoadReference()
	if err != nil {
		return none, fmt.Errorf("load reference data: %w", err)
	}
	table := ref.Table
	mem := memory.NewGoAllocator()
	inds, err := ingest.IndicatorBatch(mem)
	if err != nil {
		return none, err
	}
	defer inds.Release()
	if err := db.ReplaceReference(ctx, "indicators", inds); err != nil {
		return none, err
	}
	n, err := db.JurisdictionCount(ctx)
	if err != nil {
		return none, err
	}
	if n != table.Len() {
		jur, err := ingest.JurisdictionBatch(mem, table)
		if err != nil {
			return none, err
		}
		defer jur.Release()
		if err := db.ReplaceReference(ctx, "jurisdictions", jur); err != nil {
			return none, err
		}
	}
	return ref, nil
}
