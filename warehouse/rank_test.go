package warehouse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// sha returns a distinct report hash for each n.
func sha(n int) string {
	return fmt.Sprintf("%016x", n+1) + strings.Repeat("0", 48)
}

func rateFact(code string, v float64, num, den float64) ingest.Fact {
	f := fact(code, v, "", 0, 2)
	f.Unit, f.RawUnit = "%", "%"
	if den > 0 {
		f.Numerator, f.Denominator = &num, &den
	}
	return f
}

func flagged(f ingest.Fact, flags ...string) ingest.Fact {
	f.Flags = flags
	return f
}

func derived(f ingest.Fact) ingest.Fact {
	f.Derived = true
	return f
}

// rankText prints a ranking as "name:rank/tied ..." and the rows apart as
// "name=reason ...".
func rankText(r readmodel.CompareRanking) (string, string) {
	var ranked, apart []string
	for _, x := range r.Ranked {
		ranked = append(ranked, fmt.Sprintf("%s:%d/%d", x.JurisdictionName, x.Rank, x.Tied))
	}
	for _, u := range r.Unranked {
		apart = append(apart, u.JurisdictionName+"="+u.Reason)
	}
	return strings.Join(ranked, " "), strings.Join(apart, " ")
}

// A ranking holds only whole jurisdictions' whole-year values: a
// sub-body's figure, a part-year figure (or a rate derived from one), an
// unresolved report, a rate its own counts contradict and a rate on too few
// cases are listed apart with their reasons; equal values share a rank
// (1, 1, 3); a rate whose lower values are better ranks from the lowest.
func TestCompareRankedRule(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "受理矛盾纠纷374件。"
	acc := func(v float64) ingest.Fact { return fact("mediation.cases_accepted", v, "", 6, 9) }
	res := func(v float64) ingest.Fact { return fact("mediation.cases_resolved", v, "", 6, 9) }
	mustLoad(t, db,
		report("a.txt", sha(1), "110105019", "垡头街道", 2023, text, acc(500), rateFact("mediation.success_rate", 98, 490, 500),
			rateFact("litigation.loss_rate", 5, 0, 0)),
		report("b.txt", sha(2), "110105001", "建外街道", 2023, text, acc(500), rateFact("mediation.success_rate", 100, 7, 8),
			rateFact("litigation.loss_rate", 5, 0, 0)),
		report("c.txt", sha(3), "110105002", "朝外街道", 2023, text, acc(300), rateFact("mediation.success_rate", 80, 4, 5),
			rateFact("litigation.loss_rate", 10, 0, 0)),
		report("d.txt", sha(4), "110105003", "呼家楼街道", 2023, text, fact("mediation.cases_accepted", 900, "驻所调解室", 6, 9),
			rateFact("litigation.loss_rate", 20, 0, 0)),
		report("e.txt", sha(5), "110105004", "三里屯街道", 2023, text, flagged(acc(800), "partial_year"),
			flagged(res(780), "partial_year"), derived(rateFact("mediation.success_rate", 97.5, 780, 800))),
		report("f.txt", sha(6), "", "城关镇", 2023, text, acc(2000), rateFact("mediation.success_rate", 90, 900, 1000)),
	)
	cases := []struct {
		indicator      string
		ranked, beside string
	}{
		{"mediation.cases_accepted", "垡头街道:1/2 建外街道:1/2 朝外街道:3/1",
			"城关镇=unresolved 呼家楼街道=partial 三里屯街道=partial_year"},
		{"mediation.success_rate", "垡头街道:1/1",
			"建外街道=rate_mismatch 三里屯街道=partial_year 城关镇=unresolved 朝外街道=small_sample"},
		{"litigation.loss_rate", "垡头街道:1/2 建外街道:1/2 朝外街道:3/1 呼家楼街道:4/1", ""},
	}
	for _, tc := range cases {
		r, err := snapOf(t, db).CompareRanked(readmodel.CompareFilter{Indicator: tc.indicator, Year: 2023}, 10, 100)
		if err != nil {
			t.Fatal(err)
		}
		ranked, beside := rankText(r)
		if ranked != tc.ranked || beside != tc.beside {
			t.Errorf("CompareRanked(%s):\n ranked %s\n beside %s\nwant\n ranked %s\n beside %s", tc.indicator, ranked, beside, tc.ranked, tc.beside)
		}
	}
	// The one rule holds on the topic pages too: the part-year, partial and
	// unresolved figures do not lead the ranking, and every cell says why.
	cells, err := snapOf(t, db).TopicCells(readmodel.TopicFilter{Indicators: []string{"mediation.cases_accepted", "mediation.success_rate"},
		RankBy: "mediation.cases_accepted", Year: 2023, Limit: 10, MinCases: 10})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cells {
		s := c.JurisdictionName + ":" + c.Indicator[len("mediation."):]
		if c.Unranked != "" {
			s += "=" + c.Unranked
		}
		if c.Numerator != nil {
			s += fmt.Sprintf("(%g/%g)", *c.Numerator, *c.Denominator)
		}
		got = append(got, s)
	}
	want := "垡头街道:cases_accepted 垡头街道:success_rate(490/500) 建外街道:cases_accepted 建外街道:success_rate=rate_mismatch(7/8) " +
		"朝外街道:cases_accepted 朝外街道:success_rate=small_sample(4/5) 三里屯街道:cases_accepted=partial_year 三里屯街道:success_rate=partial_year(780/800) " +
		"城关镇:cases_accepted=unresolved 城关镇:success_rate=unresolved(900/1000) 呼家楼街道:cases_accepted=partial"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("TopicCells =\n %s\nwant\n %s", g, want)
	}
}

