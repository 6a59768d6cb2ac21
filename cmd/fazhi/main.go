// Command fazhi reads local rule-of-law government reports (法治政府建设情况报告),
// extracts their indicators with the sentences they came from, stores them in
// a DuckDB warehouse and serves comparison dashboards.
//
//	fazhi ingest PATH...        load report files or folders into the warehouse
//	fazhi extract FILE...       print the extraction of each report as JSON lines
//	fazhi eval --gold F DIR     score extraction against hand-checked gold facts
//	fazhi sql "SELECT ..."      run one read-only query against the warehouse
//	fazhi report set|show ID    set a report's jurisdiction or year, or show its history
//	fazhi user add|list|…       manage the workbench's named users
//	fazhi export --out DIR      write the tables as Parquet (or CSV) for other tools
//	fazhi serve                 serve the API and the dashboards
//
// Every subcommand takes --db PATH (env FAZHI_DB, default ./fazhi.duckdb).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/gin-gonic/gin"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	gin.SetMode(gin.ReleaseMode)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	var exit exitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		os.Exit(int(exit))
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "fazhi:", err)
		os.Exit(1)
	}
}

// exitError ends the program with a status after the command has already
// told the user what went wrong.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

const usage = `fazhi — rule-of-law government report analytics

Usage:
  fazhi ingest [--db PATH] [--follow-symlinks] [--manifest FILE.csv] [--within CODE] PATH...   load report files or folders (txt, html, docx, doc, wps, pdf)
  fazhi ingest --server URL --token T [--manifest FILE.csv] [--within CODE] PATH...   the same, through a running server
  fazhi extract FILE...                      print each report's extraction as one JSON line
  fazhi eval --gold FILE.jsonl DIR           score extraction against gold facts
  fazhi sql [--db PATH] [--format table|csv|json] "SELECT ..."
  fazhi report set [--db PATH] (--jurisdiction CODE|--unresolved|--year Y|--counts) --author NAME --reason TEXT REPORT_ID
  fazhi report show [--db PATH] [--format text|json] REPORT_ID
  fazhi user add|list|passwd|disable [--db PATH] [--role viewer|analyst|admin] [NAME]   named users of the workbench
  fazhi export [--db PATH] [--format parquet|csv] --out DIR
  fazhi serve [--db PATH] [--addr :8080] [--no-samples]
  fazhi synth --out DIR [--reports N] [--offset K]   write a synthetic report corpus for benchmarks
  fazhi version

Environment: FAZHI_DB, FAZHI_ADDR, FAZHI_LOG_LEVEL, FAZHI_LOG_FORMAT, FAZHI_THREADS,
FAZHI_MEMORY_LIMIT, FAZHI_SQL_TIMEOUT, FAZHI_SQL_MAX_ROWS, FAZHI_SQL_MAX_BYTES,
FAZHI_SQL_MAX_CELL, FAZHI_SQL_MEMORY, FAZHI_SQL_PROCESS_LIMIT, FAZHI_PUBLISH_DIR,
FAZHI_NO_SAMPLES, FAZHI_TOKEN, FAZHI_MAX_UPLOAD, FAZHI_MAX_REPORT_CHARS,
FAZHI_MAX_REPORT_FACTS (see README).
`

// run is the whole program; tests call it directly.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cfg, err := DefaultConfig().fromEnv(getenv)
	if err != nil {
		return err
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ingest":
		return runIngest(ctx, cfg, rest, stdout, stderr)
	case "extract":
		return runExtract(ctx, cfg, rest, stdout, stderr)
	case "eval":
		return runEval(ctx, cfg, rest, stdout, stderr)
	case "sql":
		return runSQL(ctx, cfg, rest, stdout, stderr)
	case "report":
		return runReport(ctx, cfg, rest, stdout, stderr)
	case "user":
		return runUser(ctx, cfg, rest, stdin, stdout, stderr)
	case "export":
		return runExport(ctx, cfg, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, cfg, rest, stdout, stderr)
	case "synth":
		return runSynth(ctx, rest, stdout, stderr)
	case sqlWorkerCommand:
		// Hidden: serve and sql start it, never a person.
		return runSQLWorker(ctx, cfg, rest, stdin, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "fazhi", version)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
}

// parseFlags parses a subcommand's flags and validates the configuration.
func parseFlags(fs *flag.FlagSet, cfg *Config, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	return cfg.Validate()
}

// newLogger builds the process logger from the configuration.
func newLogger(cfg Config, w io.Writer) *slog.Logger {
	level, _ := cfg.level() // validated
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
