package source

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML extracts an article page: its title, its URL and the text of its
// main content block, with scripts, styles, navigation, headers, footers and
// share or toolbar blocks left out. Block elements end lines; table cells
// are separated by spaces.
func readHTML(text string) (Document, error) {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Document{}, fmt.Errorf("%w: html: %w", ErrUndecodable, err)
	}
	body := find(root, atom.Body)
	if body == nil {
		body = root
	}
	var w textWriter
	w.b.Grow(len(text)) // the text is shorter than the page: one allocation
	w.render(mainContent(body))
	return Document{Title: pageTitle(root), URL: pageURL(root), Text: w.b.String(), Format: FormatHTML}, nil
}

// skippedElements never hold report text.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Canvas: true, atom.Object: true, atom.Embed: true, atom.Head: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Select: true, atom.Button: true,
	atom.Input: true, atom.Textarea: true, atom.Map: true, atom.Audio: true, atom.Video: true,
	atom.Title: true, atom.Math: true,
}

// boilerplateTokens are id or class words (split at - and _) of site
// chrome: navigation, breadcrumbs, headers and footers, share and tool bars.
var boilerplateTokens = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "submenu": true, "breadcrumb": true,
	"breadcrumbs": true, "crumb": true, "crumbs": true, "footer": true, "foot": true, "header": true,
	"share": true, "bdshare": true, "bdsharebuttonbox": true, "sharebox": true, "toolbar": true,
	"sidebar": true, "copyright": true, "print": true, "dqwz": true, "location": true, "position": true,
	"related": true, "xglj": true, "fontsize": true, "topbar": true, "skip": true, "elderly": true,
}

// skip reports whether an element is chrome rather than content.
func skip(n *html.Node) bool {
	if n.Type == html.CommentNode || n.Type == html.DoctypeNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if skippedElements[n.DataAtom] {
		return true
	}
	if n.DataAtom == atom.Header && !inside(n, atom.Article, atom.Main) {
		return true
	}
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "id", "class":
			for _, tok := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
				return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
			}) {
				if boilerplateTokens[tok] {
					return true
				}
			}
		}
	}
	return false
}

func inside(n *html.Node, atoms ...atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, a := range atoms {
			if p.DataAtom == a {
				return true
			}
		}
	}
	return false
}

// find returns the first element of kind a in document order.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// blockElements end a line in the rendered text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Blockquote: true, atom.Pre: true, atom.Center: true, atom.Header: true, atom.Address: true,
	atom.Figure: true, atom.Figcaption: true, atom.Form: true, atom.Fieldset: true, atom.Hr: true,
	atom.Caption: true,
}

// minParagraphRunes is the text length from which a block with sentence
// punctuation counts as a paragraph when looking for the main content.
const minParagraphRunes = 10

// mainContent returns the element that holds the article: the one whose
// paragraphs (blocks with at least minParagraphRunes runes of their own
// text and some sentence punctuation) add up to the most text, counting
// each paragraph for itself, fully for its parent and half for its
// grandparent; on a tie the deeper element wins, and a paragraph
// element gives way to the block that holds it. When that element holds
// less than 80% of all paragraph text of the page (an article split over
// sibling blocks), its ancestors are tried. Pages with little paragraph
// text give body.
func mainContent(body *html.Node) *html.Node {
	score := map[*html.Node]int{}
	covered := map[*html.Node]int{}
	depth := map[*html.Node]int{}
	order := map[*html.Node]int{}
	total := 0
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		order[n] = len(order)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !skip(c) {
				walk(c, d+1)
			}
		}
		if n.Type != html.ElementNode || !blockElements[n.DataAtom] && n.DataAtom != atom.Td && n.DataAtom != atom.Th {
			return
		}
		own, prose := ownText(n)
		if own < minParagraphRunes || !prose {
			return
		}
		total += own
		for p, k := n, 0; p != nil && p != body.Parent; p, k = p.Parent, k+1 {
			covered[p] += own
			switch k {
			case 0, 1:
				score[p] += own
				depth[p] = d - k
			case 2:
				score[p] += own / 2
				depth[p] = d - k
			}
		}
	}
	walk(body, 0)
	var best *html.Node
	for n, s := range score {
		if best == nil || s > score[best] || s == score[best] &&
			(depth[n] > depth[best] || depth[n] == depth[best] && order[n] < order[best]) {
			best = n
		}
	}
	if best == nil || total < 50 {
		return body
	}
	// A paragraph is not a container: take the block that holds it.
	for best != body && best.Parent != nil && paragraphElements[best.DataAtom] {
		best = best.Parent
	}
	for best != body && best.Parent != nil && covered[best]*10 < total*8 {
		best = best.Parent
	}
	return best
}

