package layout

import (
	"strings"
	"unicode/utf8"
)

// Span is a stretch of the text: byte offsets [Start, End).
type Span struct {
	Start, End int
}

// Contains reports whether byte offset off lies inside s.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Kind says what a line of the text is.
type Kind uint8

// Line kinds.
const (
	// Prose is the report's own running text (paragraphs).
	Prose Kind = iota
	// Furniture is the web page around the report: navigation, breadcrumbs,
	// print and share bars, view counters, site names, footers.
	Furniture
	// Meta is a line of the page's metadata block (索引号, 发布机构, 来源,
	// 发布日期…); its values are in Layout.Fields.
	Meta
	// TitleLine is a line of the title block (issuer lines included).
	TitleLine
	// Addressee is the line the report is addressed to (市委、市政府:).
	Addressee
	// Heading is a numbered section heading (一、 (一) 1. 【…】), possibly
	// followed on the same line by the section's first sentence.
	Heading
	// TableRow is a row of a table written with | between cells.
	TableRow
	// Signature is a line of the issuing bodies at the end.
	Signature
	// DateLine is a line that is only a date (the signature's).
	DateLine
)

var kindNames = [...]string{"prose", "furniture", "meta", "title", "addressee", "heading", "table", "signature", "date"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Line is one non-empty line of the text, trimmed.
type Line struct {
	Span
	Kind Kind
}

// Block is a group of lines read together, such as a title over two lines.
type Block struct {
	// Text is the lines' text joined without a separator ("" when absent).
	Text string
	// Lines are the indexes into Layout.Lines of the lines it was read from.
	Lines []int
}

// Field is one metadata field of a web page: 发布机构 丰都县栗子乡人民政府.
type Field struct {
	Key   string
	Value string
	Span  Span // of the value
}

// Date is a calendar date the text states; the zero Date means none.
type Date struct {
	Year, Month, Day int
	Span             Span
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Year == 0 }

// Layout is what Read found out about a report's text.
type Layout struct {
	// Text is the text the layout describes.
	Text  string
	Lines []Line
	// Fields are the page's metadata fields in order.
	Fields []Field
	// Title is the title block: the report's title with an issuer line
	// above or below it merged in (通城镇人民政府 + 2025年法治政府建设情况),
	// or, when the text has none, the title given by the file (HTML
	// <title>, with the site's name cut off) or the 名称/标题 field.
	Title Block
	// TitleFromText is false when Title came from outside the text's lines.
	TitleFromText bool
	// Site is the name of the web site the file's own title ends with
	// (临海市人民政府 in …情况报告_临海市人民政府), "" when none.
	Site string
	// Issuer is the body named on a line of its own in the title block
	// (通城镇人民政府, 大方县黄泥塘镇), "" when the title names none apart.
	Issuer Block
	// Addressee is the body the report is addressed to (城中区委全面依法治区委员会):
	// a parent of the jurisdiction, never the jurisdiction itself.
	Addressee Block
	// Opening holds the places of the first sentences of the body where a
	// report names its subject, after a leading year, 在…领导下 and similar
	// phrases: 2024年,|五常街道深入学习… The spans run to the sentence's end.
	Opening []Span
	// Body is the byte offset where the report's own text starts, after the
	// page furniture, the title and the addressee.
	Body     int
	Sections []Section
	Tables   []Table
	// Signature holds the issuing bodies on the last lines, in text order.
	Signature Block
	// Signed is the date on the signature's line; Published the page's
	// publication date from its metadata.
	Signed, Published Date
}

// Read returns the layout of text, a normalised report (textnorm). title is
// the title the file itself gives, if any (HTML <title>, a docx heading).
func Read(text, title string) *Layout {
	l := &Layout{Text: text}
	l.splitLines()
	l.classifyLines()
	l.readTop(title)
	l.readSections()
	l.readTables()
	l.readSignature()
	l.readOpening()
	return l
}

// LineText returns the text of line i.
func (l *Layout) LineText(i int) string {
	return l.Text[l.Lines[i].Start:l.Lines[i].End]
}

// LineAt returns the index of the line holding byte offset off, or -1.
func (l *Layout) LineAt(off int) int {
	lo, hi := 0, len(l.Lines)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < l.Lines[m].Start:
			hi = m
		case off >= l.Lines[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Ignored reports whether byte offset off lies on a line that is not the
// report's own text: page furniture or metadata.
func (l *Layout) Ignored(off int) bool {
	i := l.LineAt(off)
	return i >= 0 && (l.Lines[i].Kind == Furniture || l.Lines[i].Kind == Meta)
}

// HasText reports whether the text holds any line of the report's own,
// not only the page's furniture and metadata.
func (l *Layout) HasText() bool {
	for _, ln := range l.Lines {
		if ln.Kind != Furniture && ln.Kind != Meta {
			return true
		}
	}
	return false
}

// Field returns the value of the first metadata field named key.
func (l *Layout) Field(key string) (Field, bool) {
	for _, f := range l.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

func (l *Layout) splitLines() {
	off := 0
	for line := range strings.Lines(l.Text) {
		start, end := off, off+len(strings.TrimRight(line, "\n"))
		off += len(line)
		for start < end && isSpace(l.Text[start]) {
			start++
		}
		for end > start && isSpace(l.Text[end-1]) {
			end--
		}
		if start < end {
			l.Lines = append(l.Lines, Line{Span: Span{start, end}})
		}
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' }

func runes(s string) int { return utf8.RuneCountInString(s) }

// longer reports whether s has more than n runes, without counting the
// runes of a long paragraph: a rune takes one to four bytes.
func longer(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	return utf8.RuneCountInString(s) > n
}
