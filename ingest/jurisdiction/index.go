package jurisdiction

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest/anyof"
)

// maxNameRunes bounds the length of a name the scanner looks for. Longer
// names in the table are development zones and farms that reports rarely
// write in full.
const maxNameRunes = 12

// genericNames are names of real divisions that are also everyday words
// of these reports; the scanner never reports them in running text.
var genericNames = map[string]bool{
	"城区": true, "郊区": true, "矿区": true, "东区": true, "西区": true, "街道": true,
	"新区": true, "开发区": true, "高新区": true, "工业园区": true, "经济开发区": true,
	"农场": true, "林场": true, "园区": true, "社区": true,
}

// bareLevelName are the names of the source's placeholder towns (a town
// called 街道): they name no place.
var bareLevelName = map[string]bool{"街道": true, "镇": true, "乡": true, "社区": true}

// zoneWords are the generic words of development zones' names. A name made
// of them alone (经济技术开发区, 高新技术产业开发区, 工业园区) names no place
// until a place is written before it.
var zoneWords = []string{"经济", "技术", "开发区", "开发", "高新", "产业", "工业", "园区", "集中区", "示范区", "综合", "保税区", "物流", "科技", "新区", "试验区", "合作区", "管理区"}

func zoneWordsOnly(name string) bool {
	s := name
	for changed := true; changed && s != ""; {
		changed = false
		for _, w := range zoneWords {
			if t, ok := strings.CutPrefix(s, w); ok {
				s, changed = t, true
			}
		}
	}
	return s == ""
}

// nameEnds are the last characters of the names the scanner looks for:
// the generic suffixes of provinces, cities, counties and towns. Names of
// farms, zones and offices (…农场, …管理委员会) are not looked for.
const nameEnds = "省市区县旗镇乡道木州盟"

// how says how a name found in a text stands for its divisions.
type how uint8

const (
	official how = iota // the division's official name (or 保康街道 for 保康街道办事处)
	former              // a name the area had before (余杭区 for today's 临平区 towns)
)

// entry is one division a name can stand for.
type entry struct {
	code string
	how  how
	// until is the last year a former name was in use for the area.
	until int
	// part marks a former name of an area that left a division which
	// still bears the name (萧山区 for the streets now in 钱塘区): a clue to
	// the area's parent, never a writer of its own.
	part bool
	// stem marks a street's name as a town (口镇 for 口镇街道): a candidate
	// only where the text names a division above it, and no homonym of
	// the names' own divisions.
	stem bool
}

// nameIndex finds the names of divisions in text.
type nameIndex struct {
	// entries maps each findable name to the divisions it names.
	entries map[string][]entry
	// The findable names, backwards from their last rune, as a trie: scan
	// walks it from each name end towards the start of the text, so that
	// one step rules out every name that does not end the text so far
	// (most steps fail at the first or second rune).
	next  map[trieEdge]int32 // the child of a node by the rune before
	nodes []trieNode         // nodes[0] is the root
	// stops is the bit set of the characters scan stops at: the name ends
	// and the pronouns of self references (all in the BMP).
	stops [1 << 10]uint64
}

// trieEdge is the edge of the name trie from node by rune r.
type trieEdge struct {
	node int32
	r    rune
}

// trieNode is one node of the name trie: the runes on the path from the
// root, read backwards, spell a suffix of some name.
type trieNode struct {
	name    bool // the suffix is a findable name (a key of entries)
	generic bool // and one of genericNames
}

