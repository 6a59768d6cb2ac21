package textnorm

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Normalize returns the canonical form of decoded report text:
//
//   - full-width ASCII forms (U+FF01–U+FF5E) become half-width: ，→, （→( ％→%
//     ：→: ０→0; Chinese punctuation without an ASCII twin (。、《》“”) is kept;
//   - odd spaces (tab, NBSP, U+2000–U+200A, U+3000, ...) become a plain space;
//     zero-width characters, soft hyphens, BOMs and control characters are
//     removed; CRLF, CR, form feed and U+2028/U+2029 become \n;
//   - runs of spaces collapse to one; spaces at the start and end of a line
//     are removed; blank lines collapse to at most one; the text has no
//     leading or trailing blank line;
//   - a space between a CJK character and a digit, or between a digit and a
//     CJK character, %, or ‰, is removed ("受理 374 件" → "受理374件");
//   - digits that the page layout split with spaces are joined when they sit
//     in Chinese prose and are followed by a unit or a CJK character, and one
//     side of the gap is a single digit ("1 5起" → "15起", "3 7 4件" → "374件"),
//     or the number's one gap stands before three digits ("13 402件" → "13402件");
//     times, dates and ranges ("2025-01-08 09:40", "2019 2020年") are left alone;
//   - a middle dot (·, ・, ∙, ⋅, ‧) between digits becomes a decimal point when
//     the number is followed by %, ‰, 万, 亿, 千, 百, 元, 倍 or 个百分点, or when it
//     cannot be a month·day festival name such as "12·4" or "3·15";
//   - the spaces of a line set in spaced characters (法 治 政 府) are removed
//     (despace), and so are those a converter left where it joined a PDF's
//     lines of one width with a space (unjoin);
//   - lines broken inside a sentence are joined: hard-wrapped PDF text, and
//     page breaks with their page number and running header removed
//     (unwrap);
//
// Invalid UTF-8 bytes become U+FFFD, so the result is always valid UTF-8.
// Normalize is idempotent: Normalize(Normalize(s)) == Normalize(s).
func Normalize(s string) string {
	out := despace(stream(joinSpacedLines(s)))
	// Joined lines may bring together the halves of a number a line break
	// split (99·5 | 9%): the stream pass repairs them. A join may make a
	// line that joins the next: repeat until nothing changes (every round
	// removes a line break or a space; one or two rounds in practice).
	for range 8 {
		u := unwrap(unjoin(out))
		if u == out {
			break
		}
		out = stream(u)
	}
	return closeCommaGaps(out)
}

// stream is the one forward pass of Normalize over s: everything but the
// line repairs of despace and unwrap.
func stream(s string) string {
	n := normalizer{}
	n.b.Grow(len(s))
	i := 0
	for i < len(s) {
		if n.newlines == 0 && !n.space {
			if j, last := plainRun(s, i); j > i {
				n.b.WriteString(s[i:j])
				n.last, n.lastVisible = last, last
				i = j
				continue
			}
		}
		r, k, size := next(s, i)
		switch k {
		case kindDelete:
			i += size
			continue
		case kindSpace:
			if n.newlines == 0 && n.last != 0 && n.last != '\n' {
				n.space = true
			}
			i += size
			continue
		case kindNewline:
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				size = 2
			}
			n.space = false
			if n.last != 0 {
				n.newlines++
			}
			i += size
			continue
		}
		n.prefix(r)
		if isDigit(r) {
			i = n.number(s, i)
			continue
		}
		switch {
		case r == utf8.RuneError && size == 1:
			n.b.WriteRune(utf8.RuneError)
		case r < utf8.RuneSelf:
			n.b.WriteByte(byte(r))
		case unchanged(s, i, r):
			n.b.WriteString(s[i : i+size])
		default:
			n.b.WriteRune(r)
		}
		n.last, n.lastVisible = r, r
		i += size
	}
	return n.b.String()
}

