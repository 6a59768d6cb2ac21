// Package csvsafe is the one rule every CSV file fazhi writes follows, so
// that a spreadsheet opens it as data: a UTF-8 byte-order mark first (Excel
// on a Chinese Windows otherwise reads GBK), and no text cell that a
// spreadsheet would run as a formula.
//
// A cell is neutralised when it begins with '=', '+', '-', '@', a tab or a
// carriage return and is not a plain number: it gets a leading apostrophe,
// which Excel, LibreOffice and WPS show as text and do not display. Numbers
// such as -12.5 or +3 stay numbers. Go code writes through Writer; CSV files
// that DuckDB writes wrap their text columns in the SQL expression of
// SQLExpr, which states the same rule in SQL (a test checks that both agree).
//
// The package imports nothing of fazhi's and may be used by every package.
package csvsafe

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// BOM is the UTF-8 byte-order mark every CSV file starts with.
const BOM = "\ufeff"

// triggers are the first characters that make a spreadsheet read a cell as
// a formula (or, for tab and CR, hide the formula behind white space).
const triggers = "=+-@\t\r"

// numberPattern is a plain decimal number: such a cell is data, whatever its
// sign. It is RE2 syntax, which Go's regexp and DuckDB's regexp_full_match share.
const numberPattern = `[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?`

var number = regexp.MustCompile(`^(?:` + numberPattern + `)$`)

// Cell returns s as it must be written into a CSV cell.
func Cell(s string) string {
	if s == "" || !strings.ContainsRune(triggers, rune(s[0])) || number.MatchString(s) {
		return s
	}
	return "'" + s
}

// SQLExpr returns a DuckDB expression that applies Cell to the VARCHAR
// expression expr (a quoted column name, say).
func SQLExpr(expr string) string {
	chars := make([]string, len(triggers))
	for i := range len(triggers) {
		chars[i] = fmt.Sprintf("chr(%d)", triggers[i])
	}
	return fmt.Sprintf(`CASE WHEN left(%[1]s, 1) IN (%[2]s) AND NOT regexp_full_match(%[1]s, '%[3]s') THEN '''' || %[1]s ELSE %[1]s END`,
		expr, strings.Join(chars, ", "), numberPattern)
}

// Writer writes CSV records with the byte-order mark first and every cell
// passed through Cell.
type Writer struct {
	w       io.Writer
	csv     *csv.Writer
	started bool
	err     error
}

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: w, csv: csv.NewWriter(w)}
}

// Write writes one record.
func (w *Writer) Write(record []string) error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.started = true
		if _, err := io.WriteString(w.w, BOM); err != nil {
			w.err = fmt.Errorf("write csv: %w", err)
			return w.err
		}
	}
	safe := make([]string, len(record))
	for i, c := range record {
		safe[i] = Cell(c)
	}
	if err := w.csv.Write(safe); err != nil {
		w.err = fmt.Errorf("write csv: %w", err)
	}
	return w.err
}

// WriteAll writes the records and flushes.
func (w *Writer) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	return w.Flush()
}

// Flush writes buffered data out (and the byte-order mark of a file with no
// record) and reports the first error.
func (w *Writer) Flush() error {
	if w.err == nil && !w.started {
		w.started = true
		if _, err := io.WriteString(w.w, BOM); err != nil {
			w.err = fmt.Errorf("write csv: %w", err)
		}
	}
	w.csv.Flush()
	if w.err == nil {
		if err := w.csv.Error(); err != nil {
			w.err = fmt.Errorf("write csv: %w", err)
		}
	}
	return w.err
}
