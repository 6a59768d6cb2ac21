package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest/textnorm"
)

// heldoutFact is one hand-annotated fact of a held-out report's want.json.
// The held-out reports (testdata/golden/heldout_*) were written and
// annotated by hand before the extractor was run over them; -update never
// touches them.
type heldoutFact struct {
	Indicator string  `json:"indicator"`
	Value     float64 `json:"value"`
	Approx    bool    `json:"approx"`
	Scope     string  `json:"scope"`
	Quote     string  `json:"quote"`
	Note      string  `json:"note"`
}

// heldoutGlob names the held-out reports; HELDOUT (a glob) narrows it, to
// score one batch (HELDOUT='heldout2_*').
var heldoutGlob = func() string {
	if g := os.Getenv("HELDOUT"); g != "" {
		return g
	}
	return "heldout*"
}()

// tally counts gold, extracted and matched facts.
type tally struct{ gold, got, matched int }

func (c tally) precision() float64 { return frac(c.matched, c.got) }
func (c tally) recall() float64    { return frac(c.matched, c.gold) }

func frac(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestHeldout scores the extractor against the hand annotations of the
// held-out reports the way goldeval scores the sample reports: a stated
// fact matches a gold fact of the same report, code and value (each gold
// fact once); derived facts are left out. The input goes through
// textnorm.Normalize first, as in the pipeline.
func TestHeldout(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "golden", heldoutGlob))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 || heldoutGlob == "heldout*" && len(dirs) < 6 {
		t.Fatalf("found %d held-out reports; want at least 6", len(dirs))
	}
	overall := tally{}
	byCat := map[string]tally{}
	bump := func(code string, f func(*tally)) {
		cat, _, _ := strings.Cut(code, ".")
		c := byCat[cat]
		f(&c)
		byCat[cat] = c
		f(&overall)
	}
	sameScope, sameApprox := 0, 0
	var misses []string
	for _, dir := range dirs {
		name := filepath.Base(dir)
		in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
		if err != nil {
			t.Fatal(err)
		}
		var opt Options
		b, err := os.ReadFile(filepath.Join(dir, "options.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &opt); err != nil {
			t.Fatalf("%s/options.json: %v", name, err)
		}
		b, err = os.ReadFile(filepath.Join(dir, "want.json"))
		if err != nil {
			t.Fatal(err)
		}
		var want []heldoutFact
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatalf("%s/want.json: %v", name, err)
		}
		text := textnorm.Normalize(string(in))
		for _, w := range want {
			if _, ok := Lookup(w.Indicator); !ok {
				t.Errorf("%s/want.json: unknown code %s", name, w.Indicator)
			}
			if q := textnorm.Normalize(w.Quote); !strings.Contains(text, q) {
				t.Errorf("%s/want.json: quote %q is not in the normalised text", name, q)
			}
		}
		facts := Extract(text, opt)
		checkSpans(t, text, facts)
		type key struct {
			code  string
			value float64
		}
		round := func(v float64) float64 { return math.Round(v*1000) / 1000 }
		pool := map[key][]heldoutFact{}
		for _, w := range want {
			k := key{w.Indicator, round(w.Value)}
			pool[k] = append(pool[k], w)
			bump(w.Indicator, func(c *tally) { c.gold++ })
		}
		for _, f := range facts {
			if f.Derived {
				continue
			}
			bump(f.Indicator, func(c *tally) { c.got++ })
			k := key{f.Indicator, round(f.Value)}
			if len(pool[k]) == 0 {
				misses = append(misses, fmt.Sprintf("spurious %s %s=%g %q", name, f.Indicator, f.Value, f.Quote))
				continue
			}
			w := pool[k][0]
			pool[k] = pool[k][1:]
			bump(f.Indicator, func(c *tally) { c.matched++ })
			if w.Scope == f.Scope {
				sameScope++
			} else {
				misses = append(misses, fmt.Sprintf("scope    %s %s=%g: got %q, want %q", name, f.Indicator, f.Value, f.Scope, w.Scope))
			}
			if w.Approx == f.Approx {
				sameApprox++
			}
		}
		for _, w := range want {
			k := key{w.Indicator, round(w.Value)}
			if len(pool[k]) > 0 && pool[k][0] == w {
				pool[k] = pool[k][1:]
				misses = append(misses, fmt.Sprintf("missed   %s %s=%g %q", name, w.Indicator, w.Value, w.Quote))
			}
		}
	}
	var tb strings.Builder
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	fmt.Fprintf(&tb, "%-16s %5s %5s %5s %6s %6s\n", "category", "gold", "got", "match", "P", "R")
	for _, c := range cats {
		v := byCat[c]
		fmt.Fprintf(&tb, "%-16s %5d %5d %5d %6.3f %6.3f\n", c, v.gold, v.got, v.matched, v.precision(), v.recall())
	}
	fmt.Fprintf(&tb, "%-16s %5d %5d %5d %6.3f %6.3f\n", "overall", overall.gold, overall.got, overall.matched, overall.precision(), overall.recall())
	fmt.Fprintf(&tb, "scope agrees %d/%d, approx agrees %d/%d\n", sameScope, overall.matched, sameApprox, overall.matched)
	t.Logf("held-out scores over %d reports:\n%s", len(dirs), tb.String())
	for _, m := range misses {
		t.Log(m)
	}
	if p := overall.precision(); p < 0.9 {
		t.Errorf("held-out precision = %.3f; want >= 0.9", p)
	}
	if r := overall.recall(); r < 0.85 {
		t.Errorf("held-out recall = %.3f; want >= 0.85", r)
	}
}
