package ingest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/goldeval"
	"github.com/fazhi/fazhi/ingest/textnorm"
)

// Metamorphic testing of the whole pipeline: the real texts of the datasets
// are damaged the way real extraction damages pages (PDF line breaks, page
// numbers, full-width digits, spaced characters, web furniture, odd spaces,
// glued headings, cut endings), each damage alone, and the facts, the
// jurisdiction and the year must stay what the clean text gives. A damage
// that preserves the meaning must not change the facts.
//
// go test -tags duckdb_arrow ./ingest -run Metamorphic -v -meta.detail
// prints every fact that moved; META_DUMP=wrap35:042.txt prints that
// damaged text and its normalised form.

var metaDetail = flag.Bool("meta.detail", false, "TestMetamorphic: list every fact lost, gained or changed")

// perturbation damages the raw text of one file. ctx gives what a
// perturbation may need to stay meaning-preserving (the clean run's year).
type perturbation struct {
	name string
	// why says what real pages look like this.
	why string
	f   func(s string, rng *rand.Rand, c pctx) string
}

type pctx struct {
	year int // year of the clean run (0: unknown)
}

// budget is what a perturbation is still allowed to move, over all texts:
// the damage kinds not (yet) handled, documented in metaBudget. The test
// fails when a perturbation moves more.
type budget struct{ texts, lost, gained, changed, jur, year int }

// metaBudget is the documented residue per perturbation (zero when absent):
// texts, lost, gained, changed, jurisdiction, year: the damage kinds not
// handled yet. The first run, before any repair, is in the commit that
// added this test. Left:
//   - wrap20, glue-after: realdev/014 keeps 五常街道 but loses its code
//     when its headings and paragraphs run together (the resolver's
//     confidence, ingest/jurisdiction);
//   - truncate: batchC/P042 loses 开阳县 and gains a fact from the cut
//     sentence (党的二十 cut to 党: 2期 read as study sessions);
//   - join35sp: the spaces textnorm's unjoin removes stand a multiple of
//     one width apart; one that does not (a line's first, after a shorter
//     first line) still reads as a table cell boundary (clause end), as
//     the extractor must for tables: two texts (realdev/033, 042) move a
//     fact (23 texts, 30 facts lost before unjoin).
var metaBudget = map[string]budget{
	"wrap20":     {1, 0, 0, 0, 1, 0},
	"wrap20sp":   {1, 0, 0, 0, 1, 0},
	"join35sp":   {2, 1, 2, 0, 0, 0},
	"glue-after": {1, 0, 0, 0, 1, 0},
	"truncate":   {1, 0, 1, 0, 1, 0},
}

