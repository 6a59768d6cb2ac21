package layout

import (
	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/wordmatch"
	"regexp"
	"strings"
	"unicode/utf8"
)

// classifyLines sets the kind of every line that can be told on its own:
// metadata, furniture, table rows and headings. The title block, the
// addressee and the signature are read after, from their neighbours.
func (l *Layout) classifyLines() {
	for i := range l.Lines {
		s := l.LineText(i)
		switch {
		case l.readFields(l.Lines[i].Span):
			l.Lines[i].Kind = Meta
		case isFurniture(s):
			l.Lines[i].Kind = Furniture
		case isTableRow(s):
			l.Lines[i].Kind = TableRow
		case headingLevel(s) > 0:
			l.Lines[i].Kind = Heading
		}
	}
}

// metaKeys are the names of the fields of government sites' metadata
// blocks, longest first where one ends another (发布时间 before 时间).
var metaKeys = []string{
	"服务对象分类", "信息索引号", "索引号", "发文字号", "文件编号", "文号", "主题分类", "体裁分类", "组配分类",
	"信息分类", "发布机构", "发布单位", "发文机关", "发文单位", "责任部门", "责任科室", "责任单位", "公开形式", "公开方式",
	"公开范围", "公开时限", "成文日期", "发布日期", "发布时间", "生成日期", "有效性", "所属机构", "主题词",
	"信息来源", "文章来源", "来源", "作者", "名称", "标题", "书名", "一级目", "二级目", "日期", "时间",
	"更新时间", "浏览次数", "浏览量", "浏览", "访问次数", "阅读次数", "点击数", "点击量", "字体大小", "字体", "字号",
}

// metaOpeners may stand before a field's key: [ 索引号 ], | 发布机构 |, • 来源.
const metaOpeners = " [【|•·"

// metaLeadDate are the characters of a date that may stand before a
// line's first field.
const metaLeadDate = "0123456789-/:."

// metaSeparators may stand between a field's key and its value.
const metaSeparators = " ]】|:："

// maxMetaRunes is the longest metadata line; a body paragraph that happens
// to begin with 时间 or 来源 is longer or ends a sentence.
const maxMetaRunes = 160

