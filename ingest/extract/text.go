package extract

import (
	"strings"
	"unicode/utf8"
)

// sentenceBoundary returns the length of a sentence boundary (。 ; ! ? \n
// and their full-width forms) that ends at byte j, or 0.
func sentenceBoundary(s string, j int) int {
	if j <= 0 {
		return 0
	}
	switch s[j-1] {
	case '\n', ';', '!', '?':
		return 1
	}
	if j >= 3 {
		switch s[j-3 : j] {
		case "。", "；", "！", "？":
			return 3
		}
	}
	return 0
}

// clauseBoundary is sentenceBoundary for clause boundaries: those and , :.
func clauseBoundary(s string, j int) int {
	if n := sentenceBoundary(s, j); n > 0 {
		return n
	}
	switch s[j-1] {
	case ',':
		if thousandsComma(s, j-1) {
			return 0
		}
		return 1
	case ':':
		return 1
	case ' ':
		if spaceBreak(s, j-1) {
			return 1
		}
	}
	if j >= 3 {
		switch s[j-3 : j] {
		case "，", "：":
			return 3
		}
	}
	return 0
}

// thousandsComma reports whether the comma at byte j separates thousands in
// a number, as cnnum reads it (3,420人次): a digit before it and three after
// it, then no digit.
func thousandsComma(s string, j int) bool {
	if j == 0 || j+3 >= len(s) || !isDigitByte(s[j-1]) {
		return false
	}
	return isDigitByte(s[j+1]) && isDigitByte(s[j+2]) && isDigitByte(s[j+3]) && (j+4 == len(s) || !isDigitByte(s[j+4]))
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// spaceBreak reports whether the space at byte j separates two cells of a
// table flattened into text (依申请公开2件 便民服务中心进驻事项96项): a space
// between two non-ASCII characters. Normalised prose has no such space.
// A unit column before the value is not a cell of its own (普法宣传活动 场24).
func spaceBreak(s string, j int) bool {
	if j == 0 || j+1 >= len(s) || s[j-1] < 0x80 || s[j+1] < 0x80 {
		return false
	}
	return !unitColumn(s[j+1:])
}

// unitColumn reports whether s starts with a unit written before its value
// in a flattened table: 场24, 人次 430.
func unitColumn(s string) bool {
	u, ok := readUnit(s)
	if !ok {
		return false
	}
	t := strings.TrimPrefix(s[len(u.text):], " ")
	return t != "" && t[0] >= '0' && t[0] <= '9'
}

const maxBack = 900 // bytes: how far back a sentence start is looked for

// boundaryEnd marks the last bytes of the sentence boundaries: \n ; ! ?
// and the final bytes of 。 ； ！ ？.
var boundaryEnd = func() (t [256]bool) {
	for _, b := range []byte{'\n', ';', '!', '?', 0x82, 0x9B, 0x81, 0x9F} {
		t[b] = true
	}
	return t
}()

// sentenceStart returns the start of the sentence holding byte i.
func sentenceStart(s string, i int) int {
	lo := max(i-maxBack, 0)
	for j := i; j > lo; j-- {
		if j-3 >= lo && ideograph(s, j-3) {
			j -= 2 // no boundary ends at or inside a Chinese character
			continue
		}
		if boundaryEnd[s[j-1]] && sentenceBoundary(s, j) > 0 {
			return j
		}
	}
	return lo
}

// sentenceOf is sentenceStart for numbers met in text order: when no
// boundary lies between the previous number and this one, they share a
// sentence.
//
// The scan that meets the numbers notes the last sentence boundary it
// passed (x.boundary, the greatest boundary end at or before i), so that
// the answer is what a backward search from i finds: that boundary if it
// lies after the previous number (or within sentenceStart's reach), else
// the previous number's sentence start (or sentenceStart's bound).
func (x *run) sentenceOf(i int) int {
	S := max(i-maxBack, 0) // sentenceStart's bound
	if x.lastN > 0 && x.lastN <= i && i-x.lastN < maxBack {
		S = x.lastS
		if x.boundary > x.lastN {
			S = x.boundary
		}
	} else if x.boundary > S {
		S = x.boundary
	}
	x.lastN, x.lastS = i, S
	return S
}

// clauseEndByte marks the last bytes of the clause boundaries: those of
// boundaryEnd, , : and space, and the final bytes of ， and ：.
var clauseEndByte = func() (t [256]bool) {
	t = boundaryEnd
	for _, b := range []byte{',', ':', ' ', 0x8C, 0x9A} {
		t[b] = true
	}
	return t
}()

// clauseStart returns the start of the clause holding byte i, not before lo.
func clauseStart(s string, i, lo int) int {
	for j := i; j > lo; j-- {
		if j-3 >= lo && ideograph(s, j-3) {
			j -= 2 // no boundary ends at or inside a Chinese character
			continue
		}
		if clauseEndByte[s[j-1]] && clauseBoundary(s, j) > 0 {
			return j
		}
	}
	return lo
}

// forwardStop marks the bytes at which clauseEnd and sentenceEnd look
// closer: ASCII boundaries, space and the lead bytes of full-width ones.
var forwardStop = func() (t [256]bool) {
	for _, b := range []byte{'\n', ';', '!', '?', ',', ':', ' ', 0xE3, 0xEF} {
		t[b] = true
	}
	return t
}()

// clauseEnd returns the end of the clause holding byte i: the next boundary,
// or a glued enumerator (三是, (二)) when punctuation was lost.
func clauseEnd(s string, i int) int {
	hi := min(i+maxBack, len(s))
	for j := i; j < hi; j++ {
		c := s[j]
		if !forwardStop[c] {
			continue
		}
		switch c {
		case ',':
			if !thousandsComma(s, j) {
				return j
			}
		case '\n', ';', '!', '?', ':':
			return j
		case ' ':
			if spaceBreak(s, j) {
				return j
			}
		}
		if c == 0xE3 || c == 0xEF {
			if j+3 <= len(s) {
				switch s[j : j+3] {
				case "。", "；", "！", "？", "，", "：":
					return j
				}
			}
		}
	}
	return hi
}

// sentenceEnd returns the offset of the boundary that ends the sentence
// holding byte i.
func sentenceEnd(s string, i int) int {
	hi := min(i+maxBack, len(s))
	for j := i; j < hi; j++ {
		if !forwardStop[s[j]] {
			continue
		}
		switch s[j] {
		case '\n', ';', '!', '?':
			return j
		case 0xE3:
			if strings.HasPrefix(s[j:], "。") {
				return j
			}
		}
	}
	return hi
}

// gluedEnumerator reports whether s starts with an enumerator that begins a
// new item (三是, 四是, (二), 2.) — a sign that punctuation was lost.
func gluedEnumerator(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if r == '(' {
		r2, _ := utf8.DecodeRuneInString(s[size:])
		return isCNNumeral(r2)
	}
	if isCNNumeral(r) && r != '百' && r != '千' {
		return strings.HasPrefix(s[size:], "是")
	}
	return false
}

// fillers are the words a clause may hold before its number and still take
// its topic from the clause before: 信访案件168批次,(共)505人次; 深入开展
// 普法宣传,全年累计开展52场.
var fillers = []string{"今年以来", "全年", "今年", "年内", "累计", "共计", "合计", "先后", "共有", "共", "计", "开展", "举办", "组织", "完成", "达到", "达", "为", "有", "约", "近", "超", "逾", "涉及", "了"}

// fillerFirst holds the first characters of fillers.
var fillerFirst = func() (set runeSet) {
	for _, f := range fillers {
		r, _ := utf8.DecodeRuneInString(f)
		set.add(r)
	}
	return set
}()

// fillerOnly reports whether s is made of fillers only (or empty).
func fillerOnly(s string) bool {
	s = trimSpace(s)
	if len(s) > 8*3 {
		return false // no run of fillers is that long
	}
	if r, _ := utf8.DecodeRuneInString(s); s != "" && !fillerFirst.has(r) {
		return false
	}
	for s != "" {
		n := len(s)
		for _, f := range fillers {
			if strings.HasPrefix(s, f) {
				s = s[len(f):]
				break
			}
		}
		if len(s) == n {
			return false
		}
	}
	return true
}

// trimSpace is strings.TrimSpace, without its slow path for text that
// starts or ends with a non-ASCII character when that character is
// Chinese (U+4000–U+9FFF, first byte E4–E9): no white space to trim.
func trimSpace(s string) string {
	if s == "" || !plainEdge(s[0]) {
		return strings.TrimSpace(s)
	}
	n := len(s)
	if c := s[n-1]; c < utf8.RuneSelf {
		if asciiSpace(c) {
			return strings.TrimSpace(s)
		}
		return s
	}
	if n >= 3 && s[n-3] >= 0xE4 && s[n-3] <= 0xE9 && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80 {
		return s
	}
	return strings.TrimSpace(s)
}

// plainEdge reports whether a string starting with byte b starts with a
// character that is not white space: ASCII other than space, or Chinese.
func plainEdge(b byte) bool {
	if b < utf8.RuneSelf {
		return !asciiSpace(b)
	}
	return b >= 0xE4 && b <= 0xE9
}

func asciiSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r'
}

