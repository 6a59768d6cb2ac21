package textnorm

import (
	"strings"
	"unicode/utf8"
)

// closeCommaGaps removes the spaces a converter left after a thousands
// comma (调解成功9, 106件 → 9,106件): one to three digits, a comma, spaces,
// then exactly three digits and a character of prose. A list of figures
// (分别为9, 10件) has fewer digits after its comma and is left alone.
func closeCommaGaps(s string) string {
	if !strings.Contains(s, ", ") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ',' || i+1 >= len(s) || s[i+1] != ' ' {
			continue
		}
		// One to three digits before, after no digit or dot.
		k := i
		for k > 0 && isDigitByte(s[k-1]) {
			k--
		}
		if d := i - k; d < 1 || d > 3 || k > 0 && (s[k-1] == '.' || s[k-1] == ',') {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		e := j
		for e < len(s) && isDigitByte(s[e]) {
			e++
		}
		if e-j != 3 || e >= len(s) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[e:]); !isHan(r) && r != '%' {
			continue
		}
		b.WriteString(s[last : i+1])
		last = j
		i = j - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