var perturbations = []perturbation{
	{"wrap20", "PDF text: a hard line break every 20 characters inside paragraphs (narrow columns, table cells)", func(s string, r *rand.Rand, c pctx) string { return wrap(s, 20, "\n") }},
	{"wrap35", "PDF text: a hard line break every 35 characters (A4 page, 16pt 仿宋)", func(s string, r *rand.Rand, c pctx) string { return wrap(s, 35, "\n") }},
	{"wrap60", "PDF text: a hard line break every 60 characters (small print)", func(s string, r *rand.Rand, c pctx) string { return wrap(s, 60, "\n") }},
	{"wrap20sp", "PDF text whose extractor keeps a space at each line end", func(s string, r *rand.Rand, c pctx) string { return wrap(s, 20, " \n") }},
	{"wrap35sp", "PDF text whose extractor keeps a space at each line end", func(s string, r *rand.Rand, c pctx) string { return wrap(s, 35, " \n") }},
	{"wrap60sp", "PDF text whose extractor keeps a space at each line end", func(s string, r *rand.Rand, c pctx) string { return wrap(s, 60, " \n") }},
	{"join35sp", "PDF lines joined with a space by the converter (HTML made from PDF): a space every 35 characters", func(s string, r *rand.Rand, c pctx) string { return wrap(s, 35, " ") }},
	{"page-dash", "PDF page footer `- 3 -` on its own line every ~1500 characters, mid-sentence", func(s string, r *rand.Rand, c pctx) string {
		return pages(s, r, func(p, n int) string { return fmt.Sprintf("- %d -", p) })
	}},
	{"page-of", "PDF page footer `第 3 页 共 8 页` every ~1500 characters", func(s string, r *rand.Rand, c pctx) string {
		return pages(s, r, func(p, n int) string { return fmt.Sprintf("第 %d 页 共 %d 页", p, n) })
	}},
	{"page-bare", "PDF page number alone on a line (`3`) every ~1500 characters", func(s string, r *rand.Rand, c pctx) string {
		return pages(s, r, func(p, n int) string { return fmt.Sprint(p) })
	}},
	{"page-title", "PDF running header: the report's title repeated at each page top, with the page number below", func(s string, r *rand.Rand, c pctx) string {
		t := firstLine(s)
		return pages(s, r, func(p, n int) string { return fmt.Sprintf("- %d -\n%s", p, t) })
	}},
	{"fullwidth", "pages typed in a Chinese IME: digits and ASCII punctuation in full width (１２件 ，；（）％)", func(s string, r *rand.Rand, c pctx) string { return widths(s, r, 1) }},
	{"mixwidth", "pages edited by several hands: full- and half-width digits and punctuation mixed (１2３件, ，/,)", func(s string, r *rand.Rand, c pctx) string { return widths(s, r, 0.5) }},
	{"spaced-cjk", "PDF with character spacing: spaces between every CJK character of about a third of the lines", func(s string, r *rand.Rand, c pctx) string { return spaced(s, r, false) }},
	{"spaced-all", "PDF with character spacing: a space between every character (digits too) of about a third of the lines", func(s string, r *rand.Rand, c pctx) string { return spaced(s, r, true) }},
	{"spaced-title", "a title set in spaced characters (法 治 政 府 建 设 …)", func(s string, r *rand.Rand, c pctx) string { return spacedTitle(s) }},
	{"thousands", "figures of four digits and more written with a thousands separator (1,234件)", func(s string, r *rand.Rand, c pctx) string { return thousands(s) }},
	{"web", "a web page saved as text: breadcrumb, metadata and view counter above, share, print and copyright bars below", func(s string, r *rand.Rand, c pctx) string { return web(s, c) }},
	{"crlf", "Windows line ends", func(s string, r *rand.Rand, c pctx) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
	{"indent-tab", "paragraphs indented with a tab", func(s string, r *rand.Rand, c pctx) string { return indent(s, "\t") }},
	{"indent-ideo", "paragraphs indented with two ideographic spaces (U+3000), as in most Chinese web pages", func(s string, r *rand.Rand, c pctx) string { return indent(s, "\u3000\u3000") }},
	{"indent-nbsp", "paragraphs indented with &nbsp; turned into U+00A0", func(s string, r *rand.Rand, c pctx) string { return indent(s, "\u00a0\u00a0\u00a0\u00a0") }},
	{"glue-before", "a numbered heading glued to the previous paragraph (the newline before 二、 or (三) lost)", func(s string, r *rand.Rand, c pctx) string { return glueHeadings(s, true) }},
	{"glue-after", "a numbered heading glued to its section's first paragraph ((一)加强学习2024年,…)", func(s string, r *rand.Rand, c pctx) string { return glueHeadings(s, false) }},
	{"truncate", "the page cut off in the middle of its last complete sentence (facts from there on are excused)", func(s string, r *rand.Rand, c pctx) string { t, _ := truncate(s); return t }},
}

// isASCIIWord reports whether r belongs to a run a PDF does not break: a
// line break never falls inside 2024 or 12.5% or a Latin word.
func isASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == '%')
}

// wrap breaks every line longer than n runes every n runes with brk, as a
// PDF's text layer does; never inside a run of ASCII letters and digits.
func wrap(s string, n int, brk string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		rs := []rune(line)
		k := 0
		for j, r := range rs {
			if k >= n && j > 0 && !(isASCIIWord(rs[j-1]) && isASCIIWord(r)) && j < len(rs) {
				b.WriteString(brk)
				k = 0
			}
			b.WriteRune(r)
			k++
		}
	}
	return b.String()
}

