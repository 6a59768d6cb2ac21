package jurisdiction

import (
	"path"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/layout"
)

// siteKind is a place where a report names the body that writes it.
type siteKind uint8

const (
	atTitle     siteKind = iota // the title block (an issuer line merged in)
	atIssuer                    // the issuer's own line
	atMeta                      // the page's 发布机构, 来源, 责任部门… fields
	atSignature                 // the signature at the end
	atOpening                   // the subject of the opening sentences
	atPath                      // a folder or the file's own name
	atAddressee                 // the addressee: a parent, never the writer
	atDocument                  // a rule-of-law plan the text cites by title: 《许昌市2024年度法治政府建设工作要点》
	numSites
)

var siteNames = [numSites]string{"title", "issuer", "metadata", "signature", "opening", "file path", "addressee", "document"}

// writer reports whether the site names the writer, not a parent (the
// addressee), a place the file was kept (its path) or a body whose plan the
// text cites (a document, often the parent's).
func (n naming) writer() bool {
	return n.site != atAddressee && n.site != atPath && n.site != atDocument
}

// naming is what one site says: the division name it gives as the writer
// (the lowest one named there) and the other division names written with it.
type naming struct {
	site siteKind
	// name is the writer's name as written; entries the divisions it can
	// stand for (none for a name the table does not know).
	name    string
	entries []entry
	// alias is set when the name was read through an alias: 洛浦街 for
	// 洛浦街道, a 乡 that became a 镇.
	alias bool
	// chain holds the other names of the site (its parents, as written).
	chain []string
	text  string
}

// metaSiteKeys are the metadata fields that name the publishing body.
var metaSiteKeys = []string{"发布机构", "发布单位", "发文机关", "发文单位", "责任部门", "责任单位", "来源", "信息来源", "文章来源"}

// titleMarkers end the part of a title that names the jurisdiction.
var titleMarkers = []string{"关于", "法治", "依法行政", "依法治", "法制", "政府信息公开", "信息公开", "行政复议", "行政应诉", "人民调解", "年度报告", "工作报告"}

// bodyWords are the names of bodies that follow a jurisdiction's name.
var bodyWords = []string{"人民政府", "办事处", "街道办", "党工委", "党委", "工作委员会", "委员会", "管委会", "政府", "司法局", "司法所", "分局", "工委"}

// namings reads every site of the layout (and the file's path).
func (r *Resolver) namings(l *layout.Layout, filePath string) []naming {
	var out []naming
	add := func(n naming, ok bool) {
		if ok {
			out = append(out, n)
		}
	}
	if l.Title.Text != "" {
		add(r.readSite(atTitle, titleHead(l.Title.Text), l.Title.Text))
	}
	if l.Issuer.Text != "" {
		add(r.readSite(atIssuer, l.Issuer.Text, l.Issuer.Text))
	}
	for _, f := range l.Fields {
		for _, k := range metaSiteKeys {
			if f.Key == k && f.Value != "" {
				add(r.readSite(atMeta, f.Value, f.Key+": "+f.Value))
			}
		}
	}
	if n, ok := r.readSignature(l); ok {
		out = append(out, n)
	}
	for _, sp := range l.Opening {
		add(r.readOpening(l.Text[sp.Start:sp.End]))
	}
	if l.Addressee.Text != "" {
		for _, part := range strings.FieldsFunc(l.Addressee.Text, func(r rune) bool { return r == '、' || r == ',' || r == ' ' }) {
			add(r.readSite(atAddressee, part, l.Addressee.Text))
		}
	}
	out = append(out, r.readDocuments(l)...)
	if filePath != "" {
		dir, file := path.Split(strings.ReplaceAll(filePath, "\\", "/"))
		parts := strings.Split(strings.Trim(dir, "/"), "/")
		parts = append(parts, strings.TrimSuffix(file, path.Ext(file)))
		for _, p := range parts {
			if p != "" && p != "." && p != ".." {
				add(r.readSite(atPath, p, filePath))
			}
		}
	}
	return out
}