// insideTitle reports whether a word ending at i is inside a 《title》 that
// closes before n, or a parenthesis closed before n (2件(均驳回申请)、民事诉讼
// 案件5件): the first closing mark after i has no opening one before it.
// The words of a sentence ask in text order; the marks found for the last
// are kept (titles) while they still lie after i.
func (x *run) insideTitle(i, n int) bool {
	t := &x.titles
	if t.n != n || i < t.from {
		*t = titleMemo{n: n}
		t.find(x.text, i, n)
	}
	if t.close1 >= 0 && t.close1 < i || t.close2 >= 0 && t.close2 < i {
		t.find(x.text, i, n)
	}
	t.from = i
	s := x.text
	if t.close1 >= 0 && !strings.Contains(s[i:t.close1], "《") {
		return true
	}
	return t.close2 >= 0 && !strings.Contains(s[i:t.close2], "(")
}

// titleMemo holds, for the number at n, the first 》 and ) after from
// (-1: none before n).
type titleMemo struct {
	n, from        int
	close1, close2 int
}

func (t *titleMemo) find(s string, i, n int) {
	t.close1, t.close2 = -1, -1
	if p := strings.Index(s[i:n], "》"); p >= 0 {
		t.close1 = i + p
	}
	if p := strings.IndexByte(s[i:n], ')'); p >= 0 {
		t.close2 = i + p
	}
}

