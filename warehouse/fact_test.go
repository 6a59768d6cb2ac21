package warehouse_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/warehousetest"
)

// sampleCounts returns a sample report and its extracted, stated facts
// counted in 件 (so that any whole number is a valid correction).
func sampleCounts(t *testing.T, db *warehouse.DB) (warehouse.Report, []warehouse.Fact) {
	t.Helper()
	ctx := context.Background()
	rows, err := warehouse.QueryRows(ctx, db, `SELECT report_id FROM facts WHERE unit = '件' AND NOT derived
		GROUP BY report_id HAVING count(*) >= 3 ORDER BY report_id LIMIT 1`)
	if err != nil || len(rows) != 1 {
		t.Fatalf("pick a sample report: %v, %v", rows, err)
	}
	rep, err := db.Report(ctx, rows[0][0].(string))
	if err != nil {
		t.Fatal(err)
	}
	var counts []warehouse.Fact
	for _, f := range rep.Facts {
		if f.Unit == "件" && !f.Derived {
			counts = append(counts, f)
		}
	}
	return rep, counts
}

func TestFact(t *testing.T) {
	ctx := context.Background()
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	rep, counts := sampleCounts(t, db)
	extracted, corrected, rejected := counts[0], counts[1], counts[2]

	if _, err := db.Correct(ctx, warehouse.CorrectionInput{Action: warehouse.ActionSet, FactID: corrected.FactID,
		Value: ptrTo(corrected.Value + 1), Author: "李明", Reason: "核对原文"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Correct(ctx, warehouse.CorrectionInput{Action: warehouse.ActionReject, FactID: rejected.FactID,
		Author: "李明", Reason: "不是该指标"}); err != nil {
		t.Fatal(err)
	}
	added, err := db.Correct(ctx, warehouse.CorrectionInput{Action: warehouse.ActionAdd, ReportID: rep.ReportID,
		Indicator: extracted.Indicator, Scope: "驻所调解室", Quote: extracted.Quote, Value: ptrTo(7),
		Author: "王芳", Reason: "漏提"})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("extracted", func(t *testing.T) {
		got, err := db.Fact(ctx, extracted.FactID)
		if err != nil {
			t.Fatalf("Fact(%s): %v", extracted.FactID, err)
		}
		want := record(rep.ReportID, extracted)
		want.ExtractedValue = extracted.Value
		if !sameRecord(got, want) {
			t.Errorf("Fact(%s) = %+v; want %+v", extracted.FactID, got, want)
		}
		if got.Quote == "" || !strings.Contains(rep.Text, got.Quote) {
			t.Errorf("Fact(%s).Quote = %q; want a sentence of the report", extracted.FactID, got.Quote)
		}
	})
	t.Run("corrected", func(t *testing.T) {
		got, err := db.Fact(ctx, corrected.FactID)
		if err != nil {
			t.Fatalf("Fact(%s): %v", corrected.FactID, err)
		}
		want := record(rep.ReportID, corrected)
		want.Value, want.ExtractedValue = corrected.Value+1, corrected.Value
		want.Approx, want.Corrected = false, true
		if !sameRecord(got, want) {
			t.Errorf("Fact(%s) = %+v; want %+v", corrected.FactID, got, want)
		}
	})
	t.Run("added", func(t *testing.T) {
		got, err := db.Fact(ctx, added.FactID)
		if err != nil {
			t.Fatalf("Fact(%s): %v", added.FactID, err)
		}
		start := strings.Index(rep.Text, extracted.Quote)
		start = len([]rune(rep.Text[:start]))
		want := warehouse.FactRecord{Fact: warehouse.Fact{FactID: added.FactID, Indicator: extracted.Indicator,
			Value: 7, Unit: extracted.Unit, RawUnit: extracted.Unit, Scope: "驻所调解室", Quote: extracted.Quote,
			Start: start, End: start + len([]rune(extracted.Quote)), Flags: []string{}, Corrected: true},
			ReportID: rep.ReportID, Added: true, ExtractedValue: 7}
		if !sameRecord(got, want) {
			t.Errorf("Fact(%s) = %+v; want %+v", added.FactID, got, want)
		}
	})
	for _, id := range []string{rejected.FactID, rep.ReportID + "-nosuchfact", ""} {
		if got, err := db.Fact(ctx, id); !errors.Is(err, warehouse.ErrNotFound) {
			t.Errorf("Fact(%q) = %+v, %v; want ErrNotFound", id, got, err)
		}
	}
}

func ptrTo(v float64) *float64 { return &v }

// record is the FactRecord of a fact as Report lists it.
func record(reportID string, f warehouse.Fact) warehouse.FactRecord {
	return warehouse.FactRecord{Fact: f, ReportID: reportID}
}

// sameRecord compares the fields record fills, plus Added and
// ExtractedValue; a rate's parts are not compared (the facts used are counts).
func sameRecord(got, want warehouse.FactRecord) bool {
	if strings.Join(got.Flags, ",") != strings.Join(want.Flags, ",") || got.Flags == nil {
		return false
	}
	got.Numerator, got.Denominator, got.Basis = nil, nil, ""
	return reflect.DeepEqual(got, want)
}
