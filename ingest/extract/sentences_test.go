package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// approxMarks prefix an approximate value in a summary, by ApproxKind.
var approxMarks = map[string]string{"": "", "at_least": "≥", "about": "≈", "at_most": "≤"}

// summary renders the stated facts as "code=value" (approximate values get
// ≥ ≈ or ≤ before the value by kind, scoped ones @scope), in text order. An
// unknown kind, or one that disagrees with Approx, renders as "?".
func summary(facts []Fact) string {
	var parts []string
	for _, f := range facts {
		if f.Derived {
			continue
		}
		mark, ok := approxMarks[f.ApproxKind]
		if !ok || f.Approx != (f.ApproxKind != "") {
			mark = "?"
		}
		p := fmt.Sprintf("%s=%s%g", f.Indicator, mark, f.Value)
		if f.Scope != "" {
			p += "@" + f.Scope
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

// sentenceCases are sentences in the style of the reports, with the facts
// they state (testdata/sentences.jsonl: name, text, want). A case with want
// "" states none (dates, labels, plans, growth, breakdowns...). ./fit
// learns from them too.
var sentenceCases = func() []struct{ name, in, want string } {
	b, err := os.ReadFile("testdata/sentences.jsonl")
	if err != nil {
		panic(err)
	}
	var out []struct{ name, in, want string }
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var c struct{ Name, Text, Want string }
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			panic(fmt.Sprintf("testdata/sentences.jsonl: %v", err))
		}
		out = append(out, struct{ name, in, want string }{c.Name, c.Text, c.Want})
	}
	return out
}()

func TestExtractSentences(t *testing.T) {
	for _, tt := range sentenceCases {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(Extract(tt.in, Options{Year: 2022}))
			if got != tt.want {
				t.Errorf("Extract(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}
