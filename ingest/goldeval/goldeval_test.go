package goldeval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest/extract"
)

func TestReadGold(t *testing.T) {
	in := `{"file": "a.txt", "indicator": "mediation.cases_accepted", "value": 167, "unit": "件", "raw_unit": "宗", "approx": false, "scope": "", "quote": "受理调解案件167宗", "note": ""}

{"file": "a.txt", "indicator": "litigation.lost", "value": 0, "unit": "件", "raw_unit": "", "approx": false, "scope": "", "quote": "全年无败诉案件", "note": "zero"}
`
	gold, err := ReadGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 2 || gold[0].Value != 167 || gold[0].RawUnit != "宗" || gold[1].Indicator != "litigation.lost" {
		t.Errorf("ReadGold = %+v; want the two facts", gold)
	}
	for _, bad := range []string{`{"file": "a.txt"`, `{"value": 1}`} {
		if _, err := ReadGold(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadGold(%q) error = nil; want an error", bad)
		}
	}
}

func TestScore(t *testing.T) {
	gold := []Gold{
		{File: "a", Indicator: "mediation.cases_accepted", Value: 167, Scope: "驻所调解室"},
		{File: "a", Indicator: "mediation.cases_resolved", Value: 164},
		{File: "a", Indicator: "supervision.npc_suggestions", Value: 142},
		{File: "a", Indicator: "supervision.npc_suggestions", Value: 142},
		{File: "b", Indicator: "litigation.lost", Value: 0},
	}
	got := map[string][]extract.Fact{
		"a": {
			{Indicator: "mediation.cases_accepted", Value: 167},
			{Indicator: "mediation.cases_resolved", Value: 160},               // wrong value
			{Indicator: "supervision.npc_suggestions", Value: 142},            // one of two
			{Indicator: "mediation.success_rate", Value: 98.2, Derived: true}, // not scored
		},
		"b":     {{Indicator: "litigation.lost", Value: 0}, {Indicator: "litigation.cases", Value: 7}},
		"other": {{Indicator: "litigation.cases", Value: 1}}, // no gold line: annotated with no fact, so spurious
	}
	s := Score(gold, got)
	if want := (Count{Gold: 5, Got: 6, Matched: 3}); s.Overall != want {
		t.Errorf("Score overall = %+v; want %+v", s.Overall, want)
	}
	if want := (Count{Gold: 2, Got: 2, Matched: 1}); s.ByCategory["mediation"] != want {
		t.Errorf("Score mediation = %+v; want %+v", s.ByCategory["mediation"], want)
	}
	if want := (Count{Gold: 2, Got: 1, Matched: 1}); s.ByIndicator["supervision.npc_suggestions"] != want {
		t.Errorf("Score npc = %+v; want %+v", s.ByIndicator["supervision.npc_suggestions"], want)
	}
	if len(s.Missed) != 2 || len(s.Spurious) != 3 {
		t.Errorf("Score missed %d spurious %d; want 2 and 3", len(s.Missed), len(s.Spurious))
	}
	if s.SameScope != 2 || s.SameApprox != 3 {
		t.Errorf("Score same scope %d, same approx %d; want 2 and 3", s.SameScope, s.SameApprox)
	}
	if p, r := s.Overall.Precision(), s.Overall.Recall(); p != 0.5 || r != 0.6 {
		t.Errorf("Score P, R = %v, %v; want 0.5, 0.6", p, r)
	}
	if f := s.Overall.F1(); f < 0.5454 || f > 0.5455 {
		t.Errorf("Score F1 = %v; want 6/11", f)
	}
}

func TestCountEdges(t *testing.T) {
	if c := (Count{}); c.Precision() != 1 || c.Recall() != 1 || c.F1() != 1 {
		t.Errorf("empty Count P/R/F1 = %v %v %v; want 1 1 1", c.Precision(), c.Recall(), c.F1())
	}
	if c := (Count{Gold: 3, Got: 2}); c.F1() != 0 {
		t.Errorf("Count{3,2,0}.F1() = %v; want 0", c.F1())
	}
}

func TestCompareReportsAndTable(t *testing.T) {
	reps := `{"file":"a","jurisdiction":"桥头镇","level":"镇","division_code":"441900107","year":2019}
{"file":"b","jurisdiction":"城东区","level":"区","division_code":"630102","year":2020}
{"file":"c","jurisdiction":"古城街道","year":2024}
{"file":"d","jurisdiction":"垡头街道","level":"街道","division_code":"110105019","year":2023}
{"file":"e","jurisdiction":"桥头镇","year":2023}`
	want, err := ReadReports(strings.NewReader(reps))
	if err != nil {
		t.Fatal(err)
	}
	got := []Report{
		{File: "a", DivisionCode: "441900107", Year: 2019},
		{File: "b", DivisionCode: "630103", Year: 2020},
		{File: "c", Jurisdiction: "古城街道", Year: 2023},
		{File: "d", Jurisdiction: "垡头街道", Year: 2023},                           // unresolved: not right
		{File: "e", Jurisdiction: "桥头镇", DivisionCode: "441900107", Year: 2023}, // a guessed code: not right
	}
	s := Score(nil, nil)
	s.CompareReports(want, got)
	if s.Reports != 5 || s.Jurisdiction != 2 || s.Year != 4 {
		t.Errorf("CompareReports = %d reports, %d jurisdictions, %d years; want 5, 2, 4", s.Reports, s.Jurisdiction, s.Year)
	}
	var buf bytes.Buffer
	if err := s.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"overall", "jurisdiction accuracy", "2/5", "year accuracy"} {
		if !strings.Contains(buf.String(), w) {
			t.Errorf("WriteTable output lacks %q:\n%s", w, buf.String())
		}
	}
	if _, err := ReadReports(strings.NewReader(`{"file":`)); err == nil {
		t.Error("ReadReports(truncated) error = nil; want an error")
	}
}
