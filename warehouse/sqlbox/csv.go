package sqlbox

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/fazhi/fazhi/warehouse/csvsafe"
)

// WriteCSV writes the result as CSV the way every CSV of fazhi is written
// (package csvsafe: a byte-order mark, formulas neutralised in text cells):
// a header, then one record per row. NULL is an empty cell, numbers and
// booleans as SQL writes them, lists and structs as JSON.
func (r Result) WriteCSV(w io.Writer) error {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(r.Columns); err != nil {
		return err
	}
	rec := make([]string, len(r.Columns))
	for _, row := range r.Rows {
		for i, v := range row {
			rec[i] = Text(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// Text renders a result value as text: "" for NULL, strings as they are,
// numbers and booleans as SQL writes them, lists and structs as JSON.
func Text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
