package extract

import "strings"

// rawUnit is a unit as written after a number.
type rawUnit struct {
	text  string
	scale float64 // 万元 → 1e4
	index int     // position in rawUnits
}

// rawUnits are the units the scanner accepts after a number, longest first
// where one is a prefix of another. A number not followed by one of these is
// not a candidate (dates, years, document numbers, hotlines, labels).
var rawUnits = []rawUnit{
	{"万元", 1e4, 0}, {"亿元", 1e8, 0}, {"元", 1, 0},
	{"人次", 1, 0}, {"场次", 1, 0}, {"批次", 1, 0}, {"件次", 1, 0}, {"版次", 1, 0}, {"户次", 1, 0}, {"家次", 1, 0},
	{"事项", 1, 0}, {"个案", 1, 0},
	{"件", 1, 0}, {"宗", 1, 0}, {"起", 1, 0}, {"例", 1, 0}, {"笔", 1, 0},
	{"次", 1, 0}, {"场", 1, 0}, {"期", 1, 0}, {"轮", 1, 0}, {"堂", 1, 0}, {"节", 1, 0},
	{"份", 1, 0}, {"册", 1, 0}, {"本", 1, 0}, {"张", 1, 0},
	{"人", 1, 0}, {"名", 1, 0}, {"位", 1, 0},
	{"条", 1, 0}, {"篇", 1, 0},
	{"个", 1, 0}, {"家", 1, 0}, {"处", 1, 0}, {"所", 1, 0},
	{"项", 1, 0}, {"部", 1, 0}, {"卷", 1, 0},
	{"%", 1, 0},
}

// unitIndex returns the index of unit text u in rawUnits, or -1.
func unitIndex(u string) int {
	for i, r := range rawUnits {
		if r.text == u {
			return i
		}
	}
	return -1
}

// percentUnit is the unit of a percentage.
var percentUnit = rawUnit{"%", 1, unitIndex("%")}

// readUnit returns the unit written at the start of s.
func readUnit(s string) (rawUnit, bool) {
	if len(s) == 0 {
		return rawUnit{}, false
	}
	if s[0] == '%' {
		return percentUnit, true
	}
	if s[0] < 0x80 || len(s) < 3 {
		return rawUnit{}, false
	}
	if runeKind[rune3(s)]&kindUnit == 0 && !strings.HasPrefix(s, "％") {
		return rawUnit{}, false
	}
	if strings.HasPrefix(s, "％") {
		// A full-width percent sign the normaliser left alone.
		u := percentUnit
		u.text = "％"
		return u, true
	}
	for _, k := range unitGroups[runeKind[rune3(s)]>>8] {
		if u := rawUnits[k]; strings.HasPrefix(s, u.text) {
			u.index = k
			return u, true
		}
	}
	return rawUnit{}, false
}

// unitGroups lists the indexes of the three-byte rawUnits by first
// character, in order (longest first); runeKind names a character's group.
// Group 0 is empty.
var unitGroups = func() [][]int {
	groups := [][]int{nil}
	at := map[string]int{}
	for i, u := range rawUnits {
		if len(u.text) < 3 || u.text[0] < 0xE0 {
			continue
		}
		g, ok := at[u.text[:3]]
		if !ok {
			g = len(groups)
			at[u.text[:3]] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	if len(groups) > 255 {
		panic("extract: too many unit groups")
	}
	return groups
}()

// unitFollowers are words that, right after a unit character, show that the
// character starts another word: 一次性, 5个百分点, 3名额, 期间, 5部门.
var unitFollowers = map[string][]string{
	"次":  {"性"},
	"个":  {"百分点", "月", "工作日", "小时"},
	"名":  {"额", "单", "称", "义"},
	"起":  {"草", "到", "来", "诉", "点", "步"},
	"期":  {"间", "满", "限", "刊"},
	"场":  {"所", "地", "景", "馆"},
	"条":  {"例", "件", "款", "线"},
	"部":  {"门", "署", "分", "位"},
	"家":  {"庭", "属", "长", "乡"},
	"处":  {"理", "罚", "置", "分", "室", "级", "长"},
	"所":  {"有", "在", "属", "长"},
	"位":  {"于", "置", "列"},
	"本":  {"年", "次", "级", "地", "单", "着", "领"},
	"张":  {"贴"},
	"节":  {"日", "点", "约", "假", "目"},
	"元":  {"旦"},
	"人":  {"民", "员", "大", "才", "口", "均"},
	"项":  {"目", "清单"},
	"件":  {"事"},
	"份":  {"额"},
	"轮":  {"流", "换"},
	"例":  {"会"},
	"笔":  {"录"},
	"册":  {"子"},
	"事项": {"清单"},
	"卷":  {"宗", "烟"},
}

// followersOf[i] are the unitFollowers of rawUnits[i].
var followersOf = func() [][]string {
	out := make([][]string, len(rawUnits))
	for i, u := range rawUnits {
		out[i] = unitFollowers[u.text]
	}
	return out
}()

// unitContinues reports whether the unit u, followed by after, is really the
// start of another word.
func unitContinues(u rawUnit, after string) bool {
	if u.index < 0 || u.index >= len(followersOf) {
		return false
	}
	for _, f := range followersOf[u.index] {
		if strings.HasPrefix(after, f) {
			return true
		}
	}
	return false
}
