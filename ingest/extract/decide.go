package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/cnnum"
)

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

// decide classifies one numeral with its unit and records the facts; nx is
// the next candidate in the text (Start len(text) when none).
func (x *run) decide(c cand, nx cand) {
	next := nx.n.Start
	n, u, unitEnd, S := c.n, c.u, c.unitEnd, c.S
	s := x.text
	N := n.Start
	hs := x.hits
	k := sort.Search(len(hs), func(k int) bool { return int(hs[k].end) > S })
	if S != x.partS {
		x.partS, x.partE, x.partDone = S, c.E, false
	}
	if k == len(hs) || int(hs[k].start) > x.sentEnd(S, unitEnd) {
		return // no trigger word in the sentence
	}
	C, marks := clauseMarks(s, N, S)
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
	// 行政诉讼案件2件,均胜诉 reaches into the next clause for it.
	jun := -1
	E0 := E // the number's own clause, for the quote
	{
		t := s[unitEnd:]
		comma := strings.HasPrefix(t, ",")
		t = strings.TrimPrefix(strings.TrimPrefix(t, "("), ",")
		if strings.HasPrefix(t, "均") || strings.HasPrefix(t, "全部") || strings.HasPrefix(t, "都") {
			jun = len(s) - len(t)
			if comma {
				E = clauseEnd(s, jun)
				Er = E
				for j := jun; j < E; j++ {
					if s[j] >= '0' && s[j] <= '9' {
						Er = j
						break
					}
				}
			}
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
	Ln := C
	if marks.dun >= 0 {
		Ln = marks.dun
	}
	if marks.deng > Ln {
		// 规范性文件、合同协议等开展合法性审查152件: the items before 等 are
		// what the act after it counts; they veto nothing.
		Ln = marks.deng
	}
	Rn := Er
	if p := strings.Index(s[unitEnd:Er], "、"); p >= 0 {
		Rn = unitEnd + p
	}
	if jun >= 0 {
		Rn = min(Rn, jun)
	}
	// 受理、办结信访事项分别为213件、210件: the k-th figure after 分别 goes
	// with the k-th item of the list before it.
	fb, seg := -1, 0
	segLo, segHi := C, N
	if marks.fenbie >= 0 {
		fb = marks.fenbie
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
	// Before 等, a trigger inside the list's later items is one of the
	// things counted, weaker than the act before the list: 审查重大行政决策、
	// 重大合同、招商引资协议等各类法律事务137件 is a review.
	Ld, items := C, -1
	if marks.deng >= 0 {
		Ld = marks.deng
		if p := strings.Index(s[C:Ld], "、"); p >= 0 {
			items = C + p
		}
	}
	var buf [24]tuple
	tuples := buf[:0]
	var domMask uint64
	var sentMask uint64 // domains in the sentence before the number
	planSeen := false   // a plan word in the sentence before the number
	brk := -1           // the last breakdown marker (其中) before the number
	var notBuf [64]int32
	nots := notBuf[:0]
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
				if hEnd <= N {
					sentMask |= 1 << uint(r.idx)
				}
			case refPlan:
				planSeen = planSeen || hEnd <= N
			case refBreak:
				if hEnd <= N {
					brk = hStart
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
					if items >= 0 && hStart > items {
						t.dist += 200
					}
				case strings.Contains(s[hEnd:N], "、") || strings.Contains(s[hEnd:N], "其中"):
					if hasDigit(s[hEnd:N]) && sameUnitBefore(s[hEnd:N], u.text) {
						// Another figure of the same unit stands between:
						// 政府合同40件、会议纪要3件. (来访126批次、389人次 are
						// two measures of one thing.)
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
				if strings.Contains(s[unitEnd:hStart], "、") || numberFollows(s, hEnd) {
					// The next item of a list (会议纪要3件、合法性审查18件), or
					// the trigger of the next figure (126个村工作室接待法律咨询
					// 1.8万人次).
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
	if orgUnit(u) && next < E0 && !orgUnit(nx.u) && !hasAnyPrefix(s[unitEnd:], "、", "和", "及", "与", "(", "等", "以上", "左右") {
		// Counted bodies, named after the count, that are the subject of a
		// later figure of their clause: 21个社区调委会共有人民调解员168名,
		// 十二个村调委会全年共受理矛盾纠纷九十六件.
		return
	}
	if n.Chinese && !chineseCountOK(s, N, unitEnd) || marks.open > marks.close || isFrequency(marks, u.index == percentUnit.index) || isGrowth(s, C, N) || planSeen || x.otherYear(S, C, N) {
		return
	}
	// A sentence whose own words do not set a rule's topic may continue
	// the sentence before it: 已审结176件…以调解方式结案19件 after 受理行政
	// 复议案件189件; a table row 涉及金额620万元 under 调解成功率97.3%.
	prevMask, prevDone := uint64(0), false
	// A combined count closing a list (A、B和C共计20件) belongs to the
	// first item of the list.
	list := s[Ld:N]
	combined := (strings.Contains(list, "、") || strings.Contains(list, "和") || strings.Contains(list, "及")) && hasAnySuffix(s[C:N], "共计", "合计", "总计", "累计", "共")
	best, second := -1, -1
	for ti := range tuples {
		t := &tuples[ti]
		cr := &x.lx.rules[t.rule]
		if cr.units&(1<<uint(u.index)) == 0 {
			continue
		}
		if cr.domainMask != 0 && domMask&cr.domainMask == 0 {
			if !prevDone {
				if x.prevS != S {
					x.prevS, x.prevMask = S, x.prevDomains(S)
				}
				prevMask, prevDone = x.prevMask, true
			}
			if prevMask&cr.domainMask == 0 {
				continue
			}
			// A topic borrowed from the sentence before is weaker than the
			// sentence's own: 收到行政复议申请43件,受理38件 after a
			// mediation sentence.
			t.dist += 500
		}
		if sentMask&cr.notMask != 0 {
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
		E0 = E
	}
	x.add(n, u, unitEnd, S, C, E0, brk, x.lx.rules[tuples[best].rule])
	if second >= 0 && x.lx.rules[tuples[second].rule].code != x.lx.rules[tuples[best].rule].code {
		x.add(n, u, unitEnd, S, C, E, brk, x.lx.rules[tuples[second].rule])
	}
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

// add records the fact for numeral n decided as rule cr; brk is the
// offset of the breakdown marker (其中) before it in its sentence, or -1.
func (x *run) add(n cnnum.Number, u rawUnit, unitEnd, S, C, E, brk int, cr crule) {
	s := x.text
	value := n.Value
	if n.Next == n.End || !strings.HasSuffix(s[n.Start:n.End], "万") && !strings.HasSuffix(s[n.Start:n.End], "亿") {
		value *= u.scale
	}
	start := n.Start
	switch cr.kind {
	case KindRate:
		if u.index != percentUnit.index || value > 100 {
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
	bound := n.Bound.And(cnnum.BoundBefore(s, n.Start)).And(cnnum.BoundAfter(s, unitEnd))
	f := found{
		Fact: Fact{
			Indicator:  code,
			Value:      value,
			Unit:       cr.unit,
			RawUnit:    u.text,
			Approx:     bound != cnnum.Exact,
			ApproxKind: approxKind(bound),
			Scope:      x.scope(code, S, C, n.Start, E),
			Quote:      strings.TrimSpace(s[C:max(E, unitEnd)]),
		},
		start: start,
		end:   n.End,
		sent:  S,
		after: brk,
	}
	if x.partialSentence(S, unitEnd) {
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

// zeros records zero statements written with no digit: 全年无败诉案件.
func (x *run) zeros() {
	s := x.text
	for _, z := range x.seeds {
		at := z.at
		obj := zeroRules[z.rule].object
		after := s[at+len(obj):]
		if at >= x.plan || strings.HasPrefix(after, "率") || hasAnyPrefix(after, zeroNotAfter...) {
			continue
		}
		if !strings.HasSuffix(obj, "案件") && !strings.HasSuffix(obj, "败诉") && !listEndsInCases(after) {
			continue // a bare object is a zero only as an item of such a list
		}
		S := sentenceStart(s, at)
		C := clauseStart(s, at, S)
		left := s[max(C, at-30):at]
		neg, negLen := -1, 0
		for _, w := range zeroNegators {
			if p := strings.LastIndex(left, w); p >= 0 && (neg < 0 || p > neg) {
				neg, negLen = p, len(w)
			}
		}
		// The negator governs the object: at most six characters between
		// (无行政诉讼败诉), none of them a figure, a list break or 的 (无理由的
		// 行政诉讼案件 is not a zero).
		// Other objects of the same list may stand between: 未发生行政复议、
		// 行政诉讼案件.
		if neg >= 0 {
			left = left[:neg+negLen] + trimListObjects(left[neg+negLen:])
		}
		if neg < 0 || len(left)-(neg+negLen) > 18 || hasDigit(left[neg:]) || strings.ContainsAny(left[neg:], "、()的") {
			continue
		}
		N := max(C, at-30) + neg
		if isPlan(s, S, C, N, x.opt.Year, x.hits, x.lx) || strings.Contains(s[C:N], "确保") {
			continue
		}
		E := clauseEnd(s, at)
		code := zeroRules[z.rule].code
		if t := zeroRules[z.rule].town; t != "" && x.opt.town() {
			code = t
		}
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

// sentEnd returns sentenceEnd(text, i) for byte i of the sentence starting
// at S, remembering it for the next figure of the same sentence.
func (x *run) sentEnd(S, i int) int {
	if S != x.partS || x.partE < 0 || i > x.partE {
		x.partS, x.partE = S, sentenceEnd(x.text, i)
		x.partDone = false
	}
	return x.partE
}

// partialSentence reports partialYear for the sentence starting at S,
// remembering the answer for the next figure of the same sentence.
func (x *run) partialSentence(S, i int) bool {
	E := x.sentEnd(S, i)
	if !x.partDone {
		x.partial, x.partDone = partialYear(x.text[S:E], x.opt.Year), true
	}
	return x.partial
}

// dropBreakdowns removes the parts of a stated total: after 其中 in a
// sentence, a figure of the same indicator and scope as one stated before
// 其中 is a breakdown, not a fact of its own.
func (x *run) dropBreakdowns() {
	// x.facts is ordered by start, so the facts of a sentence are adjacent.
	drop := make([]bool, len(x.facts))
	for i, f := range x.facts {
		if f.after < 0 {
			continue
		}
		// A sentence (or table row) that opens with 其中 breaks down the
		// figures of the sentence before it too: 受理矛盾纠纷186件 /
		// 其中:婚姻家庭纠纷62件.
		prev := -1
		if strings.TrimLeft(x.text[f.sent:f.after], " ") == "" {
			prev = 0
		}
		for j := i - 1; j >= 0; j-- {
			g := x.facts[j]
			if g.sent != f.sent {
				if prev != 0 {
					break
				}
				prev = g.sent + 1
			}
			if prev > 0 && g.sent+1 != prev {
				break
			}
			if g.start < f.after && g.Indicator == f.Indicator && g.Scope == f.Scope {
				drop[i] = true
				break
			}
		}
	}
	out := x.facts[:0]
	for i, f := range x.facts {
		if !drop[i] {
			out = append(out, f)
		}
	}
	x.facts = out
}

// prevDomains returns the domain bits of the sentence before the one
// starting at S (one line back at most).
func (x *run) prevDomains(S int) uint64 {
	s := x.text
	if S == 0 {
		return 0
	}
	P := sentenceStart(s, S-1)
	var mask uint64
	var hs []hit
	if x.scanned(P, S) {
		hs = x.hits[sort.Search(len(x.hits), func(k int) bool { return int(x.hits[k].end) > P }):]
	} else {
		var buf [16]hit
		hs = x.lx.m.scanRange(s, P, S, buf[:0])
	}
	for _, h := range hs {
		if int(h.end) > S {
			break // hits are ordered by end
		}
		if int(h.start) < P {
			continue
		}
		for _, r := range x.lx.refs[h.word] {
			if r.kind == refDomain {
				mask |= 1 << uint(r.idx)
			}
		}
	}
	return mask
}

// numberFollows reports whether a figure starts at byte i, perhaps after
// a verb of amount (达, 为, 共): the word before it is that figure's
// trigger, not the right-side trigger of a figure before.
func numberFollows(s string, i int) bool {
	for k := 0; k < 2 && i < len(s); k++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isCNNumeral(r) && r != '百' && r != '千' {
			return true
		}
		if !strings.ContainsRune("达为共计约近超逾有", r) {
			return false
		}
		i += size
	}
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// intakeCodes count cases taken in. A report may state the applications
// received before the cases accepted among them (收到行政复议申请43件,受理
// 38件); the catalog counts the accepted ones.
var intakeCodes = []string{"reconsideration.received", "reconsideration.as_respondent", "arbitration.cases_accepted", "petition.cases_received", "mediation.cases_accepted"}

// dropApplications removes a count of applications received (收到, 接收)
// when the same sentence goes on to state, for the same code and scope, the
// cases accepted (受理) among them.
func (x *run) dropApplications() {
	s := x.text
	out := x.facts[:0]
	for i, f := range x.facts {
		out = append(out, f)
		if !slicesContains(intakeCodes, f.Indicator) {
			continue
		}
		C := clauseStart(s, f.start, f.sent)
		if !strings.Contains(s[C:f.start], "收到") && !strings.Contains(s[C:f.start], "接收") {
			continue
		}
		for j := i + 1; j < len(x.facts) && x.facts[j].sent == f.sent; j++ {
			g := x.facts[j]
			if g.Indicator != f.Indicator || g.Scope != f.Scope || g.Value > f.Value {
				continue
			}
			if strings.Contains(s[clauseStart(s, g.start, g.sent):g.start], "受理") {
				out = out[:len(out)-1]
			}
			break
		}
	}
	x.facts = out
}

func slicesContains(list []string, v string) bool {
	for _, w := range list {
		if w == v {
			return true
		}
	}
	return false
}

// trimListObjects removes from between (the text from a negator to a zero
// object) the leading items of a list of zero objects: 行政复议、.
func trimListObjects(between string) string {
	for {
		n := len(between)
		for _, o := range zeroListObjects {
			if rest, ok := strings.CutPrefix(between, o); ok {
				for _, sep := range zeroListSeps {
					if r, ok := strings.CutPrefix(rest, sep); ok {
						between = r
						break
					}
				}
				break
			}
		}
		if len(between) == n {
			return between
		}
	}
}

// listEndsInCases reports whether after (the text after a bare zero
// object) goes on with a separator and further list objects, the last one
// followed by 案件: 、行政诉讼案件.
func listEndsInCases(after string) bool {
	seen := false
	for {
		sep := false
		for _, w := range zeroListSeps {
			if r, ok := strings.CutPrefix(after, w); ok {
				after, sep = r, true
				break
			}
		}
		if !sep {
			return seen && strings.HasPrefix(after, "案件")
		}
		obj := false
		for _, o := range zeroListObjects {
			if r, ok := strings.CutPrefix(after, o); ok {
				after, obj, seen = r, true, true
				break
			}
		}
		if !obj {
			return false
		}
	}
}

// orgUnit reports the units that count bodies (个 家 处 所).
func orgUnit(u rawUnit) bool {
	switch u.text {
	case "个", "家", "处", "所":
		return true
	}
	return false
}
