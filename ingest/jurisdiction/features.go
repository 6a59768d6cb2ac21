package jurisdiction

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/layout"
)

// A feature is one kind of clue about one candidate division. Its value is
// 0 when the clue is absent; the model weighs each (model.go). sign is the
// direction the clue must push (+1 for, −1 against, 0 either): the fit keeps
// each weight on its side, so that little data cannot turn a clue upside down.
type feature struct {
	name string
	sign float64
	// prior is the weight the clue is given before any data: the log of
	// how much likelier the clue is when the candidate wrote the report
	// than when it did not, as reasoned in doc. ./fit moves the weights from
	// their priors only as far as the data asks.
	prior float64
	// fixed keeps the prior as the weight: the clue is a prior, not evidence
	// to weigh (each of k homonyms is a priori 1/k likely).
	fixed bool
	doc   string
}

// The features, in the order of a candidate's vector. The names are the
// keys of weights.json.
const (
	fTitle = iota
	fIssuer
	fMeta
	fSignature
	fOpening
	fPathSelf
	fDocument
	fAlias
	fSiteNotWriter
	fAddressee
	fGovBody
	fMentions
	fSelfLevel
	fSelfOther
	fWholeLevel
	fOpeningLevel
	fOpeningOther
	fParentWords
	fParentWritten
	fParentNamed
	fParentShort
	fUpperWritten
	fUpperNamed
	fFormerNamed
	fAddresseeAncestor
	fAddressSelf
	fAddressAncestor
	fPathAncestor
	fRelatives
	fAncestorOfWriter
	fChildOfWriter
	fOtherWriter
	fForeignWritten
	fDepartment
	fTown
	fHomonyms
	numFeatures
)

var features = [numFeatures]feature{
	fTitle:             {"title", +1, 3, false, "the title names it as the writer (the last division named before 法治, 关于 or the year)"},
	fIssuer:            {"issuer", +1, 3, false, "the issuer line of the title block names it (通城镇人民政府)"},
	fMeta:              {"metadata", +1, 3, false, "the page's 发布机构/来源/责任部门 field names it"},
	fSignature:         {"signature", +1, 3, false, "the signature names it as the lowest division"},
	fOpening:           {"opening", +1, 3, false, "an opening sentence has it as its subject (2024年,五常街道深入…)"},
	fPathSelf:          {"path", +1, 3, false, "a folder or the file's name names it"},
	fDocument:          {"document", +1, 1.5, false, "a rule-of-law plan the text cites opens with its name (《许昌市2024年度法治政府建设工作要点》): its own, or its parent's"},
	fAlias:             {"alias", -1, -1, false, "a site names it only through an alias or a former name (洛浦街, 乡 for 镇)"},
	fSiteNotWriter:     {"site_not_writer", -1, -3, false, "a site names it but another, lower division as the writer (天心区 in 天心区坡子街街道)"},
	fAddressee:         {"addressee", -1, -3, false, "the addressee names it: reports are addressed to a parent"},
	fGovBody:           {"government", +1, 1, false, "log(1+n): NAME人民政府, NAME办事处, NAME党委… in the text"},
	fMentions:          {"mentions", +1, 1, false, "log(1+n): times the text names it"},
	fSelfLevel:         {"self_level", +1, 1.5, false, "the report calls itself by its level word (我镇, 本街道)"},
	fSelfOther:         {"self_other", -1, -4, false, "the report calls itself, twice or more, by another level word (我镇 for a 市)"},
	fWholeLevel:        {"whole_level", +1, 1, false, "the report's most frequent 全X (全镇, 全区) is its level word"},
	fOpeningLevel:      {"opening_level", +1, 1.5, false, "an opening sentence's subject is a bare body of its level (市政府坚持…, 街道坚持…, 我镇…)"},
	fOpeningOther:      {"opening_other", -1, -4, false, "an opening sentence's subject is a bare body of another level"},
	fParentWords:       {"parent_words", +1, 1.5, false, "for a town: +1 when the text's 区委/区政府, 县委/县政府 or (with neither) 市委/市政府 fit its parent, −1 when they fit another level"},
	fParentWritten:     {"parent_written", +1, 6, false, "its parent is written on the same site or directly before its name (路桥区人民政府 / 钟山区荷城街道)"},
	fParentNamed:       {"parent_named", +1, 5, false, "its parent is named elsewhere in the text"},
	fParentShort:       {"parent_short", +1, 2.5, false, "its parent's short name stands alone in the text (临海各镇街); 0.5 for a bare two-character one"},
	fUpperWritten:      {"upper_written", +1, 3.5, false, "a city or province above it is written on a site or directly before its name"},
	fUpperNamed:        {"upper_named", +1, 3, false, "number (at most 2) of cities and provinces above it named, in full or short form, or by a region phrase of few provinces (成渝地区双城经济圈, 浙里办: 1 divided by the provinces it can stand for)"},
	fFormerNamed:       {"former_named", +1, 3, false, "a former name of it or of a division above it is named (余杭区 for 临平区's towns)"},
	fAddresseeAncestor: {"addressee_ancestor", +1, 3, false, "the addressee names a division above it"},
	fAddressSelf:       {"address", +1, 4, false, "the web address names it: 1 divided by the divisions the same reading can stand for"},
	fAddressAncestor:   {"address_ancestor", +1, 6, false, "the web address (or the site's name) names a division above it: 1 for a county, 0.6 a city, 0.3 a province, divided by the divisions the reading can stand for"},
	fPathAncestor:      {"path_ancestor", +1, 4, false, "a folder of the file's path names a division above it"},
	fRelatives:         {"relatives", +1, 1.5, false, "siblings and children it has named in the text, at most 3"},
	fAncestorOfWriter:  {"ancestor_of_writer", -1, -4, false, "it is above a division that a site names as the writer"},
	fChildOfWriter:     {"child_of_writer", -1, -3, false, "it is below a division that a site names as the writer, and no site names it: a county's report names its towns, and the county's own names and address are no clue to them"},
	fOtherWriter:       {"other_writer", -1, -4, false, "a site names a writer, but not it (广西-东盟经济技术开发区 for 南宁市)"},
	fForeignWritten:    {"foreign_written", -1, -6, true, "a county or a higher division that is none of its ancestors, in any year, is written directly before its name (莱芜市莱城区口镇 for 泾阳县's 口镇)"},
	fDepartment:        {"department", +1, 1.5, false, "the title or the issuer names one of its departments as the writer (德清县综合行政执法局), and the text speaks as one (我局): a department's report is its county's"},
	fTown:              {"town", 0, 0, false, "it is a town, sub-district or township (the base rate of levels)"},
	fHomonyms:          {"homonyms", -1, -1, true, "log of the number of divisions that bear the name the report writes for it (城关镇: 88)"},
}