// By default a ranking shows one year and one level: the latest year in
// which a level has readmodel.EnoughToRank rankable values, and that level.
func TestComparisonDefault(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "受理矛盾纠纷374件。"
	acc := func(v float64) ingest.Fact { return fact("mediation.cases_accepted", v, "", 6, 9) }
	town := func(r ingest.Report) ingest.Report { r.Jurisdiction.Level = "镇"; return r }
	mustLoad(t, db,
		report("a.txt", sha(1), "110105019", "垡头街道", 2023, text, acc(1)),
		report("b.txt", sha(2), "110105001", "建外街道", 2023, text, acc(2)),
		report("c.txt", sha(3), "110105002", "朝外街道", 2023, text, acc(3)),
		report("d.txt", sha(4), "110105019", "垡头街道", 2024, text, acc(4)),
		report("e.txt", sha(5), "110105001", "建外街道", 2024, text, acc(5)),
		// A partial figure and an unresolved report do not count.
		report("f.txt", sha(6), "110105002", "朝外街道", 2024, text, fact("mediation.cases_accepted", 9, "调解室", 6, 9)),
		report("g.txt", sha(7), "", "城关街道", 2024, text, acc(7)),
		town(report("h.txt", sha(8), "110112106", "宋庄镇", 2024, text, acc(8))),
	)
	cases := []struct {
		q    readmodel.ComparisonQuery
		want string
	}{
		{readmodel.ComparisonQuery{}, "2023 街道"},
		{readmodel.ComparisonQuery{Year: 2024}, "2024 街道"},
		{readmodel.ComparisonQuery{Level: "镇"}, "2024 镇"},
		{readmodel.ComparisonQuery{AllLevels: true}, "2024 "},
		{readmodel.ComparisonQuery{Parent: "110112"}, "2024 镇"},
		{readmodel.ComparisonQuery{Year: 2023, Level: "镇"}, "2023 镇"},
		{readmodel.ComparisonQuery{Parent: "44"}, "0 "},
	}
	for _, tc := range cases {
		q := tc.q
		q.Indicator = "mediation.cases_accepted"
		got := snapOf(t, db).ComparisonDefault(q)
		if s := fmt.Sprintf("%d %s", got.Year, got.Level); s != tc.want {
			t.Errorf("ComparisonDefault(%+v) = %s; want %s", tc.q, s, tc.want)
		}
	}
}
