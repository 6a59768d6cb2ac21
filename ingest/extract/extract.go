package extract

import (
	"math/bits"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/cnnum"
)

// Options tell the extractor what it cannot see in the text alone.
type Options struct {
	// Jurisdiction is the report's jurisdiction name (桥头镇); optional.
	Jurisdiction string `json:"jurisdiction"`
	// Level is its administrative level: 省 市 区 县 乡 镇 街道. Towns and
	// street offices are never reconsideration organs, so their 行政复议案件
	// are cases brought against them.
	Level string `json:"level"`
	// Year is the report year. Figures of a later year are plans, and year
	// prefixes glued to a count by lost punctuation are stripped only in
	// its range. 0 means: infer it from the opening of the text.
	Year int `json:"year"`
}

func (o Options) town() bool {
	switch o.Level {
	case "乡", "镇", "街道", "苏木":
		return true
	}
	return strings.HasSuffix(o.Jurisdiction, "镇") || strings.HasSuffix(o.Jurisdiction, "乡") || strings.HasSuffix(o.Jurisdiction, "街道")
}

// refKind is the role a lexicon word plays for a rule.
type refKind uint8

const (
	refLeft refKind = iota
	refRight
	refDomain
	refNot
	refScope
	refPlan
)

type ref struct {
	kind refKind
	idx  int32 // rule index, domain bit, zero rule or scope word index
}

type crule struct {
	rule
	units      string // " 件 宗 " for membership tests
	domainMask uint64
	notMask    uint64
	kind       string
	unit       string
}

// lexicon is the compiled trigger lexicon, built once and never changed.
type lexicon struct {
	m     *matcher
	refs  [][]ref
	rules []crule
}

var compiled = sync.OnceValue(compile)

func compile() *lexicon {
	lx := &lexicon{}
	ids := map[string]int32{}
	var words []string
	add := func(w string, r ref) {
		id, ok := ids[w]
		if !ok {
			id = int32(len(words))
			ids[w] = id
			words = append(words, w)
			lx.refs = append(lx.refs, nil)
		}
		lx.refs[id] = append(lx.refs[id], r)
	}
	names := make([]string, 0, len(domains))
	for name := range domains {
		names = append(names, name)
	}
	sort.Strings(names)
	bit := map[string]int32{}
	for i, name := range names {
		bit[name] = int32(i)
		for _, w := range domains[name] {
			add(w, ref{refDomain, int32(i)})
		}
	}
	for i, r := range rules {
		ind, ok := Lookup(r.code)
		if !ok {
			panic("extract: lexicon rule for unknown code " + r.code)
		}
		cr := crule{rule: r, units: " " + r.units + " ", kind: ind.Kind, unit: ind.Unit}
		for _, d := range r.domain {
			b, ok := bit[d]
			if !ok {
				panic("extract: lexicon rule with unknown domain " + d)
			}
			cr.domainMask |= 1 << uint(b)
		}
		for _, d := range r.notDomain {
			b, ok := bit[d]
			if !ok {
				panic("extract: lexicon rule with unknown domain " + d)
			}
			cr.notMask |= 1 << uint(b)
		}
		lx.rules = append(lx.rules, cr)
		for _, w := range r.left {
			add(w, ref{refLeft, int32(i)})
		}
		for _, w := range r.right {
			add(w, ref{refRight, int32(i)})
		}
		for _, w := range r.not {
			add(w, ref{refNot, int32(i)})
		}
	}
	for i, w := range scopeWords {
		add(w, ref{refScope, int32(i)})
	}
	for i, w := range planWords {
		add(w, ref{refPlan, int32(i)})
	}
	lx.m = newMatcher(words)
	return lx
}

// Extract returns the facts stated in text (normalised: half-width
// punctuation and digits), ordered by Start, followed by nothing else:
// derived facts sit at the position of the figure they were derived from.
func Extract(text string, opt Options) []Fact {
	lx := compiled()
	if opt.Year == 0 {
		opt.Year = inferYear(text)
	}
	x := &run{
		text:  text,
		opt:   opt,
		lx:    lx,
		plan:  planSection(text),
		facts: make([]found, 0, 64),
	}
	x.numbers()
	x.scanSentences()
	for _, c := range x.cands {
		x.decide(c)
	}
	x.zeros()
	x.dropBreakdowns()
	sort.SliceStable(x.facts, func(i, j int) bool { return x.facts[i].start < x.facts[j].start })
	out := make([]Fact, 0, len(x.facts)+4)
	// Byte offsets → rune offsets, in one forward pass over the starts
	// (facts may share a number: 行政复议案件2件(均驳回申请)).
	count := utf8.RuneCountInString
	if x.valid {
		count = runeCount
	}
	pos, runes := 0, 0
	for _, f := range x.facts {
		runes += count(text[pos:f.start])
		pos = f.start
		f.Fact.Start = runes
		f.Fact.End = runes + count(text[f.start:f.end])
		if f.Fact.Flags == nil {
			f.Fact.Flags = []string{}
		}
		out = append(out, f.Fact)
	}
	return derive(out)
}

