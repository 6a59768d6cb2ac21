package layout

import (
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
)

// openingSentences is how many sentences of the opening are read for the
// place where the report names its subject.
const openingSentences = 3

// maxLeadRunes bounds a leading phrase (在…领导下, 根据…要求) that is skipped
// on the way to the subject.
const maxLeadRunes = 80

// leadVerbs mark a 在…下 phrase as the report's lead-in: in the leadership
// or under the guidance of the bodies above.
var leadVerbs = []string{"领导", "指导", "监督", "支持", "关心", "带领", "部署", "关怀", "引领"}

// leadClauses open a clause that comes before the subject: 根据…要求,
// 按照…部署, 为深入贯彻…,.
var leadClauses = []string{"根据", "按照", "依据", "对照", "为了", "为", "围绕", "结合", "以及"}

// readOpening finds the subject places of the first sentences of the body.
func (l *Layout) readOpening() {
	sentences := 0
	for i := l.LineAt(l.Body); i >= 0 && i < len(l.Lines) && sentences < openingSentences; i++ {
		ln := l.Lines[i]
		if ln.Kind != Prose && ln.Kind != Heading {
			continue
		}
		s := l.Text[ln.Start:ln.End]
		off := ln.Start
		if ln.Kind == Heading {
			// Only a yearbook's 【行政应诉】2021年,… carries its opening on the
			// heading's line.
			j := strings.Index(s, "】")
			if !strings.HasPrefix(s, "【") || j < 0 {
				continue
			}
			off += j + len("】")
			s = s[j+len("】"):]
		}
		for s != "" && sentences < openingSentences {
			end := sentenceEnd(s)
			if slot, ok := subjectSlot(s[:end]); ok {
				l.Opening = append(l.Opening, Span{off + slot, off + end})
			}
			sentences++
			off += end
			s = s[end:]
		}
	}
}

// sentenceEnd returns the byte offset just past the first sentence of s:
// after the first of 。 ! ? ！ ？.
func sentenceEnd(s string) int {
	// A byte loop, not strings.IndexAny, which compares each rune of s
	// with each stop when the stops are not all ASCII: 。 starts with E3
	// and ！ ？ with EF, bytes that only ever lead a character, so the first
	// place a stop's bytes start is the first stop.
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '!', '?':
			return i + 1
		case 0xE3:
			if strings.HasPrefix(s[i:], "。") {
				return i + len("。")
			}
		case 0xEF:
			if strings.HasPrefix(s[i:], "！") || strings.HasPrefix(s[i:], "？") {
				return i + len("！")
			}
		}
	}
	return len(s)
}

// subjectSlot returns where the subject of sentence s is written, once a
// leading year, 在…领导下 and a leading clause are skipped. ok is false for a
// sentence about the year itself (2024年是…之年).
func subjectSlot(s string) (int, bool) {
	i := skipYear(s, 0)
	if strings.HasPrefix(s[i:], "是") {
		return 0, false
	}
	for k := 0; k < 4; k++ {
		j := skipYear(s, skipLead(s, i))
		if j == i {
			break
		}
		i = j
	}
	// 现将辰清镇人民政府2023年度法治政府建设情况报告如下: names the writer.
	if rest, ok := strings.CutPrefix(s[i:], "现将"); ok && strings.Contains(rest, "如下") {
		i += len("现将")
	}
	return i, i < len(s)
}

// timeLeads are the phrases of time that may open a sentence in place of a
// year: 一年来,通州区…
var timeLeads = []string{"一年来", "一年以来", "今年以来", "今年来", "近年来", "过去一年", "本年度", "年内", "全年", "去年以来", "当年"}

// skipYear skips 2024年, 2024年度, 2024年以来, 2021年上半年, 一年来 and a comma.
func skipYear(s string, i int) int {
	for _, w := range timeLeads {
		if strings.HasPrefix(s[i:], w) {
			return skipComma(s, i+len(w))
		}
	}
	j := i + yearDigits(s[i:])
	if j == i || !strings.HasPrefix(s[j:], "年") {
		return i
	}
	j += len("年")
	for _, w := range []string{"度", "以来", "来", "上半年", "全年", "内"} {
		if strings.HasPrefix(s[j:], w) {
			j += len(w)
			break
		}
	}
	return skipComma(s, j)
}

// yearDigits returns the length in bytes of the four-digit year at the
// start of s, in ASCII digits (2023) or Chinese numerals (二〇二三), or 0.
func yearDigits(s string) int {
	j, n := 0, 0
	for j < len(s) && n < 5 {
		if s[j] >= '0' && s[j] <= '9' {
			j, n = j+1, n+1
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if dateDigit(r) < 0 || r < utf8.RuneSelf {
			break
		}
		j, n = j+size, n+1
	}
	if n != 4 {
		return 0
	}
	return j
}

func skipComma(s string, i int) int {
	for _, c := range []string{",", "、", " "} {
		if strings.HasPrefix(s[i:], c) {
			return i + len(c)
		}
	}
	return i
}

// skipLead skips one lead-in phrase at s[i:]: 在区委、区政府的正确领导下, or a
// clause that opens with 根据/按照/为… and ends with a comma.
func skipLead(s string, i int) int {
	rest := s[i:]
	if strings.HasPrefix(rest, "在") {
		if j := leadEnd(rest); j > 0 {
			return skipComma(s, i+j)
		}
	}
	for _, w := range leadClauses {
		if !strings.HasPrefix(rest, w) {
			continue
		}
		if j := strings.Index(rest, ","); j > 0 && runes(rest[:j]) <= maxLeadRunes {
			return i + j + 1
		}
	}
	return i
}

// leadEnd returns the offset just past the 下 (or 之下) that closes a
// 在…领导下 phrase at the start of s, or 0.
func leadEnd(s string) int {
	n := 0
	for j, r := range s {
		if n++; n > maxLeadRunes || r == '。' || r == ',' && n > 1 && !leadSeen(s[:j]) {
			return 0
		}
		if r == '下' && leadSeen(s[:j]) {
			return j + len("下")
		}
	}
	return 0
}

func leadSeen(s string) bool { return anyof.Contains(s, leadVerbs...) }