// pages inserts a page furniture line every ~1500 runes (the first after
// 1200–1500), where the page ends: usually in the middle of a sentence.
func pages(s string, rng *rand.Rand, furn func(page, pages int) string) string {
	rs := []rune(s)
	const every = 1500
	total := len(rs)/every + 1
	var b strings.Builder
	next := every - rng.IntN(300)
	page := 1
	for j, r := range rs {
		if j >= next && j > 0 && !(isASCIIWord(rs[j-1]) && isASCIIWord(r)) {
			if rs[j-1] != '\n' {
				b.WriteByte('\n')
			}
			b.WriteString(furn(page, total))
			if r != '\n' {
				b.WriteByte('\n')
			}
			page++
			next = j + every
		}
		b.WriteRune(r)
	}
	return b.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// widths turns each half-width digit and ASCII punctuation mark into its
// full-width form with probability p.
func widths(s string, rng *rand.Rand, p float64) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= '0' && r <= '9' || strings.ContainsRune(",;:()%!?", r)) && (p >= 1 || rng.Float64() < p) {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// spaced puts a space between the characters of about a third of the
// lines: between CJK characters only, or between all characters.
func spaced(s string, rng *rand.Rand, all bool) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if rng.IntN(3) != 0 {
			continue
		}
		lines[i] = spaceLine(line, all)
	}
	return strings.Join(lines, "\n")
}

func spaceLine(line string, all bool) string {
	var b strings.Builder
	var prev rune
	for _, r := range line {
		if prev != 0 && prev != ' ' && r != ' ' && (all || unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, r)) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func spacedTitle(s string) string {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return s
	}
	return spaceLine(s[:i], false) + s[i:]
}

// thousands writes every run of 4 to 7 digits that is followed by a CJK
// character other than 年 月 日 号 (a count, not a year or a date) and that
// is not part of a decimal, with commas: 1234件 → 1,234件. (Longer runs
// are glued figures of a damaged page, 20192020172件, not one number.)
func thousands(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); {
		if rs[i] < '0' || rs[i] > '9' || i > 0 && (rs[i-1] == '.' || rs[i-1] >= '0' && rs[i-1] <= '9') {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		d := string(rs[i:j])
		ok := len(d) >= 4 && len(d) <= 7 && d[0] != '0' && j < len(rs) && unicode.Is(unicode.Han, rs[j]) && !strings.ContainsRune("年月日号届期", rs[j])
		if ok {
			for k := range d {
				if k > 0 && (len(d)-k)%3 == 0 {
					b.WriteByte(',')
				}
				b.WriteByte(d[k])
			}
		} else {
			b.WriteString(d)
		}
		i = j
	}
	return b.String()
}

// web wraps the text in a government site's furniture. The publication
// date is the spring after the report's year, as real pages have it.
func web(s string, c pctx) string {
	meta := "来源:本网 作者:办公室"
	if c.year > 0 {
		meta = fmt.Sprintf("来源:本网 发布时间:%d-03-01 09:30 浏览次数:123", c.year+1)
	}
	head := []string{
		"首页 > 政务公开 > 法治政府建设 > 正文",
		"【字体:大 中 小】 打印本页",
		meta,
	}
	tail := []string{
		"分享到:",
		"打印本页 关闭窗口",
		"上一篇:关于开展安全生产大检查的通知",
		"下一篇:2024年第一季度政府信息公开工作动态",
		"版权所有 ICP备12345678号-1 网站标识码1234567890",
	}
	return strings.Join(head, "\n") + "\n" + s + "\n" + strings.Join(tail, "\n")
}

