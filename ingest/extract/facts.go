package extract

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/cnnum"
	"github.com/fazhi/fazhi/ingest/layout"
)

// zeroConfidence is the confidence of a zero written in words (全年无败诉案件):
// a negator within a few characters of an object word, nothing between.
const zeroConfidence = 0.9

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// add records the fact for numeral n read by frame cf with probability p;
// brk is the offset of the breakdown marker (其中) before it in its
// sentence, or -1.
func (x *run) add(n cnnum.Number, u rawUnit, unitEnd, S, C, E, brk int, cr *cframe, p float64) {
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
	// A town's cases, and cases over the writer's own disclosure (因政府信息
	// 公开引起行政复议1件), are cases brought against it — not those an organ
	// took in (受理因信息公开引发的行政复议案件45件: its own caseload).
	disclosure := anyof.Contains(s[C:n.Start], disclosureCauses...) && !anyof.Contains(s[C:n.Start], organIntake...)
	if code == "enforcement.penalty_cases" && letOff(s, n.Start, x.sentenceEnd(unitEnd)) {
		return // 对8起情节轻微的首次违法行为依法不予处罚: acts let off
	}
	if code == "disclosure.proactive_items" && newMediaOnly(s[C:n.Start]) {
		return // 另通过“长岭发布”微信公众号发布信息327条: a news channel's posts (realdev 037)
	}
	organ := ""
	if cr.town != "" && x.respondentOnly() {
		organ = higherOrgan(s[C:n.Start])
	}
	if cr.town != "" && (x.respondentOnly() || disclosure) && organ == "" {
		code = cr.town
	}
	bound := n.Bound.And(cnnum.BoundBefore(s, n.Start)).And(cnnum.BoundAfter(s, unitEnd))
	scope := x.scope(code, S, C, n.Start, E)
	if organ != "" {
		scope = organ // 区政府全年共受理行政复议申请286件: the organ's own caseload
	}
	if disclosure && scope == "" && (code == cr.town || code == "reconsideration.as_respondent" || strings.HasPrefix(code, "litigation.")) {
		scope = disclosureScope // realdev 036: the disclosure-related cases only
	}
	f := found{
		Fact: Fact{
			Indicator:  code,
			Value:      value,
			Unit:       cr.unit,
			RawUnit:    u.text,
			Approx:     bound != cnnum.Exact,
			ApproxKind: approxKind(bound),
			Scope:      scope,
			Quote:      trimSpace(s[C:max(E, unitEnd)]),
			Confidence: round3(p),
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
	if x.trace != nil {
		if x.decided == nil {
			x.decided = map[int]bool{}
		}
		x.decided[n.Start] = true
	}
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

// letOffWords say that acts were let off without a penalty (首违不罚).
var letOffWords = []string{"不予处罚", "不予行政处罚", "免予处罚", "免于处罚", "免予行政处罚"}

// letOff reports whether the number at start is the object of 对 whose
// clause ends in letting the acts off (对8起情节轻微并及时改正的首次违法行为
// 依法不予处罚): those acts were not penalised. end bounds the sentence.
func letOff(s string, start, end int) bool {
	if !strings.HasSuffix(s[:start], "对") {
		return false
	}
	rest := s[start:end]
	if k := strings.IndexAny(rest, ",;，；"); k >= 0 {
		rest = rest[:k]
	}
	return anyof.Contains(rest, letOffWords...)
}

// disclosureCauses name the writer's disclosure as the cause of cases (因
// 政府信息公开被申请行政复议, 政府信息公开引发的): their respondent is the
// writer. A county's 政府信息公开类复议案件 are cases it decided.
// disclosureScope is the scope of the cases over the writer's disclosure
// (realdev 036); organIntake are the acts of an organ taking cases in.
const disclosureScope = "政府信息公开"

var organIntake = []string{"受理", "审结", "办理", "收到"}

// newMediaChannels are news channels beside a government's disclosure
// platforms; disclosurePlatforms are those platforms.
var (
	newMediaChannels    = []string{"公众号", "微博", "新媒体", "抖音", "视频号", "头条号", "客户端"}
	disclosurePlatforms = []string{"网站", "门户", "专栏", "公开平台", "信息公开", "公开栏", "政务公开"}
)

// newMediaOnly reports whether a clause counts what a news channel posted
// (发布, not 主动公开) and names no disclosure platform beside it: the
// channel's posts are no count of the information proactively disclosed
// (通过政府网站、微信公众号等平台主动公开56条 is one).
func newMediaOnly(clause string) bool {
	return anyof.Contains(clause, newMediaChannels...) && !anyof.Contains(clause, disclosurePlatforms...) &&
		!strings.Contains(clause, "主动公开")
}

// higherOrgans are the governments above a town that decide its
// reconsideration cases; townSelves are a town's words for itself.
var (
	higherOrgans = []string{"区人民政府", "县人民政府", "市人民政府", "区政府", "县政府", "市政府"}
	townSelves   = []string{"我镇", "我乡", "我街道", "本镇", "本乡", "本街道", "镇政府", "乡政府", "街道办事处", "镇人民政府", "乡人民政府", "被申请人"}
)

// higherOrgan returns the government above a town that a clause of the
// town's report names as taking cases in (据区司法局统计,区政府全年共受理
// 行政复议申请286件): those are its caseload, not cases against the town.
// "" when the clause names none, names no intake after it, or speaks of
// the town (区政府受理涉及我街道的…: cases against it).
func higherOrgan(clause string) string {
	for _, o := range higherOrgans {
		i := strings.Index(clause, o)
		if i >= 0 && anyof.Contains(clause[i+len(o):], organIntake...) && !anyof.Contains(clause, townSelves...) {
			return o
		}
	}
	return ""
}

// disclosureRequests name the requests a disclosure answers.
var disclosureRequests = []string{"公开申请", "依申请公开"}

// enforcementCauses name the writer's enforcement as the cause of cases.
var enforcementCauses = []string{"因行政执法", "因执法", "执法引发", "执法引起", "执法行为引发"}

var disclosureCauses = []string{"因政府信息", "因信息公开", "信息公开引起", "信息公开引发", "公开引起的", "公开引发的"}

// zeroAfterList are the words after a list of objects that give each a zero:
// 行政复议、行政诉讼均为0件.
// The longest first: the first that matches is the one read.
var zeroAfterList = []string{"均为0件", "均为零", "均为0"}

// zeroListLead is what every word of zeroAfterList starts with: the text is
// searched for it once.
const zeroListLead = "均为"

// listZeros records the zeros a list of case objects is given by 均为0件
// after it (因政府信息公开引起的行政复议、行政诉讼均为0件): one per object
// with a code, as one negator over a list gives (see zeros), scoped to the
// disclosure where its cases are.
func (x *run) listZeros() {
	s := x.text
	for from := 0; ; {
		k := strings.Index(s[from:], zeroListLead)
		if k < 0 {
			break
		}
		at := from + k
		from = at + len(zeroListLead)
		i := slices.IndexFunc(zeroAfterList, func(w string) bool { return strings.HasPrefix(s[at:], w) })
		if i < 0 {
			continue
		}
		w := zeroAfterList[i]
		from = at + len(w)
		if from < len(s) && (isDigitByte(s[from]) || s[from] == '.' || s[from] == '%') {
			continue // 均为0.5%: no zero
		}
		S := x.sentenceStart(at)
		C := clauseStart(s, at, S)
		if x.inPlans(at) || hasDigit(s[C:at]) {
			continue
		}
		list := s[C:at]
		disclosure := anyof.Contains(list, disclosureCauses...)
		var codes []string
		for _, obj := range zeroListObjects {
			p := strings.Index(list, obj)
			if p < 0 {
				continue
			}
			list = list[:p] + strings.Repeat(" ", len(obj)) + list[p+len(obj):] // 行政复议案件 holds 行政复议
			r := slices.IndexFunc(zeroRules, func(z zeroRule) bool { return z.object == obj })
			if r < 0 {
				continue
			}
			code := zeroRules[r].code
			if t := zeroRules[r].town; t != "" && (x.respondentOnly() || disclosure) {
				code = t
			}
			if !slices.Contains(codes, code) {
				codes = append(codes, code)
			}
		}
		if len(codes) < 2 {
			continue // one object is no list: its figure is read as any figure
		}
		for _, code := range codes {
			if slices.ContainsFunc(x.facts, func(f found) bool { return f.Indicator == code && f.sent == S && f.Value == 0 }) {
				continue
			}
			ind, _ := Lookup(code)
			scope := ""
			if disclosure {
				scope = disclosureScope
			}
			x.facts = append(x.facts, found{
				Fact:  Fact{Indicator: code, Value: 0, Unit: ind.Unit, Scope: scope, Quote: trimSpace(s[C:clauseEnd(s, at)]), Confidence: zeroConfidence},
				start: at, end: at + len(w), sent: S, after: -1,
			})
		}
	}
}

// spreadEachRate gives a rate stated for each of the bodies a 分别 list
// named before it in its sentence (明秀社区、新阳社区人民调解委员会分别受理纠纷46件、
// 38件,调解成功率均达100%) to each of them, one fact per body, as one
// negator over a list gives one zero each: the whole's counts are not its.
func (x *run) spreadEachRate() {
	s := x.text
	out := make([]found, 0, len(x.facts))
	for _, f := range x.facts {
		if ind, _ := Lookup(f.Indicator); ind.Kind != KindRate || f.Scope != "" || f.Derived ||
			!strings.Contains(s[clauseStart(s, f.start, f.sent):f.start], "均") || !strings.Contains(s[f.sent:f.start], "分别") {
			out = append(out, f)
			continue
		}
		group := indicatorGroup(f.Indicator)
		var scopes []string
		for _, g := range x.facts {
			if g.sent == f.sent && g.start < f.start && g.Scope != "" && indicatorGroup(g.Indicator) == group && !slices.Contains(scopes, g.Scope) {
				scopes = append(scopes, g.Scope)
			}
		}
		if len(scopes) < 2 {
			out = append(out, f)
			continue
		}
		for _, sc := range scopes {
			g := f
			g.Scope = sc
			g.Flags = slices.DeleteFunc(slices.Clone(f.Flags), func(fl string) bool { return fl == FlagRateMismatch })
			out = append(out, g)
		}
	}
	x.facts = out
}

// scopeDisclosureReport scopes the reconsiderations and lawsuits of a
// 政府信息公开工作年度报告 to the disclosure: the national format's section
// on them (因政府信息公开工作被申请行政复议、提起行政诉讼情况) and its
// prose (收到依申请公开件1件,…未出现被行政诉讼、行政复议情况) count the
// cases over the writer's disclosure only, never its whole caseload, so no
// ranking may take them for it (realdev 036, realpool P040). Such cases
// challenge the writer's own decisions: it is their respondent.
func (x *run) scopeDisclosureReport() {
	if !isDisclosureReport(x.opt.Layout) {
		return
	}
	for i := range x.facts {
		f := &x.facts[i].Fact
		if f.Scope != "" || !caseFamily(f.Indicator) {
			continue
		}
		if sent := x.text[x.facts[i].sent:x.sentenceEnd(x.facts[i].start)]; anyof.Contains(sent, "复议机关", "不涉及") {
			continue // its caseload as an organ; cases said to be of other matters
		}
		f.Scope = disclosureScope
		if f.Indicator == "reconsideration.received" {
			f.Indicator = "reconsideration.as_respondent"
		}
	}
}

// scopeDisclosureCauses gives the disclosure's scope to the outcomes and
// the further cases of a sentence that names the writer's disclosure as
// their cause (我区因政府信息公开工作被申请行政复议9件,其中结果维持6件…;
// 被提起行政诉讼5件,其中结果维持3件): the sentence counts those cases only,
// to its full stop, and a figure read from it without the cause in its own
// clause is theirs too. It runs on the facts in text order.
func (x *run) scopeDisclosureCauses() {
	for i := range x.facts {
		f := &x.facts[i]
		if f.Scope != disclosureScope || !caseFamily(f.Indicator) {
			continue
		}
		end := fullStop(x.text, f.start)
		for j := i + 1; j < len(x.facts) && x.facts[j].start < end; j++ {
			if g := &x.facts[j]; g.Scope == "" && caseFamily(g.Indicator) {
				g.Scope = disclosureScope
			}
		}
	}
}

// caseFamily reports whether code counts reconsiderations or lawsuits.
func caseFamily(code string) bool {
	return strings.HasPrefix(code, "reconsideration.") || strings.HasPrefix(code, "litigation.")
}

// fullStop returns the offset of the first 。 or line end at or after i,
// or len(s): a sentence's end across its semicolons.
func fullStop(s string, i int) int {
	if k := strings.IndexAny(s[i:], "。\n"); k >= 0 {
		return i + k
	}
	return len(s)
}

// isDisclosureReport reports whether the text is a disclosure annual report
// (政府信息公开工作年度报告): its title says so, or its opening presents
// itself as one (本报告…根据《中华人民共和国政府信息公开条例》…编制).
func isDisclosureReport(l *layout.Layout) bool {
	t := l.Title.Text
	if strings.Contains(t, "法治") {
		return false // a rule-of-law report that says it is published as the 条例 asks
	}
	if strings.Contains(t, "信息公开") && anyof.Contains(t, "年度报告", "工作报告", "年报") {
		return true
	}
	// From the text's start (a broken page may leave its first lines in
	// the title block): it presents itself under the 条例, and it has the
	// format's sections.
	opening := l.Text[:prefixLen(l.Text, l.Body+disclosureOpening)]
	return strings.Contains(opening, "本报告") && strings.Contains(opening, "政府信息公开条例") &&
		anyof.Contains(l.Text, disclosureSections...)
}

// disclosureSections are headings of the disclosure report format.
var disclosureSections = []string{"主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"}

// disclosureOpening is how many bytes of a report's body its presentation
// as a disclosure report may take (about three sentences).
const disclosureOpening = 600

// prefixLen returns the length of s's longest prefix of at most n bytes
// that ends on a character boundary.
func prefixLen(s string, n int) int {
	if len(s) <= n {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

// zeros records zero statements written with no digit: 全年无败诉案件.
func (x *run) zeros() {
	s := x.text
	// One negator states one zero of a code, however many of the code's
	// object words it governs (政府信息公开申请 holds 信息公开申请).
	type stated struct {
		code string
		at   int
	}
	var seen []stated
	for _, z := range x.seeds {
		at := z.at
		obj := zeroRules[z.rule].object
		after := s[at+len(obj):]
		if x.inPlans(at) || strings.HasPrefix(after, "率") || anyof.Prefix(after, zeroNotAfter...) {
			continue
		}
		if zeroRules[z.rule].bare && !listEndsInCases(after) && !bareListEndsClause(s[:at], after) {
			continue // a bare object is a zero only as an item of such a list
		}
		S := x.sentenceStart(at)
		C := clauseStart(s, at, S)
		// The negator may stand before a list of other zero objects: look
		// back over a list's length (未发生行政复议、行政应诉败诉案件).
		back := zeroLookBack
		if partyPhraseBefore(s[:at]) {
			back += partyPhraseMax
		}
		from := max(C, at-back)
		left := s[from:at]
		neg, negLen := -1, 0
		negators := zeroNegators
		named := 0 // bytes of a name the denied act would have been done in
		if by := zeroRules[z.rule].by; by != nil {
			negators = by
			left, named = withoutNameOf(left) // 未以镇政府名义制发: 未制发
		}
		for _, w := range negators {
			// The last negator, the longest where two start there (无一起
			// before 无一: the classifier is the negator's).
			if p := strings.LastIndex(left, w); p >= 0 && (neg < 0 || p > neg || p == neg && len(w) > negLen) {
				neg, negLen = p, len(w)
			}
		}
		// 未因政府信息公开引发行政复议和行政诉讼: a negated cause, read as
		// one negator up to its verb.
		if p, n := negatedCause(left); p >= 0 && p+n > neg+negLen {
			neg, negLen = p, n
		}
		// The negator governs the object: at most six characters between
		// (无行政诉讼败诉), none of them a figure, a list break or 的 (无理由的
		// 行政诉讼案件 is not a zero).
		// Other objects of the same list may stand between: 未发生行政复议、
		// 行政诉讼案件.
		// So may a phrase naming the party: 未发生以镇政府为被告的行政诉讼案件,
		// 未收到针对镇政府的行政复议申请.
		if neg < 0 && strings.HasPrefix(obj, "被") {
			// 未因政府信息公开被申请行政复议或被提起行政诉讼: 未 over a cause,
			// then the object's own 被.
			if p := strings.LastIndex(left, "未因"); p >= 0 {
				neg, negLen = p, len("未")
			}
		}
		respondent, disclosure := false, false
		if neg >= 0 {
			gap := left[neg+negLen:]
			n := partyPrefix(gap)
			if n == 0 {
				n = causedPassive(gap) // 未发生因政府信息公开被提起行政诉讼的情况
			}
			if n == 0 && strings.HasPrefix(obj, "被") && strings.HasPrefix(gap, "因") && !strings.ContainsAny(gap, "、,;()") {
				// 未因政府信息公开被申请行政复议: the cause, then the object's
				// own 被.
				n = len(gap)
			}
			respondent = n > 0 && (strings.HasSuffix(gap[:n], "被申请人的") || towardsPhrase(gap[:n]))
			// Cases arising from its disclosure (未因政府信息公开引发行政复议)
			// challenge the writer's own decisions: it is their respondent,
			// whatever its level.
			disclosure = anyof.Contains(left[neg:], disclosureCauses...) ||
				// 收到政府信息公开申请5件,…均已依法按期答复,未引发行政复议和
				// 行政诉讼: the requests of the sentence caused none.
				anyof.Prefix(left[neg:], "未引发", "未引起", "没有引发", "未因此引发") && anyof.Contains(s[S:from+neg], disclosureRequests...)
			// So do cases arising from its enforcement (未发生因行政执法引发
			// 的行政复议、行政诉讼案件).
			respondent = respondent || disclosure || anyof.Contains(left[neg:], enforcementCauses...) ||
				// 未发生被申请行政复议案件: the object says whose cases they are.
				strings.HasSuffix(s[:at], "被申请")
			left = left[:neg+negLen] + trimOutcomeItems(trimListObjects(gap[n:]))
		}
		if neg < 0 || len(left)-(neg+negLen) > 18 || hasDigit(left[neg:]) || strings.ContainsAny(left[neg:], "、()的") {
			continue
		}
		N := from + neg
		rest := left[neg+negLen:] // what stands between the negator and the object, lists cut
		if left[neg:neg+negLen] == "零" && rest != "" && rest != "行政" {
			continue // 零 right before its object (零诉讼, 零行政复议), not 零距离诉讼服务
		}
		if t := zeroRules[z.rule].topic; t != "" {
			// 纠错 of the writer's acts in a reconsideration sentence, not of
			// an organ's own decisions reversed by a court (行政复议决定零纠错,
			// 复议决定无一被法院判决纠错).
			if !strings.Contains(s[S:at], t) || strings.HasSuffix(s[:at], "决定") || strings.Contains(s[max(S, N-12):N], "决定") ||
				anyof.Contains(rest, "法院", "判决") {
				continue
			}
		}
		if zeroRules[z.rule].by != nil && !actZero(s, C, N, rest, after) {
			continue
		}
		if x.inPlans(N) || isPlan(s, S, C, N, x.opt.Year, x.hits, x.lx) || anyof.Contains(s[C:N], "确保", "努力", "力争", "争取") {
			continue
		}
		E := clauseEnd(s, at)
		code := zeroRules[z.rule].code
		// A town's cases, cases whose respondent is named (以区政府为被申请
		// 人的) and cases over its disclosure are the cases brought against
		// the government.
		if t := zeroRules[z.rule].town; t != "" && (x.respondentOnly() || respondent) {
			code = t
		}
		if slices.Contains(seen, stated{code, N}) {
			continue
		}
		seen = append(seen, stated{code, N})
		scope := ""
		if disclosure {
			scope = disclosureScope // 未因政府信息公开引发行政复议和行政诉讼 (realdev 036)
		}
		codes := []string{code}
		// 行政复议3件、行政诉讼2件,均未被纠错: 纠错 of both, so no suit lost.
		if code == "reconsideration.corrected" && bothReversed(s[S:N]) && !slices.Contains(seen, stated{"litigation.lost", N}) {
			seen = append(seen, stated{"litigation.lost", N})
			codes = append(codes, "litigation.lost")
		}
		for _, code := range codes {
			ind, _ := Lookup(code)
			x.facts = append(x.facts, found{
				Fact: Fact{
					Indicator: code,
					Value:     0,
					Unit:      ind.Unit,
					Scope:     scope,
					Quote:     trimSpace(s[C:E]),
					// A zero written in words is read by a rule, not weighed:
					// its confidence is that of the rule's few words.
					Confidence: zeroConfidence,
				},
				start: N,
				end:   N + negLen + named,
				sent:  S,
				after: -1,
			})
		}
	}
}

// bothReversed reports whether a negated 纠错 (the sentence up to its
// negator, before) speaks of lawsuits as well as reconsiderations: 均 right
// before the negator, over a clause that counts both (因政府信息公开被申请行政
// 复议5件、被提起行政诉讼3件,均未被纠错) and states no outcome of its own.
// A suit 纠错 by the court is a suit lost.
func bothReversed(before string) bool {
	lead, ok := anyof.CutSuffix(before, "均", "都")
	if !ok {
		return false
	}
	if i := strings.LastIndexAny(lead, ";；"); i >= 0 {
		lead = lead[i:]
	}
	r := strings.Index(lead, "复议")
	l := max(strings.LastIndex(lead, "行政诉讼"), strings.LastIndex(lead, "行政应诉"))
	return r >= 0 && l > r && !anyof.Contains(lead, "胜诉", "败诉", "判决", "维持", "驳回", "撤诉", "审结")
}

// sentEnd returns sentenceEnd(text, i) for byte i of the sentence starting
// at S, remembering it for the next figure of the same sentence.
func (x *run) sentEnd(S, i int) int {
	if S != x.partS || x.partE < 0 || i > x.partE {
		x.partS, x.partE = S, x.sentenceEnd(i)
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
		opens := strings.TrimLeft(x.text[f.sent:f.after], " ") == ""
		other := -1      // the sentence before f's, once reached
		otherTable := -1 // the table that sentence is a row of, if any
		nearest := true
		for j := i - 1; j >= 0; j-- {
			g := x.facts[j]
			if g.sent != f.sent {
				if !opens {
					break
				}
				if other < 0 {
					other = g.sent
					otherTable = x.tableAt(g.start)
				}
				// The rows of a table before it are one sentence of figures
				// (| 法治宣传活动(场次) | 41 | 48 | … 其中,…巡回宣讲22场), unless
				// the part names a body of its own (其中,县医疗纠纷人民调解委员会
				// 受理医疗纠纷47件: that body's figures).
				if otherTable >= 0 && x.tableAt(g.start) == otherTable && !anyof.Contains(x.text[f.after:f.start], bodyNouns...) {
					other = g.sent
				}
				if g.sent != other {
					// The sentence before may be the last part of one a
					// semicolon divides (受理信访事项2146件5318人次;按期办结
					// 2089件。其中,…2035人次): its parts before count too.
					if other > 0 && x.text[other-1] == ';' && x.sentenceStart(other-1) == g.sent {
						other = g.sent
					} else {
						break
					}
				}
			}
			if g.start >= f.after {
				continue
			}
			// A part of another topic than the total nearest before 其中,
			// named by its object alone, is a breakdown of the total by kind
			// (法律援助案件3宗,其中劳动争议案件1宗), not a figure of its own
			// topic; a part with an act of its own is an activity of its
			// own (提供法律服务503次,其中开展法治宣传52场).
			if nearest && !f.ownAct && category(g.Indicator) != category(f.Indicator) && !slices.Contains(compositeCounts, g.Indicator) {
				drop[i] = true
				break
			}
			nearest = false
			if g.Indicator == f.Indicator && g.Scope == f.Scope {
				drop[i] = true
				break
			}
		}
	}
	x.dropMarked(drop)
}

// tableAfter reports whether g is a cell of a table that follows f's
// sentence with no figure between (收到行政复议申请96件,…见下表: / | 受理
// 行政复议案件 | 88 |): the table goes on with f's statement.
func (x *run) tableAfter(f, g found) bool {
	k := x.tableAt(g.start)
	if k < 0 || x.tableAt(f.start) >= 0 {
		return false
	}
	t := x.opt.Layout.Tables[k]
	return t.Span.Start > f.end && t.Span.Start-f.end < 300 && !hasDigit(x.text[f.end+1:t.Span.Start])
}

// tableAt returns the index of the layout's table that holds byte at, or
// -1.
func (x *run) tableAt(at int) int {
	for k, t := range x.opt.Layout.Tables {
		if at >= t.Span.Start && at < t.Span.End {
			return k
		}
	}
	return -1
}

// dropSummedItems reads a clause opening with 共计 (合计, 总计) as the sum
// of the list in the clause before it: when the list's figures are all of
// the sum's code and scope (开展“法治进校园”“法治进企业”“法治进社区”活动分别为
// 96场、54场、131场,共计281场), they are its parts and are dropped, as 其中
// parts are (p12, p14); when they are of several codes and add up to it
// (办理人大代表建议12件、政协委员提案9件,共计21件), the sum is of no one code
// and is dropped.
func (x *run) dropSummedItems() {
	s := x.text
	var drop []bool
	mark := func(k int) {
		if drop == nil {
			drop = make([]bool, len(x.facts))
		}
		drop[k] = true
	}
	for i, g := range x.facts {
		// The opener stands right before the number (共计281场, 合计为):
		// only then is the clause's start looked for.
		// (Every opener ends in 计: one search finds whether one may be there.)
		if lead := s[max(g.sent, g.start-maxSumLead):g.start]; !strings.Contains(lead, "计") && !strings.Contains(lead, "共有") {
			continue
		}
		C := clauseStart(s, g.start, g.sent)
		if C == g.sent || !anyof.Prefix(s[C:g.start], sumOpeners...) && !anyof.Prefix(s[C:g.start], "共有") {
			continue
		}
		if parts := x.sentenceParts(i, C); parts != nil {
			// 镇人民调解委员会1个、村(社区)人民调解委员会21个,另设…调解室3个,
			// 共有人民调解组织25个: the sentence's figures of its code before
			// it, in any clause, add up to it exactly.
			for _, j := range parts {
				mark(j)
			}
			continue
		}
		if !anyof.Prefix(s[C:g.start], sumOpeners...) {
			continue
		}
		C0 := clauseStart(s, C-1, g.sent)
		var items []int
		for j := i - 1; j >= 0 && x.facts[j].start >= C0; j-- {
			if x.facts[j].start < C {
				items = append(items, j)
			}
		}
		if len(items) < 2 {
			continue
		}
		same := true
		sum := 0.0
		for _, j := range items {
			f := x.facts[j]
			same = same && f.Indicator == g.Indicator && f.Scope == g.Scope && f.Value <= g.Value
			sum += f.Value
		}
		switch {
		case same:
			for _, j := range items {
				mark(j)
			}
		case slices.Contains(summedTotals, g.Indicator):
			// 审查规范性文件5件、重大行政决策3件、合同45份,共计53件: a total of
			// which the other codes are parts; its own code's items are parts.
			for _, j := range items {
				if x.facts[j].Indicator == g.Indicator {
					mark(j)
				}
			}
		case sum == g.Value && slices.ContainsFunc(items, func(j int) bool { return x.facts[j].Indicator == g.Indicator }):
			// The items add up to it: a sum of several codes (建议12件、提案9件,
			// 共计21件); a larger one is a broader total (…共计开展各类法治宣传
			// 活动60场).
			mark(i)
		}
	}
	if drop != nil {
		x.dropMarked(drop)
	}
}

// sentenceParts returns the facts of the sentence of the sum x.facts[i]
// before its clause at C when there are two or more, all of its code and
// scope, and they add up to it exactly; nil otherwise.
func (x *run) sentenceParts(i, C int) []int {
	g := x.facts[i]
	var parts []int
	sum := 0.0
	for j := i - 1; j >= 0 && x.facts[j].sent == g.sent; j-- {
		f := x.facts[j]
		if f.start >= C {
			continue
		}
		if f.Indicator != g.Indicator || f.Scope != g.Scope {
			return nil
		}
		parts = append(parts, j)
		sum += f.Value
	}
	if len(parts) < 2 || math.Abs(sum-g.Value) > 1e-9 {
		return nil
	}
	return parts
}

// summedTotals are the codes whose totals hold other codes' counts as
// parts: reviews hold the contracts reviewed (dev 002's 61 with its 40
// contracts), adviser services the services of every kind.
var summedTotals = append([]string{"legality.reviews"}, compositeCounts...)

// maxSumLead bounds the bytes between a sum's opener and its figure (共计
// 开展活动281场: a few words).
const maxSumLead = 3 * 12

// sumOpeners open a clause stating the sum of the list before it.
var sumOpeners = []string{"共计", "合计", "总计"}

// prevDomains returns the domain bits of the sentence before the one
// starting at S (one line back at most); when that names no case topic
// (a word of law, 依法受理161件, is none) and a semicolon ends the part
// before it, that part's too (…行政复议机构共收到行政复议申请143件…;…全年
// 审结127件。在审结案件中,决定维持58件). Only one part back: the parts of a
// long list each have their own topic.
func (x *run) prevDomains(S int) uint64 {
	if S == 0 {
		return 0
	}
	P := x.sentenceStart(S - 1)
	mask := x.domainsIn(P, S)
	if mask&x.lx.caseMask == 0 && P > 0 && x.text[P-1] == ';' {
		mask |= x.domainsIn(x.sentenceStart(P-1), P)
	}
	if t, ok := x.tableEndingAt(P, S); ok && t.Span.Start > 0 {
		// A table between: the sentence that leads into it (审结行政复议案件
		// 229件,审结情况如下表: / | … | / 全年直接纠错32件) lends its topic.
		// A caption of no topic of its own (主要指标对比:) lends the one
		// before it.
		lead := x.sentenceStart(t.Span.Start - 1)
		m := x.domainsIn(lead, t.Span.Start)
		if m&x.lx.caseMask == 0 && lead > 0 {
			m |= x.domainsIn(x.sentenceStart(lead-1), lead)
		}
		mask |= m
	}
	return mask
}

// tableEndingAt returns the table of the text that the stretch [P, S)
// before a sentence lies in or ends with.
func (x *run) tableEndingAt(P, S int) (layout.Table, bool) {
	for _, t := range x.opt.Layout.Tables {
		if t.Span.End <= S && t.Span.End >= P && strings.TrimSpace(x.text[t.Span.End:S]) == "" || P >= t.Span.Start && S <= t.Span.End {
			return t, true
		}
	}
	return layout.Table{}, false
}

// domainsIn returns the domain bits of the topics in [P, S).
func (x *run) domainsIn(P, S int) uint64 {
	s := x.text
	var mask uint64
	if !x.scanned(P, S) {
		var buf [16]hit
		for _, h := range x.lx.topics.ScanRange(s, P, S, buf[:0]) {
			if !qualifiedAway(s, P, int(h.Start), int(h.End)) {
				mask |= x.lx.topicMasks[h.Word]
			}
		}
		return mask
	}
	hs := x.hits[sort.Search(len(x.hits), func(k int) bool { return int(x.hits[k].End) > P }):]
	for _, h := range hs {
		if int(h.End) > S {
			break // hits are ordered by end
		}
		if int(h.Start) < P {
			continue
		}
		if !qualifiedAway(s, P, int(h.Start), int(h.End)) {
			mask |= x.lx.domains[h.Word]
		}
	}
	return mask
}

// numberFollows reports whether a figure starts at byte i, perhaps after
// a verb of amount (达, 为, 共): the word before it is that figure's, not a
// right-hand word of a figure before.
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

// itemObjectEnds reports whether the word ending at byte i ends the
// object of the figure right after it, its case noun between: 行政复议1件,
// 行政复议案件3件.
func itemObjectEnds(s string, i int) bool {
	if rest, ok := anyof.CutPrefix(s[i:], "案件", "申请", "案"); ok {
		i = len(s) - len(rest)
	}
	return numberFollows(s, i)
}

// intakeCodes count cases taken in. A report may state the applications
// received before the cases accepted among them (收到行政复议申请43件,受理
// 38件); the catalog counts the accepted ones.
var intakeCodes = []string{"reconsideration.received", "reconsideration.as_respondent", "arbitration.cases_accepted", "petition.cases_received", "mediation.cases_accepted"}

// dropApplications removes a count of applications received (收到, 接收;
// for petitions, visits received: 接待; for disputes, those screened: 排查) when the same sentence, or its part
// after a semicolon, goes on to state, for the same code and scope, the
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
		head := s[C:f.start]
		// Visits received (接待群众来访432批次) before the petitions accepted
		// (受理信访件86件) are visits, not petitions taken in.
		// Disputes a screening found (排查各类矛盾纠纷186件) before those
		// taken in to mediation (受理调解案件158件) are found, not taken in.
		received := strings.Contains(head, "收到") || strings.Contains(head, "接收") ||
			f.Indicator == "petition.cases_received" && strings.Contains(head, "接待") ||
			f.Indicator == "mediation.cases_accepted" && strings.Contains(head, "排查")
		if !received {
			continue
		}
		for j := i + 1; j < len(x.facts) && (sameStatement(s, f.sent, x.facts[j].sent) || x.tableAfter(f, x.facts[j])); j++ {
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

// dropFiledCases drops the cases filed for investigation (立案查处劳动保障违法
// 案件23件) where the same statement counts the penalty decisions made after
// (作出行政处罚决定7件): most filed cases end in orders, not penalties, and
// the decisions are the penalties counted.
func (x *run) dropFiledCases() {
	s := x.text
	decided := func(g found) bool {
		return g.Indicator == "enforcement.penalty_cases" && strings.Contains(s[clauseStart(s, g.start, g.sent):g.start], "处罚决定")
	}
	out := x.facts[:0]
	for i, f := range x.facts {
		out = append(out, f)
		if f.Indicator != "enforcement.penalty_cases" || !strings.Contains(s[clauseStart(s, f.start, f.sent):f.start], "立案") {
			continue
		}
		for j := i + 1; j < len(x.facts) && sameStatement(s, f.sent, x.facts[j].sent); j++ {
			if g := x.facts[j]; g.Scope == f.Scope && g.Value < f.Value && decided(g) {
				out = out[:len(out)-1]
				break
			}
		}
	}
	x.facts = out
}

// sameStatement reports whether the sentence starting at T is the one
// starting at S or the part after a semicolon that closes it (收到行政复议
// 申请286件,同比增长37.5%;经审查,受理263件).
func sameStatement(s string, S, T int) bool {
	if T == S {
		return true
	}
	return T > S && s[T-1] == ';' && strings.Count(s[S:T], ";") == 1 && !strings.ContainsAny(s[S:T], "。\n")
}

// onTimeMarks qualify a rate as the share done in time (按期办结率), and
// availableMarks one as the share that could be done (网上可办率).
var (
	onTimeMarks    = []string{"按期", "按时", "及时", "限时"}
	availableMarks = []string{"可办", "可网办"}
)

// dropOnTimeRates removes a rate of the share done in time (按期办结率100%)
// where its sentence states the plain rate of the same code before it
// (办结率96.2%), and a rate of the share that could be done (网上可办率
// 100%) where its sentence states, before or after it, the share done
// (全程网办率达87.6%): that one is the code's. Alone, either is the code's
// reading.
func (x *run) dropOnTimeRates() {
	s := x.text
	marked := func(f found, marks []string) bool {
		return f.Unit == "%" && anyof.Contains(s[clauseStart(s, f.start, f.sent):f.start], marks...)
	}
	drop := make([]bool, len(x.facts))
	for i, f := range x.facts {
		onTime, available := marked(f, onTimeMarks), marked(f, availableMarks)
		if !onTime && !available {
			continue
		}
		for j := range x.facts {
			g := x.facts[j]
			if j == i || g.sent != f.sent || g.Indicator != f.Indicator || g.Scope != f.Scope || g.Unit != "%" {
				continue
			}
			if onTime && j < i && !marked(g, onTimeMarks) || available && !marked(g, availableMarks) {
				drop[i] = true
				break
			}
		}
	}
	x.dropMarked(drop)
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
	// 未出现被行政诉讼、行政复议情况: the list may open with 被.
	if rest, ok := strings.CutPrefix(between, "被"); ok && trimListObjects(rest) != rest {
		between = rest
	}
	for {
		n := len(between)
		for _, o := range zeroListObjects {
			if rest, ok := strings.CutPrefix(between, o); ok {
				// An item may carry its outcome: 未发生行政复议被纠错和行政诉讼
				// 败诉案件.
				for _, oc := range zeroOutcomes {
					if r, ok := strings.CutPrefix(rest, oc); ok {
						rest = r
						break
					}
				}
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

// trimOutcomeItems cuts from the end of between (the text from a negator
// to a zero object) the outcomes listed before the object under the same
// negator: 被纠错或 in 无一被纠错或败诉, 被复议纠错或诉讼 in 无一起执法行为被复
// 议纠错或诉讼败诉 (诉讼 is the object's own item).
func trimOutcomeItems(between string) string {
	for {
		b, ok := "", false
		for _, sep := range zeroOutcomeSeps {
			if b, ok = strings.CutSuffix(between, sep); ok {
				break
			}
		}
		if !ok {
			return between
		}
		cut := false
		for _, o := range zeroOutcomes {
			if r, found := strings.CutSuffix(b, o); found {
				between, cut = r, true
				break
			}
		}
		if !cut {
			return between
		}
	}
}

// negatedCause finds in left the last 未因…引发 (or 引起, 导致; no figure, no
// clause break, at most 16 characters between): its offset and length, or
// -1.
func negatedCause(left string) (int, int) {
	p := strings.LastIndex(left, "未因")
	if p < 0 {
		return -1, 0
	}
	if n := causeVerb(left[p+len("未因"):], []string{"引发", "引起", "导致"}, ",;。", 0); n > 0 {
		return p, len("未因") + n
	}
	return -1, 0
}

// causeVerb returns the length of a cause's words up to and with the first
// of verbs in body (at most sixteen characters before it, at least min
// bytes, none of them a figure or one of stops), or 0.
func causeVerb(body string, verbs []string, stops string, min int) int {
	for _, v := range verbs {
		if k := strings.Index(body, v); k >= min && utf8.RuneCountInString(body[:k]) <= 16 &&
			!hasDigit(body[:k]) && !strings.ContainsAny(body[:k], stops) {
			return k + len(v)
		}
	}
	return 0
}

// zeroItemVerbs may open an item of a zero list: 被申请行政复议、提起行政诉讼.
var zeroItemVerbs = []string{"被提起", "提起", "被申请"}

// bareListEndsClause reports whether a bare zero object, with before the
// text up to it and after the text after it, is an item of a list of two
// or more zero objects that ends its clause: 未引发行政复议和行政诉讼。
func bareListEndsClause(before, after string) bool {
	items := 1
	for _, w := range zeroListSeps {
		if b, ok := strings.CutSuffix(before, w); ok && anyof.Suffix(b, zeroListObjects...) {
			items++
			break
		}
	}
	rest, n, _, ok := zeroListTail(after)
	// The list may close with the noun of what did not happen (…提起行政
	// 诉讼的情况).
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "的"), "情况")
	return ok && items+n >= 2 && (rest == "" || anyof.Prefix(rest, "。", ",", ";", ":", "!", "?", "\n"))
}

// listEndsInCases reports whether after (the text after a bare zero
// object) goes on with a separator and further list objects, the last one
// followed by 案件 (、行政诉讼案件) or 情况, or is 情况 itself.
func listEndsInCases(after string) bool {
	if anyof.Prefix(after, "情况", "的情况", "的案件") && !anyof.Prefix(strings.TrimPrefix(after, "的"), "情况下") {
		return true // 未出现被行政诉讼、行政复议情况: none happened (not 在未发生…的情况下)
	}
	rest, n, cases, ok := zeroListTail(after)
	if !ok {
		return false
	}
	// cases: the list's last item carries 案件 (、行政诉讼案件).
	return cases || n > 0 && (strings.HasPrefix(rest, "案件") || strings.HasPrefix(rest, "情况"))
}

// zeroListTail reads the separators and zero objects that follow a zero
// object (和行政诉讼, 、行政应诉案件): what is left after them, how many
// objects it read, and whether it stopped at one that carries 案件; ok is
// false when a separator is followed by no zero object.
func zeroListTail(after string) (rest string, n int, cases, ok bool) {
	for {
		sep := false
		for _, w := range zeroListSeps {
			if r, found := strings.CutPrefix(after, w); found {
				after, sep = r, true
				break
			}
		}
		if !sep {
			return after, n, false, true
		}
		// An item may carry its own verb (被申请行政复议、提起行政诉讼).
		if r, found := anyof.CutPrefix(after, zeroItemVerbs...); found {
			after = r
		}
		obj := false
		for _, o := range zeroListObjects {
			if r, found := strings.CutPrefix(after, o); found {
				if strings.HasSuffix(o, "案件") {
					return r, n + 1, true, true
				}
				after, obj = r, true
				n++
				break
			}
		}
		if !obj {
			return after, n, false, false
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

// dropParts removes the parts of a stated total written with no marker: a
// figure of a sentence followed by two or more figures of the same code and
// scope that add up to it (政务服务事项515项,行政许可事项218项,其他事项297项).
func (x *run) dropParts() {
	drop := make([]bool, len(x.facts))
	for i, f := range x.facts {
		sum, k := 0.0, 0
		for j := i + 1; j < len(x.facts) && x.facts[j].sent == f.sent; j++ {
			g := x.facts[j]
			if g.Indicator != f.Indicator || g.Scope != f.Scope || g.Derived || g.Value >= f.Value {
				break
			}
			sum += g.Value
			k++
			if k >= 2 && sum == f.Value {
				for d := i + 1; d <= j; d++ {
					drop[d] = true
				}
				break
			}
			if sum > f.Value {
				break
			}
		}
	}
	x.dropMarked(drop)
}

// channelMarks, right before the act a figure counts (网上接收复议申请23件,
// 线上受理), say the figure is the part of the cases that came in by one
// channel.
var channelMarks = []string{"网上", "线上", "在线", "网络", "掌上"}

// channelActs are the acts a channel mark qualifies.
var channelActs = []string{"受理", "接收", "收到", "办理", "申请"}

// dropChannelParts removes a figure of the cases one channel brought in
// (全年网上接收复议申请23件) where the report states a larger figure of the
// same code and scope: the channel's part of that total, which the
// annotation conventions do not record as the total.
func (x *run) dropChannelParts() {
	drop := make([]bool, len(x.facts))
	for i, f := range x.facts {
		if f.Derived || f.Value == 0 || !x.channelPart(f) {
			continue
		}
		drop[i] = slices.ContainsFunc(x.facts, func(g found) bool {
			return g.Indicator == f.Indicator && g.Scope == f.Scope && !g.Derived && g.Value > f.Value && !x.channelPart(g)
		})
	}
	x.dropMarked(drop)
}

// channelPart reports whether f's clause names a channel right before its
// act (网上接收, 线上受理).
func (x *run) channelPart(f found) bool {
	head := x.text[clauseStart(x.text, f.start, f.sent):f.start]
	for _, m := range channelMarks {
		for k := strings.Index(head, m); k >= 0; {
			if anyof.Prefix(head[k+len(m):], channelActs...) {
				return true
			}
			next := strings.Index(head[k+len(m):], m)
			if next < 0 {
				break
			}
			k += len(m) + next
		}
	}
	return false
}

// category returns the category of an indicator code.
func category(code string) string {
	ind, _ := Lookup(code)
	return ind.Category
}

// dropMarked removes the facts whose index drop marks, keeping the order.
func (x *run) dropMarked(drop []bool) {
	out := x.facts[:0]
	for i, f := range x.facts {
		if !drop[i] {
			out = append(out, f)
		}
	}
	x.facts = out
}

// partyPhrases end a phrase that names the party to the cases: 以镇政府为
// 被告的, 街道作为被申请人的. Between a negator and a zero object it leaves
// the object the negator's (未发生以镇政府为被告的行政诉讼案件).
var partyPhrases = []string{"为被告的", "为被申请人的", "作为被告的", "作为被申请人的"}

// partyPhraseMax is how long, in bytes, such a phrase may be: 以区人民政府为被申请人的.
const partyPhraseMax = 48

// partyPhraseBefore reports whether before, the text up to a zero object,
// ends with a party phrase.
func partyPhraseBefore(before string) bool {
	return anyof.Suffix(before, partyPhrases...)
}

// partyPrefix returns the length of the phrase naming the party to the
// cases or their cause that gap, the text between a negator and its zero
// objects, opens with (以镇政府为被告的, 针对镇政府的, 因政府信息公开引起的), or
// 0.
func partyPrefix(gap string) int {
	for from := 0; ; {
		k := strings.Index(gap[from:], "的")
		if k < 0 {
			return 0
		}
		n := from + k + len("的")
		if p := gap[:n]; towardsPhrase(p) || causePhrase(p) ||
			anyof.Suffix(p, partyPhrases...) && len(p) <= partyPhraseMax && !strings.ContainsAny(p, "、,()") && !hasDigit(p) {
			return n
		}
		if n > partyPhraseMax {
			return 0
		}
		from = n
	}
}

// withoutNameOf drops from left, the text before a zero object, the name
// a denied act would have been done in (未以镇政府名义制发行政规范性文件 →
// 未制发…): the act is still the writer's, denied. It returns the text and
// how many bytes it dropped.
func withoutNameOf(left string) (string, int) {
	p := strings.LastIndex(left, "未以")
	if p < 0 {
		return left, 0
	}
	rest := left[p+len("未以"):]
	q := strings.Index(rest, "名义")
	if q <= 0 || utf8.RuneCountInString(rest[:q]) > 12 || strings.ContainsAny(rest[:q], ",,、") {
		return left, 0
	}
	if after := rest[q+len("名义"):]; !anyof.Prefix(after, "制发", "制定", "出台", "印发", "作出") {
		return left, 0
	}
	out := left[:p+len("未")] + rest[q+len("名义"):]
	return out, len(left) - len(out)
}

// actZero reports whether a denied act of the writer's (未作出行政处罚决定,
// 未制发行政规范性文件) states a zero: nothing but 行政 or 任何 between the
// negator and the object, no figure but a year before in its clause (对32件…未作出
// 行政处罚决定 spares those cases), and no 的 after (未作出行政处罚决定的,
// 依法予以教育: a condition; 未制定规范性文件的事项: a qualifier).
func actZero(s string, C, N int, between, after string) bool {
	switch between {
	case "", "行政", "任何", "任何行政":
	default:
		return false
	}
	return !hasFigure(s[C:N]) && !strings.HasPrefix(after, "的")
}

// causedPassive returns the length of a cause with the passive that
// brought the cases, opening gap (因政府信息公开被提起, 因征收补偿被申请: at
// most sixteen characters between 因 and 被, no figure, no list), or 0.
func causedPassive(gap string) int {
	body, ok := strings.CutPrefix(gap, "因")
	if !ok {
		return 0
	}
	if n := causeVerb(body, []string{"被提起", "被申请", "被起诉", "被诉"}, "、,()", 1); n > 0 {
		return len("因") + n
	}
	return 0
}

// causePhrase reports whether gap is a phrase naming the cause of the
// cases: 因政府信息公开引起的 (at most sixteen characters, no figure).
func causePhrase(gap string) bool {
	body, ok := strings.CutPrefix(gap, "因")
	return ok && anyof.Suffix(body, "引起的", "引发的", "产生的", "导致的") && utf8.RuneCountInString(body) <= 16 &&
		!strings.ContainsAny(body, "、,()") && !hasDigit(body)
}

// towardsPhrase reports whether gap is a phrase naming the party the cases
// are brought against: 针对镇政府的 (at most ten characters, no figure).
func towardsPhrase(gap string) bool {
	body, ok := strings.CutPrefix(gap, "针对")
	return ok && strings.HasSuffix(body, "的") && utf8.RuneCountInString(body) <= 10 &&
		!strings.ContainsAny(body, "、,()") && !hasDigit(body)
}
