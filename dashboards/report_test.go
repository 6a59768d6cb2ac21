package dashboards

import (
	"strings"
	"testing"

	"github.com/fazhi/fazhi/warehouse"
)

func TestMarkFacts(t *testing.T) {
	text := "全年受理纠纷374件。\n行政复议案件2件(均驳回申请),调解成功367件。"
	runes := []rune(text)
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return start, start + len([]rune(s))
	}
	s1, e1 := at("374")
	s2, e2 := at("2件")
	e2-- // the number only
	s3, e3 := at("367")
	facts := []warehouse.Fact{
		{FactID: "c", Indicator: "mediation.cases_resolved", Start: s3, End: e3},
		{FactID: "a", Indicator: "mediation.cases_accepted", Start: s1, End: e1},
		{FactID: "b1", Indicator: "reconsideration.as_respondent", Start: s2, End: e2},
		{FactID: "b2", Indicator: "reconsideration.upheld", Start: s2, End: e2},
		{FactID: "x", Indicator: "mediation.cases_resolved", Start: s3 + 1, End: e3 + 2}, // overlaps c
		{FactID: "bad", Indicator: "mediation.cases_resolved", Start: 0, End: len(runes) + 5},
	}
	paras, marked := markFacts(text, facts)
	if len(paras) != 2 {
		t.Fatalf("markFacts made %d paragraphs; want 2", len(paras))
	}
	var rebuilt []string
	for _, p := range paras {
		var b strings.Builder
		for _, pc := range p.Pieces {
			b.WriteString(pc.Text)
		}
		rebuilt = append(rebuilt, b.String())
	}
	if got := strings.Join(rebuilt, "\n"); got != text {
		t.Errorf("paragraphs rebuild %q; want the text back", got)
	}
	for _, id := range []string{"a", "b1", "b2", "c"} {
		if !marked[id] {
			t.Errorf("fact %s not marked", id)
		}
	}
	for _, id := range []string{"x", "bad"} {
		if marked[id] {
			t.Errorf("fact %s marked; want it left out (overlap or out of range)", id)
		}
	}
	var shared []warehouse.Fact
	for _, pc := range paras[1].Pieces {
		if pc.Text == "2" {
			shared = pc.Facts
		}
	}
	if len(shared) != 2 {
		t.Errorf("the number 2 carries %d facts; want both reconsideration facts", len(shared))
	}
}
