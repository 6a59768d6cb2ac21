package warehouse_test

import (
	"context"
	"testing"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/warehousetest"
)

func TestQuotes(t *testing.T) {
	ctx := context.Background()
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	rows, err := db.QueryReadOnly(ctx, `SELECT fact_id, quote FROM facts ORDER BY fact_id LIMIT 1500`, warehouse.ReadOnlyLimits{MaxRows: 2000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	var ids []string
	for _, r := range rows.Rows {
		want[r[0].(string)] = r[1].(string)
		ids = append(ids, r[0].(string))
	}
	if len(ids) < 100 {
		t.Fatalf("samples have %d facts; want at least 100", len(ids))
	}
	got, err := db.Quotes(ctx, append(ids, "no-such-fact"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("Quotes returned %d quotes; want %d (the unknown id left out)", len(got), len(want))
	}
	for id, q := range want {
		if got[id] != q {
			t.Errorf("quote of %s = %q; want %q", id, got[id], q)
		}
	}
	cells := []warehouse.Cell{{FactID: ids[0]}, {FactID: ids[1], Quote: "kept"}, {FactID: "no-such-fact"}}
	if err := db.FillQuotes(ctx, cells); err != nil {
		t.Fatal(err)
	}
	if cells[0].Quote != want[ids[0]] || cells[1].Quote != "kept" || cells[2].Quote != "" {
		t.Errorf("FillQuotes = %+v", cells)
	}
}
