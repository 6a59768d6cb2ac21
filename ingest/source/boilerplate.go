package source

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// boilerplateMarkers appear in the short lines that government sites put
// around an article: accessibility toggles, breadcrumbs, the 索引号 table,
// font-size and print bars, share bars, related links, view counters and
// footer copyright and ICP lines. A line that contains one and is short is
// dropped.
var boilerplateMarkers = []string{
	"进入老年模式", "退出老年模式", "老年模式", "长者模式", "关怀模式", "无障碍浏览", "进入无障碍", "无障碍阅读",
	"当前位置", "您现在的位置", "你现在的位置", "您的位置", "你的位置", "所在位置",
	"索引号", "发布机构", "发布单位", "发文机关", "成文日期", "公开方式:", "公开范围:", "公开时限:",
	"主题分类", "体裁分类", "组配分类", "服务对象分类", "信息分类:", "所属机构:", "有效性:",
	"【字体", "字体:", "字号:大", "字体大小", "【打印", "打印本页", "打印本文", "关闭本页", "关闭窗口",
	"分享到", "扫一扫", "手机扫描", "扫描二维码", "用手机看",
	"相关链接", "相关文章", "相关阅读", "相关新闻",
	"版权所有", "Copyright", "copyright", "©", "ICP备", "ICP证", "公网安备", "网站标识码",
	"网站地图", "联系我们", "主办单位", "承办单位", "主办:", "承办:", "技术支持:", "分辨率",
	"浏览次数", "访问次数", "阅读次数", "点击数", "点击量", "阅读量", "访问量",
	"上一篇", "下一篇", "返回顶部", "设为首页", "加入收藏", "收藏本页",
}

// boilerplateWords make up bar lines such as "打印 关闭" or "【大 中 小】"
// that carry no marker of their own.
var boilerplateWords = []string{
	"打印本页", "关闭本页", "关闭窗口", "返回顶部", "打印", "关闭", "返回", "收藏", "分享", "字体", "字号",
	"默认", "大", "中", "小", "【", "】", "[", "]", "(", ")", "|", ":", "/", " ", "·", "•", "-",
}

// pageNumber matches the page-number lines of PDF text: "- 1 -", "—2—",
// "第1页 共3页", "3/12".
var pageNumber = regexp.MustCompile(`^(?:[-—–_ ]*\d{1,3}[-—–_ ]*|第\d+页 ?(?:共\d+页)?|共\d+页 ?第\d+页|\d{1,3} ?/ ?\d{1,3})$`)

// maxBoilerplateRunes is the longest line the marker rule drops; body
// paragraphs that merely mention a marker are longer.
const maxBoilerplateRunes = 80

// stripBoilerplate drops site boilerplate lines from normalised text.
func stripBoilerplate(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for line := range strings.Lines(text) {
		if isBoilerplate(strings.TrimSuffix(line, "\n")) {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

func isBoilerplate(line string) bool {
	if line == "" || utf8.RuneCountInString(line) > maxBoilerplateRunes || strings.HasSuffix(line, "。") {
		return false
	}
	for _, m := range boilerplateMarkers {
		if strings.Contains(line, m) {
			return true
		}
	}
	// Breadcrumbs: "首页 > 政务公开 > 信息公开目录" or a continuation line
	// that starts with ">".
	if strings.HasPrefix(line, ">") || strings.HasPrefix(line, "»") ||
		strings.Count(line, ">")+strings.Count(line, "»")+strings.Count(line, "›") >= 2 {
		return true
	}
	return pageNumber.MatchString(line) || onlyWords(line, boilerplateWords)
}

// onlyWords reports whether line is made of the given words and nothing
// else, with at least one word of two or more runes (so that a line "大" or
// "中" of a real text is kept).
func onlyWords(line string, words []string) bool {
	long := false
	for line != "" {
		found := false
		for _, w := range words {
			if strings.HasPrefix(line, w) {
				if utf8.RuneCountInString(w) >= 2 {
					long = true
				}
				line = line[len(w):]
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