// paragraphElements hold a paragraph, never a whole article.
var paragraphElements = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Td: true, atom.Th: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.Pre: true, atom.Figcaption: true, atom.Caption: true, atom.Address: true,
}

// ownText measures the text that belongs to n itself: its text and that of
// inline descendants, not of nested blocks or skipped elements. It returns
// the rune count and whether the text has sentence punctuation.
func ownText(n *html.Node) (runes int, prose bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			t := strings.TrimSpace(c.Data)
			runes += runeCount(t)
			prose = prose || hasClausePunct(t)
		case c.Type == html.ElementNode && !skip(c) && !blockElements[c.DataAtom] && c.DataAtom != atom.Td && c.DataAtom != atom.Th:
			r, p := ownText(c)
			runes += r
			prose = prose || p
		}
	}
	return runes, prose
}

// hasClausePunct reports whether s holds 。 ， ； , or ; (as
// strings.ContainsAny would, by a byte loop: ContainsAny compares every
// rune with every mark when a mark is not ASCII). 。 starts with E3 and
// ， ； with EF, bytes that only ever lead a character.
func hasClausePunct(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ';':
			return true
		case 0xE3:
			if strings.HasPrefix(s[i:], "。") {
				return true
			}
		case 0xEF:
			if strings.HasPrefix(s[i:], "，") || strings.HasPrefix(s[i:], "；") {
				return true
			}
		}
	}
	return false
}

// textWriter renders nodes as text lines.
type textWriter struct {
	b    strings.Builder
	last rune // last rune written
	soft bool // a line break of the source is pending
	pre  int  // depth of <pre>
}

func (w *textWriter) render(n *html.Node) {
	if skip(n) {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.render(c)
		}
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.newline()
		return
	case atom.Td, atom.Th:
		w.space()
	case atom.Img:
		return
	case atom.Pre:
		w.pre++
		defer func() { w.pre-- }()
	}
	block := blockElements[n.DataAtom]
	if block {
		w.newline()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.render(c)
	}
	if block {
		w.newline()
	}
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		w.space()
	}
}

func (w *textWriter) newline() {
	w.soft = false
	if w.last != '\n' && w.last != 0 {
		w.b.WriteByte('\n')
		w.last = '\n'
	}
}

func (w *textWriter) space() {
	w.soft = false
	if w.last != ' ' && w.last != '\n' && w.last != 0 {
		w.b.WriteByte(' ')
		w.last = ' '
	}
}

// text writes a text node. Outside <pre>, runs of white space become one
// space, except that a source line break next to CJK characters is
// dropped (see joinsAcrossBreak).
func (w *textWriter) text(s string) {
	if w.pre > 0 {
		w.b.WriteString(s)
		if r, _ := utf8.DecodeLastRuneInString(s); s != "" {
			w.last = r
		}
		return
	}
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			s = s[size:]
			broke := r == '\n' || r == '\r'
			for len(s) > 0 && strings.IndexByte(" \t\n\r\f", s[0]) >= 0 {
				broke = broke || s[0] == '\n' || s[0] == '\r'
				s = s[1:]
			}
			if broke {
				w.soft = true
			} else {
				w.space()
			}
			continue
		}
		if w.soft {
			w.soft = false
			if !joinsAcrossBreak(w.last, r) {
				w.space()
			}
		}
		if r == utf8.RuneError && size == 1 {
			w.b.WriteRune(r) // an invalid byte becomes U+FFFD
			w.last = r
			s = s[size:]
			continue
		}
		// The rest of the word at once: nothing but white space changes
		// what is written, and valid UTF-8 is written as it is.
		end := wordEnd(s)
		w.b.WriteString(s[:end])
		w.last, _ = utf8.DecodeLastRuneInString(s[:end])
		s = s[end:]
	}
}

