package textnorm

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
)

// unwrap repairs the line structure of text extracted from a PDF (or a web
// page made from one), on already normalised text:
//
//   - a page break in the middle of a sentence: the page's number line
//     (`- 3 -`, `第3页 共8页`, `3/8`, or a bare `3` after a line of prose)
//     and a running header repeating the text's first line are removed, and
//     the two halves of the sentence joined;
//
//   - hard line breaks inside paragraphs: when most lines of the text are
//     about as long as each other and hardly any is longer (a text wrapped
//     at a fixed width W), a line of W-slack(W) runes or more is joined with the
//     next, unless the next starts a numbered heading (一、 (二) 3.) or a
//     blank line (a paragraph break) comes between.
//
//   - a line of prose (15 runes or more with a , or 。 in it, whose last
//     sentence is no heading) that stops on a character no sentence ends with (a Chinese character,
//     a digit, a letter) goes on in the next line when that is prose too
//     (it holds a , 。 、 ; ! or ?: not the 分享到 bar or a 上一篇 link
//     below a cut-off page), as does any line before
//     one that starts with a mark no line of its own starts with (、 , 。 ;
//     % ) ”): a wrapped text too short for its width to be told.
//
// Lines are joined without a separator (Chinese has no spaces between
// words), with a space between two ASCII letters or digits. A text written
// one paragraph a line is left as it is.
func unwrap(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	n := make([]int, len(lines))
	for i, l := range lines {
		n[i] = CountRunes(l)
	}
	w := wrapWidth(n, lines)
	title := ""
	for _, l := range lines {
		if l != "" {
			title = l
			break
		}
	}

	// Nothing is written until the first join or page break: most texts
	// have none, and are returned as they are.
	var b strings.Builder
	building := false
	off := 0 // where lines[i] starts in s
	cur := 0 // where the line being written starts in b
	for i := 0; i < len(lines); i++ {
		a := lines[i]
		// The prose rule reads the line as joined so far, so that a second
		// pass finds nothing more to join.
		line := a
		if building {
			b.WriteString(a)
			line = b.String()[cur:]
		}
		if i == len(lines)-1 {
			break
		}
		// The page furniture after line i: page numbers, blank lines and
		// running headers, with at least one page number.
		j, page := i+1, false
		for j < len(lines) {
			l := lines[j]
			if bareNumber(l) && j+1 < len(lines) && bareNumber(lines[j+1]) {
				// Figures a line each (申请数量 / 214 / 17 / 0 …): a table's
				// cells flattened, no page number.
				break
			}
			if isPageNumber(l, n[i]) {
				page = true
			} else if !(l == "" || l == title && j > 1 || runningTitle(l)) {
				break
			}
			j++
		}
		if !page && headerBreaks(lines, i, n[i]) {
			// A running header alone, with no page number, cut into a
			// sentence (…审查街道各类合同、协议 / 城南街道办事处2022年法治政府
			// 建设情况报告 / 共计87份): the page broke there too.
			j, page = i+2, true
		}
		if !page || j == len(lines) || a == "" {
			j = i + 1
			page = false
		}
		next := lines[j]
		// A full line of a wrapped text goes on in the next line even after
		// a 。: a paragraph rarely ends exactly at the margin, and the next
		// paragraph would start with an indent a PDF's text layer drops.
		join := a != "" && next != "" && !startsHeading(next) && !cellRow(a) && !cellRow(next) &&
			(page && !endsSentence(a) || w > 0 && n[i] >= w-slack(w) || continues(line, next))
		if !building && (join || page) {
			// No line was joined before: the text so far is s's, and the
			// line being written starts where lines[i] does.
			building = true
			b.Grow(len(s))
			b.WriteString(s[:off+len(a)])
			cur = off
		}
		if building {
			switch {
			case join:
				// Words of Latin letters keep their space; a number the
				// break split (咨询65 / 00余人次) is one again.
				if endsASCIIWord(a) && startsASCIIWord(next) && !(isDigit(rune(a[len(a)-1])) && isDigit(rune(next[0]))) {
					b.WriteByte(' ')
				}
			default:
				b.WriteByte('\n')
				cur = b.Len()
			}
		}
		for k := i; k < j; k++ {
			off += len(lines[k]) + 1
		}
		i = j - 1
	}
	if !building {
		return s
	}
	return b.String()
}