// plainRun returns the end of the run of bytes from s[i] that Normalize
// copies as they are when no space or line break is pending: printable
// ASCII other than digits, ideographs U+4000–U+9FFF, CJK punctuation
// U+3001–U+303F (。、《》「」) and the quotes, dash and ellipsis of Chinese
// prose (‘’“”—…). It also returns the last rune of the run. This is the
// fast path for Chinese prose.
func plainRun(s string, i int) (int, rune) {
	j, last := i, rune(0)
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f || c >= '0' && c <= '9' {
				break
			}
			last = rune(c)
			j++
			continue
		}
		if j+2 >= len(s) || s[j+1]&0xC0 != 0x80 || s[j+2]&0xC0 != 0x80 || !plain3(c, s[j+1], s[j+2]) {
			break
		}
		last = rune(c&0x0F)<<12 | rune(s[j+1]&0x3F)<<6 | rune(s[j+2]&0x3F)
		j += 3
	}
	return j, last
}

// plain3 reports whether the three-byte sequence c c1 c2 (continuation
// bytes c1 and c2) encodes a character that Normalize keeps as it is and
// that is no space, digit or dot: see plainRun.
func plain3(c, c1, c2 byte) bool {
	switch c {
	case 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9: // U+4000–U+9FFF
		return true
	case 0xE3: // U+3001–U+303F; U+3000 is a space
		return c1 == 0x80 && c2 > 0x80
	case 0xE2: // U+2014 — U+2018 ‘ U+2019 ’ U+201C “ U+201D ” U+2026 …
		return c1 == 0x80 && (c2 == 0x94 || c2 == 0x98 || c2 == 0x99 || c2 == 0x9C || c2 == 0x9D || c2 == 0xA6)
	}
	return false
}

// normalizer is the state of one Normalize pass.
type normalizer struct {
	b           strings.Builder
	last        rune // last rune written, 0 before the first
	lastVisible rune // last rune written that is not a space
	space       bool // a space is pending
	newlines    int  // newlines pending

	// scratch for number: the digits of a cluster, the end of each digit run
	// in digits, and the separator after each run but the last.
	digits []byte
	runs   []int
	seps   []rune
	wide   []bool // whether each space separator is a wide gap (see separator)
}

// prefix writes the pending line breaks and space before the visible rune r.
func (n *normalizer) prefix(r rune) {
	if n.newlines > 0 {
		if n.newlines > 1 {
			n.b.WriteString("\n\n")
		} else {
			n.b.WriteByte('\n')
		}
		n.newlines = 0
		n.space = false
		n.last, n.lastVisible = '\n', '\n'
		return
	}
	if !n.space {
		return
	}
	n.space = false
	if isDigit(n.last) && (isCJK(r) || r == '%' || r == '‰') || isCJK(n.last) && isDigit(r) {
		return
	}
	n.b.WriteByte(' ')
	n.last = ' '
}