// wordEnd returns the length of the valid UTF-8 that starts s up to the
// first white space (space, tab, line break, form feed) or invalid byte.
func wordEnd(s string) int {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			return i
		case c < utf8.RuneSelf:
			i++
		case valid3(s, i):
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return i
			}
			i += size
		}
	}
	return len(s)
}

// joinsAcrossBreak reports whether a source line break between a and b is
// dropped: between two CJK characters (as browsers do), and between a CJK
// character and punctuation.
func joinsAcrossBreak(a, b rune) bool {
	switch {
	case wideRune(a) && wideRune(b):
		return true
	case wideRune(a):
		return isASCIIPunct(b)
	case wideRune(b):
		return isASCIIPunct(a)
	}
	return false
}

func isASCIIPunct(r rune) bool {
	return r < utf8.RuneSelf && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r)
}

// wideRune reports whether r is a CJK character or CJK punctuation, between
// which a source line break is not a space.
func wideRune(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFFEF ||
		r == '“' || r == '”' || r >= 0x20000
}

// pageTitle returns the article title: the ArticleTitle meta of government
// sites or og:title; else a heading whose text is the main part of <title>;
// else that main part (the longest piece of <title> split at _ | - —, which
// drops the site name); else the first <h1>.
func pageTitle(root *html.Node) string {
	if t := metaContent(root, "articletitle", "og:title"); t != "" {
		return t
	}
	var title string
	if n := find(root, atom.Title); n != nil {
		title = collapse(textOf(n))
	}
	main := mainTitlePart(title)
	var h1 string
	var headings func(n *html.Node) string
	headings = func(n *html.Node) string {
		if n.Type == html.ElementNode && (n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3) {
			h := collapse(textOf(n))
			if h1 == "" && n.DataAtom == atom.H1 {
				h1 = h
			}
			if main != "" && utf8.RuneCountInString(h) >= 4 && (h == main || strings.HasPrefix(h, main) || strings.HasPrefix(main, h) && utf8.RuneCountInString(h)*2 > utf8.RuneCountInString(main)) {
				return h
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if h := headings(c); h != "" {
				return h
			}
		}
		return ""
	}
	if h := headings(root); h != "" {
		return h
	}
	if main != "" {
		return main
	}
	return h1
}

// mainTitlePart returns the longest piece of a <title> split at the
// separators sites put between the article and site names: _ | — －
// -- and " - ".
func mainTitlePart(title string) string {
	title = strings.ReplaceAll(title, "--", "|")
	parts := strings.FieldsFunc(title, func(r rune) bool { return r == '_' || r == '|' || r == '—' || r == '－' })
	var best string
	for _, p := range parts {
		for _, q := range strings.Split(p, " - ") {
			q = strings.TrimSpace(q)
			if utf8.RuneCountInString(q) > utf8.RuneCountInString(best) {
				best = q
			}
		}
	}
	return best
}

// pageURL returns the page address from <link rel=canonical>, og:url or the
// Url meta of government sites, when it is an absolute http(s) URL.
func pageURL(root *html.Node) string {
	var canonical string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if canonical != "" {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Link && strings.EqualFold(attrOf(n, "rel"), "canonical") {
			canonical = strings.TrimSpace(attrOf(n, "href"))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, u := range []string{canonical, metaContent(root, "og:url", "url")} {
		if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			return u
		}
	}
	return ""
}

// metaContent returns the content of the first <meta> whose name or
// property is one of keys (lower case), tried in order.
func metaContent(root *html.Node, keys ...string) string {
	found := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			key := strings.ToLower(attrOf(n, "name"))
			if key == "" {
				key = strings.ToLower(attrOf(n, "property"))
			}
			if _, ok := found[key]; !ok {
				found[key] = collapse(attrOf(n, "content"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, k := range keys {
		if v := found[k]; v != "" {
			return v
		}
	}
	return ""
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// textOf is all the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapse joins the words of s with single spaces.
func collapse(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}