// documentKinds name the plans and reports of rule-of-law work whose titles
// start with the body that made them.
var documentKinds = []string{"方案", "要点", "规划", "计划", "意见", "纲要", "清单", "报告", "办法", "细则"}

// maxDocumentRunes bounds a cited title.
const maxDocumentRunes = 60

// readDocuments reads the divisions that open the titles of the
// rule-of-law plans the text cites, each name once.
func (r *Resolver) readDocuments(l *layout.Layout) []naming {
	var out []naming
	seen := map[string]bool{}
	s := l.Text[l.Body:]
	for {
		i := strings.Index(s, "《")
		if i < 0 {
			return out
		}
		s = s[i+len("《"):]
		j := strings.Index(s, "》")
		if j < 0 {
			return out
		}
		t := s[:j]
		s = s[j:]
		if utf8.RuneCountInString(t) > maxDocumentRunes || !strings.Contains(t, "法治") && !strings.Contains(t, "依法") ||
			!anyof.Contains(t, documentKinds...) {
			continue
		}
		n, ok := r.readSite(atDocument, titleHead(t), t)
		if ok && n.entries != nil && !seen[n.name] {
			seen[n.name] = true
			out = append(out, n)
		}
	}
}

// titleHead returns the part of a title that names the jurisdiction: after
// a leading 关于 or year, before the first of titleMarkers or a year.
func titleHead(t string) string {
	t = strings.TrimSpace(t)
	if rest, ok := strings.CutPrefix(t, "【"); ok {
		if j := strings.Index(rest, "】"); j >= 0 {
			t = rest[j+len("】"):] // a column tag: 【法治政府建设】
		}
	}
	t = strings.TrimPrefix(t, "关于")
	t = trimLeadingYear(t)
	cut := len(t)
	for _, m := range titleMarkers {
		if i := strings.Index(t, m); i >= 0 && i < cut {
			cut = i
		}
	}
	if i := yearAt(t); i >= 0 && i < cut {
		cut = i
	}
	return t[:cut]
}

func trimLeadingYear(t string) string {
	if len(t) >= 4 && isDigits(t[:4]) {
		t = strings.TrimPrefix(t[4:], "年")
		t = strings.TrimPrefix(t, "度")
	}
	return t
}

