package warehouse

import (
	"context"
	"errors"
	"testing"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

func ptr(v float64) *float64 { return &v }

// headlineValue returns the headline value of an indicator for a jurisdiction
// and year, and whether there is one.
func headlineValue(t *testing.T, db *DB, code string, year int, indicator string) (float64, bool) {
	t.Helper()
	rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: indicator, Year: year})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.JurisdictionCode == code {
			return r.Value, true
		}
	}
	return 0, false
}

const corrText = "全年受理矛盾纠纷374件,调解成功367件。其中驻所调解室受理500余件。"

func corrReport(sha string, facts ...ingest.Fact) ingest.Report {
	return report("a.txt", sha, "110105019", "垡头街道", 2023, corrText, facts...)
}

func TestCorrectSetRejectAddWithHistory(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	accepted := fact("mediation.cases_accepted", 374, "", 8, 11)
	resolved := fact("mediation.cases_resolved", 367, "", 17, 20)
	mustLoad(t, db, corrReport(shaA, accepted, resolved))
	rid := shaA[:16]
	acceptedID := ingest.FactID(rid, accepted)
	resolvedID := ingest.FactID(rid, resolved)

	c, err := db.Correct(ctx, CorrectionInput{Action: ActionSet, FactID: acceptedID, Value: ptr(376), Author: "李明", Reason: "原文表格为376件"})
	if err != nil {
		t.Fatalf("Correct(set): %v", err)
	}
	if c.CorrectionID == 0 || c.ReportID != rid || c.Author != "李明" || c.At.IsZero() || *c.Value != 376 {
		t.Errorf("Correct(set) = %+v; want id, report, author, time and value kept", c)
	}
	if v, _ := headlineValue(t, db, "110105019", 2023, "mediation.cases_accepted"); v != 376 {
		t.Errorf("headline after set = %v; want 376", v)
	}
	assertHeadlineFresh(t, db)

	if _, err := db.Correct(ctx, CorrectionInput{Action: ActionReject, FactID: resolvedID, Author: "李明", Reason: "不是调解成功数"}); err != nil {
		t.Fatalf("Correct(reject): %v", err)
	}
	if _, ok := headlineValue(t, db, "110105019", 2023, "mediation.cases_resolved"); ok {
		t.Error("a rejected fact is still a headline value")
	}

	added, err := db.Correct(ctx, CorrectionInput{Action: ActionAdd, ReportID: rid, Indicator: "mediation.cases_resolved",
		Value: ptr(360), Quote: "调解成功367件", Author: "王芳", Reason: "补录"})
	if err != nil {
		t.Fatalf("Correct(add): %v", err)
	}
	if v, ok := headlineValue(t, db, "110105019", 2023, "mediation.cases_resolved"); !ok || v != 360 {
		t.Errorf("headline after add = %v, %v; want 360", v, ok)
	}
	rep, err := db.Report(ctx, rid)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, f := range rep.Facts {
		if f.FactID == added.FactID {
			found = true
			if got := string([]rune(rep.Text)[f.Start:f.End]); got != "调解成功367件" {
				t.Errorf("added fact span = %q; want the quote", got)
			}
		}
	}
	if !found {
		t.Errorf("Report facts lack the added fact %s", added.FactID)
	}
	// An added fact can itself be corrected.
	if _, err := db.Correct(ctx, CorrectionInput{Action: ActionSet, FactID: added.FactID, Value: ptr(367), Author: "王芳", Reason: "看错了"}); err != nil {
		t.Fatalf("Correct(set added): %v", err)
	}
	if v, _ := headlineValue(t, db, "110105019", 2023, "mediation.cases_resolved"); v != 367 {
		t.Errorf("headline after correcting the added fact = %v; want 367", v)
	}
	// A second set on the same fact wins; the history keeps both.
	if _, err := db.Correct(ctx, CorrectionInput{Action: ActionSet, FactID: acceptedID, Value: ptr(374), Author: "张华", Reason: "复核:原值正确"}); err != nil {
		t.Fatal(err)
	}
	hist, err := db.Corrections(ctx, acceptedID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || *hist[0].Value != 376 || *hist[1].Value != 374 || hist[1].Author != "张华" {
		t.Errorf("Corrections(%s) = %+v; want 376 by 李明 then 374 by 张华", acceptedID, hist)
	}
	if v, _ := headlineValue(t, db, "110105019", 2023, "mediation.cases_accepted"); v != 374 {
		t.Errorf("headline after second set = %v; want 374", v)
	}
	assertHeadlineFresh(t, db)
	if h, err := db.Corrections(ctx, resolvedID); err != nil || len(h) != 1 {
		t.Errorf("Corrections(rejected) = %v, %v; want its rejection", h, err)
	}
	if _, err := db.Corrections(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Corrections(unknown) error = %v; want ErrNotFound", err)
	}
}

func TestCorrectRefusals(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	accepted := fact("mediation.cases_accepted", 374, "", 8, 11)
	mustLoad(t, db, corrReport(shaA, accepted))
	rid := shaA[:16]
	id := ingest.FactID(rid, accepted)
	ok := func(in CorrectionInput) CorrectionInput {
		if in.Author == "" {
			in.Author = "李明"
		}
		if in.Reason == "" {
			in.Reason = "核对"
		}
		return in
	}
	cases := []struct {
		name string
		in   CorrectionInput
		want error
	}{
		{"no action", ok(CorrectionInput{FactID: id, Value: ptr(1)}), ErrInvalidQuery},
		{"bad action", ok(CorrectionInput{Action: "delete", FactID: id}), ErrInvalidQuery},
		{"no author", CorrectionInput{Action: ActionSet, FactID: id, Value: ptr(1), Reason: "x"}, ErrInvalidQuery},
		{"blank reason", CorrectionInput{Action: ActionSet, FactID: id, Value: ptr(1), Author: "x", Reason: "  "}, ErrInvalidQuery},
		{"set without value", ok(CorrectionInput{Action: ActionSet, FactID: id}), ErrInvalidQuery},
		{"set negative", ok(CorrectionInput{Action: ActionSet, FactID: id, Value: ptr(-1)}), ErrInvalidQuery},
		{"set fraction of a count", ok(CorrectionInput{Action: ActionSet, FactID: id, Value: ptr(1.5)}), ErrInvalidQuery},
		{"set unknown fact", ok(CorrectionInput{Action: ActionSet, FactID: "nope", Value: ptr(1)}), ErrNotFound},
		{"reject with value", ok(CorrectionInput{Action: ActionReject, FactID: id, Value: ptr(1)}), ErrInvalidQuery},
		{"reject with quote", ok(CorrectionInput{Action: ActionReject, FactID: id, Quote: "x"}), ErrInvalidQuery},
		{"add with fact id", ok(CorrectionInput{Action: ActionAdd, FactID: id, ReportID: rid, Indicator: "mediation.cases_accepted", Quote: "受理", Value: ptr(1)}), ErrInvalidQuery},
		{"add without quote", ok(CorrectionInput{Action: ActionAdd, ReportID: rid, Indicator: "mediation.cases_accepted", Value: ptr(1)}), ErrInvalidQuery},
		{"add quote not in text", ok(CorrectionInput{Action: ActionAdd, ReportID: rid, Indicator: "mediation.cases_accepted", Quote: "受理1000件", Value: ptr(1000)}), ErrInvalidQuery},
		{"add unknown report", ok(CorrectionInput{Action: ActionAdd, ReportID: "ffffffffffffffff", Indicator: "mediation.cases_accepted", Quote: "受理", Value: ptr(1)}), ErrNotFound},
		{"add unknown indicator", ok(CorrectionInput{Action: ActionAdd, ReportID: rid, Indicator: "nope.none", Quote: "受理", Value: ptr(1)}), ErrNotFound},
		{"add rate over 100", ok(CorrectionInput{Action: ActionAdd, ReportID: rid, Indicator: "mediation.success_rate", Quote: "调解成功367件", Value: ptr(101)}), ErrInvalidQuery},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := db.Correct(ctx, tc.in); !errors.Is(err, tc.want) {
				t.Errorf("Correct(%+v) error = %v; want %v", tc.in, err, tc.want)
			}
		})
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM corrections`).Scan(&n); err != nil || n != 0 {
		t.Errorf("corrections after refusals = %d, %v; want none stored", n, err)
	}
}

func TestCorrectionsSurviveReingest(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	accepted := fact("mediation.cases_accepted", 374, "", 8, 11)
	resolved := fact("mediation.cases_resolved", 367, "", 17, 20)
	mustLoad(t, db, corrReport(shaA, accepted, resolved))
	rid := shaA[:16]
	for _, in := range []CorrectionInput{
		{Action: ActionSet, FactID: ingest.FactID(rid, accepted), Value: ptr(376), Author: "李明", Reason: "表格为376件"},
		{Action: ActionReject, FactID: ingest.FactID(rid, resolved), Author: "李明", Reason: "口径不符"},
		{Action: ActionAdd, ReportID: rid, Indicator: "mediation.cases_accepted", Scope: "驻所调解室", Quote: "驻所调解室受理500余件", Value: ptr(500), Author: "王芳", Reason: "漏提"},
	} {
		if _, err := db.Correct(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	// The same content again: a no-op, corrections untouched.
	if res := mustLoad(t, db, corrReport(shaA, accepted, resolved)); res.Unchanged != 1 || res.CarriedCorrections != 0 {
		t.Errorf("re-ingest of the same content = %+v; want unchanged, nothing carried", res)
	}
	// A changed file from the same source: text gains a prefix, so every span
	// moves; the accepted count is unchanged, the resolved count is now 368.
	newText := "一、总体情况。" + corrText
	shift := len([]rune("一、总体情况。"))
	acc2 := fact("mediation.cases_accepted", 374, "", 8+shift, 11+shift)
	res2 := fact("mediation.cases_resolved", 368, "", 17+shift, 20+shift)
	r2 := report("a.txt", shaA2, "110105019", "垡头街道", 2023, newText, acc2, res2)
	res := mustLoad(t, db, r2)
	if res.Replaced != 1 || res.CarriedCorrections != 2 {
		t.Errorf("Load(changed) = %+v; want 1 replaced, 2 carried (the set and the add; the rejected number changed)", res)
	}
	rid2 := shaA2[:16]
	if v, _ := headlineValue(t, db, "110105019", 2023, "mediation.cases_accepted"); v != 376 {
		t.Errorf("headline accepted after re-ingest = %v; want the corrected 376", v)
	}
	if v, _ := headlineValue(t, db, "110105019", 2023, "mediation.cases_resolved"); v != 368 {
		t.Errorf("headline resolved after re-ingest = %v; want the new report's 368 (the rejection was of 367)", v)
	}
	hist, err := db.Corrections(ctx, ingest.FactID(rid2, acc2))
	if err != nil || len(hist) != 1 || hist[0].CarriedFrom == nil || hist[0].Author != "李明" || hist[0].Reason != "表格为376件" {
		t.Errorf("Corrections(new fact) = %+v, %v; want the carried set with author and reason", hist, err)
	}
	rep, err := db.Report(ctx, rid2)
	if err != nil {
		t.Fatal(err)
	}
	var added int
	for _, f := range rep.Facts {
		if f.Scope == "驻所调解室" {
			added++
			if got := string([]rune(rep.Text)[f.Start:f.End]); got != "驻所调解室受理500余件" {
				t.Errorf("carried added fact span = %q; want its quote in the new text", got)
			}
		}
	}
	if added != 1 {
		t.Errorf("new report has %d added facts; want the carried one", added)
	}
	assertHeadlineFresh(t, db)
	var total int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM corrections`).Scan(&total); err != nil || total != 5 {
		t.Errorf("corrections = %d, %v; want 3 originals + 2 carried copies", total, err)
	}
}

