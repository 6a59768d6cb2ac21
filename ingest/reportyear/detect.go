package reportyear

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/layout"
)

// Weights of the clues. A year is reported when its score reaches minScore
// and no other year scores as much.
const (
	titleWeight     = 10 // in the title
	announceWeight  = 8  // in the sentence that announces the report (…报告如下)
	sentenceWeight  = 2  // added when the year opens a sentence or heading
	annualWeight    = 1  // added for 年度
	planNameWeight  = 1  // added inside 《》: the year's own plans and rules
	mentionWeight   = 1  // any other year the report writes
	signedWeight    = 2  // the year the signature date points to
	publishedWeight = 1  // the year the page's publication date points to
	thisYearWeight  = 2  // per 今年/本年度, given to the signature's year, at most maxThisYear
	maxThisYear     = 8
	minScore        = 2
)

// occurrence is a year written in the text: its digits are at byte offsets
// [start, end), and next is the offset just after its 年.
type occurrence struct {
	year             int
	start, end, next int
}

// Detect returns the year the report's figures belong to and a short note
// of the clue that decided it; ok is false when the text gives no year or
// two years weigh the same. It reads the layout's title block, the body
// before the plans section (page furniture and metadata left out), the
// signature's date and the page's publication date.
func Detect(l *layout.Layout) (year int, evidence string, ok bool) {
	sc := newScorer()
	if t := l.Title.Text; t != "" {
		for _, o := range years(t) {
			if !ignored(t, o) {
				sc.addWith(o.year, titleWeight, fmt.Sprintf("title %q", clip(t, 40)))
			}
		}
	}
	plans := l.PlansStart()
	thisYear := 0
	for i, ln := range l.Lines {
		if ln.Start >= plans {
			break
		}
		switch ln.Kind {
		case layout.Furniture, layout.Meta, layout.TitleLine, layout.Signature, layout.DateLine:
			continue
		}
		line := l.LineText(i)
		occs, n := readYears(line)
		thisYear += n
		for _, o := range occs {
			if ignored(line, o) {
				continue
			}
			w := mentionWeight
			if announces(line, o) {
				w += announceWeight
			}
			if opensSentence(line, o.start) {
				w += sentenceWeight
			}
			if strings.HasPrefix(line[o.next:], "度") {
				w += annualWeight
			}
			if insideBookTitle(line, o.start) {
				w += planNameWeight
			}
			if sc.add(o.year, w) {
				sc.clue[o.year] = fmt.Sprintf("%q", quote(line, o, 18))
			}
		}
	}
	ref, refOK := refDate{}, false
	switch {
	case !l.Signed.IsZero():
		ref, refOK = refDate{year: l.Signed.Year, month: l.Signed.Month, kind: "signed"}, true
	case !l.Published.IsZero():
		ref, refOK = refDate{year: l.Published.Year, month: l.Published.Month, kind: "published"}, true
	}
	if refOK {
		y := ref.reportYear()
		if thisYear > 0 {
			sc.addWith(y, min(thisYear*thisYearWeight, maxThisYear), fmt.Sprintf("今年 ×%d, %s %d年%d月", thisYear, ref.kind, ref.year, ref.month))
		}
		w := signedWeight
		if ref.kind == "published" {
			w = publishedWeight
		}
		sc.addWith(y, w, fmt.Sprintf("%s %d年%d月", ref.kind, ref.year, ref.month))
	}
	return sc.best()
}

// scorer adds up the weight of each year and remembers its weightiest clue.
type scorer struct {
	score map[int]int
	clue  map[int]string
	clueW map[int]int
}

func newScorer() *scorer {
	return &scorer{score: map[int]int{}, clue: map[int]string{}, clueW: map[int]int{}}
}

// add adds w to the year's score and reports whether the clue it comes
// from is the year's weightiest so far: the caller then sets s.clue[year],
// so that the clues of the many lighter mentions are never written out.
func (s *scorer) add(year, w int) bool {
	s.score[year] += w
	if w > s.clueW[year] {
		s.clueW[year] = w
		return true
	}
	return false
}

