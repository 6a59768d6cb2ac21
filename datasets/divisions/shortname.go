package divisions

import (
	"strings"
	"unicode/utf8"
)

// ShortName returns the form of a division's name without its generic
// suffix, as reports and web addresses write it: 临海市 → 临海,
// 黔东南苗族侗族自治州 → 黔东南, 彭水苗族土家族自治县 → 彭水, 荷城街道 → 荷城. It
// returns "" when that would leave fewer than two characters (云县).
func ShortName(name string) string {
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

// CommonName returns the name a county-level or higher division goes by in
// speech: its short name with the generic level word (彭水苗族土家族自治县 →
// 彭水县, 黔东南苗族侗族自治州 → 黔东南州), or the name itself when it is
// already plain or has no short name (云县).
func CommonName(name string) string {
	sh := ShortName(name)
	if sh == "" {
		return name
	}
	for _, suf := range []string{"自治县", "自治州", "自治旗"} {
		if strings.HasSuffix(name, suf) {
			word, _ := utf8.DecodeRuneInString(suf[len("自治"):])
			return sh + string(word)
		}
	}
	return name
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
