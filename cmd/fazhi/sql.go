package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/fazhi/fazhi/warehouse"
)

func runSQL(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sql", flag.ContinueOnError)
	cfg.commonFlags(fs)
	format := fs.String("format", "table", "output: table, csv or json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi sql [--db PATH] [--format table|csv|json] \"SELECT ...\"\n\nRuns one read-only query (SELECT or WITH ... SELECT) against the warehouse.")
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
	db, err := openWarehouseReadOnly(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.QueryReadOnly(ctx, fs.Arg(0), warehouse.ReadOnlyLimits{
		MaxRows: cfg.SQLMaxRows, Timeout: cfg.SQLTimeout, MaxLength: warehouse.DefaultReadOnlyLimits.MaxLength,
	})
	if err != nil {
		return fmt.Errorf("sql: %w", err)
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	case "csv":
		w := csv.NewWriter(stdout)
		w.Write(res.Columns)
		for _, row := range res.Rows {
			w.Write(cells(row))
		}
		w.Flush()
		return w.Error()
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

func cells(row []any) []string {
	out := make([]string, len(row))
	for i, v := range row {
		out[i] = cell(v)
	}
	return out
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		return "[" + strings.Join(cells(x), ", ") + "]"
	default:
		return fmt.Sprint(x)
	}
}

// maxCell is the widest a table cell is printed, in terminal columns.
const maxCell = 60

// writeTable prints an aligned table; Chinese characters count two columns.
func writeTable(w io.Writer, res warehouse.ResultSet) {
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
