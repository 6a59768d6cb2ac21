package warehouse

import (
	"cmp"
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest"
)

// factRows runs one of the queries of a report's facts: its rows by fact_id.
func factRows(t *testing.T, db *DB, q, id string) [][]any {
	t.Helper()
	rows, err := db.sql.QueryContext(context.Background(), q, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		vals := make([]any, 20)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(a, b []any) int { return strings.Compare(a[0].(string), b[0].(string)) })
	return out
}

// TestStoredFactsAreFactsCorrected holds the shortcut for a report no one
// touched to the view it stands for: the same rows for an untouched
// report; a report with any kind of correction, or retired, read through
// the view; Report and Fact answering as the view does all along.
func TestStoredFactsAreFactsCorrected(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	approx := fact("mediation.cases_accepted", 500, "驻所调解室", 33, 36)
	approx.Approx, approx.ApproxKind, approx.Flags = true, "at_least", []string{"small_sample"}
	rate := fact("mediation.success_rate", 98.1, "", 21, 25)
	num, den := 367.0, 374.0
	rate.Numerator, rate.Denominator, rate.Basis, rate.Unit, rate.RawUnit = &num, &den, "调解成功/受理", "%", "%"
	facts := []ingest.Fact{
		fact("mediation.cases_accepted", 374, "", 8, 11),
		fact("mediation.cases_resolved", 367, "", 17, 20),
		approx, rate,
	}
	mustLoad(t, db, corrReport(shaA, facts...), report("b.txt", shaB, "110105001", "建外街道", 2023, corrText, facts...))
	a, b := shaA[:16], shaB[:16]
	check := func(step string, touchedA, retiredA bool) {
		t.Helper()
		for _, id := range []string{a, b} {
			view := factRows(t, db, factsByReport, id)
			if id == b || !touchedA {
				if stored := factRows(t, db, storedFactsByReport, id); !reflect.DeepEqual(stored, view) {
					t.Errorf("%s: facts as stored of %s differ from facts_corrected:\n%v\n%v", step, id, stored, view)
				}
			}
			if id == a && retiredA {
				if len(view) != 0 {
					t.Fatalf("%s: the view has facts of a retired report", step)
				}
				if _, err := db.Fact(ctx, ingest.FactID(a, facts[0])); !errors.Is(err, ErrNotFound) {
					t.Errorf("%s: Fact of a retired report's fact: %v; want ErrNotFound", step, err)
				}
				continue
			}
			if len(view) == 0 {
				t.Fatalf("%s: no facts in the view for %s", step, id)
			}
			byID := map[any][]any{}
			for _, row := range view {
				byID[row[0]] = row
			}
			r, err := db.Report(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Facts) != len(view) {
				t.Fatalf("%s: Report(%s) has %d facts; the view %d", step, id, len(r.Facts), len(view))
			}
			for i, f := range r.Facts {
				row := byID[f.FactID]
				if row == nil || f.Value != row[3] || f.Corrected != row[14] || len(f.Flags) != len(row[13].([]any)) {
					t.Errorf("%s: Report(%s) fact %d = %+v; the view says %v", step, id, i, f, row)
				}
				if i > 0 && cmp.Or(cmp.Compare(r.Facts[i-1].Start, f.Start), strings.Compare(r.Facts[i-1].Indicator, f.Indicator)) > 0 {
					t.Errorf("%s: Report(%s) facts out of order at %d: %+v after %+v", step, id, i, f, r.Facts[i-1])
				}
				rec, err := db.Fact(ctx, f.FactID)
				if err != nil {
					t.Fatal(err)
				}
				if rec.Added != row[15] || rec.ExtractedValue != row[16] || (rec.Numerator != nil) != (row[17] != nil) || rec.Basis != row[19] && row[19] != nil {
					t.Errorf("%s: Fact(%s) = %+v; the view says %v", step, f.FactID, rec, row)
				}
			}
		}
	}
	check("loaded", false, false)
	for _, c := range []struct {
		step string
		in   CorrectionInput
	}{
		{"set", CorrectionInput{Action: ActionSet, FactID: ingest.FactID(a, facts[0]), Value: ptr(376), Author: "李明", Reason: "表格为376件"}},
		{"confirm", CorrectionInput{Action: ActionSet, FactID: ingest.FactID(a, approx), Value: ptr(500), Author: "李明", Reason: "核实"}},
		{"reject", CorrectionInput{Action: ActionReject, FactID: ingest.FactID(a, facts[1]), Author: "李明", Reason: "口径不符"}},
		{"add", CorrectionInput{Action: ActionAdd, ReportID: a, Indicator: "mediation.cases_resolved", Quote: "调解成功367件", Value: ptr(367), Author: "王芳", Reason: "补录"}},
	} {
		if _, err := db.Correct(ctx, c.in); err != nil {
			t.Fatalf("%s: %v", c.step, err)
		}
		check(c.step, true, false)
	}
	// A retirement alone touches a report too.
	mustLoad(t, db, report("c.txt", shaC, "110105002", "朝外街道", 2023, corrText, facts...))
	a = shaC[:16]
	check("another", false, false)
	if _, err := db.RetireReport(ctx, a, true, "张伟", "重复上传"); err != nil {
		t.Fatal(err)
	}
	check("retired", true, true)
	if _, err := db.RetireReport(ctx, a, false, "张伟", "误撤"); err != nil {
		t.Fatal(err)
	}
	check("restored", true, false)
}
