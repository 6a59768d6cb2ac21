package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/api"
	"github.com/fazhi/fazhi/dashboards"
	"github.com/fazhi/fazhi/datasets"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
)

func runServe(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg.commonFlags(fs)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address (env FAZHI_ADDR)")
	fs.BoolVar(&cfg.NoSamples, "no-samples", cfg.NoSamples, "do not load the bundled sample reports into an empty warehouse (env FAZHI_NO_SAMPLES)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi serve [--db PATH] [--addr :8080] [--no-samples]\n\nServes the JSON API (/api/...) and the dashboards (/). On first start with an\nempty warehouse it loads the bundled sample reports.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	a, err := newApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	a.db.PrepareDashboards()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("serving", slog.String("addr", ln.Addr().String()), slog.String("db", cfg.DB), slog.String("version", version))
	return a.serve(ctx, ln)
}

// app is a running fazhi server: the warehouse and the HTTP handler on it.
// Tests build one with newApp and serve its handler with httptest.
type app struct {
	db        *warehouse.DB
	handler   http.Handler
	log       *slog.Logger
	exportDir string
}

// newApp opens the warehouse, fills the reference tables, loads the bundled
// sample reports into an empty warehouse (unless cfg.NoSamples), and builds
// the routes.
func newApp(ctx context.Context, cfg Config, log *slog.Logger) (*app, error) {
	// Exports are written here by DuckDB, then streamed: the one directory
	// the warehouse's SQL may touch (warehouse/DESIGN.md).
	exportDir, err := os.MkdirTemp("", "fazhi-export-")
	if err != nil {
		return nil, fmt.Errorf("serve: export directory: %w", err)
	}
	cfg.allowedDirs = []string{exportDir}
	db, err := openWarehouse(ctx, cfg, log)
	if err != nil {
		os.RemoveAll(exportDir)
		return nil, err
	}
	fail := func(err error) (*app, error) { db.Close(); os.RemoveAll(exportDir); return nil, err }
	ref, err := prepareReference(ctx, db)
	if err != nil {
		return fail(err)
	}
	x, err := ingest.NewExtractor(ref)
	if err != nil {
		return fail(err)
	}
	h, err := db.Health(ctx)
	if err != nil {
		return fail(err)
	}
	if h.Reports == 0 && !cfg.NoSamples {
		inputs, err := ingest.FilesFS(datasets.SampleReports(), ".", "datasets/reports/")
		if err != nil {
			return fail(fmt.Errorf("list sample reports: %w", err))
		}
		sum, err := ingestInputs(ctx, db, x, inputs, 0, nil)
		if err != nil {
			return fail(fmt.Errorf("load sample reports: %w", err))
		}
		log.Info("empty warehouse: loaded the bundled sample reports", slog.String("summary", sum.String()))
	}

	r := gin.New()
	r.Use(api.AccessLog(log), gin.Recovery())
	api.New(db, log, api.Config{SQL: warehouse.ReadOnlyLimits{
		MaxRows: cfg.SQLMaxRows, Timeout: cfg.SQLTimeout, MaxLength: warehouse.DefaultReadOnlyLimits.MaxLength,
	}, Token: cfg.Token, Ingest: uploadIngest(db, x), MaxUpload: cfg.MaxUpload, ExportDir: exportDir}).Register(r)
	dashboards.New(db, log, dashboards.Config{}).Register(r)
	if cfg.Token == "" {
		log.Info("FAZHI_TOKEN is not set: corrections and uploads are refused (403)")
	}
	return &app{db: db, handler: r, log: log, exportDir: exportDir}, nil
}

// serve answers on ln until ctx ends, then shuts down gracefully.
func (a *app) serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: a.handler, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	a.log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Close closes the warehouse and removes the export staging directory.
func (a *app) Close() error { return errors.Join(a.db.Close(), os.RemoveAll(a.exportDir)) }