// yearAt returns the byte offset of the first four-digit year in t, or -1.
func yearAt(t string) int {
	for i := 0; i+4 <= len(t); i++ {
		if isDigits(t[i:i+4]) && (i == 0 || t[i-1] < '0' || t[i-1] > '9') {
			return i
		}
	}
	return -1
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// readSite reads the writer's name from a site's text s: the last division
// named, the others before it its chain; else a chain of short names
// (上海普陀); else an alias; else a division-like name the table does not
// know (甲乙丙镇).
func (r *Resolver) readSite(kind siteKind, s, text string) (naming, bool) {
	n := naming{site: kind, text: text}
	if ms := r.ix.scan(s, 2, true, nil); len(ms) > 0 {
		last := ms[len(ms)-1]
		n.name, n.entries = last.name, r.ix.entries[last.name]
		for _, m := range ms[:len(ms)-1] {
			if m.start < last.start {
				// A name that starts with the writer's is inside it: 朝阳区
				// in 朝阳区街道 (肇东市's) is no division above it.
				n.chain = append(n.chain, m.name)
			}
		}
		return n, true
	}
	if chain := r.shortChain(s); len(chain) > 0 {
		d := chain[len(chain)-1]
		n.name, n.entries = d.Name, []entry{{code: d.Code}}
		for _, a := range chain[:len(chain)-1] {
			n.chain = append(n.chain, a.Name)
		}
		return n, true
	}
	if name, es, ok := r.alias(s); ok {
		n.name, n.entries, n.alias = name, es, true
		return n, true
	}
	if name := bareName(s); name != "" && kind != atAddressee {
		n.name = name
		return n, true
	}
	return naming{}, false
}

// readOpening reads the subject at the start of an opening slot: a chain of
// division names (广州市海珠区江南中街道) or an alias (洛浦街), followed by a
// body word or the sentence's verb, not by 委 (区委 is another body).
func (r *Resolver) readOpening(s string) (naming, bool) {
	s = strings.TrimPrefix(s, "中共")
	head := s[:min(len(s), 24*3)]
	n := naming{site: atOpening, text: clip(s, 30)}
	ms := r.ix.scan(head, 2, true, nil)
	if len(ms) > 0 && ms[0].start == 0 {
		end, start := 0, 0
		for k, m := range ms {
			if k > 0 && m.start == start {
				// A longer name from the same start holds the one read:
				// 朝阳区街道 after 朝阳区.
				n.name, n.entries, end = m.name, r.ix.entries[m.name], m.end
				continue
			}
			if m.start != end && k > 0 {
				break
			}
			if k > 0 {
				n.chain = append(n.chain, n.name)
			}
			n.name, n.entries, end, start = m.name, r.ix.entries[m.name], m.end, m.start
		}
		// 区委 and 区人大 are other bodies; 富锋街道、永春镇… is a list, not a subject.
		if anyof.Prefix(head[end:], "委", "人大", "、", "和", "及", "等") {
			return naming{}, false
		}
		// …小海镇党政代表团一行来我镇考察: a visitor, not the writer.
		rest := s[end:]
		if k := strings.IndexAny(rest, clauseStops); k >= 0 {
			rest = rest[:k]
		}
		if anyof.Contains(rest, visitorWords...) {
			return naming{}, false
		}
		return n, true
	}
	if name, es, ok := r.alias(head); ok {
		n.name, n.entries, n.alias = name, es, true
		return n, true
	}
	if name := zoneName(head); name != "" {
		n.name = name // a writer the division table does not hold
		return n, true
	}
	return naming{}, false
}

// zoneEnds end the names of development zones and other bodies that are not
// divisions but write reports of their own.
var zoneEnds = []string{"经济技术开发区", "经济开发区", "高新技术产业开发区", "开发区", "经开区", "高新区", "新区", "园区", "示范区", "管委会", "管理委员会", "试验区", "合作区"}

// zoneName returns the name of such a body at the start of s
// (广西-东盟经济技术开发区), "" when s does not start with one.
func zoneName(s string) string {
	n := 0
	for i, r := range s {
		if n++; n > 20 {
			return ""
		}
		if !(r >= 0x4e00 && r <= 0x9fff || r == '-' || r == '—') {
			return ""
		}
		for _, e := range zoneEnds {
			if strings.HasPrefix(s[i:], e) && i > 0 {
				return s[:i+len(e)]
			}
		}
	}
	return ""
}

// alias reads at the start of s a name the table knows under another form:
// 洛浦街 for 洛浦街道, or a 乡 that is now a 镇 (and the reverse), followed by
// a body word or the end.
func (r *Resolver) alias(s string) (string, []entry, bool) {
	first, _ := utf8.DecodeRuneInString(s)
	if s == "" || strings.ContainsRune("我本全各该", first) {
		return "", nil, false
	}
	// ends[n] is the byte offset after the first n runes.
	var ends [9]int
	k := 0
	for k < len(ends)-1 && ends[k] < len(s) {
		_, size := utf8.DecodeRuneInString(s[ends[k]:])
		ends[k+1] = ends[k] + size
		k++
	}
	for n := k; n >= 2; n-- {
		name, rest := s[:ends[n]], s[ends[n]:]
		var try string
		switch {
		case strings.HasSuffix(name, "街街道"):
			try = strings.TrimSuffix(name, "街街道") + "街道" // 北城街街道 for 北城街道
		case strings.HasSuffix(name, "街"):
			try = name + "道"
		case strings.HasSuffix(name, "乡"):
			try = strings.TrimSuffix(name, "乡") + "镇"
		case strings.HasSuffix(name, "镇"):
			try = strings.TrimSuffix(name, "镇") + "乡"
		default:
			continue
		}
		if es := r.ix.entries[try]; len(es) > 0 && !strings.HasPrefix(rest, "道") {
			return name, es, true
		}
	}
	return "", nil, false
}

// shortChain reads s as a chain of short names, each a child or descendant
// of the one before (上海普陀 → 上海市 普陀区), and returns the divisions.
func (r *Resolver) shortChain(s string) []divisions.Division {
	var chain []divisions.Division
	rest := s
	for rest != "" {
		found := false
		rs := []rune(rest)
		for n := min(len(rs), 6); n >= 2 && !found; n-- {
			for _, c := range r.short[string(rs[:n])] {
				d, _ := r.t.Get(c)
				if len(chain) > 0 && !r.t.IsAncestor(chain[len(chain)-1].Code, c) {
					continue
				}
				chain = append(chain, d)
				rest = string(rs[n:])
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	if len(chain) < 2 || strings.TrimSpace(rest) != "" && !anyof.Prefix(rest, bodyWords...) {
		return nil // one short name alone is too weak to name a writer
	}
	return chain
}

// readSignature reads the issuing bodies at the end: the lowest division
// they name (荷城街道 in 六盘水市钟山区人民政府荷城街道办事处), or a town of
// it written in short form before a body's name (桥头 in 东莞市司法局桥头分局).
func (r *Resolver) readSignature(l *layout.Layout) (naming, bool) {
	if l.Signature.Text == "" {
		return naming{}, false
	}
	n, ok := r.readSite(atSignature, l.Signature.Text, l.Signature.Text)
	if !ok || len(n.entries) == 0 {
		return n, ok
	}
	if child, ok := r.childInShortForm(n.name, l.Signature.Text); ok {
		n.chain = append(n.chain, n.name)
		n.name, n.entries = child, r.ix.entries[child]
	}
	return n, true
}

// childInShortForm looks in s, after the division name parent, for the short
// form of one of that division's children followed by the name of a body
// (分局, 司法所, 人民政府...), and returns the child's name when exactly one
// child fits.
func (r *Resolver) childInShortForm(parent, s string) (string, bool) {
	i := strings.LastIndex(s, parent)
	if i < 0 {
		return "", false
	}
	rest := s[i+len(parent):]
	codes := r.ix.codes(parent)
	if len(codes) > 3 {
		return "", false
	}
	found := ""
	for _, c := range codes {
		if d, ok := r.t.Get(c); !ok || d.Level == divisions.Town {
			continue
		}
		for _, ch := range r.t.Children(c) {
			sh := divisions.ShortName(ch.Name)
			if sh == "" {
				continue
			}
			j := strings.Index(rest, sh)
			if j < 0 || !anyof.Prefix(rest[j+len(sh):], "分局", "司法所", "人民政府", "政府", "办事处", "党委", "党工委", "管委会") {
				continue
			}
			if found != "" && found != ch.Name {
				return "", false
			}
			found = ch.Name
		}
	}
	return found, found != ""
}

// bareName returns the division-like name that ends s once years and body
// names are taken off (新设镇人民政府2023年 → 新设镇), for names the division
// table does not know.
func bareName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "中共")
	for changed := true; changed; {
		changed = false
		t := strings.TrimRight(s, "0123456789年度 ()《》“”\"")
		for _, o := range bodyWords {
			t = strings.TrimSuffix(t, o)
		}
		if t != s {
			s, changed = t, true
		}
	}
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 10 || levelWord(s) == "" {
		return ""
	}
	for _, r := range s {
		if r < 0x4e00 || r > 0x9fff {
			return ""
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("我本全各该区县市镇乡省", first) {
		return "" // 全区, 本镇, 区人民政府: no name
	}
	return s
}

// levelWord returns the generic suffix of a division name: 街道 镇 乡 苏木
// 区 县 市 旗 州 盟 省, or "".
func levelWord(name string) string {
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

// clip shortens s to n runes for evidence notes.
func clip(s string, n int) string {
	end := runeOffset(s, n)
	if end == len(s) {
		return s
	}
	if !utf8.ValidString(s[:end]) {
		return string([]rune(s)[:n]) + "…" // invalid bytes become U+FFFD, as they always have
	}
	return s[:end] + "…"
}

// runeOffset returns the byte offset of the n-th rune of s (counting from
// 0), or len(s) when s has no more than n runes; an invalid byte counts as
// a rune, as in a range loop.
func runeOffset(s string, n int) int {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}