// hasFigure reports whether s holds a digit other than those of a year
// (2022年, 2022年度): a count, not a date.
func hasFigure(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i != 4 || !strings.HasPrefix(s[j:], "年") {
			return true
		}
		i = j
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// marks are the last positions of the punctuation that shapes a clause
// before a number; -1 when absent.
type marks struct {
	dun, deng, open, close int  // 、 等 《 》
	fenbie                 int  // 分别
	mei, jun               bool // 每 and 均 occur
	// figure is set once the backward pass has met a digit: a 每 before
	// it is that figure's (每两月1次频次开展…学习5次), not the number's.
	figure bool
}

// clauseMarks returns clauseStart(s, N, S) and the marks of the clause
// before N, found in one backward pass. A number with open > close is inside
// a 《title》.
func clauseMarks(s string, N, S int) (int, marks) {
	m := marks{dun: -1, deng: -1, open: -1, close: -1, fenbie: -1}
	// The low end of a range is the number's own (每月开展排查2至3次): the
	// pass starts before it.
	for j := rangeLow(s, S, N); j > S; j-- {
		if j-3 >= S && ideograph(s, j-3) {
			// A Chinese character ends at j: no boundary and no digit
			// ends at j or inside it, and no mark starts inside it.
			if markLead[s[j-3]] {
				m.note(s, j-3, N)
			}
			j -= 2 // and the loop's j--: the whole character
			continue
		}
		if clauseEndByte[s[j-1]] && clauseBoundary(s, j) > 0 {
			return j, m
		}
		if s[j-1] >= '0' && s[j-1] <= '9' {
			m.figure = true
		}
		if j-3 >= S && markLead[s[j-3]] {
			m.note(s, j-3, N)
		}
	}
	return S, m
}

// rangeLow returns the start of a range's low end written right before the
// number at N (2至3次, 1-2次, 50—80人: the 2, 1 and 50), or N when there is
// none.
func rangeLow(s string, S, N int) int {
	left := s[S:N]
	for _, w := range []string{"至", "到", "-", "~", "—", "–"} {
		if t, ok := strings.CutSuffix(left, w); ok {
			k := len(t)
			for k > 0 && t[k-1] >= '0' && t[k-1] <= '9' {
				k--
			}
			if k < len(t) {
				return S + k
			}
			return N
		}
	}
	return N
}

// ideograph reports whether s[i:i+3] is a three-byte character with
// lead byte E4–E9 (U+4000–U+9FFF: Chinese characters, no punctuation).
func ideograph(s string, i int) bool {
	return s[i] >= 0xE4 && s[i] <= 0xE9 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// markLead marks the lead bytes of the marks note records (、 等 《 》 分别
// 均 每): the backward pass calls note only there.
var markLead = func() (t [256]bool) {
	for _, b := range []byte{0xE3, 0xE5, 0xE6, 0xE7} {
		t[b] = true
	}
	return t
}()

// note records the mark that starts at byte j of a clause ending at N.
func (m *marks) note(s string, j, N int) {
	if j+3 > N {
		return
	}
	switch s[j] {
	case 0xE5:
		if m.fenbie < 0 && j+6 <= N && s[j:j+6] == "分别" {
			m.fenbie = j
		}
		m.jun = m.jun || s[j:j+3] == "均"
		return
	case 0xE6:
		m.mei = m.mei || !m.figure && s[j:j+3] == "每"
		return
	case 0xE3, 0xE7:
	default:
		return
	}
	switch s[j : j+3] {
	case "、":
		if m.dun < 0 {
			m.dun = j
		}
	case "等":
		if m.deng < 0 {
			m.deng = j
		}
	case "《":
		if m.open < 0 {
			m.open = j
		}
	case "》":
		if m.close < 0 {
			m.close = j
		}
	}
}

// gluedAfter returns the offset of the first enumerator (二是, 三是) glued
// into [i, hi) by lost punctuation, or -1.
func gluedAfter(s string, i, hi int) int {
	for j := i; j+6 <= hi; j += len("是") {
		p := strings.Index(s[j:hi], "是")
		if p < 0 {
			return -1
		}
		if j += p; j+6 > hi {
			return -1
		}
		if j >= i+3 && isCNNumeral3(s[j-3:j]) {
			return j - 3
		}
	}
	return -1
}

// openTitle reports whether s, the text from a number's classifier to a
// word, leaves a 《title》 open: the word is inside the title.
func openTitle(s string) bool {
	p := strings.LastIndex(s, "《")
	return p >= 0 && !strings.Contains(s[p:], "》")
}

// prospectiveMarks, right before an act, make it one not yet done that
// qualifies the object (拟出台的规范性文件, 待签订的合同): neither the act
// counted nor another count's.
var prospectiveMarks = []string{"拟", "待"}

// prospectiveWords end in a prospective mark but are words of their own
// (接待办理信访事项, 模拟审查): the act after them is done.
var prospectiveWords = []string{"接待", "招待", "对待", "等待", "期待", "看待", "款待", "优待", "善待", "模拟", "虚拟", "比拟"}

// prospective reports whether before, the text up to an act, ends with a
// prospective mark that is no part of such a word.
func prospective(before string) bool {
	for _, m := range prospectiveMarks {
		if strings.HasSuffix(before, m) {
			for _, w := range prospectiveWords {
				if strings.HasSuffix(before, w) {
					return false
				}
			}
			return true
		}
	}
	return false
}
