package layout

import (
	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/wordmatch"
	"strings"
	"unicode/utf8"
)

// SectionKind says what a section of a report is about.
type SectionKind uint8

// Section kinds.
const (
	OtherSection SectionKind = iota
	// Achievements: the year's measures and results (主要举措和成效).
	Achievements
	// Problems: shortcomings (存在的问题和不足); they may state this year's
	// figures, such as lawsuits lost.
	Problems
	// Plans: next year's work (下一步工作打算); nothing in them is a fact of
	// the report's year.
	Plans
	// Duties: the leaders' discharge of their duties (履行推进法治建设第一责任人职责).
	Duties
)

var sectionKindNames = [...]string{"other", "achievements", "problems", "plans", "duties"}

func (k SectionKind) String() string {
	if int(k) < len(sectionKindNames) {
		return sectionKindNames[k]
	}
	return "unknown"
}

// Section is a numbered part of a report, from its heading to the next
// heading of the same or a higher level.
type Section struct {
	Kind SectionKind
	// Level is 1 for 一、, 2 for (一), 3 for 1., 4 for (1).
	Level int
	// Mixed is set for a plans section whose heading names the problems
	// too (存在问题及2023年工作计划): its sentences on the past year (全年实现
	// 行政诉讼零败诉) are the year's facts, so it is no plans section to
	// PlansStart, and its parts and sentences are judged on their own
	// (the extractor's inPlans).
	Mixed bool
	// Heading is the heading's words: the line up to its first full stop.
	Heading Span
	Span    Span
}

// Words that tell a heading's section kind. A heading with words of more
// than one kind (2024年工作情况及2025年工作计划) is OtherSection: its
// sentences are judged one by one.
var (
	planHeadingWords = []string{"下一步", "工作打算", "工作计划", "工作思路", "工作安排", "工作设想", "努力方向",
		"今后", "明年", "下一年", "工作展望", "主要安排", "重点任务安排"}
	problemHeadingWords     = []string{"存在的问题", "存在问题", "问题和不足", "问题与不足", "不足之处", "短板", "差距", "薄弱环节", "困难和问题", "不足"}
	dutyHeadingWords        = []string{"第一责任人", "履行推进法治建设", "述法"}
	achievementHeadingWords = []string{"举措", "成效", "做法", "开展情况", "完成情况", "主要工作", "基本情况", "总体情况", "工作情况", "取得"}
)

// maxHeadingRunes bounds the words of a heading read for its kind.
const maxHeadingRunes = 40

func (l *Layout) readSections() {
	var open []int // indexes into l.Sections of the sections still open
	for i, ln := range l.Lines {
		if ln.Kind != Heading || ln.Start < l.Body {
			continue
		}
		s := l.Text[ln.Start:ln.End]
		level := headingLevel(s)
		h := headingWords(s)
		kind, mixed := headingKind(h)
		sec := Section{Kind: kind, Mixed: mixed, Level: level, Heading: Span{ln.Start, ln.Start + len(h)}, Span: Span{Start: ln.Start, End: len(l.Text)}}
		for len(open) > 0 && l.Sections[open[len(open)-1]].Level >= level {
			l.Sections[open[len(open)-1]].Span.End = l.Lines[i].Start
			open = open[:len(open)-1]
		}
		l.Sections = append(l.Sections, sec)
		open = append(open, len(l.Sections)-1)
	}
}

// headingWords returns the heading part of a heading line: up to the first
// full stop, colon or the start of a sentence, at most maxHeadingRunes.
func headingWords(s string) string {
	if len(s) > utf8.UTFMax*maxHeadingRunes {
		// These bytes hold at least maxHeadingRunes runes: the cut falls
		// after every rune kept.
		s = s[:utf8.UTFMax*maxHeadingRunes]
	}
	end := len(s)
	for _, stop := range []string{"。", ":", ";"} {
		if i := strings.Index(s, stop); i >= 0 && i < end {
			end = i
		}
	}
	n := 0
	for i := range s[:end] {
		if n++; n > maxHeadingRunes {
			return s[:i]
		}
	}
	return s[:end]
}