// runeCount counts the runes of valid UTF-8 eight bytes at a time: every
// byte that is not a continuation byte (10xxxxxx) starts a rune.
func runeCount(s string) int {
	n := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont := w &^ (w << 1) & 0x8080808080808080
		n += 8 - bits.OnesCount64(cont)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// found is a fact with its byte offsets and sentence, before rune
// conversion.
type found struct {
	Fact
	start, end int // bytes of the number
	sent       int // byte offset of the sentence start
	after      int // byte offset of 其中 in the sentence before the number, or -1
}

type run struct {
	text  string
	opt   Options
	lx    *lexicon
	hits  []hit
	plan  int // byte offset where the plans for next year begin
	cands []cand
	seeds []seed // object words of the zero rules
	valid bool   // the text is valid UTF-8
	facts []found
	// lastN and lastS cache the sentence start of the previous number.
	lastN, lastS int
}

// numbers scans the text once for numerals followed by a unit and decides
// each one.
func (x *run) numbers() {
	s := x.text
	plain := true // every multi-byte sequence met is well-formed and common
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if c >= '0' && c <= '9' {
				if next := x.number(i); next > i {
					i = next
					continue
				}
			}
			i++
		case c >= 0xE1 && c < 0xF0 && c != 0xED:
			// A three-byte character: only its first two bytes are looked
			// at unless they start a Chinese numeral.
			if i+3 > len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
				plain = false
				i++
				continue
			}
			for k, z := range zeroRules {
				if c == z.object[0] && strings.HasPrefix(s[i:], z.object) {
					x.seeds = append(x.seeds, seed{i, k})
				}
			}
			if numeralSecond[c&0x0F][s[i+1]] && isCNNumeral3(s[i:i+3]) {
				if c == 0xE7 && strings.HasPrefix(s[i:], "百分之") {
					if n, ok := cnnum.Percent(s, i); ok {
						x.candidate(n, rawUnit{"%", 1}, n.Next)
						i = n.Next
						continue
					}
				}
				if next := x.number(i); next > i {
					i = next
					continue
				}
			}
			i += 3
		case c >= 0xC2 && c < 0xE0:
			if i+2 > len(s) || s[i+1]&0xC0 != 0x80 {
				plain = false
				i++
				continue
			}
			i += 2
		default:
			// Four-byte characters, E0 and ED leads (whose second byte is
			// restricted) and malformed bytes: let utf8 judge the text.
			plain = false
			i++
		}
	}
	x.valid = plain || utf8.ValidString(s)
}

// cand is a numeral followed by a unit, waiting to be decided.
type cand struct {
	n       cnnum.Number
	u       rawUnit
	unitEnd int
	S       int // sentence start
}

// candidate records a numeral with its unit.
func (x *run) candidate(n cnnum.Number, u rawUnit, unitEnd int) {
	if n.Start >= x.plan || skipBefore(x.text, n.Start) {
		return
	}
	x.cands = append(x.cands, cand{n: n, u: u, unitEnd: unitEnd, S: x.sentenceOf(n.Start)})
}

// seed is an occurrence of the object word of a zero rule.
type seed struct{ at, rule int }

// scanSentences runs the trigger matcher over the sentences that hold a
// candidate (or a zero-statement seed), each once, in text order. Trigger
// words never contain a sentence boundary, so scanning sentence by
// sentence finds exactly the words a whole-text scan would find there.
func (x *run) scanSentences() {
	s := x.text
	type window struct{ lo, hi int }
	ws := make([]window, 0, len(x.cands)+4)
	hi := -1
	for _, c := range x.cands {
		if c.S < hi && c.unitEnd < hi {
			continue // inside the previous window
		}
		hi = sentenceEnd(s, c.unitEnd)
		ws = append(ws, window{c.S, hi})
	}
	for _, z := range x.seeds {
		ws = append(ws, window{sentenceStart(s, z.at), sentenceEnd(s, z.at)})
	}
	if len(ws) == 0 {
		return
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].lo < ws[j].lo })
	x.hits = make([]hit, 0, len(x.cands)*4)
	done := 0 // text before done has been scanned
	for _, w := range ws {
		S, E := max(w.lo, done), w.hi
		if E <= S {
			continue
		}
		x.hits = x.lx.m.scanRange(s, S, E, x.hits)
		done = E
	}
}

// numeralLead marks the bytes that may start a numeral: ASCII digits and
// the lead bytes of the Chinese numerals (E4 E5 E7 E9).
var numeralLead = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t[0xE4], t[0xE5], t[0xE7], t[0xE9] = true, true, true, true
	return t
}()

// numeralSecond[lead&0x0F][second byte] marks the first two bytes of the
// Chinese numerals, a cheap filter before the full comparison.
var numeralSecond = func() (t [16][256]bool) {
	for _, r := range "一二两三四五六七八九十百千零" {
		var b [4]byte
		utf8.EncodeRune(b[:], r)
		t[b[0]&0x0F][b[1]] = true
	}
	return t
}()

