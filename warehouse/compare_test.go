package warehouse

import (
	"context"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/fazhi/fazhi/datasets/synth"
	"github.com/fazhi/fazhi/warehouse/readmodel"
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
	for _, f := range []readmodel.CompareFilter{
		{Indicator: "mediation.cases_accepted", Year: 2020},
		{Indicator: "mediation.success_rate"},
		{Indicator: "publicity.events", Year: 2024, Level: "镇"},
	} {
		all, err := snapOf(t, db).Compare(f)
		if err != nil || len(all) < 20 {
			t.Fatalf("Compare(%+v) = %d rows, %v; want at least 20", f, len(all), err)
		}
		var paged []readmodel.CompareRow
		for offset := 0; offset < len(all); offset += 7 {
			p, err := snapOf(t, db).ComparePaged(f, offset, 7)
			if err != nil || p.Total != len(all) {
				t.Fatalf("ComparePaged(%+v, %d, 7) total %d, %v; want %d", f, offset, p.Total, err, len(all))
			}
			paged = append(paged, p.Rows...)
		}
		if !reflect.DeepEqual(paged, all) {
			t.Errorf("ComparePaged(%+v) pages put together differ from Compare", f)
		}
		if p, _ := snapOf(t, db).ComparePaged(f, len(all)+5, 7); len(p.Rows) != 0 || p.Total != len(all) {
			t.Errorf("ComparePaged past the end = %d rows, total %d; want none of %d", len(p.Rows), p.Total, len(all))
		}

		const minCases = 10000 // most synthetic rates with counts fall under it
		r, err := snapOf(t, db).CompareRanked(f, minCases, len(all))
		if err != nil || r.Total+r.UnrankedTotal != len(all) || len(r.Ranked) != r.Total || len(r.Unranked) != r.UnrankedTotal {
			t.Fatalf("CompareRanked(%+v) = %d+%d of %d+%d, %v; want all %d rows", f, len(r.Ranked), len(r.Unranked), r.Total, r.UnrankedTotal, err, len(all))
		}
		checkRanking(t, f, r, all, minCases)
		if f.Indicator == "mediation.success_rate" && !slices.ContainsFunc(r.Unranked, func(u readmodel.UnrankedRow) bool { return u.Reason == readmodel.UnrankedSmall }) {
			t.Errorf("no success rate with counts under %d: the split is not tested", minCases)
		}
		if r, _ := snapOf(t, db).CompareRanked(f, minCases, 3); len(r.Ranked) > 3 || len(r.Unranked) > 3 || r.Total+r.UnrankedTotal != len(all) {
			t.Errorf("CompareRanked(limit 3) = %d and %d rows of %d+%d; want at most 3 each, totals of all", len(r.Ranked), len(r.Unranked), r.Total, r.UnrankedTotal)
		}
	}
}

// checkRanking checks a ranking of all (Compare's rows) against the rule
// of rank.go: every row is ranked or listed apart, once; a row listed apart
// shows its reason, a ranked row none; the listed rows keep Compare's
// order; the ranked ones go best first, equal values sharing a rank.
func checkRanking(t *testing.T, f readmodel.CompareFilter, r readmodel.CompareRanking, all []readmodel.CompareRow, minCases int) {
	t.Helper()
	seen := map[string]int{}
	for _, row := range all {
		seen[row.FactID]++
	}
	var apart []readmodel.CompareRow
	for _, u := range r.Unranked {
		seen[u.FactID]--
		apart = append(apart, u.CompareRow)
		if must, may := reasonOf(u.CompareRow, minCases); !slices.Contains(append(must, may...), u.Reason) {
			t.Errorf("CompareRanked(%+v): %s %d listed apart as %q; its row says %v", f, u.JurisdictionName, u.Year, u.Reason, must)
		}
	}
	var order []readmodel.CompareRow
	for _, row := range all {
		if slices.ContainsFunc(apart, func(a readmodel.CompareRow) bool { return a.FactID == row.FactID }) {
			order = append(order, row)
		}
	}
	if !reflect.DeepEqual(apart, order) {
		t.Errorf("CompareRanked(%+v): the values listed apart are not in Compare's order", f)
	}
	lower := readmodel.Indicator{Code: f.Indicator}.Better() == readmodel.BetterLower
	for k, x := range r.Ranked {
		seen[x.FactID]--
		if must, _ := reasonOf(x.CompareRow, minCases); len(must) > 0 {
			t.Errorf("CompareRanked(%+v): %s %d ranked though %v", f, x.JurisdictionName, x.Year, must)
		}
		if k == 0 {
			if x.Rank != 1 {
				t.Errorf("CompareRanked(%+v): first rank %d; want 1", f, x.Rank)
			}
			continue
		}
		prev := r.Ranked[k-1]
		switch {
		case x.Value == prev.Value && (x.Rank != prev.Rank || x.Tied != prev.Tied):
			t.Errorf("CompareRanked(%+v): equal values %v ranked %d (%d tied) and %d (%d tied)", f, x.Value, prev.Rank, prev.Tied, x.Rank, x.Tied)
		case x.Value != prev.Value && (x.Rank != k+1 || (x.Value > prev.Value) != lower):
			t.Errorf("CompareRanked(%+v): row %d value %v rank %d after %v rank %d", f, k, x.Value, x.Rank, prev.Value, prev.Rank)
		}
	}
	for id, n := range seen {
		if n != 0 {
			t.Errorf("CompareRanked(%+v): fact %s appears %d times too few", f, id, n)
		}
	}
}

// reasonOf lists the reasons a row shows that it may not be ranked, and
// the ones it may have beyond them (a derived rate's part-year counts are
// not on its row).
func reasonOf(r readmodel.CompareRow, minCases int) (must, may []string) {
	if r.JurisdictionCode == "" {
		must = append(must, readmodel.UnrankedUnresolved)
	}
	if r.Partial {
		must = append(must, readmodel.UnrankedPartial)
	}
	if slices.Contains(r.Flags, "partial_year") {
		must = append(must, readmodel.UnrankedPartYear)
	} else if r.Derived {
		may = append(may, readmodel.UnrankedPartYear)
	}
	if r.Numerator != nil && r.Denominator != nil && *r.Denominator > 0 {
		n, d := *r.Numerator, *r.Denominator
		if math.Abs(100*n/d-r.Value) > 0.5 {
			must = append(must, readmodel.UnrankedMismatch)
		} else if d < float64(minCases) {
			must = append(must, readmodel.UnrankedSmall)
		}
	}
	return must, may
}
