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

// scanEach is ScanRanges done the plain way: ScanRange over each range in
// turn.
func scanEach(m *Matcher, text string, rs []Range) []Hit {
	var out []Hit
	for _, r := range rs {
		out = m.ScanRange(text, r.Lo, r.Hi, out)
	}
	return out
}

// cutRanges cuts text into ranges at the bytes of cuts (each byte an
// offset, modulo the text's length), sorted; every other piece is left
// out, and empty ranges are kept.
func cutRanges(text string, cuts []byte) []Range {
	at := []int{0}
	for _, c := range cuts {
		if len(text) > 0 {
			at = append(at, int(c)%(len(text)+1))
		}
	}
	at = append(at, len(text))
	slices.Sort(at)
	var rs []Range
	for k := 0; k+1 < len(at); k += 2 {
		rs = append(rs, Range{at[k], at[k+1]})
	}
	return rs
}

func TestScanRanges(t *testing.T) {
	t.Parallel()
	m := New(testWords)
	text := "全年共受理矛盾纠纷120件,人民调解成功118件,调解成功率98.3%。abab b 调调解解"
	for _, rs := range [][]Range{
		nil,
		{{0, len(text)}},
		{{0, 0}, {3, 3}, {5, 5}},
		{{0, 12}, {12, 40}, {40, len(text)}},
		{{0, 9}, {15, 16}, {20, 60}, {60, 61}, {70, len(text)}},
		{{10, 80}, {80, 81}},
	} {
		if got, want := m.ScanRanges(text, rs, nil), scanEach(m, text, rs); !slices.Equal(got, want) {
			t.Errorf("ScanRanges(%v) = %v; want %v", rs, got, want)
		}
	}
}

// FuzzScanRanges checks the two-lane scan against ScanRange over each range.
func FuzzScanRanges(f *testing.F) {
	m := New(testWords)
	f.Add("全年共受理矛盾纠纷120件,人民调解成功118件,调解成功率98.3%", []byte{9, 30, 31, 50})
	f.Add("abab b", []byte{})
	f.Add("\xff调解\x00调解成功率", []byte{1, 1, 2, 7})
	f.Fuzz(func(t *testing.T, text string, cuts []byte) {
		rs := cutRanges(text, cuts)
		if got, want := m.ScanRanges(text, rs, nil), scanEach(m, text, rs); !slices.Equal(got, want) {
			t.Fatalf("ScanRanges(%q, %v) = %v; want %v", text, rs, got, want)
		}
	})
}