// number writes the cluster of digit runs that starts at s[i] (a digit):
// runs joined by spaces or by one dot, repaired where the layout broke the
// number. It returns the index just after the cluster.
func (n *normalizer) number(s string, i int) int {
	n.digits, n.runs, n.seps, n.wide = n.digits[:0], n.runs[:0], n.seps[:0], n.wide[:0]
	j := i
	for {
		for j < len(s) {
			r, k, size := next(s, j)
			if k == kindDelete {
				j += size
				continue
			}
			if !isDigit(r) {
				break
			}
			n.digits = append(n.digits, byte(r))
			j += size
		}
		n.runs = append(n.runs, len(n.digits))
		sep, after, wide := separator(s, j)
		if after < 0 {
			break
		}
		n.seps = append(n.seps, sep)
		n.wide = append(n.wide, wide)
		j = after
	}

	// The rune after the cluster and the one after it.
	f, f2 := follower(s, j)
	p := n.lastVisible
	before := p == 0 || p == '\n' || !(isDigit(p) || isASCIILetter(p) || isOddDot(p) || strings.ContainsRune("-/:.+#_~*=<>&@^|\\'\"`$", p))
	prose := before && (isHan(f) || f == '%' || f == '‰')
	magnitude := strings.ContainsRune("%‰万亿千百元倍", f) || f == '个' && f2 == '百'

	// Decide the space separators first: a gap closes in prose when one side
	// is a single digit. Then group the runs the closed gaps join.
	dots, spaces := 0, 0
	for _, sep := range n.seps {
		if sep == ' ' {
			spaces++
		}
	}
	// Two gaps or more beside a run of two digits or of four and more, or
	// before a decimal, are the cells of a table's row (其中:撤销(件) 6 8
	// 33.3%), not one figure the page spaced out, whose digits stand alone
	// but for a thousands group (3 7 4件, 1 3 624件).
	cells := false
	for k, sep := range n.seps {
		if spaces < 2 {
			break
		}
		switch {
		case sep == '.':
			cells = true
		case sep == ' ' && !(isClassifier(f) && isHan(p)):
			// Prose around the cluster, a word before it and a counting word
			// right after it (开展行政检查6 8 20次), makes it one figure a PDF
			// spaced out, no row of cells (败诉(件) 3 12 5件 is one).
			for _, l := range []int{n.runLen(k), n.runLen(k + 1)} {
				if l == 2 || l >= 4 {
					cells = true
				}
			}
		}
	}
	// A row whose columns stand apart by wide gaps keeps a narrow one
	// before three digits, after one to three, as a thousands gap (市市场
	// 监管局       6 215          842): its cells are told by the wide ones.
	columns := slices.Contains(n.wide, true)
	for k, sep := range n.seps {
		if sep != ' ' {
			dots++
			continue
		}
		if columns && !n.wide[k] && n.runLen(k) <= 3 && n.runLen(k+1) == 3 && (k == 0 || n.wide[k-1]) && (k+1 == len(n.seps) || n.wide[k+1]) {
			n.seps[k] = 0
			continue
		}
		// A lone gap before three digits, after one to three, is a
		// thousands gap ("调解成功13 402件"); cells of a row have more gaps.
		thousands := spaces == 1 && n.runLen(k) <= 3 && n.runLen(k+1) == 3 && f != '%' && f != '‰' // 208 100%: a count and a rate
		// A whole number before a gap and a decimal after it are two
		// figures (a table row's 20 and 9.6%), not one a break split.
		decimalAfter := k+1 < len(n.seps) && n.seps[k+1] != ' ' && n.seps[k+1] != spacedDot && !slices.ContainsFunc(n.seps[:k], func(r rune) bool { return r != ' ' })
		// A pipe table's cell that holds the one figure (| 1 208 |) has its
		// thousands gap closed as prose has.
		if thousands && p == '|' && f == '|' {
			n.seps[k] = 0
			continue
		}
		// A year after the gap (表1  2024年霞溪镇…统计表) is a word of its own:
		// joined, it would make a figure 12024.
		yearAfter := k+1 == len(n.seps) && f == '年' && n.yearRun(k+1)
		if prose && !decimalAfter && !cells && !yearAfter && (n.runLen(k) == 1 || n.runLen(k+1) == 1 || thousands) {
			n.seps[k] = 0
		}
	}

	for k := range n.runs {
		start := 0
		if k > 0 {
			start = n.runs[k-1]
		}
		n.b.Write(n.digits[start:n.runs[k]])
		if k == len(n.seps) {
			break
		}
		switch sep := n.seps[k]; {
		case sep == 0:
		case sep == ' ':
			n.b.WriteByte(' ')
		case sep == '.' || sep == spacedDot:
			n.b.WriteByte('.')
		case before && dots == 1 && (magnitude || !n.festival(k)):
			n.b.WriteByte('.')
		default:
			n.b.WriteRune(sep)
		}
	}
	n.last = rune(n.digits[len(n.digits)-1])
	n.lastVisible = n.last
	return j
}