// isCNNumeral3 reports whether the three bytes b are a Chinese numeral.
func isCNNumeral3(b string) bool {
	switch b {
	case "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "零":
		return true
	}
	return false
}

func isCNNumeral(r rune) bool {
	switch r {
	case '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '零':
		return true
	}
	return false
}

// number parses the numeral at i and decides it; it returns where scanning
// goes on.
func (x *run) number(i int) int {
	n, ok := cnnum.ParseAt(x.text, i)
	if !ok {
		return i
	}
	u, ok := readUnit(x.text[n.Next:])
	if !ok {
		return n.End
	}
	unitEnd := n.Next + len(u.text)
	if unitContinues(u, x.text[unitEnd:]) {
		return n.End
	}
	if u.text == "元" && n.Next == n.End {
		// 1502万元: the multiplier was read with the number; keep 万元 as
		// the unit written.
		if num := x.text[n.Start:n.End]; strings.HasSuffix(num, "万") {
			u.text = "万元"
		} else if strings.HasSuffix(num, "亿") {
			u.text = "亿元"
		}
	}
	x.candidate(n, u, unitEnd)
	return unitEnd
}

// sentence and clause boundaries
func sentenceBoundary(s string, j int) int { // length of a boundary ending at j, or 0
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

func clauseBoundary(s string, j int) int {
	if n := sentenceBoundary(s, j); n > 0 {
		return n
	}
	switch s[j-1] {
	case ',', ':':
		return 1
	}
	if j >= 3 {
		switch s[j-3 : j] {
		case "，", "：":
			return 3
		}
	}
	return 0
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
		if boundaryEnd[s[j-1]] && sentenceBoundary(s, j) > 0 {
			return j
		}
	}
	return lo
}

// sentenceOf is sentenceStart for numbers met in text order: when no
// boundary lies between the previous number and this one, they share a
// sentence.
func (x *run) sentenceOf(i int) int {
	s := x.text
	if x.lastN > 0 && x.lastN <= i && i-x.lastN < maxBack {
		S := x.lastS
		for j := i; j > x.lastN; j-- {
			if boundaryEnd[s[j-1]] && sentenceBoundary(s, j) > 0 {
				S = j
				break
			}
		}
		x.lastN, x.lastS = i, S
		return S
	}
	S := sentenceStart(s, i)
	x.lastN, x.lastS = i, S
	return S
}

func clauseStart(s string, i, lo int) int {
	for j := i; j > lo; j-- {
		if clauseBoundary(s, j) > 0 {
			return j
		}
	}
	return lo
}

