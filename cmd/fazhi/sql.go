package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/width"

	"github.com/fazhi/fazhi/warehouse/sqlbox"
)

func runSQL(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sql", flag.ContinueOnError)
	cfg.commonFlags(fs)
	format := fs.String("format", "table", "output: table, csv or json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi sql [--db PATH] [--format table|csv|json] \"SELECT ...\"\n\nRuns one read-only query (SELECT or WITH ... SELECT) against the warehouse, in the same\nsandbox as the server's /api/sql (a worker process, an allow-list, the FAZHI_SQL_* limits).")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("sql: give exactly one query, quoted")
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		return fmt.Errorf("sql: --format must be table, csv or json, not %q", *format)
	}
	// The pool's notes (a worker recycled) are the server's business; a
	// person at a terminal gets the answer or the error.
	quiet := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	res, err := querySandboxed(ctx, cfg, fs.Arg(0), quiet)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	case "csv":
		return res.WriteCSV(stdout)
	default:
		writeTable(stdout, res)
		if res.Truncated {
			fmt.Fprintf(stdout, "(truncated at %d rows: add a LIMIT or raise FAZHI_SQL_MAX_ROWS)\n", len(res.Rows))
		} else {
			fmt.Fprintf(stdout, "(%d rows)\n", len(res.Rows))
		}
		return nil
	}
}

// querySandboxed runs one query in the same sandbox as the server's: a
// worker process opens the warehouse file read-only (this process never
// opens it) under the same allow-list and limits.
func querySandboxed(ctx context.Context, cfg Config, query string, log *slog.Logger) (sqlbox.Result, error) {
	path, err := filepath.Abs(cfg.DB)
	if err != nil {
		return sqlbox.Result{}, fmt.Errorf("sql: %w", err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return sqlbox.Result{}, fmt.Errorf("no warehouse at %s: run `fazhi ingest PATH...` or `fazhi serve` first, or set --db", cfg.DB)
	}
	command, err := workerCommand(cfg)
	if err != nil {
		return sqlbox.Result{}, fmt.Errorf("sql: %w", err)
	}
	pool, err := sqlbox.Start(sqlbox.Config{
		Command: command,
		Workers: 1,
		Limits:  cfg.sqlLimits(),
		Acquire: func(context.Context) (sqlbox.Source, func(), error) {
			return sqlbox.Source{Path: path, AsOf: st.ModTime()}, func() {}, nil
		},
		Log: log,
	})
	if err != nil {
		return sqlbox.Result{}, fmt.Errorf("sql: %w", err)
	}
	defer pool.Close()
	res, err := pool.Query(ctx, query)
	if errors.Is(err, sqlbox.ErrLocked) {
		return res, fmt.Errorf("sql: %w\n  a running `fazhi serve` holds %s; use its SQL page (/sql) or POST /api/sql instead", err, cfg.DB)
	}
	if err != nil {
		return res, fmt.Errorf("sql: %w", err)
	}
	return res, nil
}

func cells(row []any) []string {
	out := make([]string, len(row))
	for i, v := range row {
		out[i] = cell(v)
	}
	return out
}

// cell is a value as the table shows it: NULL for NULL.
func cell(v any) string {
	if v == nil {
		return "NULL"
	}
	return sqlbox.Text(v)
}

// maxCell is the widest a table cell is printed, in terminal columns.
const maxCell = 60

// writeTable prints an aligned table; Chinese characters count two columns.
func writeTable(w io.Writer, res sqlbox.Result) {
	rows := make([][]string, len(res.Rows))
	widths := make([]int, len(res.Columns))
	for i, c := range res.Columns {
		widths[i] = displayWidth(c)
	}
	for r, row := range res.Rows {
		rows[r] = cells(row)
		for i, c := range rows[r] {
			rows[r][i] = truncateCell(strings.ReplaceAll(c, "\n", " "))
			widths[i] = max(widths[i], displayWidth(rows[r][i]))
		}
	}
	line := func(vals []string) {
		for i, v := range vals {
			if i > 0 {
				io.WriteString(w, " | ")
			}
			io.WriteString(w, v+strings.Repeat(" ", widths[i]-displayWidth(v)))
		}
		io.WriteString(w, "\n")
	}
	line(res.Columns)
	sep := make([]string, len(widths))
	for i, n := range widths {
		sep[i] = strings.Repeat("-", n)
	}
	io.WriteString(w, strings.Join(sep, "-+-")+"\n")
	for _, r := range rows {
		line(r)
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func truncateCell(s string) string {
	if displayWidth(s) <= maxCell {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		rw := displayWidth(string(r))
		if n+rw > maxCell-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	return b.String() + "…"
}