func newNameIndex(t *divisions.Table, fn *divisions.FormerNames) *nameIndex {
	ix := &nameIndex{entries: make(map[string][]entry, t.Len()+4096), next: make(map[trieEdge]int32, 4*t.Len()), nodes: []trieNode{{}}}
	for _, r := range nameEnds + selfPronouns {
		ix.stops[r>>6] |= 1 << (r & 63)
	}
	add := func(name string, e entry) {
		n := utf8.RuneCountInString(name)
		last, _ := utf8.DecodeLastRuneInString(name)
		if n < 2 || n > maxNameRunes || !strings.ContainsRune(nameEnds, last) || bareLevelName[name] || zoneWordsOnly(name) {
			return
		}
		if slices.Contains(ix.entries[name], e) {
			return
		}
		ix.entries[name] = append(ix.entries[name], e)
		ix.insert(name)
	}
	for d := range t.All() {
		add(d.Name, entry{code: d.Code})
		if alias, ok := strings.CutSuffix(d.Name, "街道办事处"); ok {
			add(alias+"街道", entry{code: d.Code})
		}
		if c := spokenName(d.Name); c != d.Name {
			add(c, entry{code: d.Code})
		}
		// A town the table names with its county before it (召陵区东城街道,
		// 当阳市玉泉街道) calls itself by the rest (东城街道).
		if p, ok := t.Get(d.ParentCode); ok && d.Level == divisions.Town {
			if rest, ok := strings.CutPrefix(d.Name, p.Name); ok {
				add(rest, entry{code: d.Code})
			}
		}
	}
	// A 街道 made of a town (撤镇设街道) went by the town's name before: 口镇
	// for 口镇街道, 南长山镇 for 南长山街道. It is a former name, in use up to
	// two years before the table's (a street of the table was one in its
	// year, and entry.current grants a name a year after its last); none
	// where the street's county has a division of that name beside it
	// (城关镇 and 城关街道).
	siblings := map[[2]string]bool{}
	for d := range t.All() {
		if d.Level == divisions.Town {
			siblings[[2]string{d.ParentCode, d.Name}] = true
		}
	}
	for d := range t.All() {
		if town := townBefore(d); town != "" && !siblings[[2]string{d.ParentCode, town}] {
			add(town, entry{code: d.Code, how: former, until: tableYear - 2, stem: true})
		}
	}
	if fn != nil {
		for _, name := range fn.Names() {
			for _, f := range fn.Lookup(name) {
				part := stillNamed(t, f.OldCode, name)
				heir := namesake(t, name, f.Today)
				for _, c := range f.Today {
					add(name, entry{code: c, how: former, until: f.Until, part: part || heir != "" && c != heir})
				}
			}
		}
	}
	return ix
}

// tableYear is the year of the division table (datasets/divisions): a
// name it no longer holds was in use until that year at the latest.
const tableYear = 2023

// townBefore returns the town's name a 街道 had before it became one (口镇
// for 口镇街道, 南长山镇 for 南长山街道), or "" for any other division.
func townBefore(d divisions.Division) string {
	stem, ok := strings.CutSuffix(d.Name, "街道")
	if !ok || d.Level != divisions.Town || utf8.RuneCountInString(stem) < 1 {
		return ""
	}
	if strings.HasSuffix(stem, "镇") || strings.HasSuffix(stem, "乡") {
		return stem
	}
	return stem + "镇"
}

// namesake returns the one division of codes, the areas a former name's
// division became, that kept the name's stem (水城县 → 水城区, beside 钟山区,
// which took a part of it; 文登市 → 文登区 beside 环翠区): the division
// itself, renamed, whose government went on writing its reports; the others
// hold parts of it. "" when none or several did (宜宾县 → 翠屏区, 叙州区).
func namesake(t *divisions.Table, name string, codes []string) string {
	stem := divisions.ShortName(name)
	if len(codes) < 2 || stem == "" {
		return ""
	}
	heir := ""
	for _, c := range codes {
		if d, ok := t.Get(c); ok && divisions.ShortName(d.Name) == stem {
			if heir != "" {
				return ""
			}
			heir = c
		}
	}
	return heir
}

// stillNamed reports whether the division of an old code bears name
// today (a county's six digits; a city's four, written 420300 of old).
func stillNamed(t *divisions.Table, oldCode, name string) bool {
	d, ok := t.Get(oldCode)
	if !ok {
		d, ok = t.Get(strings.TrimSuffix(oldCode, "00"))
	}
	return ok && d.Name == name
}

// spokenName is the name a division goes by without its peoples, as
// reports write it: 本溪县 for 本溪满族自治县, 鄂温克旗 for 鄂温克族自治旗,
// 刘台子乡 for 刘台子满族乡 (whose 台子乡 is another township's name).
func spokenName(name string) string {
	for _, suf := range []string{"民族乡", "民族镇", "族乡", "族镇"} {
		if strings.HasSuffix(name, suf) {
			if sh := divisions.ShortName(name); sh != "" {
				_, size := utf8.DecodeLastRuneInString(name)
				return sh + name[len(name)-size:]
			}
			return name
		}
	}
	c := divisions.CommonName(name)
	// A people that is the whole name keeps its name, less 族: 鄂温克族自治旗
	// is 鄂温克旗.
	for _, w := range []string{"族旗", "族县"} {
		if t, ok := strings.CutSuffix(c, w); ok && c != name {
			return t + w[len("族"):]
		}
	}
	return c
}