// addWith is add with the clue at hand.
func (s *scorer) addWith(year, w int, clue string) {
	if s.add(year, w) {
		s.clue[year] = clue
	}
}

func (s *scorer) best() (int, string, bool) {
	best, second := 0, 0
	for y, sc := range s.score {
		switch {
		case sc > s.score[best] || sc == s.score[best] && best != 0 && y > best:
			if best != 0 {
				second = max(second, s.score[best])
			}
			best = y
		case sc > second:
			second = sc
		}
	}
	if best == 0 || s.score[best] < minScore {
		return 0, "no year of the reported figures found", false
	}
	if s.score[best] == second {
		return 0, fmt.Sprintf("two years weigh the same (%d: %d)", best, second), false
	}
	return best, fmt.Sprintf("%d: %s (score %d, next %d)", best, s.clue[best], s.score[best], second), true
}

// years returns the years written in s: four digits (ASCII, full-width or
// 〇一二…九) followed by 年, from 1949 to 2099, not part of a longer number.
func years(s string) []occurrence {
	out, _ := readYears(s)
	return out
}

// readYears returns years(s) and the number of 今年 and 本年度 in s, in one
// search for 年 (each of those words holds one).
func readYears(s string) (out []occurrence, thisYear int) {
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "年")
		if j < 0 {
			break
		}
		at := i + j
		if strings.HasSuffix(s[:at], "今") || strings.HasSuffix(s[:at], "本") && strings.HasPrefix(s[at+len("年"):], "度") {
			thisYear++
		}
		end := len(strings.TrimRight(s[:at], " \t　")) // 2024 年 in text from PDF
		i = at + len("年")
		start, y, ok := digitsBefore(s, end, 4)
		if !ok || y < 1949 || y > 2099 {
			continue
		}
		if _, _, longer := digitsBefore(s, start, 1); longer {
			continue // 20192020年: part of a longer number
		}
		out = append(out, occurrence{year: y, start: start, end: end, next: i})
	}
	return out, thisYear
}

// digitsBefore reads n digits ending at byte offset end and returns where
// they start and their value.
func digitsBefore(s string, end, n int) (start, value int, ok bool) {
	start = end
	mul := 1
	for k := 0; k < n; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		d := digit(r)
		if d < 0 {
			return 0, 0, false
		}
		value += d * mul
		mul *= 10
		start -= size
	}
	return start, value, true
}

func digit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	if i := strings.IndexRune("〇一二三四五六七八九", r); i >= 0 {
		return utf8.RuneCountInString("〇一二三四五六七八九"[:i])
	}
	switch r {
	case '零', '○', 'Ｏ', 'O':
		return 0
	}
	return -1
}

// rangeMarks join the two ends of a range of years.
const rangeMarks = "—–-－~～至到"

// planWords, in the words that follow a year, mark a plan for later.
var planWords = []string{"将", "计划", "打算", "思路", "安排", "展望", "目标任务"}

// lawWords, in the words that follow a year, mark a law's or rule's
// version or an effective date.
var lawWords = []string{"修订", "修正", "修改", "版", "颁布", "施行", "起实施"}

// historyMarks, written right before a year, place it in the past or use
// it for comparison.
var historyMarks = []string{"于", "自", "从", "较", "比", "同", "截至", "早在", "始于", "对比"}

