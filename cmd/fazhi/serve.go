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
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/api"
	"github.com/fazhi/fazhi/dashboards"
	"github.com/fazhi/fazhi/datasets"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
)

func runServe(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg.commonFlags(fs)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address (env FAZHI_ADDR)")
	fs.BoolVar(&cfg.NoSamples, "no-samples", cfg.NoSamples, "do not load the bundled sample reports into an empty warehouse (env FAZHI_NO_SAMPLES)")
	readOnly := fs.Bool("read-only", false, "serve a read-only replica from the copies a writer publishes into FAZHI_PUBLISH_DIR")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi serve [--db PATH] [--addr :8080] [--no-samples]\n       FAZHI_PUBLISH_DIR=DIR fazhi serve --read-only [--addr :8081]\n\nServes the JSON API (/api/...) and the dashboards (/). On first start with an\nempty warehouse it loads the bundled sample reports. With --read-only it serves\nthe last copy the writer published into DIR, follows the new ones, and writes nothing.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	if *readOnly {
		return serveReplica(ctx, cfg, log, stdout)
	}
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
	fmt.Fprintf(stdout, "fazhi serve: dashboards at %s (API at %[1]sapi/, stop with Ctrl+C)\n", serveURL(cfg.Addr, ln.Addr()))
	return a.serve(ctx, ln)
}

// serveURL is the address a browser on this machine opens for a server
// listening on addr (as configured; bound is where it listens).
func serveURL(addr string, bound net.Addr) string {
	host, _, err := net.SplitHostPort(addr)
	_, port, perr := net.SplitHostPort(bound.String())
	if err != nil || perr != nil {
		return "http://" + bound.String() + "/"
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// app is a running fazhi server: the warehouse, the publisher of its
// copies, the SQL sandbox on them and the HTTP handler. Tests build one
// with newApp and serve its handler with httptest.
type app struct {
	db        *warehouse.DB
	publisher *warehouse.Publisher
	sandbox   *sqlbox.Pool
	handler   http.Handler
	log       *slog.Logger
	exportDir string
	// stopPublishing ends the publisher, published then says it ended.
	stopPublishing context.CancelFunc
	published      chan error
	// sqlTimeout bounds a researcher's query: the write timeout leaves room for it.
	sqlTimeout time.Duration
}

// newApp opens the warehouse, fills the reference tables, loads the bundled
// sample reports into an empty warehouse (unless cfg.NoSamples), and builds
// the routes.
func newApp(ctx context.Context, cfg Config, log *slog.Logger) (*app, error) {
	loc, err := cfg.location()
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
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
	x = x.WithLimits(cfg.reportLimits())
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

	a := &app{db: db, log: log, exportDir: exportDir, sqlTimeout: cfg.SQLTimeout}
	if err := a.startSandbox(cfg); err != nil {
		return fail(errors.Join(err, a.stopSandbox()))
	}
	if cfg.Token == "" {
		log.Info("FAZHI_TOKEN is not set: only logged-in users write (fazhi user add creates them)")
	}
	a.handler = routes(db, log, cfg, loc, api.Config{SQL: a.sandbox, Token: cfg.Token, Ingest: uploadIngest(db, x),
		MaxUpload: cfg.MaxUpload, ExportDir: exportDir})
	return a, nil
}

// routes are the API and the pages on db, behind the access log and, when
// given, more middleware (a replica's refusal of writes). A browser's write
// from a page of another origin is refused before any handler sees it
// (Sec-Fetch-Site / Origin); the forms' tokens are the second check
// (README, "The workbench").
func routes(db *warehouse.DB, log *slog.Logger, cfg Config, loc *time.Location, ac api.Config, more ...gin.HandlerFunc) http.Handler {
	r := gin.New()
	// X-Forwarded-For is believed from the configured proxies only: else a
	// client would choose the address the login throttle counts it by.
	if err := r.SetTrustedProxies(cfg.TrustedProxies); err != nil {
		log.Error("FAZHI_TRUSTED_PROXIES", "err", err) // checked when read; gin's own check is the same
	}
	r.Use(api.AccessLog(log), gin.Recovery())
	r.Use(more...)
	pages := dashboards.New(db, log, dashboards.Config{Location: loc, ReadAuth: cfg.ReadAuth,
		SessionTTL: cfg.SessionTTL, SecureCookies: cfg.SecureCookies})
	ac.Session, ac.ReadAuth = pages.Session, cfg.ReadAuth
	api.New(db, log, ac).Register(r)
	pages.Register(r)
	r.NoRoute(func(c *gin.Context) { // the API answers JSON, the pages Chinese
		if strings.HasPrefix(c.Request.URL.Path, "/api/") {
			api.NotFound(c)
			return
		}
		pages.NotFound(c)
	})
	return http.NewCrossOriginProtection().Handler(r)
}

// startSandbox starts publishing the warehouse's copies and the SQL
// workers that query them: researchers' SQL never runs in this process,
// nor on the file it writes.
func (a *app) startSandbox(cfg Config) error {
	dir := cfg.publishDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("serve: directory of published copies: %w", err)
	}
	a.publisher = warehouse.NewPublisher(a.db, dir, a.log)
	ctx, cancel := context.WithCancel(context.Background())
	a.stopPublishing, a.published = cancel, make(chan error, 1)
	go func() { a.published <- a.publisher.Run(ctx) }()
	command, err := workerCommand(cfg)
	if err != nil {
		return err
	}
	a.sandbox, err = sqlbox.Start(sqlbox.Config{
		Command: command,
		Workers: 2,
		Limits:  cfg.sqlLimits(),
		Acquire: func(ctx context.Context) (sqlbox.Source, func(), error) {
			c, release, err := a.publisher.Acquire(ctx)
			return sqlbox.Source{Path: c.Path, AsOf: c.At}, release, err
		},
		Log: a.log,
	})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// stopSandbox stops the workers, then the publisher (which removes the
// copies nobody uses any more).
func (a *app) stopSandbox() error {
	var errs []error
	if a.sandbox != nil {
		errs = append(errs, a.sandbox.Close())
	}
	if a.stopPublishing != nil {
		a.stopPublishing()
		errs = append(errs, <-a.published)
	}
	return errors.Join(errs...)
}

// Timeouts of the HTTP server (issue 9 §2: a client that sends or reads
// slowly holds a connection, never more). Uploads and downloads that need
// longer set their own deadlines (api: UploadTimeout, StallTimeout).
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	idleTimeout       = 2 * time.Minute
	// writeTimeout leaves room for the slowest page (the first after a
	// large write waits for the dashboards' snapshot) and a SQL query on
	// top of its own time limit.
	writeTimeout = time.Minute
)

// serve answers on ln until ctx ends, then shuts down gracefully.
func (a *app) serve(ctx context.Context, ln net.Listener) error {
	return serveOn(ctx, ln, a.handler, a.log, a.sqlTimeout)
}

// serveOn answers on ln with h until ctx ends, then shuts down gracefully;
// sqlTimeout is the SQL time limit the write timeout leaves room for.
func serveOn(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, sqlTimeout time.Duration) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout + sqlTimeout, IdleTimeout: idleTimeout}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
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

// Close stops the SQL sandbox and the publisher, closes the warehouse and
// removes the export staging directory.
func (a *app) Close() error {
	return errors.Join(a.stopSandbox(), a.db.Close(), os.RemoveAll(a.exportDir))
}