// clauseEnd returns the end of the clause holding byte i: the next boundary,
// or a glued enumerator (三是, (二)) when punctuation was lost.
func clauseEnd(s string, i int) int {
	hi := min(i+maxBack, len(s))
	for j := i; j < hi; j++ {
		c := s[j]
		switch c {
		case '\n', ';', '!', '?', ',', ':':
			return j
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

func sentenceEnd(s string, i int) int {
	hi := min(i+maxBack, len(s))
	for j := i; j < hi; j++ {
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
// its topic from the clause before: 信访案件168批次,(共)505人次.
var fillers = map[string]bool{"": true, "共": true, "计": true, "共计": true, "合计": true, "累计": true, "达": true, "为": true, "有": true, "约": true, "近": true, "超": true, "逾": true, "共有": true, "涉及": true}

func fillerOnly(s string) bool { return fillers[strings.TrimSpace(s)] }

// tuple is a rule triggered for a candidate.
type tuple struct {
	rule  int32
	dist  int
	wlen  int
	start int
	near  bool // trigger in the number's own clause, nothing between
	right bool
	early bool // before a 等 that closes the list the number counts
}

// decide classifies one numeral with its unit and records the facts.
func (x *run) decide(c cand) {
	n, u, unitEnd, S := c.n, c.u, c.unitEnd, c.S
	s := x.text
	N := n.Start
	C := clauseStart(s, N, S)
	E := clauseEnd(s, unitEnd)
	if gluedEnumerator(s[unitEnd:]) {
		E = unitEnd
	}
	// Right-side triggers stop at the next number in the clause.
	Er := E
	for j := unitEnd; j < E; j++ {
		if s[j] >= '0' && s[j] <= '9' {
			Er = j
			break
		}
	}
	// 均/全部 right after the unit: the right-side trigger adds a second fact.
	jun := -1
	{
		t := s[unitEnd:Er]
		t = strings.TrimPrefix(t, "(")
		if strings.HasPrefix(t, "均") || strings.HasPrefix(t, "全部") || strings.HasPrefix(t, "都") {
			jun = Er - len(t)
		}
	}
	// The previous clause of the sentence, reached only when the number's
	// own clause has almost nothing before it (505人次 after 信访案件168批次).
	C1 := C
	if C > S && fillerOnly(s[C:N]) {
		C1 = clauseStart(s, C-1, S)
	}
	// The near region of the number: its own list item (between 、) on
	// both sides. Veto words count only there.
	marks := scanMarks(s, C, N)
	Ln := C
	if marks.dun >= 0 {
		Ln = marks.dun
	}
	Rn := Er
	if p := strings.Index(s[unitEnd:Er], "、"); p >= 0 {
		Rn = unitEnd + p
	}
	// 受理、办结信访事项分别为213件、210件: the k-th figure after 分别 goes
	// with the k-th item of the list before it.
	fb, seg := -1, 0
	segLo, segHi := C, N
	if p := strings.LastIndex(s[C:N], "分别"); p >= 0 {
		fb = C + p
		seg = strings.Count(s[fb:N], "、")
		segLo = C
		for i := 0; i < seg; i++ {
			q := strings.Index(s[segLo:fb], "、")
			if q < 0 {
				fb = -1
				break
			}
			segLo += q + len("、")
		}
		if fb >= 0 {
			segHi = fb
			if q := strings.Index(s[segLo:fb], "、"); q >= 0 {
				segHi = segLo + q
			}
			Ln, Rn = segLo, unitEnd
		}
	}
	// Anchors after 等 in the left clause: "A、B等合法性审查" is about 审查.
	Ld := C
	if marks.deng >= 0 {
		Ld = marks.deng
	}
	var buf [24]tuple
	tuples := buf[:0]
	var domMask uint64
	var notBuf [8]int32
	nots := notBuf[:0]
	hs := x.hits
	k := sort.Search(len(hs), func(k int) bool { return int(hs[k].end) > S })
	for ; k < len(hs) && int(hs[k].start) < E; k++ {
		h := hs[k]
		hStart, hEnd := int(h.start), int(h.end)
		if hStart < S {
			continue
		}
		for _, r := range x.lx.refs[h.word] {
			switch r.kind {
			case refDomain:
				if hEnd <= N || hEnd <= Er {
					domMask |= 1 << uint(r.idx)
				}
			case refNot:
				if fb >= 0 && (hStart < segLo || hEnd > segHi) {
					continue
				}
				if (hStart >= Ln && hEnd <= N || hStart >= unitEnd && hEnd <= Rn) && len(nots) < cap(nots) {
					nots = append(nots, r.idx)
				}
			case refLeft:
				if hEnd > N || hStart < C1 || insideTitle(s, hEnd, N) {
					continue
				}
				t := tuple{rule: r.idx, dist: N - hEnd, wlen: hEnd - hStart, start: hStart}
				if fb >= 0 {
					if hStart < segLo || hEnd > segHi {
						continue
					}
					t.dist, t.near = segHi-hEnd, true
					if len(tuples) < cap(buf) {
						tuples = append(tuples, t)
					}
					continue
				}
				switch {
				case hStart < C:
					t.dist += 1000
				case hStart < Ld:
					t.dist += 400
					t.early = true
				case strings.Contains(s[hEnd:N], "、") || strings.Contains(s[hEnd:N], "其中"):
					if hasDigit(s[hEnd:N]) {
						// Another figure stands between: 政府合同40件、会议纪要3件.
						continue
					}
					t.dist += 300
				default:
					t.near = true
				}
				if len(tuples) < cap(buf) {
					tuples = append(tuples, t)
				}
			case refRight:
				if hStart < unitEnd || hEnd > Er {
					continue
				}
				t := tuple{rule: r.idx, dist: 100 + hStart - unitEnd, wlen: hEnd - hStart, start: hStart, right: true, near: true}
				if strings.Contains(s[unitEnd:hStart], "、") {
					// The next item of a list: 会议纪要3件、合法性审查18件.
					continue
				}
				if len(tuples) < cap(buf) {
					tuples = append(tuples, t)
				}
			}
		}
	}
	if len(tuples) == 0 {
		return
	}
	if n.Chinese && !chineseCountOK(s, N, unitEnd) || marks.open > marks.close || isFrequency(s[C:N]) || isGrowth(s, C, N) || isPlan(s, S, N, x.opt.Year, x.hits, x.lx) {
		return
	}
	var sentMask uint64 // domains in the sentence before the number
	for k := sort.Search(len(hs), func(k int) bool { return int(hs[k].end) > S }); k < len(hs) && int(hs[k].end) <= N; k++ {
		if int(hs[k].start) < S {
			continue
		}
		for _, r := range x.lx.refs[hs[k].word] {
			if r.kind == refDomain {
				sentMask |= 1 << uint(r.idx)
			}
		}
	}
	// A combined count closing a list (A、B和C共计20件) belongs to the
	// first item of the list.
	combined := strings.Contains(s[Ld:N], "、") && hasAnySuffix(s[C:N], "共计", "合计", "总计", "累计", "共")
	best, second := -1, -1
	for ti := range tuples {
		t := &tuples[ti]
		cr := &x.lx.rules[t.rule]
		if !strings.Contains(cr.units, " "+u.text+" ") {
			continue
		}
		if cr.domainMask != 0 && domMask&cr.domainMask == 0 || sentMask&cr.notMask != 0 {
			continue
		}
		vetoed := false
		for _, v := range nots {
			if v == t.rule {
				vetoed = true
				break
			}
		}
		if vetoed {
			continue
		}
		if jun >= 0 && t.right && t.start >= jun {
			if second < 0 || better(x.lx, *t, tuples[second], false) {
				second = ti
			}
			continue
		}
		if best < 0 || better(x.lx, *t, tuples[best], combined) {
			best = ti
		}
	}
	if best < 0 {
		if second < 0 {
			return
		}
		best, second = second, -1
	}
	x.add(n, u, unitEnd, S, C, E, x.lx.rules[tuples[best].rule])
	if second >= 0 && x.lx.rules[tuples[second].rule].code != x.lx.rules[tuples[best].rule].code {
		x.add(n, u, unitEnd, S, C, E, x.lx.rules[tuples[second].rule])
	}
}

// insideTitle reports whether a word ending at i is inside a 《title》 that
// closes before n.
func insideTitle(s string, i, n int) bool {
	if p := strings.Index(s[i:n], "》"); p >= 0 && !strings.Contains(s[i:i+p], "《") {
		return true
	}
	// A parenthesis closed before the number: 2件(均驳回申请)、民事诉讼案件5件.
	p := strings.Index(s[i:n], ")")
	return p >= 0 && !strings.Contains(s[i:i+p], "(")
}

// better reports whether a beats b.
func better(lx *lexicon, a, b tuple, combined bool) bool {
	pa, pb := 0, 0
	if a.near {
		pa = lx.rules[a.rule].prio
	}
	if b.near {
		pb = lx.rules[b.rule].prio
	}
	if pa != pb {
		return pa > pb
	}
	if a.early != b.early {
		return !a.early
	}
	if combined && !a.right && !b.right && a.dist < 1000 && b.dist < 1000 {
		if a.start != b.start {
			return a.start < b.start
		}
		return a.wlen > b.wlen
	}
	if a.dist != b.dist {
		// A longer trigger ending at the same place is the same phrase
		// read more fully (调解成功率 over 成功率).
		return a.dist < b.dist
	}
	return a.wlen > b.wlen
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// add records the fact for numeral n decided as rule cr.
func (x *run) add(n cnnum.Number, u rawUnit, unitEnd, S, C, E int, cr crule) {
	s := x.text
	value := n.Value
	if n.Next == n.End || !strings.HasSuffix(s[n.Start:n.End], "万") && !strings.HasSuffix(s[n.Start:n.End], "亿") {
		value *= u.scale
	}
	start := n.Start
	switch cr.kind {
	case KindRate:
		if u.text != "%" || value > 100 {
			return
		}
	case KindCount:
		if !n.Integer {
			return
		}
		start, value = x.stripGluedYears(n, start, value)
		if value > 1e8 {
			return
		}
	}
	code := cr.code
	if cr.town != "" && x.opt.town() {
		code = cr.town
	}
	approx := n.Approx || cnnum.ApproxBefore(s, n.Start) || cnnum.ApproxAfter(s, unitEnd)
	f := found{
		Fact: Fact{
			Indicator: code,
			Value:     value,
			Unit:      cr.unit,
			RawUnit:   u.text,
			Approx:    approx,
			Scope:     x.scope(code, S, n.Start, E),
			Quote:     strings.TrimSpace(s[C:max(E, unitEnd)]),
		},
		start: start,
		end:   n.End,
		sent:  S,
		after: -1,
	}
	for _, m := range breakdownMarkers {
		if p := strings.LastIndex(s[S:n.Start], m); p >= 0 && S+p > f.after {
			f.after = S + p
		}
	}
	if partialYear(s[S:sentenceEnd(s, unitEnd)], x.opt.Year) {
		f.Flags = append(f.Flags, FlagPartialYear)
	}
	x.facts = append(x.facts, f)
}

// stripGluedYears removes year numbers glued in front of a count when
// punctuation was lost: 20192020172件 is 2019、2020 and 172件. Only years in
// the report's range are stripped, and only when the number as written is
// absurd as a count (over 10^8) or starts with two consecutive years.
func (x *run) stripGluedYears(n cnnum.Number, start int, value float64) (int, float64) {
	digits := x.text[n.Start:n.End]
	if n.Chinese || len(digits) < 7 || strings.ContainsAny(digits, ",.万亿千百") {
		return start, value
	}
	isYear := func(d string) bool {
		if len(d) < 4 {
			return false
		}
		y := 0
		for i := 0; i < 4; i++ {
			y = y*10 + int(d[i]-'0')
		}
		if x.opt.Year > 0 {
			return y >= x.opt.Year-5 && y <= x.opt.Year+1
		}
		return y >= 1990 && y <= 2035
	}
	absurd := value > 1e8
	twoYears := len(digits) > 8 && isYear(digits) && isYear(digits[4:])
	if !absurd && !twoYears {
		return start, value
	}
	d := digits
	for len(d) > 4 && isYear(d) && d[4] != '0' {
		d = d[4:]
	}
	if len(d) == len(digits) || len(d) > 6 {
		return start, value
	}
	v := 0.0
	for i := 0; i < len(d); i++ {
		v = v*10 + float64(d[i]-'0')
	}
	return n.End - len(d), v
}

// skipBefore reports numbers that are ordinals, frequencies or required
// minimums: 第3次, 每月2次, 至少1次, 不少于4次.
func skipBefore(s string, i int) bool {
	head := s[max(0, i-12):i]
	if strings.HasSuffix(head, "第") || strings.HasSuffix(head, "至少") || strings.HasSuffix(head, "不少于") || strings.HasSuffix(head, "不低于") || strings.HasSuffix(head, "不超过") || strings.HasSuffix(head, "“") || strings.HasSuffix(head, "《") {
		return true
	}
	return false
}

// frequencyWords in the clause before a number make it a rate of
// recurrence, not a count: 每月开展法治宣传活动2次.
var frequencyWords = []string{"每月", "每周", "每季度", "每季", "每天", "每日", "每半年", "每两月", "每年", "每个月", "每次"}

func isFrequency(left string) bool {
	for _, p := range frequencyWords {
		if strings.Contains(left, p) {
			return true
		}
	}
	return false
}

// chineseCountOK rejects Chinese numerals that are labels or slogans:
// “两个维护”, 三项制度, 一次性, 四个意识.
func chineseCountOK(s string, start, unitEnd int) bool {
	after := s[unitEnd:min(len(s), unitEnd+12)]
	if strings.HasPrefix(after, "”") || strings.HasPrefix(after, "\"") {
		return false
	}
	for _, w := range []string{"制度", "机制", "原则", "要求", "举措", "任务", "目标", "工程", "行动", "清单", "体系", "模式", "标准", "意识", "自信", "维护", "服务", "功能", "结合", "到位", "建设", "方面", "重点", "规范", "能力", "环节", "关口", "渠道", "平台"} {
		if strings.HasPrefix(after, w) {
			return false
		}
	}
	return true
}

// marks are the last positions of the punctuation that shapes a clause
// before a number, found in one backward pass; -1 when absent. A number
// with open > close is inside a 《title》.
type marks struct {
	dun, deng, open, close int // 、 等 《 》
}

func scanMarks(s string, C, N int) marks {
	m := marks{-1, -1, -1, -1}
	for j := N - 3; j >= C; j-- {
		if s[j] != 0xE3 && s[j] != 0xE7 {
			continue
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
	return m
}

// growthWords directly before a number make it a change, not a level:
// 同比增加13%, 增长5件.
var growthWords = []string{"同比增加", "同比增长", "同比下降", "同比减少", "同比上升", "同比提高", "环比", "增加", "增长", "下降", "减少", "上升", "提高", "提升", "降低", "增幅", "降幅", "同比", "比上年", "较上年", "较去年"}

func isGrowth(s string, C, N int) bool {
	left := s[max(C, N-30):N]
	left = strings.TrimSuffix(left, "了")
	for _, w := range growthWords {
		if strings.HasSuffix(left, w) {
			return true
		}
	}
	// 同比增长了约13%: a growth word a few bytes before, with only 约 or 近
	// between.
	for _, w := range []string{"同比", "增长", "增加", "下降", "减少", "提高", "上升"} {
		if p := strings.LastIndex(left, w); p >= 0 && len(left)-(p+len(w)) <= 6 {
			mid := left[p+len(w):]
			if !strings.ContainsAny(mid, "至到为达") {
				return true
			}
		}
	}
	return false
}

// planWords in the sentence before a number mark a plan or a target.
var planWords = []string{"下一步", "力争", "争取", "预计", "计划于", "计划在", "计划开展", "计划完成", "目标是", "目标为", "明年", "下一年", "今后", "拟于", "拟在", "将力争", "确保完成", "年度目标"}

func isPlan(s string, S, N, year int, hs []hit, lx *lexicon) bool {
	for k := sort.Search(len(hs), func(k int) bool { return int(hs[k].end) > S }); k < len(hs) && int(hs[k].end) <= N; k++ {
		if int(hs[k].start) < S {
			continue
		}
		for _, r := range lx.refs[hs[k].word] {
			if r.kind == refPlan {
				return true
			}
		}
	}
	if year > 0 {
		// 2025年 in a 2024 report: a plan.
		left := s[S:N]
		next := itoa(year + 1)
		if p := strings.Index(left, next); p >= 0 && strings.HasPrefix(left[p+len(next):], "年") {
			return true
		}
	}
	return false
}

func itoa(v int) string {
	var b [8]byte
	i := len(b)
	for v > 0 && i > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}

// planHeadings start the closing section on next year's plans; nothing
// after them is a fact of this year. (A section on problems is not one: it
// may state this year's figures, such as lost lawsuits.)
var planHeadings = []string{"下一步", "工作打算", "工作计划", "工作思路", "工作安排", "工作设想", "努力方向"}

// planSection returns the byte offset of the first short heading line that
// starts the plans section, or len(text).
func planSection(text string) int {
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		line := text[i:]
		if j >= 0 {
			line = text[i : i+j]
		}
		if t := strings.TrimSpace(line); t != "" && len(t) <= 160 && i > len(text)/3 && utf8.RuneCountInString(t) <= 40 {
			for _, h := range planHeadings {
				if strings.Contains(t, h) {
					return i
				}
			}
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return len(text)
}

// inferYear finds the report year in the opening of the text: the first
// 19xx年 or 20xx年 there.
func inferYear(text string) int {
	head := text[:min(len(text), 1500)]
	for i := 0; i+7 <= len(head); i++ {
		if (head[i] == '1' && head[i+1] == '9' || head[i] == '2' && head[i+1] == '0') && isDigit4(head[i:i+4]) && strings.HasPrefix(head[i+4:], "年") && (i == 0 || head[i-1] < '0' || head[i-1] > '9') {
			return int(head[i]-'0')*1000 + int(head[i+1]-'0')*100 + int(head[i+2]-'0')*10 + int(head[i+3]-'0')
		}
	}
	return 0
}

func isDigit4(s string) bool {
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// partialYear reports a sentence whose figures cover only part of the year:
// 截至10月30日, 1-10月, 自5月1日以来.
func partialYear(sent string, year int) bool {
	for i := 0; i < len(sent); i++ {
		if sent[i] < '0' || sent[i] > '9' || (i > 0 && sent[i-1] >= '0' && sent[i-1] <= '9') {
			continue
		}
		j := i
		m := 0
		for j < len(sent) && sent[j] >= '0' && sent[j] <= '9' {
			m = m*10 + int(sent[j]-'0')
			j++
		}
		if !strings.HasPrefix(sent[j:], "月") || m < 1 || m > 12 {
			continue
		}
		head := sent[:i]
		tail := sent[j+len("月"):]
		if y, ok := yearBefore(head); ok && year > 0 && y != year {
			// 2018年12月2日: a date of another year says nothing of this one.
			continue
		}
		// 截至10月 / 截止到9月底 / 1-10月 / 1至9月
		if m < 12 && (strings.HasSuffix(head, "截至") || strings.HasSuffix(head, "截止") || strings.HasSuffix(head, "截止到") || strings.HasSuffix(head, "截至到") || strings.HasSuffix(head, "1-") || strings.HasSuffix(head, "1至") || strings.HasSuffix(head, "1—")) {
			return true
		}
		// 自5月1日以来, 从6月12日成立以来, 5月1日起
		if m > 1 {
			d := 0
			k := 0
			for k < len(tail) && tail[k] >= '0' && tail[k] <= '9' {
				d = d*10 + int(tail[k]-'0')
				k++
			}
			rest := tail[k:]
			if k > 0 && strings.HasPrefix(rest, "日") {
				rest = rest[len("日"):]
			}
			if strings.HasPrefix(rest, "以来") || strings.HasPrefix(rest, "起") || strings.HasPrefix(rest, "成立以来") || strings.HasPrefix(rest, "至今") || strings.HasPrefix(rest, "开始") {
				return true
			}
		}
	}
	return false
}

// yearBefore reads a year written just before a month: 2018年|12月.
func yearBefore(head string) (int, bool) {
	if !strings.HasSuffix(head, "年") || len(head) < 7 {
		return 0, false
	}
	d := head[len(head)-7 : len(head)-3]
	if !isDigit4(d) {
		return 0, false
	}
	return int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0'), true
}

// zeros records zero statements written with no digit: 全年无败诉案件.
func (x *run) zeros() {
	s := x.text
	for _, z := range x.seeds {
		at := z.at
		if at >= x.plan || strings.HasPrefix(s[at+len(zeroRules[z.rule].object):], "率") {
			continue
		}
		S := sentenceStart(s, at)
		C := clauseStart(s, at, S)
		left := s[max(C, at-21):at]
		neg, negLen := -1, 0
		for _, w := range zeroNegators {
			if p := strings.LastIndex(left, w); p >= 0 && (neg < 0 || p > neg) {
				neg, negLen = p, len(w)
			}
		}
		if neg < 0 || hasDigit(left[neg:]) || strings.ContainsAny(left[neg:], "、()") {
			continue
		}
		N := at - len(left) + neg
		if isPlan(s, S, N, x.opt.Year, x.hits, x.lx) || strings.Contains(s[C:N], "确保") {
			continue
		}
		E := clauseEnd(s, at)
		code := zeroRules[z.rule].code
		ind, _ := Lookup(code)
		x.facts = append(x.facts, found{
			Fact: Fact{
				Indicator: code,
				Value:     0,
				Unit:      ind.Unit,
				Quote:     strings.TrimSpace(s[C:E]),
			},
			start: N,
			end:   N + negLen,
			sent:  S,
			after: -1,
		})
	}
}

// breakdownMarkers introduce the parts of a total stated before them.
var breakdownMarkers = []string{"其中", "包括"}

// dropBreakdowns removes the parts of a stated total: after 其中 in a
// sentence, a figure of the same indicator and scope as one stated before
// 其中 is a breakdown, not a fact of its own.
func (x *run) dropBreakdowns() {
	out := x.facts[:0]
	for i, f := range x.facts {
		if f.after >= 0 {
			part := false
			for j := range i {
				g := x.facts[j]
				if g.sent == f.sent && g.start < f.after && g.Indicator == f.Indicator && g.Scope == f.Scope {
					part = true
					break
				}
			}
			if part {
				continue
			}
		}
		out = append(out, f)
	}
	x.facts = out
}

// scope names the sub-body a figure belongs to: the nearest scope word in
// the sentence (before the number first), read back to the start of its
// name. Litigation and reconsideration cases are the government's own even
// when an adviser handled them; coverage rates and organisation counts are
// never scoped.
func (x *run) scope(code string, S, N, E int) string {
	switch {
	case strings.HasPrefix(code, "litigation.") && code != "litigation.cases", strings.HasPrefix(code, "reconsideration."),
		code == "counsel.adviser_coverage_rate", code == "mediation.organizations":
		return ""
	}
	s := x.text
	if code == "litigation.cases" {
		// 以区政府为被告行政应诉案件40件: the named defendant.
		left := s[S:N]
		if p := strings.LastIndex(left, "为被告"); p >= 0 {
			if q := strings.LastIndex(left[:p], "以"); q >= 0 && p-q <= 3*12 {
				return left[q+len("以") : p]
			}
		}
	}
	SE := sentenceEnd(s, N)
	if g := gluedAfter(s, N, SE); g >= 0 {
		SE = g
	}
	hs := x.hits
	k := sort.Search(len(hs), func(k int) bool { return int(hs[k].end) > S })
	bestStart, bestEnd := -1, -1
	for ; k < len(hs) && int(hs[k].start) < SE; k++ {
		h := hs[k]
		if int(h.start) < S {
			continue
		}
		for _, r := range x.lx.refs[h.word] {
			if r.kind != refScope {
				continue
			}
			if strings.HasPrefix(code, "litigation.") && scopeWords[r.idx] == "法律顾问" {
				continue
			}
			// Nearest before the number; else the first after it.
			if int(h.end) <= N || bestStart < 0 {
				bestStart, bestEnd = int(h.start), int(h.end)
			}
		}
	}
	if bestStart < 0 {
		return ""
	}
	name := scopeName(s, S, bestStart, bestEnd)
	if name == s[bestStart:bestEnd] && hasAnySuffix(s[S:bestStart], "该", "本", "此") {
		// 该调解室: the body named earlier in the paragraph.
		if prev := x.antecedent(S, s[bestStart:bestEnd]); prev != "" {
			return prev
		}
	}
	return name
}

// antecedent returns the longest-named mention of scope word w in the
// paragraph before byte S, or "".
func (x *run) antecedent(S int, w string) string {
	s := x.text
	para := strings.LastIndexByte(s[:S], '\n') + 1
	best := ""
	for _, h := range x.lx.m.scanRange(s, para, S, nil) {
		if x.lx.m.words[h.word] != w {
			continue
		}
		if name := scopeName(s, sentenceStart(s, int(h.start)), int(h.start), int(h.end)); len(name) > len(best) {
			best = name
		}
	}
	return best
}

// scopeStops end a sub-body name read backwards.
const scopeStops = "的了在和与及对由将已共等是为把向从到于以并该其中全我各级个名年月日"

var scopeLead = []string{"成立", "设立", "建立", "依托", "通过", "组织", "聘请", "筹建", "承接", "落实", "发挥", "利用", "推动", "打造", "创建", "建设", "加强", "完善", "深化", "品牌"}

// gluedAfter returns the offset of the first enumerator (二是, 三是) glued
// into [i, hi) by lost punctuation, or -1.
func gluedAfter(s string, i, hi int) int {
	for j := i; j+6 <= hi; j++ {
		if s[j] == 0xE6 && strings.HasPrefix(s[j:], "是") && j >= i+3 && isCNNumeral3(s[j-3:j]) {
			return j - 3
		}
	}
	return -1
}

func scopeName(s string, S, start, end int) string {
	j := start
	for n := 0; n < 7 && j > S; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if r < 0x4e00 || r > 0x9fff || strings.ContainsRune(scopeStops, r) {
			break
		}
		j -= size
	}
	name := s[j:end]
	for _, p := range scopeLead {
		if i := strings.LastIndex(name, p); i >= 0 && i+len(p) < len(name) {
			name = name[i+len(p):]
		}
	}
	return name
}