// wrapWidth returns the width the lines text (of n[i] runes) are
// hard-wrapped at, or 0 when they are not: the most common length W of the
// lines of 10 runes or more but table rows (| a | b |), when at
// least 4 lines and 30% of those lines have it, and those longer than W+8
// are fewer than a quarter of the lines W-1 long or longer (a text written
// one paragraph a line has many long lines).
func wrapWidth(n []int, text []string) int {
	count := map[int]int{}
	lines := 0
	for i, k := range n {
		if k >= 10 && !strings.HasPrefix(text[i], "|") && !cellRow(text[i]) {
			count[k]++
			lines++
		}
	}
	w, best := 0, 0
	for k, c := range count {
		if c > best || c == best && k > w {
			w, best = k, c
		}
	}
	if w < 15 || best < 4 || 10*best < 3*lines {
		return 0
	}
	full, long := 0, 0
	for i, k := range n {
		if strings.HasPrefix(text[i], "|") || cellRow(text[i]) {
			continue
		}
		switch {
		case k > w+8:
			long++
		case k >= w-slack(w):
			full++
		}
	}
	if 4*long >= full {
		return 0
	}
	return w
}

// continues reports whether line a goes on in line b when the text's
// width is not known: see unwrap.
func continues(a, b string) bool {
	if r, _ := utf8.DecodeRuneInString(b); strings.ContainsRune("、,。;:!?%)”’》】」.", r) {
		return true
	}
	if splitThousands(a, b) {
		return true // 主动公开政府信息8,4 / 56条: a number the break cut
	}
	if anyof.Suffix(a, "、", ",") {
		return true // 受理来信来访68件、 / 97人次: no paragraph ends on a list's mark
	}
	// The cheap test first: most lines end a sentence.
	if r, _ := utf8.DecodeLastRuneInString(a); !isHan(r) && !(r < utf8.RuneSelf && isASCIIAlnum(byte(r))) {
		return false
	}
	if !longer(a, minProseRunes-1) || !strings.Contains(a, ",") && !strings.Contains(a, "。") || strings.Contains(a, " > ") ||
		!strings.ContainsAny(b, ",。、;!?") {
		return false
	}
	// A heading ends its line (一、加强法治建设,提升质效), also when glued
	// to the paragraph before it (…取得实效。(一)加强法治建设): a heading
	// with its section's text after it ((二)依申请公开情况。2022年…) is
	// prose.
	return !startsHeading(lastSentence(a))
}

// splitThousands reports whether line a ends in a figure cut after its
// thousands comma (8,4) and line b starts with the rest of its three digits
// (56条).
func splitThousands(a, b string) bool {
	c := strings.LastIndexByte(a, ',')
	if c < 1 || !isDigitByte(a[c-1]) {
		return false
	}
	tail := a[c+1:]
	if len(tail) < 1 || len(tail) > 2 || strings.TrimLeft(tail, "0123456789") != "" {
		return false
	}
	k := 0
	for k < len(b) && isDigitByte(b[k]) {
		k++
	}
	return k == 3-len(tail) && (k == len(b) || !isDigitByte(b[k]) && b[k] != '.' && b[k] != ',')
}

// cellRow reports whether line l is a row of a table without | marks: short,
// no sentence mark, cells apart by spaces, the last a figure (6月26 26), or,
// after another figure's cell, a change with its unit (负责人出庭应诉率 95.1%
// 100% 4.9个百分点): such a row is never joined to the line before or after
// it, across a page break either, and gives no text its wrap width.
func cellRow(l string) bool {
	// The cheap tests first: most lines are prose, too long to be a row.
	c := strings.Count(l, ",")
	if longer(l, maxCellRowRunes+c) || strings.ContainsAny(l, "。;:") {
		return false
	}
	if c > 0 {
		l = withoutThousandsCommas(l) // 发放宣传资料(份) 9,800 12,400
		if longer(l, maxCellRowRunes) || strings.IndexByte(l, ',') >= 0 {
			return false
		}
	}
	k := strings.LastIndexByte(l, ' ')
	if k < 0 || k == len(l)-1 {
		return false
	}
	if figureCell(l[k+1:]) {
		return true
	}
	last := strings.TrimLeft(l[k+1:], "+-")
	d := len(last) - len(strings.TrimLeft(last, "0123456789."))
	unit := last[d:]
	if d == 0 || unit == "" || longer(unit, maxCellUnitRunes) || strings.ContainsAny(unit, "0123456789 ") {
		return false
	}
	p := strings.LastIndexByte(l[:k], ' ')
	return p >= 0 && figureCell(l[p+1:k])
}

