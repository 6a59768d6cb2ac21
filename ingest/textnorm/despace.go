package textnorm

import "strings"

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
	for len(s) > 0 {
		line := s
		rest := ""
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, rest = s[:i], s[i:]
		}
		if strings.IndexByte(line, ' ') >= 0 && letterSpaced(line) {
			if !changed {
				b.Grow(len(s))
				changed = true
			}
			for i := 0; i < len(line); i++ {
				if line[i] == ' ' && i > 0 && i+1 < len(line) && isASCIIAlnum(line[i-1]) && isASCIIAlnum(line[i+1]) {
					b.WriteByte(' ')
				} else if line[i] != ' ' {
					b.WriteByte(line[i])
				}
			}
		} else {
			b.WriteString(line)
		}
		if rest == "" {
			break
		}
		b.WriteByte('\n')
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
