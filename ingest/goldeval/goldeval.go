package goldeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/fazhi/fazhi/ingest/extract"
)

// Gold is one hand-annotated fact of gold.jsonl.
type Gold struct {
	File      string  `json:"file"`
	Indicator string  `json:"indicator"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	RawUnit   string  `json:"raw_unit"`
	Approx    bool    `json:"approx"`
	Scope     string  `json:"scope"`
	Quote     string  `json:"quote"`
	Note      string  `json:"note"`
}

// ReadGold reads gold facts, one JSON object a line; blank lines are skipped.
func ReadGold(r io.Reader) ([]Gold, error) {
	var out []Gold
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for line := 1; sc.Scan(); line++ {
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var g Gold
		if err := json.Unmarshal([]byte(b), &g); err != nil {
			return nil, fmt.Errorf("read gold line %d: %w", line, err)
		}
		if g.File == "" || g.Indicator == "" {
			return nil, fmt.Errorf("read gold line %d: file and indicator are required", line)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return out, nil
}

// Report is what a report resolves to: its jurisdiction and year
// (reports.jsonl lines).
type Report struct {
	File         string   `json:"file"`
	Jurisdiction string   `json:"jurisdiction"`
	Level        string   `json:"level"`
	DivisionCode string   `json:"division_code"`
	Path         []string `json:"path"`
	Year         int      `json:"year"`
	// Confidence is the resolver's (of a report found, not expected).
	Confidence float64 `json:"confidence,omitempty"`
	// Reason is why a report found is unresolved.
	Reason string `json:"reason,omitempty"`
}

// ReadReports reads reports.jsonl.
func ReadReports(r io.Reader) ([]Report, error) {
	var out []Report
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var rep Report
		err := dec.Decode(&rep)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read reports record %d: %w", n, err)
		}
		out = append(out, rep)
	}
}

// Count is the tally of one row of the score table.
type Count struct {
	Gold, Got, Matched int
}

// Precision is matched / got (1 when nothing was extracted).
func (c Count) Precision() float64 { return ratio(c.Matched, c.Got) }

// Recall is matched / gold (1 when the gold is empty).
func (c Count) Recall() float64 { return ratio(c.Matched, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is a gold fact not found, or an extracted fact not in the gold.
type Miss struct {
	File, Indicator string
	Value           float64
	Quote           string
	// Confidence is the extractor's, for an extracted fact.
	Confidence float64
}

// Scores is the result of Score.
type Scores struct {
	Overall      Count
	ByIndicator  map[string]Count
	ByCategory   map[string]Count
	Missed       []Miss // gold facts not extracted (false negatives)
	Spurious     []Miss // extracted facts not in the gold (false positives)
	SameScope    int    // matched facts whose scope agrees with the gold's
	SameApprox   int    // matched facts whose approx flag agrees with the gold's
	Reports      int    // reports compared by CompareReports
	Jurisdiction int    // of them, with the right jurisdiction (division code, else name)
	WrongCode    int    // of them, given a code other than the expected one
	Unresolved   int    // of them, given no code where one was expected
	Year         int    // of them, with the right year
	// Bands count the reports and the right jurisdictions per band of the
	// resolver's confidence.
	Bands []Band
	// FactBands count the extracted facts and those in the gold per band
	// of the extractor's confidence: the precision a reader can expect of a
	// fact shown with that confidence.
	FactBands []Band
	// JurisdictionMisses lists the reports whose jurisdiction is not right.
	JurisdictionMisses []JurisdictionMiss
	// Ranked scores the values the dashboards would rank at RankingCut
	// (ScoreRanked; zero until it is called), and RankedWrong lists those
	// the gold does not state for the whole jurisdiction.
	Ranked      Count
	RankingCut  float64
	RankedWrong []Miss
}

// Band is a range [Lo, Hi) of confidence with the items (reports or facts)
// that fell in it and how many of them were right.
type Band struct {
	Lo, Hi float64
	Total  int
	Right  int
}

// newBands returns empty bands over confidenceBands.
func newBands() []Band {
	var bs []Band
	for i := 0; i+1 < len(confidenceBands); i++ {
		bs = append(bs, Band{Lo: confidenceBands[i], Hi: confidenceBands[i+1]})
	}
	return bs
}

// count adds an item of confidence c to its band.
func count(bs []Band, c float64, right bool) {
	for i := range bs {
		if c >= bs[i].Lo && c < bs[i].Hi {
			bs[i].Total++
			if right {
				bs[i].Right++
			}
		}
	}
}

// JurisdictionMiss is a report whose jurisdiction was not found right.
type JurisdictionMiss struct {
	File      string
	Want, Got Report
	WrongCode bool
}

// confidenceBands are the bands Scores reports.
var confidenceBands = []float64{0, 0.5, 0.8, 0.95, 1.000001}

// Score compares extracted facts (per file name) with the gold facts.
// Every file of got is scored: one with no gold line is taken as
// annotated with no catalog number (the gold sets say so of each such
// file), so whatever is extracted from it is spurious. Derived facts are
// left out: the gold lists stated numbers only.
func Score(gold []Gold, got map[string][]extract.Fact) Scores {
	s := Scores{ByIndicator: map[string]Count{}, ByCategory: map[string]Count{}, FactBands: newBands()}
	type key struct {
		file, code string
		value      float64
	}
	want := map[key][]Gold{}
	for _, g := range gold {
		k := key{g.File, g.Indicator, round(g.Value)}
		want[k] = append(want[k], g)
		s.bump(g.Indicator, func(c *Count) { c.Gold++ })
	}
	names := make([]string, 0, len(got))
	for f := range got {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, file := range names {
		for _, f := range got[file] {
			if f.Derived {
				continue
			}
			s.bump(f.Indicator, func(c *Count) { c.Got++ })
			k := key{file, f.Indicator, round(f.Value)}
			if len(want[k]) > 0 {
				g := want[k][0]
				want[k] = want[k][1:]
				s.bump(f.Indicator, func(c *Count) { c.Matched++ })
				if g.Scope == f.Scope {
					s.SameScope++
				}
				if g.Approx == f.Approx {
					s.SameApprox++
				}
				count(s.FactBands, f.Confidence, true)
				continue
			}
			count(s.FactBands, f.Confidence, false)
			s.Spurious = append(s.Spurious, Miss{file, f.Indicator, f.Value, f.Quote, f.Confidence})
		}
	}
	for _, g := range gold {
		k := key{g.File, g.Indicator, round(g.Value)}
		if len(want[k]) > 0 {
			want[k] = want[k][1:]
			s.Missed = append(s.Missed, Miss{File: g.File, Indicator: g.Indicator, Value: g.Value, Quote: g.Quote})
		}
	}
	return s
}

func (s *Scores) bump(code string, f func(*Count)) {
	c := s.ByIndicator[code]
	f(&c)
	s.ByIndicator[code] = c
	cat := Category(code)
	c = s.ByCategory[cat]
	f(&c)
	s.ByCategory[cat] = c
	f(&s.Overall)
}

// Category is the part of an indicator code before the dot.
func Category(code string) string {
	if i := strings.IndexByte(code, '.'); i >= 0 {
		return code[:i]
	}
	return code
}

func round(v float64) float64 { return math.Round(v*1000) / 1000 }

// CompareReports scores the jurisdiction and year found per report (got)
// against the expected ones (want), matched by file. The jurisdiction is
// right when the division codes agree; when the expectation has no code
// (the text cannot settle it), when the names agree and no code was set.
func (s *Scores) CompareReports(want, got []Report) {
	byFile := map[string]Report{}
	for _, r := range got {
		byFile[r.File] = r
	}
	s.Bands = newBands()
	for _, w := range want {
		s.Reports++
		g, ok := byFile[w.File]
		if !ok {
			continue
		}
		// With an expected code, only that code is right: an unresolved
		// jurisdiction is not, even with the right name. Without one, the
		// name must agree and no code may have been guessed.
		right := false
		wc, gc := CanonicalCode(w.DivisionCode), CanonicalCode(g.DivisionCode)
		switch {
		case wc != "":
			right = wc == gc
		case w.Jurisdiction == "":
			right = gc == "" // the report names no jurisdiction: none may be guessed
		default:
			right = w.Jurisdiction == g.Jurisdiction && gc == ""
		}
		wrong := gc != "" && gc != wc
		switch {
		case right:
			s.Jurisdiction++
		case wrong:
			s.WrongCode++
		case g.DivisionCode == "":
			s.Unresolved++
		}
		if !right {
			s.JurisdictionMisses = append(s.JurisdictionMisses, JurisdictionMiss{File: w.File, Want: w, Got: g, WrongCode: wrong})
		}
		count(s.Bands, g.Confidence, right)
		if w.Year == g.Year {
			s.Year++
		}
	}
}

// CanonicalCode writes a division code the way the division table does:
// a city's or a province's code padded to six digits (420200, 110000) loses
// its padding (4202, 11). County codes never end in 00.
func CanonicalCode(code string) string {
	if len(code) == 6 {
		switch {
		case strings.HasSuffix(code, "0000"):
			return code[:2]
		case strings.HasSuffix(code, "00"):
			return code[:4]
		}
	}
	return code
}

// WriteTable prints the scores as a compact text table: one line per
// category, then per indicator, then overall, and the report accuracies.
func (s Scores) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(name string, c Count) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n", name, c.Gold, c.Got, c.Matched, c.Precision(), c.Recall(), c.F1())
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", "category / indicator", "gold", "got", "match", "P", "R", "F1")
	for _, cat := range sortedKeys(s.ByCategory) {
		row(cat, s.ByCategory[cat])
	}
	fmt.Fprintln(tw)
	for _, code := range sortedKeys(s.ByIndicator) {
		row(code, s.ByIndicator[code])
	}
	fmt.Fprintln(tw)
	row("overall", s.Overall)
	bands := func(bs []Band) {
		for _, b := range bs {
			if b.Total > 0 {
				fmt.Fprintf(tw, "  confidence %.2f–%.2f\t%d/%d\t\t\t%.3f\n", b.Lo, min(b.Hi, 1), b.Right, b.Total, ratio(b.Right, b.Total))
			}
		}
	}
	if m := s.Overall.Matched; m > 0 {
		fmt.Fprintf(tw, "scope agrees\t%d/%d\t\t\t%.3f\n", s.SameScope, m, ratio(s.SameScope, m))
		fmt.Fprintf(tw, "approx agrees\t%d/%d\t\t\t%.3f\n", s.SameApprox, m, ratio(s.SameApprox, m))
		fmt.Fprintf(tw, "precision by confidence\n")
		bands(s.FactBands)
	}
	if s.Ranked.Got > 0 {
		fmt.Fprintf(tw, "ranked values (cut %.2f)\t%d/%d\t\t\t%.3f\n", s.RankingCut, s.Ranked.Matched, s.Ranked.Got, s.Ranked.Precision())
	}
	if s.Reports > 0 {
		fmt.Fprintf(tw, "jurisdiction accuracy\t%d/%d\t\t\t%.3f\n", s.Jurisdiction, s.Reports, ratio(s.Jurisdiction, s.Reports))
		fmt.Fprintf(tw, "  wrong codes\t%d\n", s.WrongCode)
		fmt.Fprintf(tw, "  unresolved\t%d\n", s.Unresolved)
		bands(s.Bands)
		fmt.Fprintf(tw, "year accuracy\t%d/%d\t\t\t%.3f\n", s.Year, s.Reports, ratio(s.Year, s.Reports))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write score table: %w", err)
	}
	return nil
}

func sortedKeys(m map[string]Count) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