// withoutThousandsCommas returns l without the commas that group a
// figure's digits by thousands (9,800, 1,286,000): a comma between a digit
// and three digits that end the figure or come before another such comma.
func withoutThousandsCommas(l string) string {
	if !strings.Contains(l, ",") {
		return l
	}
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		if l[i] == ',' && i > 0 && isDigitByte(l[i-1]) && i+4 <= len(l) &&
			isDigitByte(l[i+1]) && isDigitByte(l[i+2]) && isDigitByte(l[i+3]) && (i+4 == len(l) || !isDigitByte(l[i+4])) {
			continue
		}
		b.WriteByte(l[i])
	}
	return b.String()
}

// figureCell reports whether s is a figure's cell: digits, a point, a %.
func figureCell(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' && c != '%' {
			return false
		}
	}
	return true
}

// maxCellUnitRunes bounds the unit of a change's cell (个百分点).
const maxCellUnitRunes = 4

// maxCellRowRunes bounds a line read as a row of cells.
const maxCellRowRunes = 60

// hasWrittenYear reports whether s holds a year written as four digits and
// 年 (2022年).
func hasWrittenYear(s string) bool {
	for k := strings.Index(s, "年"); k >= 0; {
		if k >= 4 && s[k-4] == '2' && s[k-3] == '0' && s[k-2] >= '0' && s[k-2] <= '9' && s[k-1] >= '0' && s[k-1] <= '9' {
			return true
		}
		n := strings.Index(s[k+len("年"):], "年")
		if n < 0 {
			return false
		}
		k += len("年") + n
	}
	return false
}

// minProseRunes is the length from which a line with a comma is prose.
const minProseRunes = 15

// lastSentence is what follows the last 。 ; : ! ? of a.
func lastSentence(a string) string {
	i := strings.LastIndexAny(a, "。;:!?；：！？")
	if i < 0 {
		return a
	}
	_, size := utf8.DecodeRuneInString(a[i:])
	return a[i+size:]
}

// slack is how much shorter than the width w a line of a wrapped text may
// be and still reach the margin: digits and Latin letters are narrower
// than Chinese characters, spaces beside digits are removed, and a line
// may end a character early so that the next does not start with a
// punctuation mark (避头尾).
func slack(w int) int { return max(2, w/10) }

// pageNumberLine matches the page number lines of PDF text once
// normalised: "- 3 -", "—3—", "第3页", "第3页 共8页", "共8页 第3页", "3/8".
var pageNumberLine = regexp.MustCompile(`^(?:[-—–_]+ ?\d{1,3} ?[-—–_]+|第 ?\d{1,3} ?页(?: ?[,/]? ?共 ?\d{1,3} ?页)?|共 ?\d{1,3} ?页 ?[,/]? ?第 ?\d{1,3} ?页|\d{1,3} ?/ ?\d{1,3})$`)

// isPageNumber reports whether line l is a page number; a bare number of
// one to three digits counts only after a line of prose (prev runes long),
// not among the short lines of a table flattened one cell a line.
func isPageNumber(l string, prev int) bool {
	if l == "" {
		return false
	}
	if mayEndPageNumber(l) && (pageNumberLine.MatchString(l) || headedPageNumber(l)) {
		return true
	}
	if len(l) <= 3 && prev >= 15 {
		for i := 0; i < len(l); i++ {
			if l[i] < '0' || l[i] > '9' {
				return false
			}
		}
		return l[0] != '0'
	}
	return false
}

// bareNumber reports whether line l is digits alone.
func bareNumber(l string) bool {
	if l == "" {
		return false
	}
	for i := 0; i < len(l); i++ {
		if l[i] < '0' || l[i] > '9' {
			return false
		}
	}
	return true
}

// pageNumberAfter matches a page number at the end of a line after the
// running header it shares the line with: "青山镇人民政府 — 5 —", "…报告 第3页".
var pageNumberAfter = regexp.MustCompile(`^(.+?) ?(?:[-—–_]+ ?\d{1,3} ?[-—–_]+|第 ?\d{1,3} ?页(?: ?[,/]? ?共 ?\d{1,3} ?页)?)$`)

