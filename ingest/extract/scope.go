package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/cnnum"
	"github.com/fazhi/fazhi/ingest/wordmatch"
)

// unscopedCode reports whether figures of code are never a sub-body's:
// the government's own lawsuits' outcomes, its pre-suit mediations (even
// in a court's room: 县法院行政争议诉前调解工作室…26件) and reconsiderations,
// even where an adviser handled them, coverage rates and organisation
// counts. (The lawsuits themselves may be another organ's.)
func unscopedCode(code string) bool {
	switch {
	case strings.HasPrefix(code, "litigation.") && code != "litigation.cases",
		strings.HasPrefix(code, "reconsideration."), code == "counsel.adviser_coverage_rate", code == "mediation.organizations":
		return true
	}
	return false
}

// scope names the sub-body a figure belongs to: the nearest scope word in
// the sentence (before the number first), read back to the start of its
// name. Litigation and reconsideration cases are the government's own even
// when an adviser handled them; coverage rates and organisation counts are
// never scoped.
func (x *run) scope(code string, S, C, N, E int) string {
	if unscopedCode(code) {
		return ""
	}
	s := x.text
	if code == "litigation.cases" {
		// 以区政府为被告行政应诉案件40件: the named defendant.
		left := s[S:N]
		if p := strings.LastIndex(left, "为被告"); p >= 0 {
			// 以区政府为被告, or a part without 以: 其中区政府为被告的23件.
			q, open := strings.LastIndex(left[:p], "以"), len("以")
			if k := strings.LastIndex(left[:p], "其中"); k >= 0 && k+len("其中") > q+open {
				q, open = k, len("其中")
			}
			if q >= 0 && p-q <= 3*12 {
				// 以县政府及部门为被告: the whole government side, no sub-body.
				// 县政府作为被告: 作 is the verb's.
				name := strings.TrimSuffix(left[q+open:p], "作")
				if name != "" && !strings.ContainsAny(name, "及和与、各,") && !x.writerItself(name) {
					return name
				}
				return ""
			}
		}
	}
	if name := partBody(s[C:N]); name != "" {
		return name
	}
	if strings.HasPrefix(code, "mediation.") && anyof.Contains(s[S:N], adminMediation...) {
		return adminMediationScope // 各部门行政调解组织全年受理…412件,调解成功386件: no people's mediation
	}
	if x.opt.town() && x.townSpeaks() {
		if w := parentWhole(s, S, N); w != "" {
			return w // 据区司法局通报,全区人民调解组织共受理纠纷1.6万件: the district's
		}
		if b := parentBody(clauseHead(s[C:N])); b != "" && !anyof.Contains(s[C:N], townObjects...) {
			return b // 县法律援助中心已指派律师办理39件: the county's centre
		}
		if b := townAgency(clauseHead(s[C:N])); b != "" {
			return b // 乡派出所全年调解治安纠纷22件: the police's, not the township's
		}
	}
	SE := x.sentEnd(S, N)
	if x.glued.S != S || N < x.glued.from || x.glued.at >= 0 && x.glued.at < N {
		x.glued.S, x.glued.from, x.glued.at = S, N, gluedAfter(s, N, SE)
	}
	if x.glued.at >= 0 {
		SE = x.glued.at
	}
	hs := x.hits
	k := sort.Search(len(hs), func(k int) bool { return int(hs[k].End) > S })
	bestStart, bestEnd := -1, -1
	bestPlural := false
	since := false // 成立以来 before the number
	for ; k < len(hs) && int(hs[k].Start) < SE; k++ {
		h := hs[k]
		if int(h.Start) < S || !x.lx.scoping[h.Word] {
			continue
		}
		for _, r := range x.lx.refs[h.Word] {
			if r.kind == refSince && int(h.End) <= N {
				since = true
			}
			if r.kind != refScope {
				continue
			}
			if anyof.Prefix(code, "litigation.", "petition.") && strings.HasPrefix(scopeWords[r.idx], "法律顾问") {
				// An adviser's cases and a petition office's are no adviser's
				// figures (…社区法律顾问提供法律咨询730余人次,…受理信访事项82件).
				continue
			}
			if scopeWords[r.idx] == domainWord && !x.domainOpens(S, N, int(h.Start), int(h.End)) {
				continue
			}
			if int(h.Start) >= N && strings.Contains(s[N:h.Start], "其中") {
				// 共受理矛盾纠纷412件,其中驻所调解室…: the parts' body, after the whole.
				continue
			}
			if int(h.End) <= C && strings.Contains(s[h.End:C], "分别") && anyof.Contains(s[C:N], sumWords...) {
				// 驻所调解室、诉调对接工作站分别受理纠纷23件、15件,全年共受理纠纷
				// 412件: a sum after a 分别 list is none of its bodies'.
				continue
			}
			if inQuotedList(s, S, int(h.Start), int(h.End)) {
				// “党政办初审、司法所审核、法律顾问把关”的三级审查机制: a step
				// of a mechanism's slogan, no body that counts.
				continue
			}
			if int(h.End) <= N && amongMembers(s, S, int(h.Start), int(h.End), N) {
				// 组建由司法所干部、村法律顾问、“法律明白人”组成的普法宣讲队…宣讲
				// 一百二十余场次: a member of the body that acts, not the actor.
				continue
			}
			if int(h.End) <= C && anyof.Prefix(clauseHead(s[C:N]), freshSubjects...) {
				// 村(居)法律顾问提供法律服务6,100余次,各级人民调解组织调处矛盾
				// 纠纷4,870件: a clause that names its own subject, the whole
				// or all its bodies, is none of the body's before it.
				continue
			}
			if int(h.End) <= C && sumClauseIn(s, int(h.End), C) {
				// 另设驻派出所调解室等专业调解室3个,共有人民调解组织25个,专兼
				// 职调解员96名: the sum between gathers the bodies listed into
				// the whole, which the figures after it are of.
				continue
			}
			// 9个街道工作站、126个村(社区)工作室: a set of bodies, which with
			// the one named beside it is the whole jurisdiction.
			// Nearest before the number; else the first after it.
			if int(h.Start) >= N && strings.ContainsAny(s[N:h.Start], ",;") && !agentClause(s[N:h.Start]) &&
				x.opensOwnClause(int(h.Start), int(h.End)) {
				// 开展…集中学法4次,…,乡、村两级法律顾问提供法律咨询210多人次: a
				// body that opens a later clause with a figure of its own is
				// that figure's subject, not the earlier ones' (聘请了9名专职调解
				// 员,成立驻所调解室 and 4期…轮训,分别对调解室人员进行17场… still
				// name the body of the figure before).
				continue
			}
			if int(h.End) <= N || bestStart < 0 {
				bestStart, bestEnd = int(h.Start), int(h.End)
				bestPlural = plural(s, S, int(h.Start)) || setFollows(s[bestEnd:])
			}
		}
	}
	if bestStart < 0 {
		if since {
			// 从6月12日成立以来,共受理调解案件167宗: the body founded in the
			// sentence before.
			if prev := x.lastScope(S); prev != "" {
				return prev
			}
		}
		if name := x.itemScope(code, S); name != "" {
			return name
		}
		writer := x.opt.Jurisdiction
		if writer == "" {
			writer = x.opt.Level // 县: the level alone still ranks a place below it
		}
		name := placeScope(s[C:N], writer, x.opening(S))
		breakdown := strings.Contains(s[S:N], "其中") // 其中,镇调委会受理89件,各村调委会受理126件: parts of the whole, not a set's own
		if name == "" && !breakdown {
			name = eachPlace(s[C:N], x.writerRank())
		}
		if name == "" && C > S && anyof.Prefix(s[C:N], barePlaceLeads...) {
			// 石水口村调委会受理纠纷12件,调解成功11件: a clause that opens
			// with its verb has the sentence's subject.
			if name = placeScope(s[S:N], writer, x.opening(S)); name == "" && !breakdown {
				name = eachPlace(s[S:N], x.writerRank())
			}
		}
		return name
	}
	name := scopeName(s, S, bestStart, bestEnd)
	if code == "mediation.mediators" && strings.HasSuffix(name, "调解员") && strings.HasPrefix(s[C:N], "其中") {
		return "" // 其中特邀调解员2名: a kind of the mediators counted, no body
	}
	if at := bestEnd - len(name); ownedByWriter(s[clauseStart(s, at, S):at]) {
		// 我镇公共法律服务工作站…解答法律咨询870余人次: the writer's own
		// station, no sub-body.
		return ""
	}
	if bestPlural && !strings.HasSuffix(name, "法律顾问") {
		// A set of the writer's committees or stations with the one named
		// beside it is the whole; a set of legal advisers (13个社区法律顾问)
		// is advisers still, never the jurisdiction.
		return ""
	}
	if name == domainWord {
		// 各领域, 等领域: every domain, or those a list named; a named one
		// (市场监管领域开展“双随机”抽查42批次) is a partial domain.
		return ""
	}
	if bestStart >= N && endsWithFigure(s, S, bestEnd-len(name)) {
		// 发放宣传材料400余份法律顾问进村宣讲2次: a body named right after a
		// figure whose punctuation was lost opens the next clause; it is
		// the subject of what follows, not the owner of the figure before.
		return ""
	}
	if name == s[bestStart:bestEnd] {
		// A bare 调解室 (该调解室, 调解室人员): the body of that kind named
		// earlier in the paragraph, if any.
		if prev := x.antecedent(S, name); prev != "" {
			return prev
		}
	}
	return name
}

