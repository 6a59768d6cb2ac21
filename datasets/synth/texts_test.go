package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/datasets/divisions"
)

func mustTable(t testing.TB) *divisions.Table {
	t.Helper()
	table, err := divisions.Load()
	if err != nil {
		t.Fatal(err)
	}
	return table
}

// TestTextsAreMarkedAndTrue checks what every synthetic text must hold:
// the synthetic mark, its jurisdiction's name and year, and every quote of
// its truth.
func TestTextsAreMarkedAndTrue(t *testing.T) {
	table := mustTable(t)
	seen := map[string]bool{}
	var bytes, facts int
	codes := map[string]bool{}
	for r := range Texts(table, DefaultTextConfig(300)) {
		if seen[r.Path] {
			t.Fatalf("path %s written twice", r.Path)
		}
		seen[r.Path] = true
		text := string(r.Data)
		if r.Truth.Encoding == "gbk" {
			continue // checked as UTF-8 below for the others
		}
		if !r.Truth.Synthetic || !strings.Contains(text, SyntheticMark) {
			t.Fatalf("%s: not marked synthetic", r.Path)
		}
		if d, ok := table.Get(r.Truth.JurisdictionCode); !ok || d.Name != r.Truth.JurisdictionName {
			t.Fatalf("%s: jurisdiction %s %s is not a real division", r.Path, r.Truth.JurisdictionCode, r.Truth.JurisdictionName)
		}
		for _, f := range r.Truth.Facts {
			codes[f.Indicator] = true
			if f.Quote != "" && !strings.Contains(text, f.Quote) {
				t.Fatalf("%s: quote %q not in the text", r.Path, f.Quote)
			}
		}
		bytes += len(r.Data)
		facts += len(r.Truth.Facts)
	}
	if len(seen) != 300 {
		t.Fatalf("Texts(300) wrote %d files", len(seen))
	}
	if avg := bytes / len(seen); avg < 8000 || avg > 40000 {
		t.Errorf("average file size %d bytes; want a real report's 8–40 KB", avg)
	}
	for code := range templates {
		if !codes[code] {
			t.Errorf("no report of 300 states %s", code)
		}
	}
}

// TestTextsPinned pins seed 1's first files, so that the corpus does not
// drift silently.
func TestTextsPinned(t *testing.T) {
	h := sha256.New()
	for r := range Texts(mustTable(t), DefaultTextConfig(40)) {
		h.Write([]byte(r.Path))
		h.Write(r.Data)
	}
	got := hex.EncodeToString(h.Sum(nil))[:16]
	const want = "058933319fdcad4f"
	if got != want {
		t.Errorf("Texts(seed 1, 40 reports) hash = %s; want %s (update the pin only for an intended change)", got, want)
	}
}
