package warehouse

import (
	"context"
	"reflect"
	"testing"

	"github.com/fazhi/fazhi/datasets/synth"
)

// ComparePaged and CompareRanked are views of Compare's rows: pages that
// put together give them all, a ranking that with the small rates holds
// them all in order.
func TestComparePagedAndRanked(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	if err := db.LoadSynthetic(ctx, synthBatches(synth.DefaultConfig(3000), 1000)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []CompareFilter{
		{Indicator: "mediation.cases_accepted", Year: 2020},
		{Indicator: "mediation.success_rate"},
		{Indicator: "publicity.events", Year: 2024, Level: "镇"},
	} {
		all, err := db.Compare(ctx, f)
		if err != nil || len(all) < 20 {
			t.Fatalf("Compare(%+v) = %d rows, %v; want at least 20", f, len(all), err)
		}
		var paged []CompareRow
		for offset := 0; offset < len(all); offset += 7 {
			p, err := db.ComparePaged(ctx, f, offset, 7)
			if err != nil || p.Total != len(all) {
				t.Fatalf("ComparePaged(%+v, %d, 7) total %d, %v; want %d", f, offset, p.Total, err, len(all))
			}
			paged = append(paged, p.Rows...)
		}
		if !reflect.DeepEqual(paged, all) {
			t.Errorf("ComparePaged(%+v) pages put together differ from Compare", f)
		}
		if p, _ := db.ComparePaged(ctx, f, len(all)+5, 7); len(p.Rows) != 0 || p.Total != len(all) {
			t.Errorf("ComparePaged past the end = %d rows, total %d; want none of %d", len(p.Rows), p.Total, len(all))
		}

		const minCases = 10000 // most synthetic rates with counts fall under it
		r, err := db.CompareRanked(ctx, f, minCases, len(all))
		if err != nil || r.Total+r.SmallTotal != len(all) || len(r.Ranked) != r.Total || len(r.Small) != r.SmallTotal {
			t.Fatalf("CompareRanked(%+v) = %d+%d of %d+%d, %v; want all %d rows", f, len(r.Ranked), len(r.Small), r.Total, r.SmallTotal, err, len(all))
		}
		ranked, small := []CompareRow{}, []CompareRow{}
		for _, row := range all {
			if row.Numerator != nil && row.Denominator != nil && *row.Denominator > 0 && *row.Denominator < minCases {
				small = append(small, row)
			} else {
				ranked = append(ranked, row)
			}
		}
		if !reflect.DeepEqual(r.Ranked, ranked) || !reflect.DeepEqual(r.Small, small) {
			t.Errorf("CompareRanked(%+v) split differs from Compare's rows split by their counts", f)
		}
		if f.Indicator == "mediation.success_rate" && len(small) == 0 {
			t.Errorf("no success rate with counts under %d: the split is not tested", minCases)
		}
		if r, _ := db.CompareRanked(ctx, f, minCases, 3); len(r.Ranked) > 3 || len(r.Small) > 3 || r.Total+r.SmallTotal != len(all) {
			t.Errorf("CompareRanked(limit 3) = %d and %d rows of %d+%d; want at most 3 each, totals of all", len(r.Ranked), len(r.Small), r.Total, r.SmallTotal)
		}
	}
}