// itemScope returns the sub-body an enumerated item's heading names for the
// figure of code in the sentence at S that opens its body with no subject
// of its own: 二是推进
// “一社区一法律顾问”工作。今年共为社区居民提供法律咨询873次,…出具法律意见
// 书34份 (realdev 015: the advisers' work). The heading is the sentence
// right before, opening with an enumerator (一是, 二是…) and holding no
// figure; "" when there is none, it names no sub-body, or the sentence
// names its own subject (全镇…, 镇司法所…).
func (x *run) itemScope(code string, S int) string {
	s := x.text
	// The sub-body's own work: its services, publicity and mediation, not
	// the government's cases or acts a heading names it beside (四是加强
	// 行政应诉工作,发挥法律顾问作用。全年共办理行政诉讼案件7件).
	if S == 0 || !anyof.Prefix(code, "counsel.", "publicity.", "mediation.") {
		return ""
	}
	P := x.sentenceStart(S - 1)
	heading := s[P:S]
	if len(heading) > maxItemHeading || len(heading) < 9 || !isCNNumeral3(heading[:3]) || !strings.HasPrefix(heading[3:], "是") || hasDigit(heading) ||
		strings.ContainsAny(heading, ",;") || // two topics: 健全法律顾问制度,规范行政执法行为
		!anyof.Prefix(trimTimeLead(s[S:min(len(s), S+maxItemHeading)]), subjectlessOpeners...) {
		return ""
	}
	x.itemHits = x.lx.scopes.ScanRange(s, P, S, x.itemHits[:0])
	for _, h := range x.itemHits {
		// Only advisers, whose work the conventions scope to them (realdev
		// 015); a body an item builds (二是建强镇矛盾纠纷调解中心, 加强工作站
		// 建设) leaves the town's figures the town's.
		if w := scopeWords[h.Word]; !strings.HasPrefix(w, "法律顾问") {
			continue
		}
		if name := scopeName(s, P, int(h.Start), int(h.End)); name != "" {
			return strings.Trim(name, "“”")
		}
	}
	return ""
}

// maxItemHeading bounds an item heading (二是推进“一社区一法律顾问”工作。):
// about twenty characters.
const maxItemHeading = 3 * 24

// subjectlessOpeners open a sentence whose subject is left to the heading
// before it: an act or a total, not a body (镇司法所…, 全镇…).
var subjectlessOpeners = []string{"共", "累计", "为", "向", "提供", "开展", "参与", "协助", "接待", "解答", "出具", "办理", "审查", "调解", "举办", "走访", "进村", "深入", "先后"}

// trimTimeLead removes a time opening a sentence (今年, 全年, 2024年, 今年以来,
// each with its comma).
func trimTimeLead(s string) string {
	for _, w := range []string{"今年以来", "今年", "全年", "年内", "当年"} {
		if strings.HasPrefix(s, w) {
			s = s[len(w):]
			break
		}
	}
	if rest, ok := cutWrittenYear(s); ok {
		s = strings.TrimPrefix(rest, "以来")
	}
	return strings.TrimPrefix(s, ",")
}

