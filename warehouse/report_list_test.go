package warehouse

import (
	"context"
	"errors"
	"testing"
)

func TestReportList(t *testing.T) {
	ctx := context.Background()
	db := mustOpenMemory(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	mustLoad(t, db,
		report("a.txt", shaA, "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 374, "", 8, 11)),
	)
	all, total, err := db.ReportList(ctx, ReportListFilter{})
	if err != nil || total != 1 || len(all) != 1 {
		t.Fatalf("ReportList = %d rows of %d, %v; want 1", len(all), total, err)
	}
	r := all[0]
	if r.JurisdictionName != "垡头街道" || r.Year != 2022 || r.IndicatorsStated != 1 || r.IndicatorsTotal == 0 {
		t.Errorf("row = %+v", r)
	}
	for _, tc := range []struct {
		f    ReportListFilter
		want int
	}{
		{ReportListFilter{Name: "垡头"}, 1},
		{ReportListFilter{Name: "古城"}, 0},
		{ReportListFilter{Area: "110105"}, 1},
		{ReportListFilter{Area: "33"}, 0},
		{ReportListFilter{Year: 2023}, 0},
		{ReportListFilter{Status: StatusResolved}, 1},
		{ReportListFilter{Status: StatusUnresolved}, 0},
		{ReportListFilter{Status: StatusDuplicate}, 0},
		{ReportListFilter{Status: StatusLowCoverage}, 1},
	} {
		_, n, err := db.ReportList(ctx, tc.f)
		if err != nil || n != tc.want {
			t.Errorf("ReportList(%+v) = %d, %v; want %d", tc.f, n, err, tc.want)
		}
	}
	if _, _, err := db.ReportList(ctx, ReportListFilter{Status: "gone"}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("unknown status = %v; want ErrInvalidQuery", err)
	}
}

// TestRetireReport: a retired report leaves the views and the list, is
// listed as retired, and comes back when restored; nothing is deleted.
func TestRetireReport(t *testing.T) {
	ctx := context.Background()
	db := mustOpenMemory(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	mustLoad(t, db, report("a.txt", shaA, "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 374, "", 8, 11)))
	id := shaA[:16]
	count := func(q string) int {
		t.Helper()
		var n int
		if err := db.sql.QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	views := []string{"headline_facts", "facts_corrected", "coverage", "report_jurisdictions", "headline"}
	if _, err := db.RetireReport(ctx, id, false, "王芳", "x"); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("restore of a report not retired = %v; want ErrInvalidQuery", err)
	}
	if _, err := db.RetireReport(ctx, "0123456789abcdef", true, "王芳", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("retire of an unknown report = %v; want ErrNotFound", err)
	}
	if _, err := db.RetireReport(ctx, id, true, "王芳", "草稿"); err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		if n := count("SELECT count(*) FROM " + v); n != 0 {
			t.Errorf("%s has %d rows of the retired report; want 0", v, n)
		}
	}
	if n := count("SELECT count(*) FROM reports") + count("SELECT count(*) FROM facts"); n != 2 {
		t.Errorf("reports and facts hold %d rows after retiring; want both kept", n)
	}
	if _, n, _ := db.ReportList(ctx, ReportListFilter{}); n != 0 {
		t.Errorf("the list has %d reports after retiring; want 0", n)
	}
	if rows, n, err := db.ReportList(ctx, ReportListFilter{Status: StatusRetired}); err != nil || n != 1 || !rows[0].Retired {
		t.Errorf("the retired list = %+v, %d, %v; want the report, retired", rows, n, err)
	}
	if _, err := db.Report(ctx, id); !errors.Is(err, ErrRetired) || !errors.Is(err, ErrNotFound) {
		t.Errorf("Report of a retired report = %v; want ErrRetired (ErrNotFound)", err)
	}
	if _, err := db.RetireReport(ctx, id, false, "王芳", "是正式稿"); err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		if n := count("SELECT count(*) FROM " + v); n == 0 {
			t.Errorf("%s lacks the restored report", v)
		}
	}
	if h, err := db.Retirements(ctx, id); err != nil || len(h) != 2 || !h[0].Retired || h[1].Retired {
		t.Errorf("Retirements = %+v, %v; want retired then restored", h, err)
	}
}
