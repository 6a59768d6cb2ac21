package sqlbox

import (
	"database/sql"
	"encoding/json"
	"testing"
)

// Every type DuckDB has becomes a JSON value: a type the driver returns
// that the converter does not know is text, never an error (a 500).
func TestEveryTypeBecomesJSON(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// TIME_NS has no Go value in the driver: the worker reads such a
	// result as text (TestEveryTypeIsAnswered).
	rows, err := db.Query(`SELECT * EXCLUDE (time_ns) FROM test_all_types()`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		cut := cellCutter{max: 64 << 10}
		for i, v := range vals {
			if _, err := json.Marshal(cut.value(v)); err != nil {
				t.Errorf("column %s value %#v: %v", cols[i], v, err)
			}
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("test_all_types() returned no rows")
	}
}

func TestCellCutKeepsCharacters(t *testing.T) {
	c := cellCutter{max: 4}
	if got := c.text("法治政府"); got != "法" || c.cut != 1 {
		t.Errorf("text(法治政府) with 4 bytes = %q, cut %d; want 法, 1", got, c.cut)
	}
	if got := c.text("abcd"); got != "abcd" || c.cut != 1 {
		t.Errorf("text(abcd) = %q, cut %d; want it whole", got, c.cut)
	}
}
