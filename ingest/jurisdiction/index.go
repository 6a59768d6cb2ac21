package jurisdiction

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/datasets/divisions"
)

// maxNameRunes bounds the length of a name the scanner looks for. Longer
// names in the table are development zones and farms that reports rarely
// write in full.
const maxNameRunes = 12

// genericNames are names of real divisions that are also everyday words
// of these reports; the scanner never reports them.
var genericNames = map[string]bool{
	"城区": true, "郊区": true, "矿区": true, "东区": true, "西区": true, "街道": true,
	"新区": true, "开发区": true, "高新区": true, "工业园区": true, "经济开发区": true,
	"农场": true, "林场": true, "园区": true, "社区": true,
}

// nameEnds are the last characters of the names the scanner looks for:
// the generic suffixes of provinces, cities, counties and towns. Names of
// farms, zones and offices (…农场, …管理委员会) are not looked for.
const nameEnds = "省市区县旗镇乡道木州盟"

// nameIndex finds the names of divisions in text.
type nameIndex struct {
	// codes maps each findable name to the divisions it names. Besides the
	// official names it holds a few aliases (保康街道 for 保康街道办事处).
	codes map[string][]string
	// lengths maps each rune of nameEnds to a bit set of the lengths (in
	// runes) of the names ending in it.
	lengths map[rune]uint16
}

func newNameIndex(t *divisions.Table) *nameIndex {
	ix := &nameIndex{codes: make(map[string][]string, t.Len()+64), lengths: map[rune]uint16{}}
	add := func(name, code string) {
		n := utf8.RuneCountInString(name)
		last, _ := utf8.DecodeLastRuneInString(name)
		if n < 2 || n > maxNameRunes || genericNames[name] || !strings.ContainsRune(nameEnds, last) {
			return
		}
		ix.codes[name] = append(ix.codes[name], code)
		ix.lengths[last] |= 1 << n
	}
	for d := range t.All() {
		add(d.Name, d.Code)
		if alias, ok := strings.CutSuffix(d.Name, "街道办事处"); ok {
			add(alias+"街道", d.Code)
		}
	}
	return ix
}

// mention is one name found in a text, at byte offsets [start, end).
type mention struct {
	name       string
	start, end int
}

// scan returns the division names in s, left to right, each the longest
// name ending at its position. Names may overlap: 青岛市南区 holds 青岛市
// and 市南区. Names
// shorter than minRunes are skipped: two-character names (新县, 和县, 城区)
// are common words in running text. When refs is not nil, scan also counts
// in it the report's references to itself (see countSelfRefs).
func (ix *nameIndex) scan(s string, minRunes int, refs map[string]int) []mention {
	var out []mention
	// starts holds the byte offsets of the last maxNameRunes rune starts.
	var starts [maxNameRunes]int
	n := 0 // runes seen
	for i := 0; i < len(s); {
		r, size := decode(s, i)
		starts[n%maxNameRunes] = i
		n++
		i += size
		if refs != nil && (r == '我' || r == '本') {
			countSelfRef(r, s[i:], refs)
		}
		if !isNameEnd(r) {
			continue
		}
		lens := ix.lengths[r]
		for k := min(n, maxNameRunes); k >= minRunes; k-- {
			if lens&(1<<k) == 0 {
				continue
			}
			start := starts[(n-k)%maxNameRunes]
			if _, ok := ix.codes[s[start:i]]; ok {
				out = append(out, mention{name: s[start:i], start: start, end: i})
				break
			}
		}
	}
	return out
}

func isNameEnd(r rune) bool {
	switch r {
	case '省', '市', '区', '县', '旗', '镇', '乡', '道', '木', '州', '盟':
		return true
	}
	return false
}

// decode returns the rune at s[i] and its size, with a fast path for the
// three-byte sequences of Chinese text.
func decode(s string, i int) (rune, int) {
	b := s[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	if b&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		r := rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// shortName returns the form of a division's name without its generic
// suffix (临海市 → 临海, 黔东南苗族侗族自治州 → 黔东南, 荷城街道 → 荷城), or ""
// when that would leave fewer than two characters.
func shortName(name string) string {
	s := name
	for _, suf := range []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "民族乡", "民族镇", "街道办事处", "街道"} {
		if t, ok := strings.CutSuffix(s, suf); ok {
			s = t
			break
		}
	}
	if s == name {
		for _, suf := range []string{"新区", "林区", "地区", "苏木", "省", "市", "区", "县", "旗", "盟", "镇", "乡"} {
			if t, ok := strings.CutSuffix(s, suf); ok {
				s = t
				break
			}
		}
	}
	s = stripEthnic(s)
	if t, ok := strings.CutSuffix(s, "维吾尔"); ok && t != "" {
		s = t // 新疆维吾尔自治区 writes the people without 族
	}
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// ethnicGroups are the peoples named in autonomous divisions, longest first
// where one is a prefix of another's tail.
var ethnicGroups = []string{
	"柯尔克孜", "乌孜别克", "维吾尔", "哈萨克", "达斡尔", "鄂伦春", "鄂温克", "塔吉克", "塔塔尔", "俄罗斯",
	"蒙古", "布依", "朝鲜", "土家", "哈尼", "傈僳", "拉祜", "东乡", "纳西", "景颇", "仫佬", "布朗",
	"撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴",
	"珞巴", "基诺", "回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲",
	"水", "土", "羌", "怒", "京",
}

// stripEthnic removes trailing "<people>族" parts: 黔东南苗族侗族 → 黔东南,
// 广西壮族 → 广西.
func stripEthnic(s string) string {
	for {
		t, ok := strings.CutSuffix(s, "族")
		if !ok {
			return s
		}
		cut := false
		for _, g := range ethnicGroups {
			if u, ok := strings.CutSuffix(t, g); ok && u != "" {
				s, cut = u, true
				break
			}
		}
		if !cut {
			return s
		}
	}
}

// finder counts occurrences of a small set of needles in one pass over a
// text. It is built per report, for the short forms of the candidates'
// ancestors.
type finder struct {
	first   [1 << 10]uint64 // bit set of the needles' first runes (BMP)
	byFirst map[rune][]string
}

func newFinder(needles []string) *finder {
	f := &finder{byFirst: make(map[rune][]string, len(needles))}
	for _, n := range needles {
		r, _ := utf8.DecodeRuneInString(n)
		if n == "" || r >= 1<<16 || slices.Contains(f.byFirst[r], n) {
			continue
		}
		f.byFirst[r] = append(f.byFirst[r], n)
		f.first[r>>6] |= 1 << (r & 63)
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
		r, size := decode(s, i)
		if r < 1<<16 && f.first[r>>6]&(1<<(r&63)) != 0 {
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