// cutWrittenYear returns s after the year it opens with (2024年…), and
// whether it opened with one.
func cutWrittenYear(s string) (string, bool) {
	if p := strings.Index(s, "年"); p > 0 && isDigits(s[:p]) {
		return s[p+len("年"):], true
	}
	return s, false
}

// domainWord names a domain: 市场监管领域.
const domainWord = "领域"

// domainOpens reports whether the domain word at [start, end) names the
// domain of the number at N: the domain's name opens the number's sentence
// (2024年市场监管领域开展42批次“双随机”抽查,抽查主体2497户次), after at
// most a time or 在, as the subject of all it counts. A domain an act
// governs (发起涉民生领域事项联合抽查113批次), one opening a later clause (a
// part of a total: 主动公开信息171条:基层政务公开领域信息124条; 根据专业
// 领域重点学习…) or after the number is no scope.
func (x *run) domainOpens(S, N, start, end int) bool {
	if end > N {
		return false
	}
	name := scopeName(x.text, S, start, end)
	if anyof.Prefix(name, domainGovernors...) || anyof.Contains(name, domainActs...) {
		// 根据专业领域重点学习…: a domain an act is after; 全年开展卫生健康
		// 领域随机抽查: the field of the writer's own act.
		return false
	}
	if anyof.Contains(name, wholeFields...) || anyof.Contains(x.text[end:N], wholeSubjects...) {
		// 在行政执法领域,全县办理行政处罚案件546件: the field the catalog
		// counts, or a total the clause gives its own subject.
		return false
	}
	lead := strings.TrimSuffix(x.text[S:end-len(name)], "在")
	for _, w := range domainLeads {
		lead = strings.TrimPrefix(lead, w)
	}
	lead, _ = cutWrittenYear(lead)
	lead = strings.TrimSuffix(strings.TrimPrefix(lead, ","), ",")
	return lead == "" || lead == "在"
}

// wholeFields are the fields the catalog counts as wholes: a domain named
// by one (行政执法领域, 普法依法治理领域, 矛盾纠纷化解领域) is the field, not a
// part of it; neither is a field of focus (重点领域).
var wholeFields = []string{"执法", "普法", "依法治理", "矛盾纠纷", "调解", "法治", "公开", "政务服务", "重点", "各"}

// adminMediation name administrative mediation as the body or the cases
// of a sentence: the government departments' mediation, a partial domain
// beside people's mediation (人民调解、行政调解、司法调解 names the three and
// none of their figures). adminMediationScope is its scope.
var adminMediation = []string{"行政调解组织", "行政调解案件", "行政调解纠纷", "行政调解委员会"}

const adminMediationScope = "行政调解"

// townSpeaks reports whether the text calls itself a town (我镇, 本街道, 全镇):
// a county's section on its towns, read as a town's for its many town
// names, has no such word, and its 全区 is its own.
func (x *run) townSpeaks() bool {
	if x.speaksAsTown == 0 {
		x.speaksAsTown = 2
		if anyof.Contains(x.text, townPronouns...) || anyof.Contains(x.text, townWholes...) {
			x.speaksAsTown = 1
		}
	}
	return x.speaksAsTown == 1
}

// ownedByWriter reports whether lead, the words of its clause before a
// sub-body's name, are the writer's word for itself and perhaps a word of
// the name's own (我镇公共 before 法律服务工作站): the writer's one station,
// not a village's or a police station's (我镇各村调解工作室).
func ownedByWriter(lead string) bool {
	for _, w := range writerPronouns {
		if rest, ok := strings.CutPrefix(lead, w); ok {
			return slices.Contains(ownModifiers, rest)
		}
	}
	return false
}

// ownModifiers may stand between the writer's word for itself and the name
// of its own station.
var ownModifiers = []string{"", "的", "公共", "综合", "便民"}

// writerPronouns are the writer's words for itself, of any level.
var writerPronouns = append([]string{"我县", "我区", "我市", "我旗", "本县", "本区", "本市"}, townPronouns...)

// townPronouns are a town's words for itself.
var townPronouns = []string{"我镇", "我乡", "我街道", "本镇", "本乡", "本街道"}

// townWholes are a town's words for its own whole (全镇14个村): a county
// writes them of no town of its.
var townWholes = []string{"全镇", "全乡", "全街道"}

// parentWholes name the whole of a division above a town (全县, 全区):
// in a town's report, a clause they open counts the parent's, not the
// town's.
var parentWholes = []string{"全县", "全区", "全市", "全旗", "全州"}

// writerItself reports whether a party's name is the writer's own: its
// word for itself (以我局为被告), or a town's government, which is the
// town's whole (以街道办事处为被告: a town has no departments beside it).
func (x *run) writerItself(name string) bool {
	return anyof.Prefix(name, "我", "本") || x.opt.town() && slices.Contains(townGovernments, name)
}

// townGovernments are a town's words for its government.
var townGovernments = []string{"镇政府", "镇人民政府", "乡政府", "乡人民政府", "街道办事处", "街道办", "街道", "办事处", "镇", "乡"}

// townSubjects open a clause whose subject is the town itself again.
var townSubjects = append([]string{"全镇", "全乡", "全街道", "镇", "乡", "街道"}, townPronouns...)

// parentWhole returns the parent's whole (全区) that opens the number's
// clause in a town's report, or an earlier clause of its sentence with no
// clause opened by the town between (全县统一开展宪法宣传周活动,共举办各类宣传
// 活动320余场,我镇承办…1场: the 320 are the county's, the 1 the town's); ""
// otherwise. A whole after the number (位居全区第二) or inside a clause
// (高于全区平均水平) is no subject.
func parentWhole(s string, S, N int) string {
	whole := ""
	for _, cl := range clausesOf(s, S, N) {
		head := clauseHead(cl)
		switch {
		case anyof.Prefix(head, parentWholes...):
			whole = head[:len("全县")]
		case anyof.Prefix(head, townSubjects...):
			whole = ""
		}
	}
	return whole
}

// parentLevels open the name of a body of the county or city above a town
// (县司法局, 区法律援助中心); parentBodyEnds close it.
var (
	parentLevels   = []string{"县", "区", "市"}
	parentBodyEnds = []string{"局", "中心", "法院", "检察院", "仲裁院", "委员会", "办公室", "分局"}
)

