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
	"regexp"
	"strconv"
	"strings"

	"github.com/fazhi/fazhi/warehouse/csvsafe"
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

// ExportOptions say how Export writes.
type ExportOptions struct {
	// Format is FormatParquet or FormatCSV.
	Format string
	// Shard, when set (Parquet only), names this warehouse's part of a
	// dataset written by several: its files are year=YYYY/<Shard>_0.parquet
	// and only they are replaced, so that each shard warehouse exports into
	// one directory tree beside the others. The division table, the same
	// for every shard, is written once as jurisdictions/data_0.parquet.
	Shard string
}

// shardName is what a shard may be called: it becomes a file name.
var shardName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

func (o ExportOptions) check() error {
	if err := checkFormat(o.Format); err != nil {
		return err
	}
	switch {
	case o.Shard == "":
	case o.Format != FormatParquet:
		return fmt.Errorf("%w: a shard is written as Parquet; CSV has no partitions to share", ErrInvalidQuery)
	case !shardName.MatchString(o.Shard):
		return fmt.Errorf("%w: a shard name is 1–64 letters, digits, _ or - (it names files), not %q", ErrInvalidQuery, o.Shard)
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
// header, UTF-8 with a byte-order mark, text cells that a spreadsheet would
// run as formulas neutralised (package csvsafe). A table's previous export
// in dir is replaced; with opt.Shard only that shard's files are.
//
// The warehouse is opened with file access closed (DESIGN.md), so dir must
// be inside one of Config.AllowedDirectories.
func (db *DB) Export(ctx context.Context, dir string, opt ExportOptions) ([]ExportResult, error) {
	if err := opt.check(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	format := opt.Format
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
		case t.byYear && opt.Shard != "":
			res.Path = filepath.Join(dir, t.name)
			if err := removeShardFiles(res.Path, writingPrefix+opt.Shard); err != nil { // an earlier failed export's
				return out, fmt.Errorf("export %s: %w", t.name, err)
			}
			// Written under a hidden name, then put in place of the shard's
			// old files: a failed export leaves the old ones. The name is
			// checked (shardName): it needs no quoting beyond quote's.
			opts = "FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), OVERWRITE_OR_IGNORE true, FILENAME_PATTERN " +
				quote(writingPrefix+opt.Shard+"_{i}")
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
		if format == FormatCSV {
			res.Rows, err = db.writeCSV(ctx, t.query, target)
		} else {
			res.Rows, err = db.copyTo(ctx, t.query, target, opts)
		}
		if err == nil && t.byYear && opt.Shard != "" {
			err = replaceShard(res.Path, opt.Shard)
		}
		if err != nil {
			return out, fmt.Errorf("export %s: %w", t.name, err)
		}
		out = append(out, res)
	}
	return out, nil
}

// writingPrefix starts the names of a shard's files being written (hidden
// from readers that skip dot files, and never matched by *_N.parquet of a
// shard name, which starts with a letter or digit).
const writingPrefix = ".writing-"

// replaceShard puts a shard's newly written files in place of its old ones.
func replaceShard(dataset, shard string) error {
	if err := removeShardFiles(dataset, shard); err != nil {
		return err
	}
	written, err := shardFiles(dataset, writingPrefix+shard)
	if err != nil {
		return err
	}
	for _, f := range written {
		if err := os.Rename(f, filepath.Join(filepath.Dir(f), strings.TrimPrefix(filepath.Base(f), writingPrefix))); err != nil {
			return err
		}
	}
	return nil
}

// shardFiles lists a shard's files in a partitioned dataset:
// dataset/year=*/<shard>_N.parquet.
func shardFiles(dataset, shard string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dataset, "year=*", shard+"_*.parquet"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		rest := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), shard+"_"), ".parquet")
		if _, err := strconv.Atoi(rest); err == nil { // else another shard's, whose name starts with this one and _
			out = append(out, f)
		}
	}
	return out, nil
}

// removeShardFiles removes a shard's files from a partitioned dataset, so
// that an export that now has fewer years leaves none of the old ones.
func removeShardFiles(dataset, shard string) error {
	files, err := shardFiles(dataset, shard)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	return nil
}

