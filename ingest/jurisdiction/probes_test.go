package jurisdiction

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest/reportyear"
)

// A probe is the opening of a report that a real division could plausibly
// write, in one of the layouts that real reports use (testdata/probes.jsonl).
// want_code is the division it must resolve to, or "" when the right answer
// is to abstain (a shared name with nothing in the text to tell them apart).
type probe struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Title    string `json:"title"`
	Text     string `json:"text"`
	URL      string `json:"url"`
	WantCode string `json:"want_code"`
	Batch    int    `json:"batch"`
	// Note explains the probe; one that starts with "STILL FAILING" marks a
	// probe the resolver does not get right yet (it must still fail, and
	// must never get a wrong code).
	Note string `json:"note,omitempty"`
}

func readProbes(t *testing.T) []probe {
	t.Helper()
	f, err := os.Open("testdata/probes.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []probe
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p probe
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("probes.jsonl:%d: %v", n, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestProbes resolves every paraphrase probe. Each must resolve as wanted,
// except those marked STILL FAILING, which must still fail; no probe may
// ever get a wrong code. PROBES_SCORE=1 prints the scores by batch and kind.
func TestProbes(t *testing.T) {
	r := mustResolver(t)
	type score struct{ right, wrong, abstained int }
	byKey := map[string]*score{}
	bump := func(key, outcome string) {
		s := byKey[key]
		if s == nil {
			s = &score{}
			byKey[key] = s
		}
		switch outcome {
		case "right":
			s.right++
		case "wrong":
			s.wrong++
		default:
			s.abstained++
		}
	}
	names := map[string]bool{}
	for _, p := range readProbes(t) {
		if names[p.Name] {
			t.Errorf("probe %q: name used twice", p.Name)
		}
		names[p.Name] = true
		in := input(p.Title, p.Text)
		in.URL = p.URL
		// The year as the pipeline reads it: former names count only up to
		// a year after their last use.
		in.Year, _, _ = reportyear.Detect(in.Layout)
		got := r.Resolve(in)
		want := p.WantCode
		var outcome string
		switch {
		case got.Code == want:
			outcome = "right"
		case got.Code != "":
			outcome = "wrong"
		default:
			outcome = "abstained"
		}
		bump(fmt.Sprintf("batch %d", p.Batch), outcome)
		bump(fmt.Sprintf("batch %d %s", p.Batch, p.Kind), outcome)
		bump("all", outcome)
		failing := strings.HasPrefix(p.Note, "STILL FAILING")
		detail := fmt.Sprintf("got %q (%.2f) %s; want %q\nevidence %+v\ncandidates %+v", got.Code, got.Confidence, got.Reason, want, got.Evidence, got.Candidates)
		switch {
		case outcome == "wrong":
			t.Errorf("probe %s: WRONG code: %s", p.Name, detail)
		case outcome == "right" && failing:
			t.Errorf("probe %s is marked STILL FAILING but now resolves as wanted: drop the mark", p.Name)
		case outcome != "right" && !failing:
			t.Errorf("probe %s: %s", p.Name, detail)
		}
	}
	if os.Getenv("PROBES_SCORE") != "" {
		keys := make([]string, 0, len(byKey))
		for k := range byKey {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s := byKey[k]
			fmt.Printf("%-32s right %3d  wrong %2d  abstained %2d\n", k, s.right, s.wrong, s.abstained)
		}
	}
}