// townObjects make the town what a parent's body acted on (区司法局对本街道
// 行政处罚案卷抽查评查30件): the figure counts the town's own.
var townObjects = []string{"对我镇", "对本镇", "对我乡", "对本乡", "对我街道", "对本街道"}

// maxParentBodyRunes bounds the name of a parent's body.
const maxParentBodyRunes = 14

// parentBody returns the body of the county or city above a town that
// opens a clause of the town's report (县法律援助中心已指派律师办理39件, 区司法
// 局在我街道开展讲座5场): its figure is that body's, not the town's. ""
// when the clause opens with no such body.
func parentBody(head string) string {
	if !anyof.Prefix(head, parentLevels...) || anyof.Prefix(head, "区域", "县域", "市域") {
		return "" // 区域性调解中心: no body of the district's by its name
	}
	end := -1
	for _, w := range parentBodyEnds {
		if i := strings.Index(head, w); i > 0 && (end < 0 || i+len(w) < end) {
			end = i + len(w)
		}
	}
	if end < 0 || utf8.RuneCountInString(head[:end]) > maxParentBodyRunes || strings.ContainsAny(head[:end], "、和与及的") {
		return ""
	}
	return head[:end]
}

// townAgency returns the town's station of another organ (公安 or the
// court: 乡派出所, 镇人民法庭) that opens a clause of the town's report: its
// figures are that organ's, cited by the town. "" otherwise.
func townAgency(head string) string {
	for _, l := range []string{"镇", "乡", "街道"} {
		rest, ok := strings.CutPrefix(head, l)
		if !ok {
			continue
		}
		for _, a := range townAgencies {
			if strings.HasPrefix(rest, a) {
				return l + a
			}
		}
	}
	return ""
}

// townAgencies are the stations other organs keep in a town.
var townAgencies = []string{"派出所", "人民法庭", "法庭", "交警中队", "边境派出所"}

// clausesOf splits s[S:N] at its commas and semicolons.
func clausesOf(s string, S, N int) []string {
	return strings.FieldsFunc(s[S:N], func(r rune) bool { return r == ',' || r == ';' || r == '，' || r == '；' })
}

// clauseHead is a clause without the time or the leads that may open it
// (2025年, 今年以来, 此外).
func clauseHead(cl string) string {
	cl = trimSpace(cl)
	cl, _ = cutWrittenYear(cl)
	for _, w := range domainLeads {
		cl = strings.TrimPrefix(cl, w)
	}
	return cl
}

// wholeSubjects give a clause the whole jurisdiction as its subject.
var wholeSubjects = []string{"全县", "全区", "全市", "全镇", "全乡", "全街道", "全旗"}

// domainGovernors, opening a domain's name as read back, make it the
// object of an act or a preposition, not the subject of a count.
var domainGovernors = []string{"根据", "按照", "依据", "围绕", "聚焦", "针对", "涉及", "涉", "结合", "立足", "突出", "覆盖", "加强", "强化", "深化", "推进"}

// domainActs are the writer's acts whose field a domain after them names:
// 开展卫生健康领域随机抽查 is the bureau's own checks, no sub-body's.
var domainActs = []string{"开展", "组织", "发起", "实施", "进行", "办理"}

// domainLeads may open a clause before the domain it names.
var domainLeads = []string{"同时,", "此外,", "今年以来,", "同时", "此外", "全年", "今年", "当年"}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// sinceFounded refer back to a body just founded.
var sinceFounded = []string{"成立以来", "成立后", "自成立", "运行以来", "挂牌以来", "揭牌以来", "投入使用以来", "启用以来"}

// lastScope returns the name of the last sub-body mentioned in the
// paragraph before byte S, or "".
func (x *run) lastScope(S int) string {
	last := ""
	for _, m := range x.paraScopes(S) {
		if m.at < S {
			last = m.name
		}
	}
	return last
}

// mention is a named sub-body in a paragraph.
type mention struct {
	at   int    // byte offset of the scope word
	word string // the scope word (调解工作室)
	name string // the name read back from it (莫满水调解工作室)
}

// paraScopes returns the sub-body mentions of the paragraph holding byte S
// that start before S, scanning each part of the paragraph once.
func (x *run) paraScopes(S int) []mention {
	s := x.text
	if x.para.start < 0 || S < x.para.start || strings.IndexByte(s[x.para.start:S], '\n') >= 0 {
		para := strings.LastIndexByte(s[:S], '\n') + 1
		x.para.start, x.para.upto, x.para.mentions = para, para, x.para.mentions[:0]
	}
	if S <= x.para.upto {
		return x.para.mentions
	}
	// Scan on from where the last call stopped (a little before, for a
	// word across that point), keeping the hits that end after it.
	lo, upto := max(x.para.start, x.para.upto-wordmatch.MaxWord), x.para.upto
	x.para.upto = S
	x.para.buf = x.lx.scopes.ScanRange(s, lo, S, x.para.buf[:0])
	for _, h := range x.para.buf {
		if int(h.End) <= upto {
			continue
		}
		st := int(h.Start)
		x.para.mentions = append(x.para.mentions, mention{st, scopeWords[h.Word], scopeName(s, x.sentenceStart(st), st, int(h.End))})
	}
	return x.para.mentions
}

// antecedent returns the name of the last body of the kind of scope word w
// (the same last character: 调解室 ~ 调解工作室, 工作站, 法律顾问) named in the
// paragraph before byte S, or "".
func (x *run) antecedent(S int, w string) string {
	kind, _ := utf8.DecodeLastRuneInString(w)
	last := ""
	for _, m := range x.paraScopes(S) {
		if m.at >= S {
			break
		}
		if r, _ := utf8.DecodeLastRuneInString(m.word); r == kind && len(m.name) > len(m.word) {
			last = m.name
		}
	}
	return last
}

// scopeStops end a sub-body name read backwards.
const scopeStops = "的了在和与及对由将已共等是为把向从到于以并该其中全我各级个名年月日"

// stopCompounds open with a stop of scopeStops and are words of a name:
// 诉调对接工作站, 行政争议调解和解中心.
var stopCompounds = []string{"对接", "和解"}