// insert adds name to the trie, from its last rune to its first.
func (ix *nameIndex) insert(name string) {
	node := int32(0)
	for s := name; s != ""; {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		child, ok := ix.next[trieEdge{node, r}]
		if !ok {
			child = int32(len(ix.nodes))
			ix.nodes = append(ix.nodes, trieNode{})
			ix.next[trieEdge{node, r}] = child
		}
		node = child
	}
	ix.nodes[node] = trieNode{name: true, generic: genericNames[name]}
}

// codes returns the divisions a name stands for by its official name.
func (ix *nameIndex) codes(name string) []string {
	var out []string
	for _, e := range ix.entries[name] {
		if e.how == official {
			out = append(out, e.code)
		}
	}
	return out
}

// mention is one name found in a text, at byte offsets [start, end).
type mention struct {
	name       string
	start, end int
}

// bodyCounts are what scan counts besides the names when it reads a
// report's body, in the same pass over the text.
type bodyCounts struct {
	selfRefs    map[string]int // the report's references to itself (see countSelfRef)
	parentWords [3]int         // 区委 县政府 依法治市… per 区 县 市 (see parentWordsAt)
}

// scan returns the division names in s, left to right, each the longest
// name ending at its position. Names may overlap: 青岛市南区 holds 青岛市
// and 市南区. Names shorter than minRunes are skipped: two-character names
// (新县, 和县, 城区) are common words in running text, and so are the
// generic names unless generic is set. When body is not nil, scan also
// counts into it.
func (ix *nameIndex) scan(s string, minRunes int, generic bool, body *bodyCounts) []mention {
	var out []mention
	// Every name end and pronoun is a three-byte character, and a lead
	// byte always starts a character: stepping a byte at a time past
	// anything else finds the same characters as decoding every rune.
	for i := 0; i < len(s); {
		r, ok := rune3(s, i)
		if !ok {
			i++
			continue
		}
		i += 3
		if ix.stops[r>>6]&(1<<(r&63)) == 0 {
			continue // most characters: one test instead of a dozen compares
		}
		if body != nil {
			if r == '我' || r == '本' || r == '全' {
				countSelfRef(r, s[i:], body.selfRefs)
			} else if lv := parentLevel(r); lv >= 0 {
				body.parentWords[lv] += parentWordsAt(s, i-3, i)
			}
		}
		if !isNameEnd(r) {
			continue
		}
		if start := ix.longestNameBefore(s, i, minRunes, generic); start >= 0 {
			out = append(out, mention{name: s[start:i], start: start, end: i})
		}
	}
	return out
}

// longestNameBefore returns the start of the longest findable name of at
// least minRunes runes that ends at s[end] (and is not generic unless
// generic is set), or -1. It walks the trie back from end.
func (ix *nameIndex) longestNameBefore(s string, end, minRunes int, generic bool) int {
	best := -1
	node := int32(0)
	for start, k := end, 0; start > 0 && k < maxNameRunes; {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		child, ok := ix.next[trieEdge{node, r}]
		if !ok {
			break
		}
		node, start, k = child, start-size, k+1
		if nd := ix.nodes[node]; nd.name && k >= minRunes && (generic || !nd.generic) {
			best = start
		}
	}
	return best
}

func isNameEnd(r rune) bool {
	switch r {
	case '省', '市', '区', '县', '旗', '镇', '乡', '道', '木', '州', '盟':
		return true
	}
	return false
}

// rune3 decodes the character at s[i] when its bytes have the form of a
// three-byte UTF-8 sequence (the Chinese characters), and reports false
// when s[i] does not start one. It lets overlong and surrogate forms
// through: callers look for given characters, which those never equal.
func rune3(s string, i int) (rune, bool) {
	if i+2 >= len(s) || s[i]&0xF0 != 0xE0 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), true
}

// selfPronouns are the pronouns before a level word with which a report
// speaks of its own jurisdiction.
const selfPronouns = "我本全"

