package goldeval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest/extract"
)

func TestHeadlines(t *testing.T) {
	t.Parallel()
	fact := func(code string, v float64, scope string, conf float64, start int, flags ...string) extract.Fact {
		return extract.Fact{Indicator: code, Value: v, Scope: scope, Confidence: conf, Start: start, Flags: flags}
	}
	facts := []extract.Fact{
		// Counts: the whole's largest sure figure, not a sub-body's larger one.
		fact("mediation.cases_accepted", 900, "调解室", 0.99, 1),
		fact("mediation.cases_accepted", 120, "", 0.99, 2),
		fact("mediation.cases_accepted", 150, "", 0.4, 3), // unsure: gives way
		// Rates: the first mentioned.
		fact("mediation.success_rate", 97, "", 0.9, 20),
		fact("mediation.success_rate", 99, "", 0.9, 10),
		// Only a sub-body's: not ranked.
		fact("publicity.events", 12, "法律顾问", 0.99, 30),
		// Only unsure, or part of the year: not ranked.
		fact("publicity.audience", 800, "", 0.3, 40),
		fact("publicity.materials", 5000, "", 0.99, 50, extract.FlagPartialYear),
		// Derived facts are left out.
		{Indicator: "litigation.loss_rate", Value: 10, Confidence: 1, Derived: true},
	}
	var got []string
	for _, h := range Headlines(facts, 0.5) {
		got = append(got, fmt.Sprintf("%s=%g", h.Indicator, h.Value))
	}
	if g, want := strings.Join(got, " "), "mediation.cases_accepted=120 mediation.success_rate=99"; g != want {
		t.Errorf("Headlines = %s; want %s", g, want)
	}

	gold := []Gold{
		{File: "a.txt", Indicator: "mediation.cases_accepted", Value: 120},
		{File: "a.txt", Indicator: "mediation.success_rate", Value: 99, Scope: "调解室"}, // the gold says a sub-body's
		{File: "a.txt", Indicator: "publicity.events", Value: 12, Scope: "法律顾问"},
	}
	var s Scores
	s.ScoreRanked(gold, map[string][]extract.Fact{"a.txt": facts}, 0.5)
	if s.Ranked != (Count{Gold: 1, Got: 2, Matched: 1}) || s.RankingCut != 0.5 ||
		len(s.RankedWrong) != 1 || s.RankedWrong[0].Indicator != "mediation.success_rate" {
		t.Errorf("ScoreRanked = %+v, wrong %+v; want 1 of 2 right, the rate wrong (a sub-body's ranked as the whole's)", s.Ranked, s.RankedWrong)
	}
	var b strings.Builder
	if err := s.WriteTable(&b); err != nil || !strings.Contains(b.String(), "ranked values (cut 0.50)  1/2") {
		t.Errorf("WriteTable = %q, %v; want the ranked values line", b.String(), err)
	}
}