func TestReviewQueue(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	flagged := fact("mediation.cases_resolved", 367, "", 17, 20)
	flagged.Flags = []string{"part_exceeds_whole"}
	approx := fact("mediation.cases_accepted", 500, "", 31, 34)
	approx.Approx = true
	mustLoad(t, db, corrReport(shaA, flagged, approx))
	mustLoad(t, db, report("b.txt", shaB, "", "古城街道", 2023, corrText, fact("mediation.cases_accepted", 374, "", 8, 11)))

	items, err := db.Review(ctx, ReviewFilter{})
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		kind   string
		report string
		reason string
	}
	var got []item
	for _, it := range items {
		for _, r := range it.Reasons {
			got = append(got, item{it.Kind, it.ReportID, r})
		}
	}
	// The unresolved report is one item, not one per fact.
	want := []item{{ReviewKindFact, shaA[:16], "part_exceeds_whole"}, {ReviewKindFact, shaA[:16], "approx_headline"},
		{ReviewKindReport, shaB[:16], "unresolved_jurisdiction"}}
	if len(got) != len(want) {
		t.Fatalf("Review() = %+v; want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Review()[%d] = %+v; want %+v (oldest report first, by position)", i, got[i], want[i])
		}
	}
	items, err = db.Review(ctx, ReviewFilter{Reason: "approx_headline"})
	if err != nil || len(items) != 1 || items[0].Value != 500 {
		t.Errorf("Review(approx_headline) = %+v, %v; want the 500余 fact", items, err)
	}
	if _, err := db.Correct(ctx, CorrectionInput{Action: ActionSet, FactID: items[0].FactID, Value: ptr(500), Author: "李明", Reason: "确认"}); err != nil {
		t.Fatal(err)
	}
	if items, err = db.Review(ctx, ReviewFilter{Reason: "approx_headline"}); err != nil || len(items) != 0 {
		t.Errorf("Review(approx_headline) after confirming = %+v, %v; want empty", items, err)
	}
	if items, err = db.Review(ctx, ReviewFilter{Limit: 1}); err != nil || len(items) != 1 {
		t.Errorf("Review(limit 1) = %d items, %v; want 1", len(items), err)
	}
}
