package warehouse

import (
	"context"
	"testing"

	"github.com/fazhi/fazhi/ingest"
)

// TestReportHistoryReadsWhatWasDone: each kind of change shows in its own
// list, of its own report only; an untouched report's lists are empty.
func TestReportHistoryReadsWhatWasDone(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	accepted := fact("mediation.cases_accepted", 374, "", 8, 11)
	mustLoad(t, db, corrReport(shaA, accepted), report("b.txt", shaB, "110105001", "建外街道", 2023, corrText, accepted))
	a, b := shaA[:16], shaB[:16]
	lens := func(id string) [3]int {
		t.Helper()
		h, err := db.ReportHistory(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if h.Report == nil || h.Facts == nil || h.Retirements == nil {
			t.Fatalf("ReportHistory(%s) = %+v; want empty lists, not nil", id, h)
		}
		return [3]int{len(h.Report), len(h.Facts), len(h.Retirements)}
	}
	if got := lens(a); got != [3]int{} {
		t.Fatalf("history of an untouched report = %v; want none", got)
	}
	if _, err := db.Correct(ctx, CorrectionInput{Action: ActionSet, FactID: ingest.FactID(a, accepted), Value: ptr(376), Author: "李明", Reason: "表格为376件"}); err != nil {
		t.Fatal(err)
	}
	if got := lens(a); got != [3]int{0, 1, 0} {
		t.Errorf("after a fact's correction: %v; want [0 1 0]", got)
	}
	if _, err := db.CorrectReport(ctx, ReportCorrectionInput{ReportID: a, Action: ReportYear, Year: 2022, Author: "李明", Reason: "落款为2022年"}); err != nil {
		t.Fatal(err)
	}
	if got := lens(a); got != [3]int{1, 1, 0} {
		t.Errorf("after the report's year: %v; want [1 1 0]", got)
	}
	if _, err := db.RetireReport(ctx, a, true, "张伟", "重复上传"); err != nil {
		t.Fatal(err)
	}
	if got := lens(a); got != [3]int{1, 1, 1} {
		t.Errorf("after the retirement: %v; want [1 1 1]", got)
	}
	if got := lens(b); got != [3]int{} {
		t.Errorf("the other report's history = %v; want none", got)
	}
	h, err := db.ReportHistory(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if f := h.Facts[0]; f.Original == nil || *f.Original != 374 || *f.Value != 376 || h.Report[0].Year != 2022 || !h.Retirements[0].Retired {
		t.Errorf("history = %+v; want the fact 374 → 376, the year 2022 and a retirement", h)
	}
}