// readFields reads the metadata fields of a line into l.Fields and reports
// whether the line is a metadata line: it starts with a field's key, each
// key followed by a separator, and no sentence ends on it.
func (l *Layout) readFields(line Span) bool {
	s := l.Text[line.Start:line.End]
	// Only a date may stand before the first key (2015-11-20 来源: 上海普陀):
	// a line whose first word is no key is no metadata line.
	lead := len(s) - len(strings.TrimLeft(s, metaOpeners+metaLeadDate))
	if metaKeyAt(s, lead) == "" || longer(s, maxMetaRunes) || strings.Contains(s, "。") {
		return false
	}
	type at struct{ key, keyEnd, start int }
	var keys []at
	for i := 0; i < len(s); {
		k := metaKeyAt(s, i)
		if k == "" {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		end := i + len(k)
		rest := s[end:]
		sep := len(rest) - len(strings.TrimLeft(rest, metaSeparators))
		before := strings.TrimRight(s[:i], metaOpeners)
		// A key is a field's only when a separator follows it and it starts
		// the line, or follows another field's value after a space, a | or
		// the value's last digit (09:39浏览次数:).
		if (sep > 0 || rest == "") && (before == "" || i > 0 && (strings.ContainsAny(s[i-1:i], metaOpeners) || isDigitByte(s[i-1]))) {
			keys = append(keys, at{key: i, keyEnd: end, start: end + sep})
			i = end + sep
			continue
		}
		i = end
	}
	if len(keys) == 0 || strings.Trim(s[:keys[0].key], metaOpeners+metaLeadDate) != "" {
		return false
	}
	for n, k := range keys {
		end := len(s)
		if n+1 < len(keys) {
			end = keys[n+1].key
		}
		v := strings.Trim(s[min(k.start, end):end], " []【】|:：•")
		vs := k.start
		if v != "" {
			vs = k.start + strings.Index(s[k.start:end], v)
		}
		l.Fields = append(l.Fields, Field{
			Key:   s[k.key:k.keyEnd],
			Value: v,
			Span:  Span{line.Start + vs, line.Start + vs + len(v)},
		})
	}
	return true
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func metaKeyAt(s string, i int) string {
	r, _ := utf8.DecodeRuneInString(s[i:])
	for _, k := range metaKeysByFirst[r] {
		if strings.HasPrefix(s[i:], k) {
			return k
		}
	}
	return ""
}

// metaKeysByFirst are the metaKeys by their first rune, in metaKeys' order.
var metaKeysByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, k := range metaKeys {
		r, _ := utf8.DecodeRuneInString(k)
		m[r] = append(m[r], k)
	}
	return m
}()

// furnitureMarkers appear in the short lines that government sites put
// around an article: accessibility toggles, breadcrumbs, font-size and
// print bars, share bars, related links, view counters, site clocks, and
// footer copyright and ICP lines. A short line that holds one is furniture.
var furnitureMarkers = []string{
	"进入老年模式", "退出老年模式", "老年模式", "长者模式", "关怀模式", "无障碍", "简体", "繁体",
	"当前位置", "当前的位置", "所在的位置", "您现在的位置", "你现在的位置", "您现在所在的位置", "您的位置", "你的位置", "所在位置", "您当前",
	"【字体", "字体:", "字号:", "字体大小", "【打印", "打印本页", "打印本文", "关闭本页", "关闭窗口",
	"分享到", "扫一扫", "手机扫描", "扫描二维码", "用手机看", "发送至邮箱", "今天是",
	"相关链接", "相关文章", "相关阅读", "相关新闻",
	"版权所有", "Copyright", "copyright", "©", "ICP备", "ICP证", "公网安备", "网站标识码",
	"网站地图", "联系我们", "主办单位", "承办单位", "主办:", "承办:", "技术支持:", "分辨率",
	"访问次数", "阅读次数", "阅读量", "访问量",
	"上一篇", "下一篇", "返回顶部", "设为首页", "加入收藏", "收藏本页",
}

// furnitureMatcher finds the furniture markers in one pass over a line.
var furnitureMatcher = wordmatch.New(furnitureMarkers)

// furnitureWords make up bar lines such as "打印 关闭" or "【大 中 小】"
// that carry no marker of their own.
var furnitureWords = []string{
	"打印本页", "关闭本页", "关闭窗口", "返回顶部", "打印", "关闭", "返回", "收藏", "分享", "字体", "字号",
	"首页", "内容", "默认", "大", "中", "小", "【", "】", "[", "]", "(", ")", "|", ":", "/", " ", "·", "•", "-",
}

// pageNumber matches the page-number lines of PDF text: "- 1 -", "—2—",
// "第1页 共3页", "3/12".
var pageNumber = regexp.MustCompile(`^(?:[-—–_ ]*\d{1,3}[-—–_ ]*|第\d+页 ?(?:共\d+页)?|共\d+页 ?第\d+页|\d{1,3} ?/ ?\d{1,3})$`)

// maxFurnitureRunes is the longest line the marker rule takes for
// furniture; body paragraphs that merely mention a marker are longer.
const maxFurnitureRunes = 80

func isFurniture(s string) bool {
	if longer(s, maxFurnitureRunes) || strings.HasSuffix(s, "。") {
		return false
	}
	if furnitureMatcher.Any(s) {
		return true
	}
	// Breadcrumbs: "首页 > 政务公开 > 信息公开目录" or a continuation line
	// that starts with ">".
	if strings.HasPrefix(s, ">") || strings.HasPrefix(s, "»") ||
		strings.Count(s, ">")+strings.Count(s, "»")+strings.Count(s, "›") >= 2 {
		return true
	}
	return pageNumber.MatchString(s) || onlyWords(s, furnitureWords)
}

// onlyWords reports whether s is made of the given words and nothing else,
// with at least one word of two or more runes (so that a line "大" or "中"
// of a real text is kept).
func onlyWords(s string, words []string) bool {
	long := false
	for s != "" {
		found := false
		for _, w := range words {
			if strings.HasPrefix(s, w) {
				if runes(w) >= 2 {
					long = true
				}
				s = s[len(w):]
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return long
}

// isTableRow reports whether s is a row of a table written with | between
// its cells (| 行政处罚 | 9 |).
func isTableRow(s string) bool {
	return strings.HasPrefix(s, "|") && strings.Count(s, "|") >= 2 || strings.Count(s, "|") >= 3
}

// headingLevel returns the level of a numbered section heading at the start
// of s: 1 for 一、 第一部分 【…】, 2 for (一), 3 for 1. 1、, 4 for (1); 0 when s
// does not start like a heading.
func headingLevel(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '【':
		if i := strings.Index(s, "】"); i > 0 && !longer(s[:i], 20) {
			return 1
		}
	case r == '(' || r == '（':
		inner := strings.TrimLeft(s[size:], " ")
		n, rest := leadingNumeral(inner)
		if n == "" || !anyof.Prefix(rest, ")", "）") {
			return 0
		}
		if isDigits(n) {
			return 4
		}
		return 2
	case r >= '0' && r <= '9':
		n, rest := leadingNumeral(s)
		if isDigits(n) && len(n) <= 2 && anyof.Prefix(rest, ".", "、", "．") {
			// 1.5万 is a number, 1.加强 a heading.
			after := strings.TrimLeft(rest[strings.IndexAny(rest, ".、．")+1:], ".．")
			if r2, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " ")); r2 >= '0' && r2 <= '9' {
				return 0
			}
			return 3
		}
	case strings.HasPrefix(s, "第"):
		n, rest := leadingNumeral(s[size:])
		if n != "" && anyof.Prefix(rest, "部分", "章", "篇") {
			return 1
		}
	case strings.ContainsRune(chineseDigits, r):
		n, rest := leadingNumeral(s)
		if n != "" && anyof.Prefix(rest, "、", ".", "．") {
			return 1
		}
	}
	return 0
}

const chineseDigits = "一二三四五六七八九十"

// leadingNumeral splits off the numeral that starts s: ASCII digits or
// Chinese digits up to 十.
func leadingNumeral(s string) (num, rest string) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r >= '0' && r <= '9' || strings.ContainsRune(chineseDigits, r)) {
			break
		}
		i += size
	}
	return s[:i], s[i:]
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