// headingKinds are the section kinds a heading's words can name, each with
// a matcher of its words.
var headingKinds = []struct {
	kind  SectionKind
	words *wordmatch.Matcher
}{
	{Plans, wordmatch.New(planHeadingWords)},
	{Problems, wordmatch.New(problemHeadingWords)},
	{Duties, wordmatch.New(dutyHeadingWords)},
	{Achievements, wordmatch.New(achievementHeadingWords)},
}

// headingKind returns the kind a heading's words name, and whether they
// name problems and plans together.
func headingKind(h string) (SectionKind, bool) {
	var kinds []SectionKind
	for _, hk := range headingKinds {
		if hk.words.Any(h) {
			kinds = append(kinds, hk.kind)
		}
	}
	switch {
	case len(kinds) == 1:
		return kinds[0], false
	case len(kinds) == 2 && kinds[0] == Plans && kinds[1] == Problems:
		// 存在的问题和下一步工作打算: a few lines on problems, then the
		// plans; a figure there is more likely a target than a result,
		// but a sentence on the past year states facts.
		return Plans, true
	}
	return OtherSection, false
}

// PlansStart returns the byte offset of the first plans section, or
// len(Text) when the report has none.
func (l *Layout) PlansStart() int {
	for _, s := range l.Sections {
		if s.Kind == Plans && !s.Mixed {
			return s.Span.Start
		}
	}
	return len(l.Text)
}

// PlansEnd returns the byte offset where the plans that start at
// PlansStart give way to an appendix (附件, 附表: a line that opens with
// either and holds no sentence), or len(Text): an appendix's tables are
// the year's figures, not next year's — unless the appendix itself is a
// plan, by its words (计划, 要点, 打算, 任务, 安排, 目标, 思路) or a year after
// the report's year in its first two lines (附表:2023年法治建设重点工作清单).
func (l *Layout) PlansEnd(year int) int {
	start := l.PlansStart()
	for i, ln := range l.Lines {
		if ln.Start <= start || ln.Kind == Meta || ln.Kind == Furniture {
			continue
		}
		if s := l.LineText(i); isAppendixLine(s) {
			head := s
			if i+1 < len(l.Lines) {
				head += l.LineText(i + 1)
			}
			if anyof.Contains(head, appendixPlanWords...) || laterYear(head, year) {
				return len(l.Text)
			}
			return ln.Start
		}
	}
	return len(l.Text)
}

// appendixPlanWords name an appendix that is a plan.
var appendixPlanWords = []string{"计划", "要点", "打算", "任务", "安排", "目标", "思路"}

// laterYear reports whether s names a year after year (2023年 in a 2022
// report).
func laterYear(s string, year int) bool {
	for i := 0; i+5 <= len(s); i++ {
		if !strings.HasPrefix(s[i+4:], "年") {
			continue
		}
		y := 0
		for k := i; k < i+4; k++ {
			if s[k] < '0' || s[k] > '9' {
				y = -1
				break
			}
			y = y*10 + int(s[k]-'0')
		}
		if y > year && year > 0 && (i == 0 || s[i-1] < '0' || s[i-1] > '9') {
			return true
		}
	}
	return false
}

// isAppendixLine reports whether s opens an appendix: 附件, 附件1:, 附表:
// 2022年度主要法治指标完成情况 — short, no sentence ended in it.
func isAppendixLine(s string) bool {
	rest, ok := strings.CutPrefix(s, "附件")
	if !ok {
		rest, ok = strings.CutPrefix(s, "附表")
	}
	if !ok || longer(s, maxBareCellRunes) || strings.Contains(s, "。") {
		return false
	}
	rest = strings.TrimLeft(rest, "0123456789一二三四五六七八九十")
	return rest == "" || anyof.Prefix(rest, ":", "：", " ", "、", ".")
}

// SectionAt returns the innermost section holding byte offset off.
func (l *Layout) SectionAt(off int) (Section, bool) {
	var best Section
	found := false
	for _, s := range l.Sections {
		if s.Span.Contains(off) && (!found || s.Level > best.Level) {
			best, found = s, true
		}
	}
	return best, found
}
