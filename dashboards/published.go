package dashboards

import "unicode"

// Reports are stored normalised (ingest/textnorm): full-width punctuation
// folded to ASCII, so that ，became , and （ became (. The pages show the
// text as it was published: punctuation in Chinese prose goes back to its
// full-width form, while punctuation between digits (1,876; 09:40) and in
// Latin text stays ASCII. The mapping is one rune for one rune, so the
// stored spans of the facts (rune offsets) mark the same numbers in it.
//
// The normalised text does not say how the report wrote each sign: a
// report that typed an ASCII comma between two Chinese words shows a
// full-width one here, as nearly every government report does.

// fullWidth maps the ASCII punctuation the normaliser produced back to the
// full-width forms it folded.
var fullWidth = map[rune]rune{',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？'}

// publishedText returns s with its punctuation as published.
func publishedText(s string) string {
	rs := []rune(s)
	changed := false
	var open []bool // for each open parenthesis: whether it became full-width
	for i, r := range rs {
		w, ok := fullWidth[r]
		if !ok {
			continue
		}
		prev, next := runeAt(rs, i-1), runeAt(rs, i+1)
		var wide bool
		switch r {
		case '(':
			wide = chinese(prev) || chinese(next)
			open = append(open, wide)
		case ')':
			if len(open) > 0 {
				wide, open = open[len(open)-1], open[:len(open)-1]
			} else {
				wide = chinese(prev) || chinese(next)
			}
		case '!', '?':
			wide = chinese(prev)
		default: // , : ;
			wide = !(digit(prev) && digit(next)) && (chinese(prev) || chinese(next) || prev == '%' && next != ' ')
		}
		if wide {
			rs[i], changed = w, true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

func runeAt(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

func digit(r rune) bool { return r >= '0' && r <= '9' }

// chinese reports whether r belongs to Chinese prose: a Han character or
// Chinese punctuation (、。《》“”…).
func chinese(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef:
		return true
	case r >= 0x2018 && r <= 0x201d, r == 0x2014, r == 0x2026:
		return true
	}
	return false
}
