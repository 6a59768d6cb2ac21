package goldeval_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/fazhi/fazhi/ingest/extract"
	"github.com/fazhi/fazhi/ingest/goldeval"
)

const reportsDir = "../../datasets/reports"

// TestExtractAgainstGold runs the extractor over the sample reports and
// scores it against their gold facts.
func TestExtractAgainstGold(t *testing.T) {
	gf, err := os.Open(filepath.Join(reportsDir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer gf.Close()
	gold, err := goldeval.ReadGold(gf)
	if err != nil {
		t.Fatal(err)
	}
	rf, err := os.Open(filepath.Join(reportsDir, "reports.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	reports, err := goldeval.ReadReports(rf)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]extract.Fact{}
	for _, r := range reports {
		b, err := os.ReadFile(filepath.Join(reportsDir, r.File))
		if err != nil {
			t.Fatal(err)
		}
		got[r.File] = extract.Extract(string(b), extract.Options{Jurisdiction: r.Jurisdiction, Level: r.Level, Year: r.Year})
	}
	s := goldeval.Score(gold, got)
	var buf bytes.Buffer
	if err := s.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("scores against %d gold facts:\n%s", len(gold), buf.String())
	for _, m := range s.Missed {
		t.Logf("missed   %s %s %v %q", m.File[:3], m.Indicator, m.Value, m.Quote)
	}
	for _, m := range s.Spurious {
		t.Logf("spurious %s %s %v %q", m.File[:3], m.Indicator, m.Value, m.Quote)
	}
	if p := s.Overall.Precision(); p < 0.97 {
		t.Errorf("overall precision = %.3f; want >= 0.97", p)
	}
	if r := s.Overall.Recall(); r < 0.95 {
		t.Errorf("overall recall = %.3f; want >= 0.95", r)
	}
}