// doc is a report read once for every clue.
type doc struct {
	l       *layout.Layout
	namings []naming
	body    string // the report's own lines, joined
	// regions weigh the provinces that region phrases of the report's own
	// clauses name (成渝地区双城经济圈, 浙里办): see regionPhrases and
	// regionWeight. provinces is set when the candidates lie in more than
	// one province.
	regions                map[string]float64
	regionsRead, provinces bool
	ownText                string         // body with the clauses about other places blanked (for short names)
	mentions               []mention      // names (3+ runes) in body
	counts                 map[string]int // mentions per name
	// others are the names the text names only as other places (a
	// partner, a place visited): no clue to the writer or its parents, but
	// siblings still (与金台区、陈仓区司法局建立协作机制).
	others   map[string]bool
	govBody  map[string]int // names followed by a body word
	selfRefs map[string]int // 我镇 全区 …
	// parentWords counts 区委 县政府 依法治市… per level word 区 县 市.
	parentWords map[string]int
	address     []reading
	year        int
	// openingLevel is the level word of a bare body that opens the report
	// (市政府坚持…, 我镇…), "" when a name or nothing opens it.
	openingLevel string
}

// maxRelatives caps the points from siblings and children named in the
// text; maxHomonyms skips relatives whose name is too common to tell
// places apart (城关镇 names 88 towns).
const (
	maxRelatives = 3
	maxHomonyms  = 5
)

// mentionsOf returns the times the text names name, a candidate's or its
// ancestor's. The text scan leaves out two-character names, which hide
// inside other words (城区, 郊区); a two-character county (郏县, 房县, 沛县)
// is counted by its own name: X县 is seldom anything else.
func (d *doc) mentionsOf(name string) int {
	if n := d.counts[name]; n > 0 || utf8.RuneCountInString(name) != 2 || !strings.HasSuffix(name, "县") && !strings.HasSuffix(name, "旗") {
		return n
	}
	return strings.Count(d.ownText, name)
}

// publishedBy reports whether a field of the page (来源, 发布机构) names the
// government of the division of code as its publisher: 来源:贵南县人民政府,
// not a reprint's 来源:凤城市融媒体中心.
func (d *doc) publishedBy(code string) bool {
	for _, n := range d.namings {
		if n.site != atMeta || !strings.Contains(n.text, n.name+"人民政府") && !strings.Contains(n.text, n.name+"政府") {
			continue
		}
		for _, e := range n.entries {
			if e.code == code && !e.part && e.current(d.year) {
				return true
			}
		}
	}
	return false
}

// parentWordForms are what, after 区 县 or 市, names that level's bodies.
var parentWordForms = []string{"委", "政府", "人大", "司法局", "级"}

// parentLevel returns the index in bodyCounts.parentWords of the level
// word r (区 县 市), or -1.
func parentLevel(r rune) int {
	switch r {
	case '区':
		return 0
	case '县', '旗': // a banner is a county (旗委, 全旗)
		return 1
	case '市':
		return 2
	}
	return -1
}

// parentWordsAt counts the words for a level's bodies around the level
// word at s[start:end]: 依法治X, 全X, and X followed by one of
// parentWordForms. Summed over every 区 县 or 市 of a text, these are the
// counts of a strings.Count of each of those words (none of them can
// overlap itself), taken in the name scan's pass instead of one per word.
func parentWordsAt(s string, start, end int) int {
	n := 0
	before, after := s[:start], s[end:]
	if strings.HasSuffix(before, "依法治") {
		n++
	}
	if strings.HasSuffix(before, "全") {
		n++
	}
	for _, w := range parentWordForms {
		if strings.HasPrefix(after, w) {
			n++
		}
	}
	return n
}

func (r *Resolver) readDoc(in Input) *doc {
	d := &doc{l: in.Layout, counts: map[string]int{}, others: map[string]bool{}, govBody: map[string]int{}, selfRefs: map[string]int{}, parentWords: map[string]int{}, year: in.Year}
	d.namings = r.namings(in.Layout, in.Path)
	for _, sp := range in.Layout.Opening {
		if lw := bareLevel(in.Layout.Text[sp.Start:sp.End]); lw != "" {
			d.openingLevel = lw
			break
		}
	}
	var b strings.Builder
	b.Grow(len(in.Layout.Text))
	for i, ln := range in.Layout.Lines {
		if ln.Kind == layout.Furniture || ln.Kind == layout.Meta {
			continue
		}
		b.WriteString(in.Layout.LineText(i))
		b.WriteByte('\n')
	}
	d.body = b.String()
	counts := bodyCounts{selfRefs: d.selfRefs}
	var elsewhere [][2]int
	all := r.ix.scan(d.body, 3, false, &counts)
	names := make([]string, len(all))
	for i, m := range all {
		names[i] = m.name
	}
	d.mentions, elsewhere = elsewhereOut(d.body, all, r.writerNames(d.namings, in.Year))
	for _, name := range names {
		d.others[name] = true // the counted ones are deleted below
	}
	d.ownText = blankOut(d.body, elsewhere)
	d.parentWords["区"], d.parentWords["县"], d.parentWords["市"] = counts.parentWords[0], counts.parentWords[1], counts.parentWords[2]
	for _, m := range d.mentions {
		delete(d.others, m.name)
		d.counts[m.name]++
		if anyof.Prefix(d.body[m.end:], bodyWords...) {
			d.govBody[m.name]++
		}
	}
	d.address = r.readAddress(in.URL)
	// The site a page belongs to is its publisher's, as its address is.
	if site := in.Layout.Site; site != "" {
		for _, m := range r.ix.scan(site, 2, false, nil) {
			es := candidateEntries(r.ix.entries[m.name], in.Year)
			for _, e := range es {
				d.address = append(d.address, reading{code: e.code, shared: len(es), token: m.name})
			}
		}
	}
	return d
}