// ExportTable writes one export table to w as a single CSV or Parquet file
// (Parquet keeps year as a column instead of partitioning by it, since a
// stream is one file): StageExport, then the staged file, then its removal.
func (db *DB) ExportTable(ctx context.Context, w io.Writer, table, format, scratchDir string) (rows int64, err error) {
	st, err := db.StageExport(ctx, table, format, scratchDir)
	if err != nil {
		return 0, err
	}
	defer func() { err = errors.Join(err, st.Remove()) }()
	if _, err := st.WriteTo(w); err != nil {
		return 0, err
	}
	return st.Rows, nil
}

// StagedExport is one export table written to a file, ready to be sent.
type StagedExport struct {
	Table, Format string
	// Path is the staged file; Rows the rows in it.
	Path string
	Rows int64
}

// StageExport writes one export table as a single CSV or Parquet file
// into scratchDir, which must be inside Config.AllowedDirectories. Only
// this runs DuckDB: sending the file (WriteTo) does not, so a caller that
// bounds DuckDB's work holds its slot for this part only. An unknown table
// wraps ErrNotFound, an unknown format ErrInvalidQuery. The caller removes
// the file (Remove).
func (db *DB) StageExport(ctx context.Context, table, format, scratchDir string) (StagedExport, error) {
	t, err := findExportTable(table)
	if err != nil {
		return StagedExport{}, err
	}
	if err := checkFormat(format); err != nil {
		return StagedExport{}, fmt.Errorf("export %s: %w", table, err)
	}
	var nonce [8]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return StagedExport{}, fmt.Errorf("export %s: %w", table, err)
	}
	st := StagedExport{Table: table, Format: format,
		Path: filepath.Join(scratchDir, table+"-"+hex.EncodeToString(nonce[:])+"."+format)}
	if format == FormatCSV {
		st.Rows, err = db.writeCSV(ctx, t.query, st.Path)
	} else {
		st.Rows, err = db.copyTo(ctx, t.query, st.Path, "FORMAT parquet, COMPRESSION zstd")
	}
	if err != nil {
		return StagedExport{}, errors.Join(fmt.Errorf("export %s: %w", table, err), removeIfThere(st.Path))
	}
	return st, nil
}

// WriteTo sends the staged file to w.
func (st StagedExport) WriteTo(w io.Writer) (int64, error) {
	f, err := os.Open(st.Path)
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", st.Table, err)
	}
	defer f.Close()
	n, err := io.Copy(w, f)
	if err != nil {
		return n, fmt.Errorf("export %s: send: %w", st.Table, err)
	}
	return n, nil
}

// Remove removes the staged file.
func (st StagedExport) Remove() error { return removeIfThere(st.Path) }

func removeIfThere(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// writeCSV writes query as a CSV file at path the way every CSV of fazhi
// is written (package csvsafe): a byte-order mark first, and text cells a
// spreadsheet would run as formulas neutralised, here in SQL. DuckDB
// writes the rows (COPY) beside path; the mark and the rows then go into
// path.
func (db *DB) writeCSV(ctx context.Context, query, path string) (int64, error) {
	safe, err := db.csvSafeQuery(ctx, query)
	if err != nil {
		return 0, err
	}
	part := path + ".part"
	defer removeIfThere(part)
	rows, err := db.copyTo(ctx, safe, part, "FORMAT csv, HEADER true")
	if err != nil {
		return 0, err
	}
	if err := prependBOM(part, path); err != nil {
		return 0, err
	}
	return rows, nil
}

// csvSafeQuery wraps every VARCHAR column of query in csvsafe.SQLExpr.
func (db *DB) csvSafeQuery(ctx context.Context, query string) (string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT column_name, column_type FROM (DESCRIBE `+query+`)`)
	if err != nil {
		return "", translate(ctx, err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return "", translate(ctx, err)
		}
		col := quoteIdent(name)
		if typ == "VARCHAR" {
			col = csvsafe.SQLExpr(col) + " AS " + col
		}
		cols = append(cols, col)
	}
	if err := rows.Err(); err != nil {
		return "", translate(ctx, err)
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM (" + query + ")", nil
}

// prependBOM writes the byte-order mark and then the file part into a new
// file path.
func prependBOM(part, path string) (err error) {
	in, err := os.Open(part)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, out.Close()) }()
	if _, err := io.WriteString(out, csvsafe.BOM); err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	return err
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
