package extract

import (
	"sort"
	"strings"

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

// decide classifies one numeral with its unit and records the facts.
func (x *run) decide(c cand) {
	n, u, unitEnd, S := c.n, c.u, c.unitEnd, c.S
	s := x.text
	N := n.Start
	hs := x.hits
	k := sort.Search(len(hs), func(k int) bool { return int(hs[k].end) > S })
	if k == len(hs) || int(hs[k].start) > x.sentEnd(S, unitEnd) {
		return // no trigger word in the sentence
	}
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
	marks := scanMarks(s, C, N)
	Ln := C
	if marks.dun >= 0 {
		Ln = marks.dun
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
	if n.Chinese && !chineseCountOK(s, N, unitEnd) || marks.open > marks.close || isFrequency(s[C:N], u.index == percentUnit.index) || isGrowth(s, C, N) || isPlan(s, S, N, x.opt.Year, x.hits, x.lx) {
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
	list := s[Ld:N]
	combined := (strings.Contains(list, "、") || strings.Contains(list, "和") || strings.Contains(list, "及")) && hasAnySuffix(s[C:N], "共计", "合计", "总计", "累计", "共")
	best, second := -1, -1
	for ti := range tuples {
		t := &tuples[ti]
		cr := &x.lx.rules[t.rule]
		if cr.units&(1<<uint(u.index)) == 0 {
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
		E0 = E
	}
	x.add(n, u, unitEnd, S, C, E0, x.lx.rules[tuples[best].rule])
	if second >= 0 && x.lx.rules[tuples[second].rule].code != x.lx.rules[tuples[best].rule].code {
		x.add(n, u, unitEnd, S, C, E, x.lx.rules[tuples[second].rule])
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
	hs := x.hits
	for k := sort.Search(len(hs), func(k int) bool { return int(hs[k].end) > S }); k < len(hs) && int(hs[k].end) <= n.Start; k++ {
		if int(hs[k].start) < S {
			continue
		}
		for _, r := range x.lx.refs[hs[k].word] {
			if r.kind == refBreak {
				f.after = int(hs[k].start)
			}
		}
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
		after := s[at+len(zeroRules[z.rule].object):]
		if at >= x.plan || strings.HasPrefix(after, "率") || hasAnyPrefix(after, zeroNotAfter...) {
			continue
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
		if neg < 0 || len(left)-(neg+negLen) > 18 || hasDigit(left[neg:]) || strings.ContainsAny(left[neg:], "、()的") {
			continue
		}
		N := at - len(left) + neg
		if isPlan(s, S, N, x.opt.Year, x.hits, x.lx) || strings.Contains(s[C:N], "确保") {
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
		for j := i - 1; j >= 0 && x.facts[j].sent == f.sent; j-- {
			g := x.facts[j]
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