var scopeLead = []string{"辖区", "派出所", "担任", "实现", "成立", "设立", "建立", "依托", "通过", "组织", "聘请", "筹建", "承接", "落实", "发挥", "利用", "推动", "打造", "创建", "建设", "加强", "完善", "深化", "品牌", "委托", "联合", "指导", "组建", "组成", "新建", "邀请", "实行", "会同"}

// scopeLeadFirst holds the first characters of scopeLead.
var scopeLeadFirst = func() *runeSet {
	t := new(runeSet)
	for _, w := range scopeLead {
		r, _ := utf8.DecodeRuneInString(w)
		t.add(r)
	}
	return t
}()

// holdsRuneOf reports whether a character of s is in t.
func holdsRuneOf(s string, t *runeSet) bool {
	for _, r := range s {
		if t.has(r) {
			return true
		}
	}
	return false
}

func scopeName(s string, S, start, end int) string {
	j := start
	for n := 0; n < 7 && j > S; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if r == '”' || r == ')' {
			// A quoted or bracketed part of the name: “和事佬”调解工作室,
			// 村(社区)法律顾问.
			open := "“"
			if r == ')' {
				open = "("
			}
			if p := strings.LastIndex(s[max(S, j-30):j], open); p >= 0 {
				j = max(S, j-30) + p
				if r == '”' {
					break // a quoted name starts with its quote
				}
				continue
			}
		}
		if r < 0x4e00 || r > 0x9fff || strings.ContainsRune(scopeStops, r) && !anyof.Prefix(s[j-size:], stopCompounds...) {
			break
		}
		j -= size
	}
	j = pastFigure(s, S, j, start)
	name := s[j:end]
	if j == start {
		return name // the bare scope word
	}
	if strings.HasPrefix(name, "“") {
		return name // a quoted proper name: “老娘舅”品牌调解工作室
	}
	if !holdsRuneOf(name, scopeLeadFirst) {
		return trimLeadTail(s, S, j, name) // no word of scopeLead can start in it
	}
	for _, p := range scopeLead {
		if i := strings.LastIndex(name, p); i >= 0 && i+len(p) < len(name) {
			name = name[i+len(p):]
		}
	}
	return trimLeadTail(s, S, end-len(name), name)
}

// trimLeadTail drops from the start of a scope name, which starts at byte
// at of s, what is left of a lead the walk back cut through or stopped
// inside: 立 of 成立劳动争议调解工作室 read back seven characters, 区 of
// 全区村(社区)法律顾问 (全 stops the walk); and what a lead of one
// character opens: 含驻所调解室, 另经特邀调解员 (not 经开区).
func trimLeadTail(s string, S, at int, name string) string {
	if at > S {
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		first, n := utf8.DecodeRuneInString(name)
		if n < len(name) && (slices.Contains(scopeLead, string([]rune{prev, first})) || prev == '全' && strings.ContainsRune("区县市镇乡", first)) {
			name = name[n:]
		}
	}
	for _, lead := range []string{"含", "经"} {
		if i := strings.LastIndex(name, lead); i >= 0 {
			if rest := name[i+len(lead):]; rest != "" && !anyof.Prefix(rest, "开", "济") {
				name = rest
			}
		}
	}
	return name
}

// pastFigure moves the start j of a name read back from a scope word at
// start past the tail of a figure whose punctuation was lost: a digit then
// 万/千 (a multiplier), 余/多 and a unit are the figure's, not the name's
// (发放宣传材料400余份法律顾问进村宣讲2次: 法律顾问, not 余份法律顾问).
func pastFigure(s string, S, j, start int) int {
	if j <= S {
		return j
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:j]); r < '0' || r > '9' {
		return j
	}
	k := j
	for _, marks := range [][]string{{"万", "千", "百", "亿"}, {"余", "多"}} {
		for _, m := range marks {
			if strings.HasPrefix(s[k:start], m) {
				k += len(m)
				break
			}
		}
	}
	if u, ok := readUnit(s[k:start]); ok && !unitContinues(u, s[k+len(u.text):]) {
		k += len(u.text)
	}
	if k == j || k > start {
		return j
	}
	return k
}