// runLen is the number of digits of run k.
func (n *normalizer) runLen(k int) int {
	if k == 0 {
		return n.runs[0]
	}
	return n.runs[k] - n.runs[k-1]
}

// yearRun reports whether run k is a year of this century or the last
// (four digits from 19 or 20).
func (n *normalizer) yearRun(k int) bool {
	if n.runLen(k) != 4 {
		return false
	}
	start := n.runs[k] - 4
	return n.digits[start] == '2' && n.digits[start+1] == '0' || n.digits[start] == '1' && n.digits[start+1] == '9'
}

// festival reports whether the dot after run k joins a month and a day, as
// in the names "12·4" (国家宪法日) or "3·15". The digits on each side are
// taken after the closed gaps are joined.
func (n *normalizer) festival(k int) bool {
	lo := k
	for lo > 0 && n.seps[lo-1] == 0 {
		lo--
	}
	hi := k + 1
	for hi < len(n.seps) && n.seps[hi] == 0 {
		hi++
	}
	start := 0
	if lo > 0 {
		start = n.runs[lo-1]
	}
	month := n.digits[start:n.runs[k]]
	day := n.digits[n.runs[k]:n.runs[hi]]
	return inRange(month, 12) && inRange(day, 31)
}

// inRange reports whether the 1–2 digit number d is between 1 and max.
func inRange(d []byte, max int) bool {
	if len(d) == 0 || len(d) > 2 {
		return false
	}
	v := 0
	for _, c := range d {
		v = v*10 + int(c-'0')
	}
	return v >= 1 && v <= max
}

// separator reads what follows a digit run at s[j]: spaces, or one dot, that
// precede another digit. It returns the separator (' ' or the dot), the
// index of that digit, or after < 0 when the cluster ends at j, and for
// spaces whether the gap is wide: two spaces or more, or a tab, as the
// columns of a table stand apart.
func separator(s string, j int) (sep rune, after int, wide bool) {
	if j >= len(s) {
		return 0, -1, false
	}
	if m := spacedDecimal(s, j); m > 0 {
		return spacedDot, m, false
	}
	r, k, size := next(s, j)
	switch {
	case k == kindSpace:
		sep = ' '
		wide = s[j] == '\t'
	case r == '.' || isOddDot(r):
		sep = r
	default:
		return 0, -1, false
	}
	m := j + size
	for m < len(s) {
		r, k, size = next(s, m)
		if k == kindDelete || sep == ' ' && k == kindSpace {
			wide = wide || k == kindSpace
			m += size
			continue
		}
		if isDigit(r) {
			return sep, m, wide
		}
		break
	}
	return 0, -1, false
}

// spacedDot is the separator of a decimal point set apart by spaces: the
// figure's digits were spaced out, so its other gaps close too.
const spacedDot rune = 1

// spacedDecimal reads a decimal point that the page layout set apart by
// spaces from its digits, before the decimals of a rate or an amount
// ("3. 5%", "2 3 . 4%", "12 .6万元"): it returns the index of the first
// decimal digit, or 0 when s[j:] opens with no such point.
func spacedDecimal(s string, j int) int {
	m, spaces := j, 0
	skip := func() {
		for m < len(s) && s[m] == ' ' {
			m++
			spaces++
		}
	}
	skip()
	if m >= len(s) || s[m] != '.' {
		return 0
	}
	m++
	skip()
	if spaces == 0 || m >= len(s) || !isDigit(rune(s[m])) {
		return 0
	}
	first := m
	for m < len(s) && (isDigit(rune(s[m])) || s[m] == ' ') {
		m++
	}
	if rest := s[m:]; strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "‰") || strings.HasPrefix(rest, "万") ||
		strings.HasPrefix(rest, "亿") || strings.HasPrefix(rest, "元") || strings.HasPrefix(rest, "个百分点") {
		return first
	}
	return 0
}

