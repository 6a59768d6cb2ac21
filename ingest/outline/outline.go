// Package outline reads the layout of a report's text: which lines are
// numbered section headings. The jurisdiction and year detectors share it,
// so that both agree on where the body of a report starts.
package outline

import (
	"strings"
	"unicode/utf8"
)

// IsHeading reports whether line starts like a numbered section heading of
// a Chinese government report: 一、 一是 (一) 【一】 1. 1、 (full-width digits too).
func IsHeading(line string) bool {
	r, size := utf8.DecodeRuneInString(line)
	switch {
	case r == '(' || r == '（' || r == '【' || r == '[':
		return true
	case r >= '0' && r <= '9' || r >= '０' && r <= '９':
		rest := strings.TrimLeft(line, "0123456789０１２３４５６７８９")
		return strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "．")
	case strings.ContainsRune("一二三四五六七八九十", r):
		next, _ := utf8.DecodeRuneInString(line[size:])
		return next == '、' || next == '.' || next == '是'
	}
	return false
}