// endsWithFigure reports whether s[S:j] ends with a figure: a digit, then
// 万/千 (a multiplier), 余/多 and a unit (one the text after j does not
// continue into another word), each but the digit optional.
func endsWithFigure(s string, S, j int) bool {
	after := s[j:]
	s = s[S:j]
	for i, u := range rawUnits {
		if len(u.text) >= 3 && strings.HasSuffix(s, u.text) {
			if u.index = i; !unitContinues(u, after) {
				s = s[:len(s)-len(u.text)]
			}
			break
		}
	}
	for _, marks := range [][]string{{"余", "多"}, {"万", "千", "百", "亿"}} {
		for _, m := range marks {
			if strings.HasSuffix(s, m) {
				s = s[:len(s)-len(m)]
				break
			}
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r >= '0' && r <= '9'
}

// sumWords state a sum (全年共受理纠纷412件).
var sumWords = []string{"共", "合计", "总计", "累计"}

// opensOwnClause reports whether the sub-body named at s[start:end] is
// the subject its clause opens with (乡、村两级法律顾问提供…) and the clause
// holds a figure of its own.
func (x *run) opensOwnClause(start, end int) bool {
	s := x.text
	if !hasDigit(s[start:clauseEnd(s, end)]) {
		return false
	}
	c, runes := start, 0
	for c > 0 && s[c-1] != ',' && s[c-1] != ';' && runes <= 8 {
		_, size := utf8.DecodeLastRuneInString(s[:c])
		c -= size
		runes++
	}
	return runes <= 8 && !anyof.Contains(s[c:start], "对", "为", "向", "由", "在", "经", "与", "同", "组织", "邀请")
}

// agentClause reports whether between, the words from a figure to a body
// named after it, ends in a clause that opens with the body as the agent of
// what the figure counts (30件,均由驻所调解室调解).
func agentClause(between string) bool {
	p := strings.LastIndexAny(between, ",;")
	return p >= 0 && anyof.Prefix(between[p+1:], "均由", "由", "全部由", "均已由", "分别由")
}

// inQuotedList reports whether s[start:end], in the sentence at S, lies
// inside quotation marks around a list (“党政办初审、司法所审核、法律顾问把关”):
// a slogan's words, not a body's name (“老兵调解工作室” is one).
func inQuotedList(s string, S, start, end int) bool {
	open := strings.LastIndex(s[S:start], "“")
	if open < 0 || strings.Contains(s[S+open:start], "”") {
		return false
	}
	closing := strings.Index(s[end:], "”")
	if closing < 0 || strings.Contains(s[end:end+closing], "“") {
		return false
	}
	return strings.Contains(s[S+open:end+closing], "、")
}

// amongMembers reports whether the body named at s[start:end] is one of
// those a 由…组成 phrase before byte N lists as the members of another
// body (由司法所干部、村法律顾问组成的宣讲队; 由律师和调解员共同组成): the
// phrase, within one clause, opens with 由 before the name and closes with
// 组成 after it.
func amongMembers(s string, S, start, end, N int) bool {
	open := strings.LastIndex(s[S:start], "由")
	if open < 0 || strings.ContainsAny(s[S+open:start], ",;:。") {
		return false
	}
	closing := strings.Index(s[end:N], "组成")
	return closing >= 0 && !strings.ContainsAny(s[end:end+closing], ",;:。")
}

// freshSubjects open a clause whose subject is the whole jurisdiction or
// all its bodies of a kind.
var freshSubjects = append([]string{"各级", "我县", "我区", "我市", "我旗"}, append(wholeSubjects, townPronouns...)...)

// sumClauseIn reports whether a clause of s[from:to] after its first opens
// with a count of the whole (共有…25个, 共计…, 合计…): the bodies named
// before it are its parts.
func sumClauseIn(s string, from, to int) bool {
	for i := from; i < to; {
		p := strings.IndexAny(s[i:to], ",;")
		if p < 0 {
			return false
		}
		i += p + 1
		if anyof.Prefix(s[i:to], "共有", "共计", "合计", "总计") {
			return true
		}
	}
	return false
}

// placeSuffixes end the names of places below a county or town (a 苏木
// is a township of Inner Mongolia, a 嘎查 its village; a 牧委会 is a
// village of the pastoral counties of Tibet and Qinghai).
var placeSuffixes = []string{"街道", "社区", "镇", "乡", "村", "苏木", "嘎查", "牧委会"}

// placeBodies are the bodies of such a place whose figures a report gives:
// 石水口村调委会, 东城街道司法所.
var placeBodies = []string{"调委会", "人民调解委员会", "调解委员会", "司法所", "派出所", "综治中心", "人民法庭", "法庭", "调解室"}

// placeVerbs open a clause whose subject is not the place named after them.
var placeVerbs = []string{"邀请", "组织", "联合", "会同", "协调", "指导", "依托", "通过", "协助", "配合"}

// placeScope reads a place below the jurisdiction that opens a clause with
// one of its bodies (石水口村调委会受理矛盾纠纷12件), or alone as the
// subject (see barePlace); "" when the clause opens otherwise, with the
// jurisdiction itself, or with 全镇, 我镇, 各村…. opening is the start of
// the report (its title and first sentence).
func placeScope(clause, jurisdiction, opening string) string {
	clause = strings.TrimLeft(strings.TrimPrefix(clause, "其中"), ",:") // 其中,桃源社区人民调解委员会…
	for _, suf := range placeSuffixes {
		// Only the first occurrence counts, and only if it starts within
		// six characters: look no further (the clause may be long).
		p := strings.Index(clause[:min(len(clause), 18+len(suf))], suf)
		if p < 6 || p > 18 {
			continue // two to six characters before the suffix
		}
		head := clause[:p]
		if anyof.Prefix(head, placeVerbs...) {
			continue // 邀请镇派出所民警…: a body invited, not the clause's subject
		}
		ok := true
		for _, r := range head {
			if r < 0x4e00 || r > 0x9fff || strings.ContainsRune("全我本各该每其进在到对向为和与及共已将", r) {
				ok = false
				break
			}
		}
		if !ok || !anyof.Prefix(clause[p+len(suf):], placeBodies...) && !barePlace(head, clause[p+len(suf):], suf, jurisdiction, opening) {
			continue
		}
		if name := clause[:p+len(suf)]; name != jurisdiction && !strings.HasSuffix(jurisdiction, name) {
			return name
		}
		return ""
	}
	return ""
}

// eachPlace reads the places below the writer, each of them or all of them
// counted, as the subject that opens a clause (各乡镇(街道)共办理行政处罚案件
// 617件, 22个乡镇(街道)共开展合法性审查1,870余件, 全市各镇
// (街道)党(工)委理论学习中心组开展法治专题学习186次, 各村(社区)调委会受理纠纷
// 155件): the figure adds up theirs, a set of sub-bodies, not the writer's
// own work. The name is returned as written (各乡镇(街道)); "" when the
// clause opens otherwise, when the set is listed with bodies that are not
// places (各乡镇、各部门共开展…: the whole), or when the places are not below
// the writer, of place rank writer (各街道 in a town's report).
func eachPlace(clause string, writer int) string {
	for _, w := range eachPlaceWholes {
		clause = strings.TrimPrefix(clause, w)
	}
	rest, each := strings.CutPrefix(clause, "各")
	if !each {
		// 22个乡镇(街道)共开展合法性审查1,870余件: all of them, counted.
		var counted bool
		if rest, counted = countedSet(clause); !counted {
			return ""
		}
	}
	for _, set := range eachPlaceSets {
		if !strings.HasPrefix(rest, set) {
			continue
		}
		after := rest[len(set):]
		if anyof.Prefix(after, "、", "和", "及", "与", ",") {
			return "" // 各乡镇、县直各部门: the whole, or a list this does not read
		}
		rank := 2 // towns and sub-districts
		if anyof.Prefix(set, "村", "社区") {
			rank = 1
		}
		if writer <= rank {
			return ""
		}
		if !each {
			return set
		}
		return "各" + set
	}
	return ""
}

// countedSet returns what follows a count of places that opens a clause
// (22个乡镇(街道)…: 乡镇(街道)…), and whether one does.
func countedSet(clause string) (string, bool) {
	i := 0
	for i < len(clause) && clause[i] >= '0' && clause[i] <= '9' {
		i++
	}
	if i == 0 {
		return "", false
	}
	rest, ok := strings.CutPrefix(clause[i:], "个")
	return rest, ok
}

// writerRank is the place rank (see placeRank) of the report's writer: of
// its jurisdiction's name, else of its level, else a county's, as a report
// of no level is read.
func (x *run) writerRank() int {
	if r := placeRank(x.opt.Jurisdiction); r > 0 {
		return r
	}
	if x.opt.town() {
		return 2
	}
	return 3
}

// eachPlaceWholes may open a clause before its set of places (全县各乡镇,
// 全镇各村).
var eachPlaceWholes = append([]string{"全州"}, wholeSubjects...)

// eachPlaceSets are the sets of places below a county or a town, longest
// first: 各乡镇(街道), 各村(社区).
var eachPlaceSets = []string{
	"乡镇(街道)", "镇(街道)", "乡(镇)", "乡镇街道", "乡镇", "镇街", "街道", "镇", "乡",
	"村(社区)", "村(居)", "村居", "社区", "村",
}

// barePlaceLeads follow a place that is the subject of its clause with no
// body named (新桥镇全年化解纠纷87件, 东坪村依托“法治超市”…).
var barePlaceLeads = []string{"全年", "今年", "依托", "通过", "积极", "创新", "探索", "建立", "共", "累计", "坚持", "深入", "推行", "开展", "组织", "受理", "调解", "化解",
	"发放", "举办", "办理", "接待", "发布", "推送"}

// barePlace reports whether a place named head+suf, followed by rest, is
// its clause's subject on its own in the report of jurisdiction: a name of
// two or three characters, of a level below the jurisdiction's (a town in a
// county's report, a village in a town's), followed by a verb or a time.
// Without the jurisdiction's name a place alone may be the writer itself,
// and so may one the report's opening names (青山区翠湖街道办事处2022年…
// resolved to 青山区 when its street is not in the table).
func barePlace(head, rest, suf, jurisdiction, opening string) bool {
	n := utf8.RuneCountInString(head)
	if n < 2 || n > 3 || !anyof.Prefix(rest, barePlaceLeads...) || strings.HasSuffix(head, "乡") {
		return false
	}
	return placeRank(suf) < placeRank(jurisdiction) && !strings.Contains(opening, head+suf)
}

// openingBytes bounds a report's opening: its title and issuer lines and
// its first sentence.
const openingBytes = 600

// opening returns the start of the text up to its first full stop, where
// the writer names itself, and before the sentence at S.
func (x *run) opening(S int) string {
	if !x.headSet {
		h := x.text[:min(len(x.text), openingBytes)]
		if i := strings.Index(h, "。"); i >= 0 {
			h = h[:i]
		}
		for !utf8.ValidString(h) {
			h = h[:len(h)-1]
		}
		x.head, x.headSet = h, true
	}
	return x.head[:min(len(x.head), S)]
}

// placeRank orders the level of a place by the suffix of its name: 1 for a
// village or community, 2 for a town or sub-district, 3 for a county and
// above, 0 when unknown.
func placeRank(name string) int {
	switch {
	case name == "":
		return 0
	case anyof.Suffix(name, "村", "社区", "嘎查", "牧委会"):
		return 1
	case anyof.Suffix(name, "镇", "乡", "街道", "苏木"):
		return 2
	case anyof.Suffix(name, "县", "区", "市", "旗"):
		return 3
	}
	return 0
}

// plural reports whether the sub-body name before byte at is counted (126个
// 村(社区)工作室): the scope word names a set of bodies, not one.
func plural(s string, S, at int) bool {
	lo := max(S, at-24)
	p := strings.LastIndex(s[lo:at], "个")
	if p < 0 || lo+p == S {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:lo+p])
	return r >= '0' && r <= '9' || isCNNumeral(r)
}

// setFollows reports whether a sub-body name is followed by a counted set
// of bodies joined to it (工作站和11个社区服务室): together, the whole
// jurisdiction.
func setFollows(s string) bool {
	for _, w := range []string{"和", "、", "及", "与"} {
		if strings.HasPrefix(s, w) {
			r, _ := utf8.DecodeRuneInString(s[len(w):])
			return r >= '0' && r <= '9' || isCNNumeral(r)
		}
	}
	return false
}

// bodyNouns close the name of a body that may own figures in a 分别 list:
// 街道人民调解委员会、驻派出所调解室、诉调对接工作站分别受理纠纷…; 区法院、区检察
// 院分别开展法治讲座…; 镇派出所、市场监管所、司法所分别举办…讲座.
var bodyNouns = []string{"人民调解委员会", "调解委员会", "委员会", "调委会", "调解室", "工作室", "工作站", "服务站", "中心", "所", "法庭", "法院", "检察院", "局", "小学", "中学", "学校", "医院"}

// ownBodies are the writer's own bodies, which a 分别 list names with the
// level word alone (街道人民调解委员会, 镇政府): their figures are the
// jurisdiction's.
var ownBodies = []string{"人民调解委员会", "调解委员会", "调委会", "人民政府", "政府", "党委", "党工委", "办事处", "综治中心", "综治中心调委会"}

// levelWords open the name of a body of the writer's level (镇调委会).
var levelWords = []string{"全镇", "全乡", "全街道", "全县", "全区", "全市", "街道", "镇", "乡", "县", "区", "市"}

// bodyList reports whether the items of a 分别 list are bodies: each ends
// with a body noun, or only the last does and the others name parts that
// share it (东片区、西片区、北片区调解室), whose noun it returns.
func bodyList(s string, items [][2]int) (shared string, ok bool) {
	if len(items) < 2 {
		return "", false
	}
	places := true // every item a place (城关镇、新华镇分别开展…): bodies of their own
	for _, it := range items {
		t := trimSpace(s[it[0]:it[1]])
		if !anyof.Suffix(t, placeSuffixes...) || utf8.RuneCountInString(t) > 10 || hasDigit(t) {
			places = false
			break
		}
	}
	if places {
		return "", true
	}
	last := unquote(trimSpace(s[items[len(items)-1][0]:items[len(items)-1][1]]))
	noun := ""
	for _, w := range bodyNouns {
		if strings.HasSuffix(last, w) {
			noun = w
			break
		}
	}
	if noun == "" {
		return "", false
	}
	own := 0 // items with a body noun of their own
	for _, it := range items[:len(items)-1] {
		t := unquote(trimSpace(s[it[0]:it[1]]))
		switch {
		case anyof.Suffix(t, bodyNouns...):
			own++
		case anyof.Contains(t, bodyNouns...) || utf8.RuneCountInString(t) > 6 && !anyof.Suffix(t, placeSuffixes...) || hasDigit(t):
			// No part of a name; a place's may be long (巴彦温都尔苏木).
			return "", false
		}
	}
	switch own {
	case len(items) - 1:
		return "", true
	case 0:
		return noun, true
	}
	return "", false
}

// bodyNounEnd returns where the body named at the start of item ends, a
// body noun closing it and an act after it (马店派出所开展矛盾纠纷排查: after
// 派出所), or 0 when the item opens with no body so named.
func bodyNounEnd(s string, item [2]int) int {
	t := s[item[0]:item[1]]
	best := 0
	for _, w := range bodyNouns {
		if i := strings.Index(t, w); i > 0 && (best == 0 || i+len(w) < best) && utf8.RuneCountInString(t[:i]) <= 8 {
			best = i + len(w)
		}
	}
	if best == 0 || best == len(t) || !actBetween(t[best:]) {
		return 0
	}
	return item[0] + best
}

// actBetween reports whether the words between 分别 and the first figure
// hold an act (受理纠纷), not only 为 or 是.
func actBetween(s string) bool {
	return utf8.RuneCountInString(strings.TrimLeft(s, "为是达:")) >= 2
}

// respectiveJun returns the offset of 均 or 全部 right after the last
// figure of the 分别 list that goes on at U (、37件,均调解成功), or -1.
func respectiveJun(s string, U, E int) int {
	end := clauseEnd(s, U)
	for end < E {
		t := strings.TrimLeft(s[end:E], ",，;； ")
		at := E - len(t)
		if anyof.Prefix(t, junMarks...) {
			return at
		}
		break
	}
	return -1
}

// countedBodies returns the span of the body noun of a counted set of
// bodies that ends head (全年三个调解室受理矛盾纠纷: 调解室) when the count is
// n, or [0 0]. A 分别 list after such a head gives each body's figure, none
// the whole's: 三个调解室…分别为64件、41件、23件.
func countedBodies(s string, lo, hi, n int) [2]int {
	head := s[lo:hi]
	for _, w := range bodyNouns {
		at := strings.LastIndex(head, w)
		if at < 0 {
			continue
		}
		ge := strings.LastIndex(head[:at], "个")
		if ge <= 0 || strings.ContainsAny(head[ge:at], "、,，;；的") || utf8.RuneCountInString(head[ge:at]) > 7 {
			continue
		}
		// The numeral before 个: one to three runes back.
		for back := 1; back <= 3 && back <= ge; back++ {
			start := ge - back
			if !utf8.RuneStart(head[start]) {
				continue
			}
			num, ok := cnnum.ParseAt(s, lo+start)
			if ok && num.End == lo+ge && num.Value == float64(n) {
				return [2]int{lo + ge + len("个"), lo + at + len(w)}
			}
		}
	}
	return [2]int{}
}

// bodyScope returns the scope of a figure a 分别 list gives the body at
// cl.body: its name when it is a sub-body the scope words name (驻派出所调
// 解室, 诉调对接工作站; 东片区 with the shared 调解室), "" for the writer's own
// bodies (街道人民调解委员会) and for codes that take no scope.
func (x *run) bodyScope(code string, cl clause) string {
	if unscopedCode(code) {
		return ""
	}
	name := unquote(strings.TrimPrefix(trimSpace(x.text[cl.body[0]:cl.body[1]]), "其中"))
	if !strings.HasSuffix(name, cl.bodyWord) {
		name += cl.bodyWord
	}
	if cl.counted {
		return name // one of several: 两个调委会 are no single own committee
	}
	if bare, ok := anyof.CutPrefix(name, levelWords...); ok && slices.Contains(ownBodies, bare) || slices.Contains(ownBodies, name) {
		return ""
	}
	return name
}

// unquote strips the quotes of a name quoted whole (“巾帼调解工作室”).
func unquote(s string) string {
	if t, ok := strings.CutPrefix(s, "“"); ok && strings.HasSuffix(t, "”") && !strings.Contains(t[:len(t)-len("”")], "”") {
		return strings.TrimSuffix(t, "”")
	}
	return s
}

// afterBodies reports whether the clause at C of the sentence at S comes
// after the last 分别 list of bodies: in a later clause of its sentence, or
// in the sentence right after it.
func (x *run) afterBodies(S, C int) bool {
	b := x.bodies
	if b.items == nil {
		return false
	}
	if b.S == S {
		return C >= b.C
	}
	return b.E <= S && trimSpace(x.text[b.E:S]) == ""
}

// Words of a body's part of a total (其中县市场监管局办理行政处罚案件846件).
var (
	// organNouns close the name of a government organ.
	organNouns = []string{"人民政府", "政府", "局", "法院", "检察院"}
	// organActs open what an organ named after 其中 did with its part.
	organActs = []string{"本级", "办理", "受理", "查处", "收到", "审结", "作出", "共", "累计", "全年", "实施", "开展", "主动", "发布", "审查", "制发", "承办", "处理", "答复", "办结", "被"}
)

// partBody returns the organ whose part of a total the words before a
// number name, or "": 其中 and the organ's name, then its act (其中县市场监管
// 局办理…846件, (其中区政府本级受理127件) → 区政府). A part named by its kind
// (其中政府合同40件) names no organ.
func partBody(left string) string {
	p := strings.LastIndex(left, "其中")
	if p < 0 || hasDigit(left[p:]) {
		return ""
	}
	t := strings.TrimLeft(left[p+len("其中"):], ":：, ")
	head := t
	if n := strings.IndexAny(t, ",、;"); n >= 0 {
		head = t[:n]
	}
	best := -1
	for _, w := range organNouns {
		if i := strings.Index(head, w); i > 0 && (best < 0 || i+len(w) < best) {
			best = i + len(w)
		}
	}
	if best < 0 || utf8.RuneCountInString(head[:best]) > 12 || !anyof.Prefix(head[best:], organActs...) {
		return ""
	}
	return head[:best]
}
