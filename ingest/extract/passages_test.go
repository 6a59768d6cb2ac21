package extract

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest/textnorm"
)

// TestPassages runs the passage probes (testdata/passages.jsonl): whole
// sections of a report of 2022, several sentences each, written in the
// reports' style with what makes real pages hard around the numbers —
// headings, other years, plans, other bodies, parts of totals, trainees,
// honours, tables — each batch scored once before any fix for it (the
// first-run figures are in DESIGN.md). They are normalised and scored as
// fazhi eval scores a report: indicator=value, in any order, approximation
// marks kept and scopes ignored. Every passage must give exactly its facts, except those
// whose note begins "STILL FAILING", which must still differ.
func TestPassages(t *testing.T) {
	b, err := os.ReadFile("testdata/passages.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ passages, right, want, got, match int }
	byBatch := map[string]*tally{}
	var batches []string
	for n, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var p struct{ Name, Text, Want, Batch, Note string }
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("testdata/passages.jsonl:%d: %v", n+1, err)
		}
		// As the pipeline reads a file: normalised first (full-width digits,
		// broken lines, page numbers), then read.
		g := unscoped(strings.Fields(summary(Extract(textnorm.Normalize(p.Text), Options{Year: 2022}))))
		w := unscoped(strings.Fields(p.Want))
		s := byBatch[p.Batch]
		if s == nil {
			s = &tally{}
			byBatch[p.Batch] = s
			batches = append(batches, p.Batch)
		}
		s.passages++
		s.want += len(w)
		s.got += len(g)
		left := map[string]int{}
		for _, f := range w {
			left[f]++
		}
		var spurious []string
		for _, f := range g {
			if left[f] > 0 {
				left[f]--
				s.match++
			} else {
				spurious = append(spurious, f)
			}
		}
		var missed []string
		for f, k := range left {
			for ; k > 0; k-- {
				missed = append(missed, f)
			}
		}
		sort.Strings(missed)
		same := len(missed) == 0 && len(spurious) == 0
		failing := strings.HasPrefix(p.Note, "STILL FAILING")
		switch {
		case same && failing:
			t.Errorf("passage %s (%s) passes now: drop its STILL FAILING note", p.Name, p.Batch)
		case same:
			s.right++
		case !failing:
			t.Errorf("passage %s (%s): missed %v, spurious %v", p.Name, p.Batch, missed, spurious)
		}
	}
	for _, k := range batches {
		s := byBatch[k]
		t.Logf("batch %s: passages right %d/%d; facts wanted %d, got %d, right %d (P %.3f R %.3f)",
			k, s.right, s.passages, s.want, s.got, s.match, share(s.match, s.got), share(s.match, s.want))
	}
}

// unscoped drops the @scope of each summary field and sorts them.
func unscoped(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		if at := strings.IndexByte(f, '@'); at >= 0 {
			f = f[:at]
		}
		out[i] = f
	}
	sort.Strings(out)
	return out
}

func share(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
