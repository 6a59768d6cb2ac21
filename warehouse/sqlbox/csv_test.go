package sqlbox

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The bytes of a result as CSV: the byte-order mark, text that starts like
// a formula neutralised, negative numbers left as numbers.
func TestResultCSV(t *testing.T) {
	r := Result{Columns: []string{"source", "value", "flags", "missing"}, Rows: [][]any{
		{"=cmd|'/C calc'!A0.txt", json.Number("-5"), []any{"ceiling", "=x"}, nil},
		{"-2+3", json.Number("1.5"), []any{}, true},
	}}
	var buf bytes.Buffer
	if err := r.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffsource,value,flags,missing\n" +
		"'=cmd|'/C calc'!A0.txt,-5,\"[\"\"ceiling\"\",\"\"=x\"\"]\",\n" +
		"'-2+3,1.5,[],true\n"
	if buf.String() != want {
		t.Errorf("WriteCSV =\n%q\nwant\n%q", buf.String(), want)
	}
}
