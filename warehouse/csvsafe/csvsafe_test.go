package csvsafe

import (
	"bytes"
	"database/sql"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

var cells = []struct{ in, want string }{
	{"", ""},
	{"古城街道", "古城街道"},
	{"=cmd|'/C calc'!A0.txt", "'=cmd|'/C calc'!A0.txt"},
	{"+1+1", "'+1+1"},
	{"-2+3", "'-2+3"},
	{"@SUM(A1)", "'@SUM(A1)"},
	{"\t=1", "'\t=1"},
	{"\r=1", "'\r=1"},
	{"-12.5", "-12.5"},
	{"+3", "+3"},
	{"-1e5", "-1e5"},
	{"-.5", "-.5"},
	{"-", "'-"},
	{"-inf", "'-inf"},
	{"- 5", "'- 5"},
	{"a=b", "a=b"},
	{" =1", " =1"},
	{"[=1, 2]", "[=1, 2]"},
}

func TestCell(t *testing.T) {
	for _, c := range cells {
		if got := Cell(c.in); got != c.want {
			t.Errorf("Cell(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// SQLExpr is the same rule in DuckDB's SQL: both must agree on every cell.
func TestSQLExprAgreesWithCell(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range cells {
		var got sql.NullString
		if err := db.QueryRow(`SELECT `+SQLExpr("x")+` FROM (SELECT ?::VARCHAR AS x)`, c.in).Scan(&got); err != nil {
			t.Fatalf("SQLExpr on %q: %v", c.in, err)
		}
		if got.String != c.want {
			t.Errorf("SQLExpr(%q) = %q; want %q (as Cell)", c.in, got.String, c.want)
		}
	}
}

func TestWriterBytes(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.WriteAll([][]string{{"name", "value"}, {"=HYPERLINK(\"x\")", "-3"}, {"他说\"好\"", "@x"}}); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffname,value\n\"'=HYPERLINK(\"\"x\"\")\",-3\n\"他说\"\"好\"\"\",'@x\n"
	if buf.String() != want {
		t.Errorf("Writer wrote %q; want %q", buf.String(), want)
	}
	buf.Reset()
	if err := NewWriter(&buf).Flush(); err != nil || buf.String() != BOM {
		t.Errorf("empty Writer wrote %q, %v; want the byte-order mark alone", buf.String(), err)
	}
}