// selfRefLevels are the level words that follow 我, 本 or 全 when a report
// speaks of its own jurisdiction: 我镇, 本街道, 全区. 我街 is a 街道's.
var selfRefLevels = []string{"街道", "街", "镇", "乡", "区", "县", "旗", "市"}

// countSelfRef counts in out the level word that follows the pronoun r at
// the start of rest, keyed by the pronoun: "我镇" and "本镇" count as 我镇,
// "全镇" as 全镇. 本市 is left out: district reports use it for the city
// above them.
func countSelfRef(r rune, rest string, out map[string]int) {
	for _, l := range selfRefLevels {
		if !strings.HasPrefix(rest, l) {
			continue
		}
		if l == "街" {
			if r == '全' || strings.HasPrefix(rest, "街道") {
				return
			}
			l = "街道"
		}
		switch {
		case r == '全':
			out["全"+l]++
		case r == '本' && l == "市":
		default:
			out["我"+l]++
		}
		return
	}
}

// finder counts occurrences of a small set of needles in one pass over a
// text. It is built per report, for the short forms of the candidates'
// ancestors.
type finder struct {
	// first is a bit set of the needles' first runes modulo firstBits: a
	// clear bit rules a character out at the cost of one test, a set one
	// sends it to byFirst. It is small, since a finder is built per report.
	first   [firstBits / 64]uint64
	byFirst map[rune][]string
}

const firstBits = 1024

func newFinder(needles []string) *finder {
	f := &finder{byFirst: map[rune][]string{}}
	for _, n := range needles {
		r, _ := utf8.DecodeRuneInString(n)
		if n == "" || r >= 1<<16 || slices.Contains(f.byFirst[r], n) {
			continue
		}
		f.byFirst[r] = append(f.byFirst[r], n)
		f.first[uint32(r)%firstBits/64] |= 1 << (r % 64)
	}
	return f
}

// hits counts a needle's occurrences: any that stand alone, and those
// written as a place.
type hits struct{ any, placed int }

// count returns, for each needle, how often it occurs in s where accept
// says the occurrence stands for the needle (and not for a longer word),
// and how many of those placed also approves.
func (f *finder) count(s string, accept, placed func(s string, start, end int) bool) map[string]hits {
	out := map[string]hits{}
	if len(f.byFirst) == 0 {
		return out
	}
	for i := 0; i < len(s); {
		r, size := utf8.RuneError, 1
		if r3, ok := rune3(s, i); ok {
			r, size = r3, 3
		} else if s[i] >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		} else {
			r = rune(s[i])
		}
		if f.first[uint32(r)%firstBits/64]&(1<<(r%64)) != 0 {
			for _, n := range f.byFirst[r] {
				if strings.HasPrefix(s[i:], n) && accept(s, i, i+len(n)) {
					h := out[n]
					h.any++
					if placed(s, i, i+len(n)) {
						h.placed++
					}
					out[n] = h
				}
			}
		}
		i += size
	}
	return out
}

// shortFollowers are what, written right after a short form, show that it
// is part of another name (朝阳 in 朝阳街道, 朝阳路, 朝阳县) and not the
// division itself.
var shortFollowers = []string{"街道", "镇", "乡", "村", "路", "街", "社区", "大道", "小区", "县", "区", "市", "省", "州", "旗", "里", "巷", "苑", "园", "桥", "湖", "山", "河", "江", "门", "站"}

// placeFollowers are what, written right after a short form, show that it
// names a place: 临海各镇街, 临海全市, 临海人民, 临海境内.
var placeFollowers = []string{"各", "全", "地区", "辖区", "境内", "城区", "籍", "范围", "当地", "人民", "市委", "区委", "县委", "市政府", "区政府", "县政府", "重要讲话", "考察"}

// placedShort reports whether the short form at s[start:end] is followed by
// a word that shows it names a place.
func placedShort(s string, _, end int) bool {
	return anyof.Prefix(s[end:], placeFollowers...)
}

// acceptShort reports whether the short form at s[start:end] stands alone,
// and not where the writer's people or help are sent (awayBefore).
func acceptShort(s string, start, end int) bool {
	if awayBefore(s, start) {
		return false
	}
	if start > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:start])
		if prev == '新' || prev == '老' || prev == '小' || prev == '大' {
			return false
		}
	}
	return !anyof.Prefix(s[end:], shortFollowers...)
}