// A name in a clause about a visit, a model learned from, a partner, a place
// helped or a case of another body stands for another division, neither the
// writer nor one above it: 赴余杭区考察, 借鉴浙江省杭州市余杭区经验, 对标…;
// 经验被海宁市、宜都市学习借鉴; 与张掖市甘州区签订区域法治协作协议; 对口支援
// 新疆阿克陶县, 结对帮扶兰州市西固区; 学习推广诸暨市“枫桥经验”; 协助北京市
// 公安局朝阳分局办理案件; 调解涉及丹寨县兴仁镇务工人员的纠纷; 与相邻的休宁县
// 鹤城乡建立联调机制; …小海镇党政代表团一行来我镇考察; 参加在古蔺县太平镇举办的
// 联谊活动. In the same clause: visitWords before the name; or visitorWords
// after it (with the names written on to it); or 被 before it and
// learnedWords after it; or 与 before it and partnerWords after it; or 在
// and an attend word before it and a venue word after it; or caseWords
// before it and 案 after it or a court, procuratorate or police right after
// it (协助新野县人民法院送达文书, 移交赣榆区公安局石桥派出所处理); or the name
// directly before a quoted model whose clause speaks of 经验, 模式 or 做法.
var (
	visitWords   = []string{"赴", "前往", "借鉴", "对标", "考察", "参观", "观摩", "取经", "对口", "结对", "帮扶", "援建", "援疆", "援藏", "支援", "涉及", "来自", "相邻", "毗邻", "邻近", "接壤", "接待"}
	visitorWords = []string{"代表团", "考察团", "参观团", "学习团", "调研组", "一行", "来我", "到我", "莅临"}
	attendWords  = []string{"参加", "出席", "列席", "参会"}
	venueWords   = []string{"举办", "召开", "举行"}
	learnedWords = []string{"学习", "借鉴", "考察", "参观", "观摩", "取经"}
	partnerWords = []string{"签订", "签署", "结对", "跨区域", "协作协议", "合作协议", "友好", "交流", "合作", "协作", "共建", "联动", "联调", "联防"}
	caseWords    = []string{"协助", "配合", "协同", "移交", "移送", "转交"}
	caseBodies   = []string{"人民法院", "法院", "人民检察院", "检察院", "公安局", "公安", "监察委"}
	modelWords   = []string{"经验", "模式", "做法"}
)

// clauseStops end a clause; 、 does not (赴甲区、乙区考察).
const clauseStops = ",。;!?:：，；！？\n"

// clauseSpan returns the bounds of the clause of s that holds [start, end).
func clauseSpan(s string, start, end int) (int, int) {
	cs := 0
	if k := strings.LastIndexAny(s[:start], clauseStops); k >= 0 {
		_, size := utf8.DecodeRuneInString(s[k:])
		cs = k + size
	}
	ce := len(s)
	if k := strings.IndexAny(s[end:], clauseStops); k >= 0 {
		ce = end + k
	}
	return cs, ce
}

