package jurisdiction

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest/outline"
)

// Candidate is one division that carries the jurisdiction's name.
type Candidate struct {
	Code string   `json:"code"`
	Path []string `json:"path"` // names, province first, ending with the division itself
}

// Result is what Resolve found out about a report's jurisdiction.
type Result struct {
	// Name is the jurisdiction's name as the report writes it, e.g. 古城街道;
	// "" when the report does not say.
	Name string `json:"name"`
	// Level is the name's suffix: 街道 镇 乡 苏木 区 县 市 旗 州 盟 省, or "".
	Level string `json:"level"`
	// Code is the official division code, "" when the clues do not settle it.
	Code string `json:"code"`
	// Path holds the names from the province down to the jurisdiction when
	// Code is set.
	Path []string `json:"path"`
	// Candidates lists every division of that name when Code is "" but the
	// name is in the division table, the best supported first (then by code).
	Candidates []Candidate `json:"candidates,omitempty"`
	// Evidence is a short human-readable note of what decided it.
	Evidence string `json:"evidence"`
}

// Resolver resolves reports to divisions. It is immutable and safe for
// concurrent use.
type Resolver struct {
	t  *divisions.Table
	ix *nameIndex
}

// NewResolver indexes the names of t. It takes a few milliseconds; build
// one Resolver and reuse it.
func NewResolver(t *divisions.Table) *Resolver {
	return &Resolver{t: t, ix: newNameIndex(t)}
}

// Resolve finds the jurisdiction a report is about. title may be empty
// (many reports carry their title only in the text, or none at all); url,
// when given, is read for names written in it.
func (r *Resolver) Resolve(title, text, rawURL string) Result {
	d := r.read(title, text, rawURL)
	subj, ok := r.subject(d)
	if !ok {
		return Result{Path: []string{}, Evidence: "no jurisdiction name found in title, signature or self-references"}
	}
	res := Result{Name: subj.name, Level: levelOf(subj.name), Path: []string{}}
	codes := r.ix.codes[subj.name]
	if len(codes) == 0 {
		// A name the scanner skips as a common word (城区) can still be
		// the name a title gives.
		for _, d := range r.t.ByName(subj.name) {
			codes = append(codes, d.Code)
		}
	}
	if len(codes) == 0 {
		res.Evidence = subj.evidence + "; name not in the division table"
		return res
	}
	ranked := r.rank(codes, subj, d)
	best := ranked[0]
	switch {
	case len(ranked) == 1:
		res.Code = best.code
		res.Evidence = fmt.Sprintf("%s; the only division named %s", subj.evidence, subj.name)
	case best.score >= minScore && best.score >= ranked[1].score+minMargin:
		res.Code = best.code
		res.Evidence = fmt.Sprintf("%s; %d divisions named %s, chose %s: %s (score %g vs %g)",
			subj.evidence, len(ranked), subj.name, best.code, strings.Join(best.notes, ", "), best.score, ranked[1].score)
	default:
		res.Evidence = fmt.Sprintf("%s; %d divisions named %s, clues do not settle it (best score %g, next %g)",
			subj.evidence, len(ranked), subj.name, best.score, ranked[1].score)
		for _, c := range ranked {
			res.Candidates = append(res.Candidates, Candidate{Code: c.code, Path: r.pathNames(c.code)})
		}
		return res
	}
	res.Path = r.pathNames(res.Code)
	return res
}

func (r *Resolver) pathNames(code string) []string {
	path := r.t.Path(code)
	out := make([]string, len(path))
	for i, d := range path {
		out[i] = d.Name
	}
	return out
}

// levelOf returns the generic suffix of a division name.
func levelOf(name string) string {
	for _, suf := range []string{"街道办事处", "街道", "苏木"} {
		if strings.HasSuffix(name, suf) {
			return strings.TrimSuffix(suf, "办事处")
		}
	}
	last, _ := utf8.DecodeLastRuneInString(name)
	switch last {
	case '镇', '乡', '区', '县', '市', '旗', '州', '盟', '省':
		return string(last)
	}
	return ""
}

// document is a report read once for every clue Resolve uses.
type document struct {
	title     string    // the given title, less a site name after it
	titles    []string  // title-like lines of the opening
	signature []string  // the issuing bodies on the last lines, last first
	body      string    // text and decoded URL
	mentions  []mention // names (3+ characters) in body
	counts    map[string]int
	selfRefs  map[string]int // level suffix -> count of 我/本 + suffix
}