// issuerSuffixes end the name of a government body that a page header
// repeats.
var issuerSuffixes = []string{"人民政府", "政府", "办事处", "委员会", "司法局", "司法所", "办公室"}

// headedPageNumber reports whether l is a page number after its page's
// running header: the report's title or its issuer's name.
func headedPageNumber(l string) bool {
	m := pageNumberAfter.FindStringSubmatch(l)
	if m == nil {
		return false
	}
	h := strings.TrimSpace(m[1])
	if runningTitle(h) {
		return true
	}
	return h != "" && !longer(h, 30) && !strings.ContainsAny(h, ",。;:!?、") && anyof.Suffix(h, issuerSuffixes...)
}

// runningTitle reports whether l reads as a report's title repeated at the
// head or foot of a page (白鹭镇2022年法治政府建设情况报告): short, no
// sentence mark, naming a report and its year or topic. It is page
// furniture only beside a page number (see unwrap).
func runningTitle(l string) bool {
	return l != "" && !longer(l, 60) && !strings.ContainsAny(l, ",。;:!?") &&
		(strings.Contains(l, "报告") || strings.Contains(l, "总结")) &&
		(strings.Contains(l, "年") || strings.Contains(l, "法治"))
}

// headerBreaks reports whether the line after line i is a running header
// (runningTitle) standing alone between the two halves of a sentence: line
// i is prose (minProseRunes runes or more with a , in it) that ends no
// sentence, and the line after the header goes on with no heading of its
// own.
func headerBreaks(lines []string, i, runes int) bool {
	if i+2 >= len(lines) || runes < minProseRunes || !strings.Contains(lines[i], ",") || endsSentence(lines[i]) || startsHeading(lines[i]) {
		return false
	}
	// A report's whole title: its year and its kind at the end, no heading
	// of a section (一、2022年…工作总结, (一)落实…年度报告制度).
	h, next := lines[i+1], lines[i+2]
	return runningTitle(h) && !startsHeading(h) && anyof.Suffix(h, "报告", "总结") && hasWrittenYear(h) &&
		next != "" && !startsHeading(next) && !runningTitle(next)
}

// mayEndPageNumber reports whether l ends as a page number line may (a
// digit, a dash, 页): the test that spares most lines the expression.
func mayEndPageNumber(l string) bool {
	c := l[len(l)-1]
	return c >= '0' && c <= '9' || c == '-' || c == '_' ||
		strings.HasSuffix(l, "页") || strings.HasSuffix(l, "—") || strings.HasSuffix(l, "–")
}

// endsSentence reports whether line a ends a sentence or introduces what
// follows: 。！？；： and their ASCII forms, possibly before a closing
// quote or bracket.
func endsSentence(a string) bool {
	a = strings.TrimRight(a, "”’\")】》」")
	r, _ := utf8.DecodeLastRuneInString(a)
	return strings.ContainsRune("。！？；：!?;:…", r)
}

// startsHeading reports whether line s starts with the number of a section
// heading: 一、 十二、 (一) (1) 1. 1、 第一部分 【…】.
func startsHeading(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '【':
		return true
	case r == '(':
		rest := strings.TrimLeft(s[size:], "0123456789一二三四五六七八九十")
		return len(rest) < len(s)-size && len(s)-size-len(rest) <= 9 && strings.HasPrefix(rest, ")")
	case r >= '0' && r <= '9':
		rest := strings.TrimLeft(s, "0123456789")
		if len(s)-len(rest) > 2 {
			return false
		}
		if strings.HasPrefix(rest, "、") {
			return true
		}
		return strings.HasPrefix(rest, ".") && !(len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9')
	case strings.ContainsRune("一二三四五六七八九十", r):
		rest := strings.TrimLeft(s, "一二三四五六七八九十")
		return len(s)-len(rest) <= 9 && (strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, ".."))
	case r == '第':
		rest := strings.TrimLeft(s[size:], "一二三四五六七八九十")
		return len(rest) < len(s)-size && (strings.HasPrefix(rest, "部分") || strings.HasPrefix(rest, "章"))
	}
	return false
}

func endsASCIIWord(a string) bool {
	c := a[len(a)-1]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func startsASCIIWord(s string) bool {
	c := s[0]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// longer reports whether s has more than n runes.
func longer(s string, n int) bool {
	return len(s) > 4*n || len(s) > n && utf8.RuneCountInString(s) > n
}
