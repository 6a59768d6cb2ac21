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
