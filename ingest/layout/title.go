package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
)

// reportWords name the kind of document in a title.
var reportWords = []string{"报告", "情况", "总结", "汇报", "年报", "解读", "统计", "数据", "工作要点"}

// topicWords, or a year, must accompany a report word for a line to be a
// title, so that a bare column label (工作报告) is not one.
var topicWords = []string{"法治", "依法", "法制", "信息公开", "复议", "应诉", "诉讼", "调解", "普法", "法律", "政务"}

// bodySuffixes end the names of issuing bodies.
var bodySuffixes = []string{
	"人民政府", "政府", "办事处", "街道办", "委员会", "党委", "党工委", "管委会", "管理委员会", "司法局", "司法所",
	"办公室", "人大常委会", "工委", "局",
}

// divisionEnds end the names of divisions written alone (大方县黄泥塘镇).
var divisionEnds = []string{"街道", "镇", "乡", "区", "县", "市", "旗", "苏木"}

// maxTitleRunes bounds a title line; maxBodyNameRunes a line that only
// names a body.
const (
	maxTitleRunes    = 80
	maxBodyNameRunes = 36
)

// readTop reads the lines before the body: the title block, the issuer and
// the addressee, and sets Body. given is the title the file gives.
func (l *Layout) readTop(given string) {
	_, l.Site = splitSite(given)
	body := len(l.Lines)
	var top []int // the candidate lines of the top, in order
	for i, ln := range l.Lines {
		if ln.Kind == Furniture || ln.Kind == Meta {
			continue
		}
		s := l.LineText(i)
		if ln.Kind == Heading && taggedTitle(s) {
			l.Lines[i].Kind = Prose // a title under a column tag: 【法治政府建设】…报告
		} else if ln.Kind == Heading || ln.Kind == TableRow || isParagraph(s) {
			body = i
			break
		}
		top = append(top, i)
	}
	l.Body = len(l.Text)
	if body < len(l.Lines) {
		l.Body = l.Lines[body].Start
	}
	t := -1
	for _, i := range top {
		s := l.LineText(i)
		if isAddressee(s) {
			l.Lines[i].Kind = Addressee
			l.Addressee = Block{Text: strings.TrimRight(s, ":"), Lines: []int{i}}
			continue
		}
		if t < 0 && isTitle(s) {
			t = i
		}
	}
	if t >= 0 {
		l.titleBlock(t, top)
		return
	}
	if f, ok := l.Field("名称"); ok && isTitle(f.Value) {
		l.Title = Block{Text: f.Value, Lines: []int{l.LineAt(f.Span.Start)}}
		l.TitleFromText = true
		return
	}
	if f, ok := l.Field("标题"); ok && isTitle(f.Value) {
		l.Title = Block{Text: f.Value, Lines: []int{l.LineAt(f.Span.Start)}}
		l.TitleFromText = true
		return
	}
	if g, _ := splitSite(given); g != "" {
		l.Title = Block{Text: g}
	}
}

// titleBlock builds the title block around the title line t: an issuer line
// right above it, or right below it when the title line repeats after it
// (2022年政府信息公开工作年度报告 / 桃江县松木塘镇人民政府 / 2022年…报告), and a
// continuation such as (2024年度) below.
func (l *Layout) titleBlock(t int, top []int) {
	pos := -1
	for k, i := range top {
		if i == t {
			pos = k
		}
	}
	at := func(k int) (int, string, bool) {
		if k < 0 || k >= len(top) || l.Lines[top[k]].Kind != Prose {
			return 0, "", false
		}
		return top[k], l.LineText(top[k]), true
	}
	lines := []int{t}
	var issuer []int
	if i, s, ok := at(pos - 1); ok && isBodyName(s) && adjacent(l, i, t) {
		issuer = []int{i}
		lines = []int{i, t}
	} else if i, s, ok := at(pos + 1); ok && isBodyName(s) && adjacent(l, t, i) {
		issuer = []int{i}
		lines = append(lines, i)
		if j, s2, ok := at(pos + 2); ok && isTitle(s2) && adjacent(l, i, j) {
			lines = append(lines, j)
		}
	}
	if i, s, ok := at(pos - 1); ok && len(issuer) == 0 && brokenName(s, l.LineText(t)) && adjacent(l, i, t) {
		lines = []int{i, t} // 本溪满族自治县草河 / 口镇2023年…报告: one title
	}
	last := lines[len(lines)-1]
	if j, s, ok := at(indexOf(top, last) + 1); ok && adjacent(l, last, j) && isContinuation(s, l.LineText(t)) {
		lines = append(lines, j)
	}
	// The text reads issuer first, then the title, each line once (a
	// title repeated under its issuer is read once).
	var b strings.Builder
	seen := map[string]bool{}
	for _, i := range append(slices.Clone(issuer), lines...) {
		l.Lines[i].Kind = TitleLine
		s := l.LineText(i)
		if !seen[s] {
			seen[s] = true
			b.WriteString(s)
		}
	}
	l.Title = Block{Text: b.String(), Lines: lines}
	l.TitleFromText = true
	if len(issuer) > 0 {
		l.Issuer = Block{Text: l.LineText(issuer[0]), Lines: issuer}
	}
}

