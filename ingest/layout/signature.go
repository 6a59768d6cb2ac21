package layout

import (
	"strings"
	"unicode/utf8"
)

// maxSignatureLines bounds how far back from the end the signature is
// looked for, past furniture lines.
const maxSignatureLines = 10

// readSignature reads the issuing bodies and the date on the last lines,
// and the publication date of the page's metadata.
func (l *Layout) readSignature() {
	var sig []int
	for i, seen := len(l.Lines)-1, 0; i >= 0 && seen < maxSignatureLines; i, seen = i-1, seen+1 {
		ln := &l.Lines[i]
		if ln.Start < l.Body {
			break
		}
		if ln.Kind == Furniture || ln.Kind == Meta {
			continue
		}
		if ln.Kind != Prose {
			break
		}
		s := l.Text[ln.Start:ln.End]
		if d, ok := parseDate(s, true); ok && l.Signed.IsZero() {
			ln.Kind = DateLine
			d.Span = ln.Span
			l.Signed = d
			continue
		}
		if !isBodyName(s) {
			break
		}
		ln.Kind = Signature
		sig = append(sig, i)
	}
	for k := len(sig) - 1; k >= 0; k-- {
		l.Signature.Lines = append(l.Signature.Lines, sig[k])
		l.Signature.Text += l.LineText(sig[k])
	}
	for _, key := range []string{"发布日期", "发布时间", "日期", "时间", "生成日期", "成文日期"} {
		if f, ok := l.Field(key); ok {
			if d, ok := parseDate(f.Value, false); ok {
				d.Span = f.Span
				l.Published = d
				break
			}
		}
	}
}

// parseDate reads a date at the start of s: 2023年12月30日, 二〇二三年十二月,
// 2025-01-06, 2025/1/6, 2025.01.06. With whole set, s must be only the
// date (a signature's line).
func parseDate(s string, whole bool) (Date, bool) {
	s = strings.TrimSpace(s)
	y, rest, ok := dateNumber(s, 4)
	if !ok || y < 1949 || y > 2099 {
		return Date{}, false
	}
	var sep string
	switch {
	case strings.HasPrefix(rest, "年"):
		sep = "年"
	case rest != "" && strings.ContainsRune("-/.", rune(rest[0])):
		sep = rest[:1]
	default:
		return Date{}, false
	}
	rest = rest[len(sep):]
	m, rest, ok := dateNumber(rest, 2)
	if !ok || m < 1 || m > 12 {
		return Date{}, false
	}
	d := Date{Year: y, Month: m}
	if sep == "年" {
		if !strings.HasPrefix(rest, "月") {
			return Date{}, false
		}
		rest = rest[len("月"):]
		if day, r, ok := dateNumber(rest, 3); ok && strings.HasPrefix(r, "日") {
			d.Day, rest = day, r[len("日"):]
		}
	} else if strings.HasPrefix(rest, sep) {
		if day, r, ok := dateNumber(rest[len(sep):], 2); ok {
			d.Day, rest = day, r
		}
	}
	if whole && strings.TrimSpace(rest) != "" {
		return Date{}, false
	}
	return d, true
}

// dateNumber reads a number of at most n characters (ASCII digits or
// 〇一二…九, with 十 in months and days: 十二月, 三十日) at the start of s.
// It fails when s holds no digit there or more than n.
func dateNumber(s string, n int) (int, string, bool) {
	v, count, i := 0, 0, 0
	tens := false // a 十 was read: the next digit adds to it
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		d := dateDigit(r)
		switch {
		case d >= 0 && tens:
			v, tens = v+d, false
		case d >= 0:
			v = v*10 + d
		case r == '十' && n <= 3:
			v, tens = max(v, 1)*10, true
		default:
			return v, s[i:], count > 0
		}
		if count++; count > n {
			return 0, s, false
		}
		i += size
	}
	return v, s[i:], count > 0
}

func dateDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r == '〇' || r == '零' || r == '○' || r == 'O':
		return 0
	}
	if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
		return utf8.RuneCountInString("一二三四五六七八九"[:i]) + 1
	}
	return -1
}