// follower returns the first two visible runes at or after s[j] on the same
// line, skipping spaces and removed characters; 0 where there is none.
func follower(s string, j int) (f, f2 rune) {
	for j < len(s) {
		r, k, size := next(s, j)
		j += size
		switch k {
		case kindDelete, kindSpace:
			if f != 0 && k == kindSpace {
				return f, 0
			}
			continue
		case kindNewline:
			return f, 0
		}
		if f != 0 {
			return f, r
		}
		f = r
	}
	return f, 0
}

// Rune kinds for next.
const (
	kindVisible = iota
	kindSpace
	kindNewline
	kindDelete
)

// next decodes the rune at s[i], folds it to its canonical form and returns
// it with its kind and encoded size.
func next(s string, i int) (rune, int, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		switch {
		case c == ' ' || c == '\t' || c == '\v':
			return ' ', kindSpace, 1
		case c == '\n' || c == '\r' || c == '\f':
			return '\n', kindNewline, 1
		case c < 0x20 || c == 0x7f:
			return 0, kindDelete, 1
		}
		return rune(c), kindVisible, 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	r, k := foldRune(r)
	return r, k, size
}

// foldRune maps a non-ASCII rune to its canonical form and kind.
func foldRune(r rune) (rune, int) {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return r, kindVisible
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0, kindVisible
	case r == 0x3000 || r == 0xA0 || r == 0x1680 || r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F:
		return ' ', kindSpace
	case r >= 0x200B && r <= 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2060 && r <= 0x2064 ||
		r == 0xFEFF || r == 0xAD || r == 0x180E || r >= 0x80 && r <= 0x9F && r != 0x85:
		return 0, kindDelete
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return '\n', kindNewline
	}
	switch r {
	case 0xFF61:
		return '。', kindVisible
	case 0xFF62:
		return '「', kindVisible
	case 0xFF63:
		return '」', kindVisible
	case 0xFF64:
		return '、', kindVisible
	case 0xFFE0:
		return '¢', kindVisible
	case 0xFFE1:
		return '£', kindVisible
	case 0xFFE2:
		return '¬', kindVisible
	case 0xFFE3:
		return '¯', kindVisible
	case 0xFFE4:
		return '¦', kindVisible
	case 0xFFE5:
		return '¥', kindVisible
	case 0xFFE6:
		return '₩', kindVisible
	}
	return r, kindVisible
}

// unchanged reports whether the canonical rune r is the one encoded at s[i],
// so that its bytes can be copied as they are.
func unchanged(s string, i int, r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	orig, _ := utf8.DecodeRuneInString(s[i:])
	return orig == r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isClassifier reports whether r is a counting word a figure of prose
// ends with (次, 件, 人…).
func isClassifier(r rune) bool {
	return strings.ContainsRune("次件起宗人名场份个项条篇户批期卷册元", r)
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// isOddDot reports whether r is a dot that page text uses in place of a
// decimal point: middle dots, bullets operators and small full stops.
func isOddDot(r rune) bool {
	switch r {
	case 0xB7, 0x2024, 0x2027, 0x2219, 0x22C5, 0x30FB, 0xFE52, 0xFF65:
		return true
	}
	return false
}

// isHan reports whether r is a CJK ideograph (or 〇).
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF ||
		r >= 0x20000 && r <= 0x323AF || r == 0x3007
}

// isCJK reports whether r is a CJK ideograph or CJK punctuation, the
// characters next to which a space before or after a digit is noise.
func isCJK(r rune) bool {
	return isHan(r) || r >= 0x3001 && r <= 0x303F || r >= 0xFE30 && r <= 0xFE4F ||
		r == '“' || r == '”' || r == '‘' || r == '’'
}
