package source

import (
	"context"
	"strings"
	"unicode/utf8"
)

// pdftotext is the poppler program that extracts PDF text, and the Debian
// package that installs it.
const (
	pdftotextTool    = "pdftotext"
	pdftotextPackage = "poppler-utils"
)

var pdftotext = tool{name: pdftotextTool, pkg: pdftotextPackage, format: "PDF"}

// readPDF extracts the text of a PDF with `pdftotext -layout -enc UTF-8 - -`,
// reading the PDF from stdin. The process is killed when ctx ends, and
// when its text passes lim.
func readPDF(ctx context.Context, data []byte, lim Limits) (Document, error) {
	out, err := pdftotext.run(ctx, []string{"-layout", "-enc", "UTF-8", "-", "-"}, data, lim)
	if err != nil {
		return Document{}, err
	}
	return Document{Text: unwrapPDF(string(out)), Format: FormatPDF}, nil
}

// unwrapPDF joins the lines that pdftotext -layout broke at the right
// margin, so that a sentence, and a number wrapped across lines ("94.8" /
// "8%"), reads as one line again. A line is joined to the next when it
// reaches the page's right edge (85% of the widest line), does not end a
// sentence, and neither line looks like a table row (runs of 3+ spaces);
// the next line must not be indented (a new paragraph) or start a list
// item. Pages (form feeds) end a line.
func unwrapPDF(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for page := range strings.SplitSeq(text, "\f") {
		lines := strings.Split(page, "\n")
		widest, margin := 0, -1
		for _, l := range lines {
			l = strings.TrimRight(l, " ")
			if l == "" {
				continue
			}
			widest = max(widest, displayWidth(l))
			if in := indent(l); margin < 0 || in < margin {
				margin = in
			}
		}
		for i, l := range lines {
			l = strings.TrimRight(l, " ")
			b.WriteString(l)
			if i+1 < len(lines) && wraps(l, strings.TrimRight(lines[i+1], " "), widest, margin) {
				continue
			}
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// wraps reports whether line cur continues on line next.
func wraps(cur, next string, widest, margin int) bool {
	if cur == "" || next == "" || widest < 20 || displayWidth(cur)*100 < widest*85 {
		return false
	}
	if indent(next)-margin >= 2 || strings.Contains(strings.TrimSpace(cur), "   ") || strings.Contains(strings.TrimSpace(next), "   ") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(cur)
	if strings.ContainsRune("。！？!?:：;；", last) || last < utf8.RuneSelf && isLetter(last) {
		return false
	}
	return !startsItem(strings.TrimSpace(next))
}

// startsItem reports whether a line starts a heading or list item:
// 一、 (一) （一） 1. 1、 第一 and the like.
func startsItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '(' || r == '（' || r == '第':
		return true
	case strings.ContainsRune("一二三四五六七八九十", r):
		next, _ := utf8.DecodeRuneInString(s[size:])
		return next == '、' || next == '是'
	case r >= '0' && r <= '9':
		rest := strings.TrimLeft(s, "0123456789")
		next, _ := utf8.DecodeRuneInString(rest)
		return next == '、' || next == '.' && len(rest) > 1 && !(rest[1] >= '0' && rest[1] <= '9')
	}
	return false
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// indent is the number of leading spaces of a line.
func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// displayWidth counts columns the way a fixed-pitch layout does: wide East
// Asian characters take two.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
			r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
			r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x20000) {
			w += 2
		} else {
			w++
		}
	}
	return w
}
