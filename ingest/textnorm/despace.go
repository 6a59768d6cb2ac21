package textnorm

import (
	"strings"
	"unicode/utf8"
)

// despace removes the spaces of lines set in spaced characters, as PDFs
// with character spacing (and spaced titles: 法 治 政 府 建 设) come out:
// a line where at least three pairs of Chinese characters stand a space apart
// and at most a quarter as many stand side by side. Of such a line every
// space goes but one between two ASCII letters or digits (09:30 2025). A
// line of table cells (行政复议 5 行政诉讼 3) has words of several
// characters side by side and is kept.
func despace(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	orig := s
	var b strings.Builder
	changed := false
	off := 0 // where s starts in orig
	for len(s) > 0 {
		line := s
		rest := ""
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, rest = s[:i], s[i:]
		}
		if strings.IndexByte(line, ' ') >= 0 && letterSpaced(line) {
			if !changed {
				// Every line before this one is orig's.
				b.Grow(len(orig))
				b.WriteString(orig[:off])
				changed = true
			}
			for i := 0; i < len(line); i++ {
				if line[i] == ' ' && i > 0 && i+1 < len(line) && isASCIIAlnum(line[i-1]) && isASCIIAlnum(line[i+1]) {
					b.WriteByte(' ')
				} else if line[i] != ' ' {
					b.WriteByte(line[i])
				}
			}
		} else if changed {
			b.WriteString(line)
		}
		if rest == "" {
			break
		}
		if changed {
			b.WriteByte('\n')
		}
		off += len(line) + 1
		s = rest[1:]
	}
	if !changed {
		return orig
	}
	return b.String()
}

// letterSpaced reports whether line is set in spaced characters: see
// despace.
func letterSpaced(line string) bool {
	spaced, adjacent := 0, 0
	var prev rune
	gap := false
	for _, r := range line {
		if r == ' ' {
			gap = true
			continue
		}
		if isHan(r) && isHan(prev) {
			if gap {
				spaced++
			} else {
				adjacent++
			}
		}
		prev, gap = r, false
	}
	return spaced >= 3 && 4*adjacent <= spaced
}

// unjoin removes the spaces a converter left where it joined the lines of
// a PDF (a web page made from one: the page's lines of W characters run
// on with a space at each join): a space that stands a multiple of one
// distance W (20 characters or more, within slack(W)) after the line's
// start or the space before it, in a text where most spaces between
// Chinese characters stand so, in lines of prose (with , 。 or ;). The
// spaces of table cells (行政复议 5 行政诉讼 3) stand at no common distance,
// in lines without sentence marks, and stay.
func unjoin(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	lines := strings.Split(s, "\n")
	gaps := map[int]int{}
	n := 0
	for _, l := range lines {
		if strings.IndexByte(l, ' ') < 0 || !isProse(l) {
			continue
		}
		forSpaces(l, func(gap int) bool {
			gaps[gap]++
			n++
			return false
		})
	}
	w, best := 0, 0
	for g, c := range gaps {
		if g >= 20 && (c > best || c == best && g < w) {
			w, best = g, c
		}
	}
	if best < 3 || 2*best < n {
		return s
	}
	changed := false
	for i, l := range lines {
		if strings.IndexByte(l, ' ') < 0 || !isProse(l) {
			continue
		}
		var b strings.Builder
		k := 0
		forSpaces(l, func(gap int) bool {
			at := strings.IndexByte(l[k:], ' ') + k
			b.WriteString(l[k:at])
			k = at + 1
			m := (gap + w/2) / w
			if m >= 1 && abs(gap-m*w) <= slack(w) {
				changed = true
				return true
			}
			b.WriteByte(' ')
			return false
		})
		b.WriteString(l[k:])
		lines[i] = b.String()
	}
	if !changed {
		return s
	}
	return strings.Join(lines, "\n")
}

// forSpaces calls f with the distance in runes of each space of line from
// the line's start or the space before it; f says whether the space is
// dropped (the next distance then runs on from the one before it).
func forSpaces(line string, f func(gap int) bool) {
	gap := 0
	for _, r := range line {
		if r != ' ' {
			gap++
			continue
		}
		if !f(gap) {
			gap = 0
		}
	}
}

// isProse reports whether a line holds a sentence mark.
func isProse(l string) bool { return strings.ContainsAny(l, ",。;") }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// joinSpacedLines applies joinSpacedRuns to every line of s, before the
// stream pass closes the spaces beside digits that tell a run apart.
func joinSpacedLines(s string) string {
	if !spacedChar(s) {
		return s // most texts: no single character between two spaces
	}
	var b strings.Builder
	changed := false
	for start := 0; start <= len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		l, j := s[start:end], s[start:end]
		if spacedChar(l) && !letterSpaced(l) { // a whole spaced line is despace's
			j = joinSpacedRuns(l)
		}
		if j != l && !changed {
			b.Grow(len(s))
			b.WriteString(s[:start])
			changed = true
		}
		if changed {
			b.WriteString(j)
			if end < len(s) {
				b.WriteByte('\n')
			}
		}
		start = end + 1
	}
	if !changed {
		return s
	}
	return b.String()
}

// spacedChar reports whether s holds one character between two spaces
// (合 法 性), the least a run of spaced characters needs.
func spacedChar(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0 && i+1 < len(s); {
		_, size := utf8.DecodeRuneInString(s[i+1:])
		if k := i + 1 + size; k < len(s) && s[k] == ' ' && s[i+1] != ' ' {
			return true
		}
		n := strings.IndexByte(s[i+1:], ' ')
		if n < 0 {
			return false
		}
		i += 1 + n
	}
	return false
}

// joinSpacedRuns removes the spaces of a run of spaced characters inside a
// line that is otherwise set normally (全年开展合 法 性 审 查 ５ ８ 件,其 →
// 全年开展合法性审查５８件,其; 维 持 １ 件): two or more single characters
// (Chinese or digits) apart by single spaces, three of the run's characters
// Chinese, counting the ends of the words on either side. Cells of a table
// row (行政复议 0 0 0) have no such run.
func joinSpacedRuns(line string) string {
	if !strings.Contains(line, " ") {
		return line
	}
	// Any run of spaces parts two words, as the stream pass leaves it.
	toks := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' })
	single := func(t string) bool {
		r, n := utf8.DecodeRuneInString(t)
		return t != "" && n == len(t) && (isHan(r) || isDigit(r) || r >= '０' && r <= '９')
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && single(toks[j]) {
			j++
		}
		// toks[i+1:j] are single characters after toks[i].
		if n := j - (i + 1); n >= 2 {
			han := 0
			for _, t := range toks[i+1 : j] {
				if r, _ := utf8.DecodeRuneInString(t); isHan(r) {
					han++
				}
			}
			r, _ := utf8.DecodeLastRuneInString(toks[i])
			if isHan(r) {
				han++
			}
			if !isHan(r) && !isDigit(r) && !(r >= '０' && r <= '９') {
				han = 0 // a Latin word or a mark before: no spaced run of prose
			}
			if j < len(toks) {
				if r, _ := utf8.DecodeRuneInString(toks[j]); isHan(r) {
					han++
				}
			}
			if han >= 3 {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(toks[i])
				for _, t := range toks[i+1 : j] {
					b.WriteString(t)
				}
				if j < len(toks) && toks[j] != "" {
					b.WriteString(toks[j])
					j++
				}
				changed = true
				i = j
				continue
			}
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i])
		i++
	}
	if !changed {
		return line
	}
	return b.String()
}
