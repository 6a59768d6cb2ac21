package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*/want.json from the current output")

// TestGolden runs Extract over every testdata/golden/<case>/input.txt (with
// the Options of options.json when present) and compares the facts with
// want.json. The held-out reports (heldout*) are left to TestHeldout.
// Run with -update to rewrite the wanted output after a reviewed
// change.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no golden cases")
	}
	for _, dir := range dirs {
		if strings.HasPrefix(filepath.Base(dir), "heldout") {
			continue // hand-annotated: scored by TestHeldout, never rewritten
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
			if err != nil {
				t.Fatal(err)
			}
			var opt Options
			if b, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
				if err := json.Unmarshal(b, &opt); err != nil {
					t.Fatalf("options.json: %v", err)
				}
			}
			facts := Extract(string(in), opt)
			checkSpans(t, string(in), facts)
			got, err := json.MarshalIndent(facts, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Extract(%s) differs from want.json; got:\n%s", dir, got)
			}
		})
	}
}

// checkSpans asserts the span invariants of every fact: Start ≤ End inside
// the text (in runes), and the quote holds the number text.
func checkSpans(t *testing.T, text string, facts []Fact) {
	t.Helper()
	runes := []rune(text)
	for i, f := range facts {
		if f.Start < 0 || f.End < f.Start || f.End > len(runes) {
			t.Fatalf("fact %d %s span [%d,%d) outside text of %d runes", i, f.Indicator, f.Start, f.End, len(runes))
		}
		num := string(runes[f.Start:f.End])
		if !utf8.ValidString(num) || !bytes.Contains([]byte(f.Quote), []byte(num)) {
			t.Errorf("fact %d %s: quote %q does not contain the number text %q", i, f.Indicator, f.Quote, num)
		}
		if i > 0 && f.Start < facts[i-1].Start {
			t.Errorf("fact %d %s: Start %d before previous fact's %d; want facts ordered by Start", i, f.Indicator, f.Start, facts[i-1].Start)
		}
		if f.Flags == nil {
			t.Errorf("fact %d %s: Flags is nil; want an empty slice", i, f.Indicator)
		}
	}
}
