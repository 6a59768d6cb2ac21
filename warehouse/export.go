package warehouse

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Export formats.
const (
	FormatCSV     = "csv"
	FormatParquet = "parquet"
)

// exportTable is one table of the export and the query that produces it.
type exportTable struct {
	name  string
	query string
	// byYear: written Hive-partitioned by year (year=2023/…) in Parquet.
	byYear bool
}

// exportTables are what Export writes, in this order: facts with
// corrections applied and their report's jurisdiction and year, the
// headline values, the reports (with their text, which the facts' spans
// point into) and the division table.
var exportTables = []exportTable{
	{"facts", `SELECT f.fact_id, f.report_id, r.jurisdiction_code, r.jurisdiction_name, r.year, f.indicator, f.value,
		f.unit, f.raw_unit, f.approx, f.approx_kind, f.scope, f.quote, f.start, f."end", f.derived, f.flags, f.numerator,
		f.denominator, f.basis, f.corrected, f.added, f.extracted_value
		FROM facts_corrected f JOIN report_jurisdictions r USING (report_id)
		ORDER BY r.year, f.report_id, f.start, f.fact_id`, true},
	{"headline_facts", `SELECT * EXCLUDE (jurisdiction_key) FROM headline ORDER BY year, indicator, jurisdiction_code, report_id`, true},
	{"reports", `SELECT * FROM reports ORDER BY year, report_id`, true},
	{"jurisdictions", `SELECT * FROM jurisdictions ORDER BY code`, false},
}

// ExportTables lists the names Export writes and ExportTable accepts.
func ExportTables() []string {
	out := make([]string, len(exportTables))
	for i, t := range exportTables {
		out[i] = t.name
	}
	return out
}

func findExportTable(name string) (exportTable, error) {
	for _, t := range exportTables {
		if t.name == name {
			return t, nil
		}
	}
	return exportTable{}, fmt.Errorf("export table %q: %w", name, ErrNotFound)
}

func checkFormat(format string) error {
	if format != FormatCSV && format != FormatParquet {
		return fmt.Errorf("%w: export format must be csv or parquet, not %q", ErrInvalidQuery, format)
	}
	return nil
}

// ExportResult is one table written by Export.
type ExportResult struct {
	Table string `json:"table"`
	Rows  int64  `json:"rows"`
	// Path is the file (CSV, jurisdictions) or the dataset directory
	// (partitioned Parquet).
	Path string `json:"path"`
}

// Export writes every export table into dir with DuckDB's COPY. Parquet:
// dir/<table>/year=YYYY/data_0.parquet (Hive partitions; year=__HIVE_DEFAULT_PARTITION__
// for reports whose year is unknown), one directory per table that Spark,
// Trino, pandas and DuckDB read as one dataset; jurisdictions, which have no
// year, go to dir/jurisdictions/data_0.parquet. CSV: dir/<table>.csv with a
// header. A table's previous export in dir is replaced.
//
// The warehouse is opened with file access closed (DESIGN.md), so dir must
// be inside one of Config.AllowedDirectories.
func (db *DB) Export(ctx context.Context, dir, format string) ([]ExportResult, error) {
	if err := checkFormat(format); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	var out []ExportResult
	for _, t := range exportTables {
		res := ExportResult{Table: t.name}
		var opts string
		switch {
		case format == FormatCSV:
			res.Path = filepath.Join(dir, t.name+".csv")
			opts = "FORMAT csv, HEADER true"
		case t.byYear:
			res.Path = filepath.Join(dir, t.name)
			opts = "FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), OVERWRITE true"
		default:
			if err := os.MkdirAll(filepath.Join(dir, t.name), 0o755); err != nil {
				return out, fmt.Errorf("export %s: %w", t.name, err)
			}
			res.Path = filepath.Join(dir, t.name)
			opts = "FORMAT parquet, COMPRESSION zstd"
		}
		target := res.Path
		if format == FormatParquet && !t.byYear {
			target = filepath.Join(res.Path, "data_0.parquet")
		}
		if res.Rows, err = db.copyTo(ctx, t.query, target, opts); err != nil {
			return out, fmt.Errorf("export %s: %w", t.name, err)
		}
		out = append(out, res)
	}
	return out, nil
}

// ExportTable writes one export table to w as a single CSV or Parquet file
// (Parquet keeps year as a column instead of partitioning by it, since a
// stream is one file). DuckDB writes the file into scratchDir, which must be
// inside Config.AllowedDirectories; the file is removed afterwards. An
// unknown table wraps ErrNotFound, an unknown format ErrInvalidQuery.
func (db *DB) ExportTable(ctx context.Context, w io.Writer, table, format, scratchDir string) (rows int64, err error) {
	t, err := findExportTable(table)
	if err != nil {
		return 0, err
	}
	if err := checkFormat(format); err != nil {
		return 0, fmt.Errorf("export %s: %w", table, err)
	}
	var nonce [8]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return 0, fmt.Errorf("export %s: %w", table, err)
	}
	path := filepath.Join(scratchDir, table+"-"+hex.EncodeToString(nonce[:])+"."+format)
	defer func() {
		if rmErr := os.Remove(path); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
			err = errors.Join(err, rmErr)
		}
	}()
	opts := "FORMAT csv, HEADER true"
	if format == FormatParquet {
		opts = "FORMAT parquet, COMPRESSION zstd"
	}
	if rows, err = db.copyTo(ctx, t.query, path, opts); err != nil {
		return 0, fmt.Errorf("export %s: %w", table, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", table, err)
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return 0, fmt.Errorf("export %s: send: %w", table, err)
	}
	return rows, nil
}

// copyTo runs COPY (query) TO path. Only the fixed queries of exportTables
// reach it; path is quoted as a literal.
func (db *DB) copyTo(ctx context.Context, query, path, opts string) (int64, error) {
	r, err := db.sql.ExecContext(ctx, `COPY (`+query+`) TO `+quote(path)+` (`+opts+`)`)
	if err != nil {
		return 0, translate(ctx, err)
	}
	return r.RowsAffected()
}