// elsewhereOut drops the mentions that stand in a clause about another
// place (see visitWords). A name the text once places elsewhere is another
// place wherever it stands (对口帮扶融安县, 向融安县捐赠…), unless a site
// names it as the writer or on the writer's chain (keep). It filters ms in
// place.
func elsewhereOut(s string, ms []mention, keep map[string]bool) ([]mention, [][2]int) {
	elsewhere := map[string]bool{}
	var spans [][2]int // the clauses about another place
	for i, m := range ms {
		cs, ce := clauseSpan(s, m.start, m.end)
		before, after := s[cs:m.start], s[m.end:ce]
		end := m.end // the end of the names written on to this one
		for j := i + 1; j < len(ms) && ms[j].start == end; j++ {
			end = ms[j].end
		}
		if anyof.Contains(before, visitWords...) ||
			anyof.Contains(s[end:max(end, ce)], visitorWords...) ||
			strings.Contains(before, "被") && anyof.Contains(after, learnedWords...) ||
			strings.Contains(before, "与") && anyof.Contains(after, partnerWords...) ||
			strings.Contains(before, "在") && anyof.Contains(before, attendWords...) && anyof.Contains(after, venueWords...) ||
			anyof.Contains(before, caseWords...) && (strings.Contains(after, "案") || anyof.Prefix(s[end:], caseBodies...)) ||
			anyof.Prefix(s[end:], "“", "\"", "「") && anyof.Contains(s[end:max(end, ce)], modelWords...) {
			elsewhere[m.name] = true
			if len(spans) == 0 || spans[len(spans)-1][1] <= cs {
				spans = append(spans, [2]int{cs, ce})
			}
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if elsewhere[m.name] && !keep[m.name] {
			continue
		}
		out = append(out, m)
	}
	return out, spans
}

// awayWords send the writer's people, or its help, to another place: 赴,
// 对口帮扶. (考察 does not: 习近平总书记考察浙江重要讲话 names the writer's
// own province.)
var awayWords = []string{"赴", "前往", "对口", "结对", "帮扶", "援建", "援疆", "援藏", "支援", "相邻", "毗邻", "邻近", "接壤"}

// awayBefore reports whether an away word stands in the clause of s
// before byte i (赴双鸭山挂职, 对口帮扶融安): a short name there is another
// place's, though no full name in the clause made it one.
func awayBefore(s string, i int) bool {
	cs := 0
	if k := strings.LastIndexAny(s[:i], clauseStops); k >= 0 {
		_, size := utf8.DecodeRuneInString(s[k:])
		cs = k + size
	}
	return anyof.Contains(s[cs:i], awayWords...)
}

// blankOut returns s with the spans replaced by spaces (the byte offsets
// stay): the short names of another place's clause (对口帮扶广西融安县) are
// not counted.
func blankOut(s string, spans [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	b := []byte(s)
	for _, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// writerNames are the names the sites write as the writer or on its chain:
// the text may name them in a partner's clause too (与西固区四季青街道结对),
// and they stay counted.
func (r *Resolver) writerNames(ns []naming, year int) map[string]bool {
	out := map[string]bool{}
	for _, n := range ns {
		if !n.writer() {
			continue
		}
		out[n.name] = true
		for _, c := range n.chain {
			out[c] = true
		}
		// A name that stands for one division only keeps the names of the
		// divisions above it too: 配合鄞州区公安分局…, 与鄞州区人民法院建立
		// 联动机制 and 接待鄞州区领导 in a report of 姜山镇 name its district, not
		// another place. A shared name keeps none (与双鸭山市开展交流 in a
		// report of one of two 宝山区).
		if es := candidateEntries(n.entries, year); len(es) == 1 {
			for _, a := range r.t.Path(es[0].code) {
				out[a.Name] = true
			}
		}
	}
	return out
}

// candidate is one division the report may be about, with its clues.
type candidate struct {
	code string
	path []divisions.Division
	// written is the name the report uses for it (its official name, an
	// alias or a former name).
	written string
	// fromText is set when the text (not only the address) names it.
	fromText bool
	// parentWritten is its parent's name as a site writes it before its
	// own, when that is a name of the report's year the parent no longer
	// bears (祁阳县 for today's 祁阳市): its level is the one the text's
	// 县委 and 县政府 speak of.
	parentWritten string
	// namedAbove is the city above it that the text names (in full or
	// short form): the homonyms that count are those under it. (A named
	// county is the parent clue's own evidence, fitted with the country's
	// homonyms beside it.)
	namedAbove string
	x          [numFeatures]float64
	// notes say which clues fired, for the evidence list.
	notes [numFeatures]string
}

// candidates gathers every division any clue names and computes the
// features of each.
func (r *Resolver) candidates(d *doc, within string) []*candidate {
	byCode := map[string]*candidate{}
	add := func(code, written string) *candidate {
		if within != "" && code != within && !r.t.IsAncestor(within, code) {
			return nil
		}
		c, ok := byCode[code]
		if !ok {
			path := r.t.Path(code)
			if path == nil {
				return nil
			}
			c = &candidate{code: code, path: path, written: written}
			byCode[code] = c
		}
		return c
	}
	for _, n := range d.namings {
		for _, e := range candidateEntries(n.entries, d.year) {
			if e.stem && !r.aboveNamed(d, e.code) {
				continue
			}
			if c := add(e.code, n.name); c != nil {
				c.fromText = true
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(d.counts)) { // sorted: the first name found for a code is the one kept
		for _, e := range candidateEntries(r.ix.entries[name], d.year) {
			if e.stem && !r.aboveNamed(d, e.code) {
				continue
			}
			if c := add(e.code, name); c != nil {
				c.fromText = true
			}
		}
	}
	for _, a := range d.address {
		add(a.code, r.nameOf(a.code))
	}
	out := make([]*candidate, 0, len(byCode))
	for _, c := range byCode {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b *candidate) int { return strings.Compare(a.code, b.code) })
	r.score(d, out, within)
	return out
}

// candidateEntries are the divisions a name makes candidates in a report
// of year (0: unknown): those it is the official name of, and those it was
// the name of in that year unless it still names the division it was
// then (清河区 named today's 清江浦区 until 2015: a 2015 report of 清河区 may
// be either; 萧山区 named the streets now in 钱塘区, but it is still
// 萧山区's name, so it counts only as their parent's, as 余杭区 does for
// 临平区's towns). A name of no division today makes candidates of the
// areas it was the name of in that year, or of all of them when it was the
// name of none then (长乐市 → 长乐区).
func candidateEntries(es []entry, year int) []entry {
	var out, then []entry
	for _, e := range es {
		switch {
		case e.how == official:
			out = append(out, e)
		case year != 0 && e.current(year):
			then = append(then, e)
		}
	}
	if len(out) > 0 {
		for _, e := range then {
			if !e.part {
				out = append(out, e)
			}
		}
		return out
	}
	if len(then) > 0 {
		// A name of no division today: its parts give way to the division
		// that kept it (水城县 → 水城区, not 钟山区, which took a part).
		if whole := slices.DeleteFunc(slices.Clone(then), func(e entry) bool { return e.part }); len(whole) > 0 {
			return whole
		}
		return then
	}
	return es
}

func (r *Resolver) nameOf(code string) string {
	if dv, ok := r.t.Get(code); ok {
		return dv.Name
	}
	return ""
}

// levelStrength is how much naming a division above a candidate tells: a
// county narrows it to a few dozen towns, a province to thousands.
func levelStrength(r *Resolver, code string) float64 {
	d, _ := r.t.Get(code)
	switch d.Level {
	case divisions.County:
		return 1
	case divisions.City:
		return 0.6
	}
	return 0.3
}

// aboveNamed reports whether the text names a county or a city above code,
// by its name or a former one (莱城区 for 口镇街道 of 莱芜区); a province
// narrows too little.
func (r *Resolver) aboveNamed(d *doc, code string) bool {
	above := func(name string) bool {
		for _, e := range r.ix.entries[name] {
			if !e.stem && len(e.code) > 2 && e.code != code && r.t.IsAncestor(e.code, code) {
				return true
			}
		}
		return false
	}
	for name := range d.counts {
		if above(name) {
			return true
		}
	}
	for _, n := range d.namings {
		if slices.ContainsFunc(n.chain, above) {
			return true // the title's or the issuer's 长岛县 in 长岛县南长山镇
		}
	}
	return false
}

// homonyms counts the divisions that bear name, within the user's scope (a
// street's name as a town is none).
func (r *Resolver) homonyms(name, within string, year int) int {
	n := 0
	for _, e := range candidateEntries(r.ix.entries[name], year) {
		if e.stem {
			continue
		}
		if within == "" || e.code == within || r.t.IsAncestor(within, e.code) {
			n++
		}
	}
	return n
}

// score computes the feature vector of every candidate.
func (r *Resolver) score(d *doc, cs []*candidate, within string) {
	writers := map[string]bool{} // codes a site names as the writer
	// parents are the writers the report's own words name (title, issuer,
	// opening, signature): a division below one of them, named by no site,
	// is one the writer's report names (child_of_writer). A page's
	// publisher field (发布机构:常山县人民政府) names the portal's owner, and
	// a town's report says so.
	parents := map[string]bool{}
	named := false // a site names a writer, known or not
	for _, n := range d.namings {
		if n.writer() {
			named = true
			for _, e := range n.entries {
				if e.current(d.year) {
					writers[e.code] = true
					if n.site != atMeta {
						parents[e.code] = true
					}
				}
			}
		}
	}
	// A report that speaks as a town (我镇, 本街道) is no county's naming its
	// towns.
	townSpeaks := false
	if lv, _ := dominant(d.selfRefs, "我"); lv == "镇" || lv == "乡" || lv == "街道" {
		townSpeaks = true
	}
	// Region phrases tell provinces apart: read only where the candidates
	// lie in more than one (and a province is named by no other clue).
	for _, c := range cs[min(1, len(cs)):] {
		d.provinces = d.provinces || c.code[:2] != cs[0].code[:2]
	}
	address := relevantReadings(r, d.address, cs)
	needles := r.shortNeedles(d, cs)
	shorts := newFinder(needles).count(d.ownText, acceptShort, placedShort)
	selfLevel, selfN := dominant(d.selfRefs, "我")
	wholeLevel, _ := dominant(d.selfRefs, "全")
	neighbours := r.named(d)
	for _, c := range cs {
		me := c.path[len(c.path)-1]
		// The level word the report uses: a former name's (长乐市) when it
		// writes the division by one.
		lw := levelWord(me.Name)
		if c.written != me.Name && levelWord(c.written) != "" && !strings.HasSuffix(me.Name, "街道办事处") {
			lw = levelWord(c.written)
		}
		// set keeps the strongest value of each clue.
		set := func(f int, v float64, note string) {
			if math.Abs(v) > math.Abs(c.x[f]) {
				c.x[f], c.notes[f] = v, note
			}
		}
		// A writer's site that writes this name under another parent
		// (龙游县湖镇镇 for 博罗县湖镇镇) makes the web address a reprint's.
		otherParent := false
		for _, n := range d.namings {
			e, ok := entryFor(n.entries, c.code, d.year)
			// A part's former name (萧山区 for 钱塘区) never names the writer.
			ok = ok && !e.part
			if ok && n.writer() && len(n.chain) > 0 && !r.chainAbove(c, n.chain, d.year) {
				otherParent = true
			}
			switch {
			case ok && n.site == atAddressee:
				set(fAddressee, 1, "addressee "+clip(n.text, 30))
			case ok:
				set(siteFeature[n.site], 1, siteNames[n.site]+" "+clip(n.text, 30))
				if n.alias || e.how == former {
					set(fAlias, 1, siteNames[n.site]+" writes "+n.name)
				}
				r.chainClues(c, n.chain, d.year, set, siteNames[n.site])
				if me.Level != divisions.Town && (n.site == atTitle || n.site == atIssuer) && departmentAfter(n.text, n.name) && d.speaksAsDepartment() {
					set(fDepartment, 1, siteNames[n.site]+" names a department of "+n.name)
				}
				if f := r.foreignName(c, n.chain); f != "" {
					set(fForeignWritten, 1, siteNames[n.site]+" writes "+f+" before it")
				}
			case slices.Contains(n.chain, me.Name) && n.writer():
				set(fSiteNotWriter, 1, siteNames[n.site]+" names a lower division as the writer")
			}
			if n.site == atAddressee {
				for _, e := range n.entries {
					if r.t.IsAncestor(e.code, c.code) {
						set(fAddresseeAncestor, 1, "addressee "+clip(n.text, 30))
					}
				}
			}
			if n.site == atPath && !ok {
				for _, e := range n.entries {
					if r.t.IsAncestor(e.code, c.code) {
						set(fPathAncestor, 1, "path names "+n.name)
					}
				}
			}
		}
		for _, w := range slices.Sorted(maps.Keys(writers)) { // sorted: the evidence names the same writer every run
			if w != c.code && r.t.IsAncestor(c.code, w) {
				set(fAncestorOfWriter, 1, "above "+r.nameOf(w))
				break
			}
		}
		if !writers[c.code] && !(townSpeaks && me.Level == divisions.Town) {
			for _, w := range slices.Sorted(maps.Keys(parents)) {
				if r.t.IsAncestor(w, c.code) {
					set(fChildOfWriter, 1, "below "+r.nameOf(w))
					break
				}
			}
		}
		if named && !writers[c.code] {
			set(fOtherWriter, 1, "the sites name another writer")
		}
		if n := d.govBody[c.written] + d.govBody[me.Name]; n > 0 {
			set(fGovBody, math.Log1p(float64(n)), me.Name+"人民政府/办事处… ×"+strconv.Itoa(n))
		}
		if n := d.mentionsOf(me.Name) + alt(d.counts, c.written, me.Name); n > 0 {
			set(fMentions, math.Log1p(float64(n)), "named ×"+strconv.Itoa(n))
		}
		if selfLevel != "" && lw != "" {
			if selfLevel == lw {
				set(fSelfLevel, 1, "calls itself 我"+lw+" ×"+strconv.Itoa(selfN))
			} else if selfN >= 2 {
				set(fSelfOther, 1, "calls itself 我"+selfLevel+", not 我"+lw)
			}
		}
		if wholeLevel != "" && wholeLevel == lw {
			set(fWholeLevel, 1, "全"+lw)
		}
		if d.openingLevel != "" && lw != "" {
			if d.openingLevel == lw {
				set(fOpeningLevel, 1, "the opening speaks as "+lw)
			} else {
				set(fOpeningOther, 1, "the opening speaks as "+d.openingLevel)
			}
		}
		if me.Level == divisions.Town && len(c.path) >= 2 {
			p := c.path[len(c.path)-2]
			parent, fit := p.Name, 0.0
			if c.parentWritten != "" {
				parent = c.parentWritten
				fit = parentFit(d.parentWords, parent)
			} else {
				fit = r.parentFitThen(d, p)
			}
			set(fParentWords, fit, "区委/县委 fit "+parent)
		}
		r.ancestorClues(d, c, shorts, set)
		above := map[string]float64{} // the strongest reading of each division above it
		for _, a := range address {
			switch {
			case otherParent:
			case a.code == c.code:
				set(fAddressSelf, 1/float64(a.shared), "address "+a.token)
			case r.t.IsAncestor(a.code, c.code):
				above[a.code] = max(above[a.code], levelStrength(r, a.code)/float64(a.shared))
			}
		}
		if len(above) > 0 {
			sum, what := 0.0, []string{}
			for code, v := range above {
				sum += v
				what = append(what, r.nameOf(code))
			}
			slices.Sort(what)
			set(fAddressAncestor, min(sum, 2), "address names "+strings.Join(what, " "))
		}
		if rel := relatives(me, c.written, neighbours); len(rel) > 0 {
			k := min(len(rel), maxRelatives)
			set(fRelatives, float64(k), "neighbours "+strings.Join(rel[:k], " ")+" named")
		}
		if me.Level == divisions.Town {
			set(fTown, 1, "a town")
		}
		scopeOf := within
		if c.namedAbove != "" && (within == "" || r.t.IsAncestor(within, c.namedAbove)) {
			scopeOf = c.namedAbove // 南阳市 named: the 双龙镇 of 南阳市, not the fifteen of the country
		}
		if k := r.homonyms(c.written, scopeOf, d.year); k > 1 {
			set(fHomonyms, math.Log(float64(k)), strconv.Itoa(k)+" divisions named "+c.written)
		}
	}
}

// relevantReadings keeps, of each token's readings, those that name a
// candidate the text itself named or a division above one, and counts them
// as the token's share: psx stands for nine counties, but only one is above
// a 大同镇. A token none of whose readings fits the text keeps them all.
func relevantReadings(r *Resolver, rs []reading, cs []*candidate) []reading {
	fromText := map[string]bool{}
	for _, c := range cs {
		if c.fromText {
			fromText[c.code] = true
		}
	}
	fits := func(code string) bool {
		if fromText[code] {
			return true
		}
		for c := range fromText {
			if r.t.IsAncestor(code, c) {
				return true
			}
		}
		return false
	}
	byToken := map[string][]reading{}
	var order []string
	for _, a := range rs {
		if _, ok := byToken[a.token]; !ok {
			order = append(order, a.token)
		}
		byToken[a.token] = append(byToken[a.token], a)
	}
	var out []reading
	for _, tok := range order {
		var keep []reading
		for _, a := range byToken[tok] {
			if fits(a.code) {
				keep = append(keep, a)
			}
		}
		if len(keep) == 0 {
			out = append(out, byToken[tok]...)
			continue
		}
		for _, a := range keep {
			a.shared = len(keep)
			out = append(out, a)
		}
	}
	return out
}

var siteFeature = [numSites]int{
	atTitle: fTitle, atIssuer: fIssuer, atMeta: fMeta, atSignature: fSignature, atOpening: fOpening, atPath: fPathSelf,
	atDocument: fDocument,
}

// current reports whether the entry can stand for its division in a report
// of year (0: unknown): an official name always, a former name only up to
// a year after its last use (十堰市 was last the name of today's 茅箭区 and
// 张湾区 in 1983, and is the city's name today).
func (e entry) current(year int) bool {
	return e.how != former || year == 0 || year <= e.until+1
}

// entryFor returns the entry of es for code that is current in year (江干区
// stood for part of today's 上城区 until 1995 and for another part until
// 2020: the 2020 report reads the second).
func entryFor(es []entry, code string, year int) (entry, bool) {
	for _, e := range es {
		if e.code == code && e.current(year) {
			return e, true
		}
	}
	return entry{}, false
}

func alt(counts map[string]int, written, official string) int {
	if written == official {
		return 0
	}
	return counts[written]
}

// chainAbove reports whether a name of chain (the names a site writes
// before a candidate's) stands for a division above it.
func (r *Resolver) chainAbove(c *candidate, chain []string, year int) bool {
	for _, name := range chain {
		for _, e := range r.ix.entries[name] {
			if ancestorIndex(c.path, e.code) >= 0 && e.current(year) {
				return true
			}
		}
	}
	return false
}

// chainClues sets the clues of the names written on a site with a
// candidate's own name: its parent, a higher division, or a former name.
func (r *Resolver) chainClues(c *candidate, chain []string, year int, set func(int, float64, string), site string) {
	for _, name := range chain {
		for _, e := range r.ix.entries[name] {
			k := ancestorIndex(c.path, e.code)
			switch {
			case k < 0 || !e.current(year):
				continue
			case e.how == former && year == 0:
				// In a year not known, a name that may no longer be the
				// area's; in the name's own years it is the parent's name
				// (祁阳县白水镇 in 2020, before 祁阳县 became 祁阳市).
				set(fFormerNamed, 1, site+" writes "+name)
			case k == len(c.path)-2:
				set(fParentWritten, 1, site+" writes "+name)
				if e.how == former {
					c.parentWritten = name
				}
			default:
				set(fUpperWritten, 1, site+" writes "+name)
			}
		}
	}
}

// departmentWords close the name of a government department (县司法局,
// 区综合行政执法局, 县卫生健康委员会); departmentPronouns are its words for
// itself.
var (
	departmentWords    = []string{"局", "委员会", "办公室"}
	departmentPronouns = []string{"我局", "本局", "我委", "本委", "我办"}
)

// departmentAfter reports whether a site's text names a department right
// after name: 德清县综合行政执法局关于… — the words up to 关于, the year or
// the site's end close with a department word, and name no division.
func departmentAfter(text, name string) bool {
	i := strings.Index(text, name)
	if i < 0 {
		return false
	}
	rest := text[i+len(name):]
	if k := strings.Index(rest, "关于"); k >= 0 {
		rest = rest[:k]
	}
	if k := yearAt(rest); k >= 0 {
		rest = rest[:k]
	}
	rest = strings.TrimSpace(rest)
	n := utf8.RuneCountInString(rest)
	return n >= 2 && n <= 12 && anyof.Suffix(rest, departmentWords...) && !strings.ContainsAny(rest, "镇乡街")
}

// speaksAsDepartment reports whether the report calls itself a department
// (我局).
func (d *doc) speaksAsDepartment() bool {
	return anyof.Contains(d.body, departmentPronouns...)
}

// foreignName returns the first name of chain (the names written directly
// before a candidate's, on a site or in the text) that stands for a county
// or a higher division and for none above the candidate, in any year: the
// writer's parent is another (莱芜市莱城区口镇 is no 口镇 of 泾阳县). "" when
// every name fits.
func (r *Resolver) foreignName(c *candidate, chain []string) string {
	for _, name := range chain {
		upper, above := false, false
		for _, e := range r.ix.entries[name] {
			above = above || ancestorIndex(c.path, e.code) >= 0 || e.code == c.code
			upper = upper || len(e.code) <= countyCodeLen
		}
		if upper && !above {
			return name
		}
	}
	return ""
}

// countyCodeLen is the length of a county's code; provinces' and cities'
// are no longer.
const countyCodeLen = 6

// regionWeight returns the weight of the region phrases that name province
// a (0 for a division of another level, or when the candidates all lie in
// one province), reading the phrases on first need.
func (d *doc) regionWeight(a divisions.Division) float64 {
	if a.Level != divisions.Province || !d.provinces {
		return 0
	}
	if !d.regionsRead {
		d.regions, d.regionsRead = regionWeights(d.body), true
	}
	return d.regions[a.Code]
}

// ancestorIndex returns the index in path of code as a strict ancestor of
// the path's last division, or -1.
func ancestorIndex(path []divisions.Division, code string) int {
	for k := 0; k < len(path)-1; k++ {
		if path[k].Code == code {
			return k
		}
	}
	return -1
}

// ancestorClues sets the clues of the divisions above a candidate named in
// the text: written directly before its name, named, named in short form,
// named by a former name.
func (r *Resolver) ancestorClues(d *doc, c *candidate, shorts map[string]hits, set func(int, float64, string)) {
	me := c.path[len(c.path)-1]
	upper := 0.0
	shortOf := map[string]bool{} // short names of the divisions above, from the top
	for k, a := range c.path[:len(c.path)-1] {
		parent := k == len(c.path)-2
		sh := divisions.ShortName(a.Name)
		if shortOf[sh] {
			// 吉林 is 吉林省's short name before it is 吉林市's: 法治吉林
			// names the province once, not the city too.
			sh = ""
		} else if sh != "" {
			shortOf[sh] = true
		}
		named := true
		switch {
		case writtenBefore(d.mentions, a.Name, me.Name, c.written):
			if parent {
				set(fParentWritten, 1, a.Name+me.Name)
			} else {
				set(fUpperWritten, 1, a.Name+"…"+me.Name)
			}
		case parent && d.publishedBy(a.Code):
			// 来源:贵南县人民政府 over 沙沟乡's report: the county's portal
			// carries its town's report.
			set(fParentNamed, 1, a.Name+" named by the page's fields")
		case d.mentionsOf(a.Name) > 0:
			if parent {
				set(fParentNamed, 1, a.Name+" named")
			} else {
				upper++
			}
		case sh != "" && shorts[sh].placed > 0 && parent:
			set(fParentNamed, 1, sh+" named as a place") // 临海各镇街
		case sh != "" && shorts[sh].any > 0:
			if parent {
				v := 1.0
				if utf8.RuneCountInString(sh) < 3 {
					v = 0.5
				}
				set(fParentShort, v, sh+" named")
			} else {
				upper++
			}
		default:
			named = false
		}
		if named && a.Level == divisions.City {
			c.namedAbove = a.Code
		}
		if w := d.regionWeight(a); w > 0 && !named {
			upper += w // 成渝地区双城经济圈 for a district of 重庆
		}
		for _, name := range slices.Sorted(maps.Keys(d.counts)) { // sorted: the first name found for a code is the one kept
			for _, e := range r.ix.entries[name] {
				// Of a division above it only: its own former name, written
				// on a site, already gave that site's clue.
				if e.how == former && e.current(d.year) && e.code == a.Code {
					set(fFormerNamed, 1, name+" named")
				}
			}
		}
	}
	if upper > 0 {
		set(fUpperNamed, min(upper, 2), "cities or provinces above it named")
	}
	if f := r.foreignName(c, namesBefore(d.mentions, me.Name, c.written)); f != "" {
		set(fForeignWritten, 1, "the text writes "+f+" before it")
	}
}

// namesBefore returns the names the text writes directly before the
// division's (莱芜市, 莱城区 in 莱芜市莱城区口镇), at each of its mentions.
func namesBefore(ms []mention, name, written string) []string {
	var out []string
	for i, m := range ms {
		if m.name != name && m.name != written {
			continue
		}
		for j := i - 1; j >= 0 && ms[j].end == ms[j+1].start; j-- {
			out = append(out, ms[j].name)
		}
	}
	return out
}

// shortNeedles are the short names of the candidates' ancestors that the
// text does not name in full.
func (r *Resolver) shortNeedles(d *doc, cs []*candidate) []string {
	var out []string
	for _, c := range cs {
		for _, a := range c.path[:len(c.path)-1] {
			if sh := divisions.ShortName(a.Name); sh != "" && d.counts[a.Name] == 0 {
				out = append(out, sh)
			}
		}
	}
	return out
}

// writtenBefore reports whether the text writes the ancestor's name directly
// before the division's (钟山区荷城街道), possibly with other names between.
func writtenBefore(ms []mention, ancestor, name, written string) bool {
	for i, m := range ms {
		if m.name != name && m.name != written {
			continue
		}
		for j := i - 1; j >= 0 && ms[j].end == ms[j+1].start; j-- {
			if ms[j].name == ancestor {
				return true
			}
		}
	}
	return false
}

// parentFit compares the text's words for the bodies of a 区 and of a 县
// with a town's parent: +1 when they fit it, −1 when they fit the other kind.
// parentFitThen is parentFit for a town's parent p in the report's year:
// a district that was a county then (广信区, 上饶县 until 2018) had a 县委,
// so the words of either level fit it in the years the county's name
// stood, and a year after.
func (r *Resolver) parentFitThen(d *doc, p divisions.Division) float64 {
	fit := parentFit(d.parentWords, p.Name)
	if d.year == 0 {
		return fit
	}
	for _, f := range r.formerCounties[p.Code] {
		if f.From <= d.year && d.year <= f.Until+1 && levelWord(f.Name) != levelWord(p.Name) {
			fit = max(fit, parentFit(d.parentWords, f.Name))
		}
	}
	return fit
}

func parentFit(words map[string]int, parent string) float64 {
	lw := levelWord(parent)
	q, x := words["区"], words["县"]
	switch lw {
	case "区":
		return sign(q - x)
	case "县", "旗":
		return sign(x - q)
	case "市":
		// A county-level city's towns (and those of a city without
		// districts, 东莞市) answer to 市委 and 市政府; a district's or a
		// county's write of 区委 or 县委.
		switch c := words["市"]; {
		case q+x > 0 && c == 0:
			return -1
		case q+x == 0 && c > 0:
			return 1
		}
	}
	return 0
}

func sign(n int) float64 {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}

// dominant returns the most frequent level word counted with the given
// pronoun (我 or 全) and its count; ties go to the lower level.
func dominant(refs map[string]int, pronoun string) (string, int) {
	best, n := "", 0
	for _, l := range []string{"街道", "镇", "乡", "区", "县", "旗", "市"} {
		if c := refs[pronoun+l]; c > n {
			best, n = l, c
		}
	}
	return best, n
}

// namedDivision is a division the text names, with its parent.
type namedDivision struct {
	name, code, parent string
}

// named returns the divisions the text names, as the writer's places or as
// other places, leaving out names shared by more than maxHomonyms places
// (城关镇 tells nothing about where it is).
func (r *Resolver) named(d *doc) []namedDivision {
	var out []namedDivision
	names := slices.Collect(maps.Keys(d.counts))
	for name := range d.others {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names { // sorted: the first name found for a code is the one kept
		codes := r.ix.codes(name)
		if len(codes) > maxHomonyms {
			continue
		}
		for _, c := range codes {
			if div, ok := r.t.Get(c); ok {
				out = append(out, namedDivision{name: name, code: c, parent: div.ParentCode})
			}
		}
	}
	slices.SortFunc(out, func(a, b namedDivision) int { return strings.Compare(a.code, b.code) })
	return out
}

// relatives returns the distinct names of the division's siblings and
// children among named, other than itself.
func relatives(me divisions.Division, self string, named []namedDivision) []string {
	var out []string
	for _, k := range named {
		if k.code == me.Code || k.name == self || k.name == me.Name || (k.parent != me.Code && (me.ParentCode == "" || k.parent != me.ParentCode)) {
			continue
		}
		if !slices.Contains(out, k.name) {
			out = append(out, k.name)
		}
	}
	return out
}

// bareLevels are the level words a report may open with in place of its
// name, longest first.
var bareLevels = []string{"街道", "镇", "乡", "区", "县", "市", "旗"}

// bareLevel returns the level word of a bare body at the start of s: 市政府
// 坚持…, 区人民政府…, 街道坚持…, 我镇…, 本街道…; "" otherwise.
func bareLevel(s string) string {
	self := strings.HasPrefix(s, "我") || strings.HasPrefix(s, "本")
	if self {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	for _, lw := range bareLevels {
		rest, ok := strings.CutPrefix(s, lw)
		if !ok {
			continue
		}
		if lw == "街道" && anyof.Prefix(rest, "办事处", "党工委") || anyof.Prefix(rest, "人民政府", "政府") {
			return lw
		}
		// 街道坚持, 我镇始终: a level word alone, then a verb; not 区委 or 市人大.
		if (self || lw == "街道") && !anyof.Prefix(rest, "委", "人大", "政协", "法院", "检察院", "级", "直") {
			return lw
		}
	}
	return ""
}