// adjacent reports whether lines i < j of the top have only furniture
// between them.
func adjacent(l *Layout, i, j int) bool {
	if i > j {
		i, j = j, i
	}
	for k := i + 1; k < j; k++ {
		if l.Lines[k].Kind != Furniture && l.Lines[k].Kind != Meta {
			return false
		}
	}
	return j-i <= 3
}

func indexOf(xs []int, x int) int {
	for k, v := range xs {
		if v == x {
			return k
		}
	}
	return -1
}

// isParagraph reports whether s is running text rather than a title or a
// label: it ends a sentence, or it is long and has a comma.
func isParagraph(s string) bool {
	n := runes(s)
	// 现将…情况报告如下: is a sentence, though it ends with a colon.
	return strings.Contains(s, "。") || anyof.Suffix(s, "如下:", "如下：") || strings.ContainsAny(s, ",;") && n >= 20 || n > maxTitleRunes
}

// isTitle reports whether s reads as a report's title: short, no sentence,
// naming the kind of document and its year or topic.
func isTitle(s string) bool {
	if longer(s, maxTitleRunes) || strings.ContainsAny(s, "。,;") || strings.HasSuffix(s, ":") {
		return false
	}
	return anyof.Contains(s, reportWords...) && (anyof.Contains(s, topicWords...) || hasYear(s))
}

// taggedTitle reports whether s is a title behind a bracketed tag, which
// reads as a 【…】 heading: 【法治政府建设】XX镇2023年度法治政府建设情况报告,
// 【2024年】…年度报告.
func taggedTitle(s string) bool {
	rest, ok := strings.CutPrefix(s, "【")
	if !ok {
		return false
	}
	j := strings.Index(rest, "】")
	return j >= 0 && !isParagraph(s) && isTitle(rest[j+len("】"):])
}

// isBodyName reports whether s only names a body or a division:
// 通城镇人民政府, 台州市路桥区人民政府, 大方县黄泥塘镇.
func isBodyName(s string) bool {
	if longer(s, maxBodyNameRunes) || runes(s) < 2 {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("()（）、·", r) {
			return false
		}
	}
	for _, o := range officeTitles {
		// 恭城瑶族自治县人民政府县长: the head of the body signs its report
		// (述法报告, 述职报告).
		if t, ok := strings.CutSuffix(s, o); ok && anyof.Suffix(t, bodySuffixes...) {
			return true
		}
	}
	return anyof.Suffix(s, bodySuffixes...) || anyof.Suffix(s, divisionEnds...)
}

// officeTitles are the heads of bodies that sign a report under the body's
// name.
var officeTitles = []string{"县长", "区长", "市长", "镇长", "乡长", "旗长", "主任", "书记", "局长", "所长"}

// brokenName reports whether the title line t goes on from the line s above
// it, broken inside the writer's name: s is a short run of Chinese
// characters that names no body and is no title, and t opens with a
// division's end after at most one character (口镇2023年…, 道2022年…), no
// name of its own.
func brokenName(s, t string) bool {
	if runes(s) < 3 || longer(s, 20) || isBodyName(s) || isTitle(s) {
		return false // 附件, 公开: labels, not the start of a name
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	_, first := utf8.DecodeRuneInString(t)
	for _, k := range []int{0, first} {
		for _, end := range divisionEnds {
			if !strings.HasPrefix(t[k:], end) {
				continue
			}
			rest := t[k+len(end):]
			return !anyof.Prefix(rest, divisionEnds...) &&
				(hasYear(rest[:min(len(rest), 12)]) || anyof.Prefix(rest, "人民政府", "政府", "办事处", "关于"))
		}
	}
	return false
}

// isContinuation reports whether s continues the title line t: a bracketed
// year (2024年度), or the rest of a title cut after its name.
func isContinuation(s, t string) bool {
	if anyof.Prefix(s, "(", "（") && !longer(s, 20) && hasYear(s) {
		return true
	}
	return !anyof.Contains(t, reportWords...) && isTitle(s)
}

// isAddressee reports whether s is the line a report is addressed to:
// a short list of bodies ending with a colon (市委、市政府:).
func isAddressee(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ":") || longer(s, 50) || strings.ContainsAny(s, "。,") {
		return false
	}
	return anyof.Contains(s, "委", "政府", "人大", "办公室", "局", "办事处")
}

// hasYear reports whether s writes a year (four digits before 年).
func hasYear(s string) bool {
	for i := strings.Index(s, "年"); i >= 0; {
		if i >= 4 && isDigits(s[i-4:i]) {
			return true
		}
		j := strings.Index(s[i+len("年"):], "年")
		if j < 0 {
			break
		}
		i += len("年") + j
	}
	return false
}

// splitSite splits a page title into the report's own title and the
// site's name that web pages append to it
// (古城街道2024年度法治政府建设情况报告_临海市人民政府).
func splitSite(title string) (own, site string) {
	t := strings.TrimSpace(title)
	for _, sep := range []string{"_", "|", "｜", " - ", "——", " — "} {
		if i := strings.Index(t, sep); i > 0 {
			if site == "" {
				site = strings.TrimSpace(t[i+len(sep):])
			}
			t = t[:i]
		}
	}
	return strings.TrimSpace(t), site
}
