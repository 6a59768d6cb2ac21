package wordmatch

import (
	"slices"
	"strings"
	"testing"
)

// naive finds every occurrence of every word with strings.Index, ordered
// as Scan orders them: by end, then by word index.
func naive(words []string, text string) []Hit {
	var out []Hit
	for id, w := range words {
		for from := 0; ; {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			out = append(out, Hit{Start: int32(at), End: int32(at + len(w)), Word: int32(id)})
			from = at + 1
		}
	}
	slices.SortFunc(out, compareHits)
	return out
}

func compareHits(a, b Hit) int {
	if a.End != b.End {
		return int(a.End - b.End)
	}
	return int(a.Word - b.Word)
}

var testWords = []string{"调解", "调解成功", "成功率", "人民调解", "纠纷", "矛盾纠纷", "率", "ab", "b"}

func TestScan(t *testing.T) {
	t.Parallel()
	m := New(testWords)
	for _, text := range []string{
		"",
		"全年共受理矛盾纠纷120件,人民调解成功118件,调解成功率98.3%。",
		"abab b",
		"调调解解",
	} {
		got := m.Scan(text, nil)
		slices.SortStableFunc(got, compareHits)
		if want := naive(testWords, text); !slices.Equal(got, want) {
			t.Errorf("Scan(%q) = %v; want %v", text, got, want)
		}
		if got, want := m.Any(text), len(naive(testWords, text)) > 0; got != want {
			t.Errorf("Any(%q) = %v; want %v", text, got, want)
		}
	}
}

func TestScanRange(t *testing.T) {
	t.Parallel()
	m := New(testWords)
	text := "矛盾纠纷,调解成功"
	lo := strings.Index(text, ",") + 1
	got := m.ScanRange(text, lo, len(text), nil)
	for _, h := range got {
		if int(h.Start) < lo {
			t.Errorf("ScanRange reported %v, which starts before %d", h, lo)
		}
		if text[h.Start:h.End] != testWords[h.Word] {
			t.Errorf("hit %v holds %q, not %q", h, text[h.Start:h.End], testWords[h.Word])
		}
	}
	if len(got) != 2 {
		t.Errorf("ScanRange found %d hits; want 2 (调解, 调解成功)", len(got))
	}
}

func TestNewRefusesLongWords(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Error("New accepted a word longer than MaxWord")
		}
	}()
	New([]string{strings.Repeat("长", MaxWord)})
}

// FuzzScan checks the automaton against strings.Index on any text.
func FuzzScan(f *testing.F) {
	m := New(testWords)
	for _, s := range []string{"全年共受理矛盾纠纷120件", "abab", "\xff调解\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := m.Scan(text, nil)
		slices.SortStableFunc(got, compareHits)
		if want := naive(testWords, text); !slices.Equal(got, want) {
			t.Fatalf("Scan(%q) = %v; want %v", text, got, want)
		}
		if m.Any(text) != (len(got) > 0) {
			t.Fatalf("Any(%q) disagrees with Scan", text)
		}
	})
}