func (r *Resolver) read(title, text, rawURL string) *document {
	d := &document{counts: map[string]int{}, selfRefs: map[string]int{}}
	d.title = siteless(title)
	d.titles = titleLines(text)
	d.signature = signatureLines(text)
	d.body = text
	if title != "" {
		d.body = title + "\n" + d.body
	}
	if rawURL != "" {
		if u, err := url.PathUnescape(rawURL); err == nil && u != rawURL {
			d.body += "\n" + u
		}
	}
	d.mentions = r.ix.scan(d.body, 3, d.selfRefs)
	for _, m := range d.mentions {
		d.counts[m.name]++
	}
	return d
}

// selfRefLevels are the level words that follow 我 or 本 when a report
// speaks of its own jurisdiction. 本市 is left out: district reports use it
// for the city above them.
var selfRefLevels = []string{"街道", "镇", "乡", "区", "县", "旗"}

// countSelfRef counts in out the level word that follows the pronoun r
// (我 or 本) at the start of rest: 我镇, 本街道, 我区.
func countSelfRef(r rune, rest string, out map[string]int) {
	for _, l := range selfRefLevels {
		if strings.HasPrefix(rest, l) {
			out[l]++
			return
		}
	}
	if r == '我' && strings.HasPrefix(rest, "市") {
		out["市"]++
	}
}

// lines splits s into trimmed non-empty lines.
func lines(s string) []string {
	var out []string
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// siteless trims a page title to the report's own title: web pages append
// the site's name (古城街道2024年度法治政府建设情况报告_临海市人民政府).
func siteless(title string) string {
	t := strings.TrimSpace(title)
	for _, sep := range []string{"_", "|", "｜", " - ", "——", " — "} {
		if i := strings.Index(t, sep); i > 0 {
			t = t[:i]
		}
	}
	return strings.TrimSpace(t)
}

// titleLines returns the lines of the opening that look like a report's
// title: short, and about rule of law.
func titleLines(text string) []string {
	var out []string
	n := 0
	for l := range strings.Lines(text) {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if n++; n > 12 {
			break
		}
		if utf8.RuneCountInString(l) <= 60 && containsAny(l, titleMarkers...) &&
			!containsAny(l, "，", ",", "。", "；", ";", "《") && !outline.IsHeading(l) {
			out = append(out, l)
		}
	}
	return out
}

// signatureBoilerplate marks the web-page furniture that follows a report.
var signatureBoilerplate = []string{"打印", "关闭", "分享", "相关新闻", "相关链接", "返回", "扫一扫", "来源", "浏览", "责任编辑", "附件", "字号", "收藏"}

// pageFooter marks the site footer, which names the site's owner, not the
// report's author.
var pageFooter = []string{"主办", "承办", "地址", "电话", "版权", "备案", "ICP", "邮编", "技术支持", "网站标识码", "联系我们"}

// orgMarkers mark a line that names an issuing body.
var orgMarkers = []string{"人民政府", "办事处", "委员会", "政府", "司法局", "分局", "司法所", "党委", "党工委", "管委会", "街道", "镇", "乡", "区", "县", "市"}

// signatureLines returns the short lines at the end of text that name the
// issuing body, nearest the end first.
func signatureLines(text string) []string {
	ls := lines(text)
	var out []string
	for i, seen := len(ls)-1, 0; i >= 0 && seen < 8 && len(out) < 3; i, seen = i-1, seen+1 {
		l := ls[i]
		n := utf8.RuneCountInString(l)
		if isDateLine(l) || (n <= 30 && containsAny(l, signatureBoilerplate...)) || strings.HasPrefix(l, "-") ||
			containsAny(l, pageFooter...) {
			continue
		}
		if n > 40 || containsAny(l, "，", ",", "。", "；", ";", "：", ":") {
			break // the body of the report
		}
		if containsAny(l, orgMarkers...) {
			out = append(out, l)
		}
	}
	return out
}

func isDateLine(l string) bool {
	l = strings.TrimSpace(l)
	if !strings.HasSuffix(l, "日") && !strings.HasSuffix(l, "月") {
		return false
	}
	for _, r := range l {
		if !strings.ContainsRune("0123456789０１２３４５６７８９〇○零一二三四五六七八九十年月日 ", r) {
			return false
		}
	}
	return true
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