func indent(s, ind string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		if lines[i] != "" {
			lines[i] = ind + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// isHeadingStart reports whether a line starts like a numbered heading:
// 一、 (三) （三） 1. 1、.
func isHeadingStart(line string) bool {
	r, size := utf8.DecodeRuneInString(line)
	switch {
	case strings.ContainsRune("一二三四五六七八九十", r):
		rest := strings.TrimLeft(line[size:], "一二三四五六七八九十")
		return strings.HasPrefix(rest, "、")
	case r == '(' || r == '（':
		rest := strings.TrimLeft(line[size:], "一二三四五六七八九十")
		return len(rest) < len(line)-size && (strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "）"))
	case r >= '1' && r <= '9':
		rest := strings.TrimLeft(line, "0123456789")
		return len(line)-len(rest) <= 2 && (strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") && !strings.HasPrefix(strings.TrimLeft(rest[1:], " "), "0") && !(len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9'))
	}
	return false
}

// glueHeadings removes the line break before (before) or after (!before)
// every numbered heading line.
func glueHeadings(s string, before bool) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, line := range lines {
		if i > 0 {
			h := isHeadingStart(strings.TrimSpace(line))
			if before && h || !before && isHeadingStart(strings.TrimSpace(lines[i-1])) && !h {
				b.WriteString(line)
				continue
			}
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

// truncate cuts s in the middle of its last complete sentence (the one
// ending at the last 。). It returns the text and the rune offset, in the
// normalised clean text, from which facts are excused (-1: not cut).
func truncate(s string) (string, int) {
	end := strings.LastIndex(s, "。")
	if end < 0 {
		return s, -1
	}
	start := max(strings.LastIndex(s[:end], "。")+len("。"), strings.LastIndex(s[:end], "\n")+1)
	rs := []rune(s[start:end])
	if len(rs) < 4 {
		return s, -1
	}
	cut := start + len(string(rs[:len(rs)/2]))
	return s[:cut], utf8.RuneCountInString(textnorm.Normalize(s[:start]))
}

// metaText is one real text with its clean run.
type metaText struct {
	name, set string
	data      string
	clean     Report
}

type factKey struct {
	indicator string
	value     float64
}

func factAttrs(f Fact) string {
	return fmt.Sprintf("%s|%s|%v|%s|%v", f.Unit, f.RawUnit, f.Approx, f.Scope, f.Derived)
}

// factDiff compares the facts of a damaged run with the clean run's:
// facts lost and gained (by indicator and value, as multisets) and facts
// kept whose unit, approximation, scope or derivation changed. Clean facts
// at or after excuse (a rune offset; -1 none) may be lost.
func factDiff(clean, got []Fact, excuse int) (lost, gained, changed []string) {
	type slot struct {
		f    Fact
		used bool
	}
	pool := map[factKey][]*slot{}
	for _, f := range got {
		k := factKey{f.Indicator, f.Value}
		pool[k] = append(pool[k], &slot{f: f})
	}
	for _, f := range clean {
		k := factKey{f.Indicator, f.Value}
		var hit *slot
		for _, s := range pool[k] {
			if !s.used {
				hit = s
				break
			}
		}
		if hit == nil {
			if excuse < 0 || f.Start < excuse {
				lost = append(lost, fmt.Sprintf("%s=%g «%s»", f.Indicator, f.Value, f.Quote))
			}
			continue
		}
		hit.used = true
		if factAttrs(hit.f) != factAttrs(f) {
			changed = append(changed, fmt.Sprintf("%s=%g %s -> %s", f.Indicator, f.Value, factAttrs(f), factAttrs(hit.f)))
		}
	}
	for _, f := range got {
		for _, s := range pool[factKey{f.Indicator, f.Value}] {
			if s.f.Start == f.Start && !s.used {
				gained = append(gained, fmt.Sprintf("%s=%g «%s»", f.Indicator, f.Value, f.Quote))
				s.used = true
			}
		}
	}
	return lost, gained, changed
}

// seed is a stable seed from the text's name and the perturbation's.
func seed(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// metaRow is one line of the table: what one perturbation did over all texts.
type metaRow struct {
	name                                    string
	texts, lost, gained, changed, jur, year int
	p, r                                    float64
}

func (r metaRow) budgetExceeded(b budget) bool {
	return r.texts > b.texts || r.lost > b.lost || r.gained > b.gained || r.changed > b.changed || r.jur > b.jur || r.year > b.year
}

// TestMetamorphic damages every real text with every perturbation alone and
// compares the pipeline's output with the clean run's and with the gold.
func TestMetamorphic(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over every real text some 25 times")
	}
	x := mustExtractor(t)
	ctx := context.Background()
	var texts []*metaText
	var gold []goldeval.Gold
	// The folders of real and sample texts with gold facts.
	for _, set := range goldenSets {
		dir := filepath.Join("..", "datasets", set)
		gf, err := os.Open(filepath.Join(dir, "gold.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		g, err := goldeval.ReadGold(gf)
		gf.Close()
		if err != nil {
			t.Fatal(err)
		}
		gold = append(gold, g...)
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no texts in %s", dir)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(f)
			rep, err := x.Extract(ctx, name, data, Meta{})
			if err != nil {
				t.Fatalf("extract %s: %v", f, err)
			}
			texts = append(texts, &metaText{name: name, set: set, data: string(data), clean: rep})
		}
	}

	score := func(got map[string][]Fact) (float64, float64) {
		s := goldeval.Score(gold, got)
		return s.Overall.Precision(), s.Overall.Recall()
	}
	cleanGot := map[string][]Fact{}
	for _, m := range texts {
		cleanGot[m.name] = m.clean.Facts
	}
	cp, cr := score(cleanGot)
	rows := []metaRow{{name: "(clean)", p: cp, r: cr}}
	var detail bytes.Buffer
	for _, p := range perturbations {
		row := metaRow{name: p.name}
		got := map[string][]Fact{}
		for _, m := range texts {
			rng := rand.New(rand.NewPCG(seed(m.name, p.name), 1))
			damaged := p.f(m.data, rng, pctx{year: m.clean.Year})
			excuse := -1
			if p.name == "truncate" {
				_, excuse = truncate(m.data)
			}
			if os.Getenv("META_DUMP") == p.name+":"+m.name {
				t.Logf("%s %s damaged:\n%s\nnormalised:\n%s", p.name, m.name, damaged, textnorm.Normalize(damaged))
			}
			rep, err := x.Extract(ctx, m.name, []byte(damaged), Meta{})
			if err != nil {
				t.Errorf("%s %s: %v", p.name, m.name, err)
				continue
			}
			got[m.name] = rep.Facts
			lost, gained, changed := factDiff(m.clean.Facts, rep.Facts, excuse)
			cj, gj := m.clean.Jurisdiction, rep.Jurisdiction
			jur := cj.Code != gj.Code || cj.Name != gj.Name
			yr := m.clean.Year != rep.Year
			if len(lost)+len(gained)+len(changed) > 0 || jur || yr {
				row.texts++
			}
			row.lost += len(lost)
			row.gained += len(gained)
			row.changed += len(changed)
			if jur {
				row.jur++
				fmt.Fprintf(&detail, "%s %s/%s: jurisdiction %s %s -> %s %s\n", p.name, m.set, m.name, cj.Code, cj.Name, gj.Code, gj.Name)
			}
			if yr {
				row.year++
				fmt.Fprintf(&detail, "%s %s/%s: year %d -> %d\n", p.name, m.set, m.name, m.clean.Year, rep.Year)
			}
			for _, l := range lost {
				fmt.Fprintf(&detail, "%s %s/%s: LOST   %s\n", p.name, m.set, m.name, l)
			}
			for _, l := range gained {
				fmt.Fprintf(&detail, "%s %s/%s: GAINED %s\n", p.name, m.set, m.name, l)
			}
			for _, l := range changed {
				fmt.Fprintf(&detail, "%s %s/%s: CHANGED %s\n", p.name, m.set, m.name, l)
			}
		}
		row.p, row.r = score(got)
		rows = append(rows, row)
	}

	var tab bytes.Buffer
	fmt.Fprintf(&tab, "%d texts, %d gold facts, %d clean facts\n", len(texts), len(gold), countFacts(cleanGot))
	fmt.Fprintf(&tab, "%-13s %5s %5s %6s %7s %4s %4s %6s %6s\n", "perturbation", "texts", "lost", "gained", "changed", "jur", "year", "P", "R")
	for _, r := range rows {
		fmt.Fprintf(&tab, "%-13s %5d %5d %6d %7d %4d %4d %6.3f %6.3f\n", r.name, r.texts, r.lost, r.gained, r.changed, r.jur, r.year, r.p, r.r)
	}
	t.Logf("metamorphic table:\n%s", tab.String())
	if *metaDetail {
		lines := strings.Split(strings.TrimSpace(detail.String()), "\n")
		t.Logf("detail:\n%s", strings.Join(lines, "\n"))
	}
	for _, r := range rows[1:] {
		if b := metaBudget[r.name]; r.budgetExceeded(b) {
			t.Errorf("%s moves more than documented: texts %d lost %d gained %d changed %d jur %d year %d; budget %+v (run with -v -meta.detail)",
				r.name, r.texts, r.lost, r.gained, r.changed, r.jur, r.year, b)
		}
	}
}

func countFacts(m map[string][]Fact) int {
	n := 0
	for _, fs := range m {
		n += len(fs)
	}
	return n
}
