package sqlbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Limits bound one researcher's query.
type Limits struct {
	// Timeout is how long a query may run; past it its worker is killed.
	Timeout time.Duration
	// MaxRows is the row cap: rows past it are dropped (Truncated).
	MaxRows int
	// MaxBytes caps the rows of an answer, as JSON: rows past it are
	// dropped (Truncated).
	MaxBytes int
	// MaxCell caps one text value, in bytes: longer text is cut (CellsCut).
	MaxCell int
	// MaxLength is the longest SQL text accepted, in characters.
	MaxLength int
}

// DefaultLimits are the limits of POST /api/sql and `fazhi sql`.
var DefaultLimits = Limits{Timeout: 10 * time.Second, MaxRows: 10000, MaxBytes: 16 << 20, MaxCell: 64 << 10, MaxLength: 20000}

// Result is the answer to a query. Values are JSON values: strings,
// json.Number, booleans, nil, and lists and maps of those.
type Result struct {
	Columns []string `json:"columns"`
	// Types are DuckDB's names of the columns' types.
	Types []string `json:"types"`
	Rows  [][]any  `json:"rows"`
	// Truncated says rows were dropped; TruncatedBy says which cap dropped
	// them: "rows" (Limits.MaxRows) or "bytes" (Limits.MaxBytes).
	Truncated   bool   `json:"truncated"`
	TruncatedBy string `json:"truncated_by,omitempty"`
	// CellsCut counts the text values cut to Limits.MaxCell bytes.
	CellsCut int `json:"cells_cut"`
	// AsOf is when the data queried was published (Source.AsOf).
	AsOf time.Time `json:"as_of"`
}

// result turns a worker's answer into a Result.
func result(a answer, src Source) (Result, error) {
	res := Result{Columns: a.Columns, Types: a.Types, Rows: make([][]any, 0, len(a.Rows)),
		Truncated: a.Truncated != "", TruncatedBy: a.Truncated, CellsCut: a.CellsCut, AsOf: src.AsOf.UTC()}
	if res.Columns == nil {
		res.Columns = []string{}
	}
	if res.Types == nil {
		res.Types = []string{}
	}
	for i, raw := range a.Rows {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var row []any
		if err := dec.Decode(&row); err != nil {
			return res, fmt.Errorf("decode row %d: %w", i, err)
		}
		res.Rows = append(res.Rows, row)
	}
	return res, nil
}