// ignored reports whether the year at o belongs to a range, a plan, a law
// or history rather than to the reported figures.
func ignored(s string, o occurrence) bool {
	before := strings.TrimRight(s[:o.start], " ")
	after := s[o.next:]
	// 2021—2025年, 2020——2023年, 2017年至2019年: both ends.
	if t := strings.TrimRight(before, rangeMarks); t != before {
		t = strings.TrimSuffix(t, "年")
		if _, _, ok := digitsBefore(t, len(t), 4); ok {
			return true
		}
	}
	if t := strings.TrimLeft(strings.TrimPrefix(after, "度"), rangeMarks); t != strings.TrimPrefix(after, "度") {
		if r, _ := utf8.DecodeRuneInString(t); digit(r) >= 0 {
			return true
		}
	}
	for _, m := range historyMarks {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	if strings.HasPrefix(after, "以前") || strings.HasPrefix(after, "之前") || strings.HasPrefix(after, "前") || strings.HasPrefix(after, "至今") {
		return true
	}
	c := clause(after)
	return anyof.Contains(c, planWords...) || anyof.Contains(c, lawWords...)
}

// clause returns the words that follow a year up to the next punctuation,
// conjunction or year, at most 20 characters: what the year qualifies.
func clause(after string) string {
	n := 0
	for i, r := range after {
		if n++; n > 20 || strings.ContainsRune(",，。；;:：、!！?？\n()（）《》及和与", r) || digit(r) >= 0 && i > 0 {
			return after[:i]
		}
	}
	return after
}

// announces reports whether the year stands in the sentence that announces
// the report: 现就2022年法治政府建设工作开展情况报告如下.
func announces(s string, o occurrence) bool {
	sent := sentence(s, o.start)
	return strings.Contains(sent, "如下") && anyof.Contains(sent, "报告", "汇报", "总结")
}

// sentence returns the sentence around byte offset i (from just after the
// first byte of the stop before it).
func sentence(s string, i int) string {
	start := lastStop(s[:i]) + 1
	end := firstStop(s[i:])
	if end < 0 {
		return s[start:]
	}
	return s[start : i+end]
}

// firstStop and lastStop return the byte offset of the first and the last
// sentence stop (。 ！ ？ ! ? or a line break) in s, or -1: what
// strings.IndexAny and LastIndexAny return, found by a byte loop instead
// of comparing every rune with every stop.
func firstStop(s string) int {
	for j := 0; j < len(s); j++ {
		if stopAt(s, j) {
			return j
		}
	}
	return -1
}

func lastStop(s string) int {
	for j := len(s) - 1; j >= 0; j-- {
		if stopAt(s, j) {
			return j
		}
	}
	return -1
}

// stopAt reports whether a sentence stop starts at s[j]. 。 starts with
// E3 and ！ ？ with EF, bytes that only ever lead a character.
func stopAt(s string, j int) bool {
	switch s[j] {
	case '!', '?', '\n':
		return true
	case 0xE3:
		return strings.HasPrefix(s[j:], "。")
	case 0xEF:
		return strings.HasPrefix(s[j:], "！") || strings.HasPrefix(s[j:], "？")
	}
	return false
}

// opensSentence reports whether the year at byte offset i opens a sentence,
// a line, or a numbered heading (一、2022年度…, 2.2023年…).
func opensSentence(s string, i int) bool {
	before := strings.TrimRight(s[:i], " \t　")
	before = strings.TrimRight(before, "0123456789.．、一二三四五六七八九十()（）")
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("。！？!?；;:：\n", r)
}

// insideBookTitle reports whether byte offset i lies between 《 and 》 on
// its line.
func insideBookTitle(s string, i int) bool {
	line := s[strings.LastIndexByte(s[:i], '\n')+1 : i]
	open := strings.LastIndex(line, "《")
	return open >= 0 && strings.LastIndex(line, "》") < open
}

// refDate is a date the report was signed or published on.
type refDate struct {
	year, month int
	kind        string // "signed" or "published"
}

// reportYear is the year a report dated d most likely reports on: a report
// signed in January or February, or published before July, is about the
// year before.
func (d refDate) reportYear() int {
	switch {
	case d.kind == "signed" && d.month <= 2:
		return d.year - 1
	case d.kind == "published" && d.month <= 6:
		return d.year - 1
	}
	return d.year
}

// quote returns the year with up to n characters either side.
func quote(s string, o occurrence, n int) string {
	start, end := o.start, o.end
	for k := 0; k < n && start > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if r == '\n' {
			break
		}
		start -= size
	}
	for k := 0; k < n && end < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[end:])
		if r == '\n' {
			break
		}
		end += size
	}
	return s[start:end]
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
