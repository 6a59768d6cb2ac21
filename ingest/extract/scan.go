package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/cnnum"
	"github.com/fazhi/fazhi/ingest/wordmatch"
)

// numbers scans the text once for numerals followed by a unit and records
// them as candidates (and the object words of zero statements as seeds). It
// also notes whether the text is valid UTF-8.
func (x *run) numbers() {
	s := x.text
	plain := true // every multi-byte sequence met is well-formed and common
	// runes counts the characters before i while every one met was
	// well-formed (counted); candidates note it (cand.runes), so that
	// their facts' rune offsets need no second count from the start.
	runes, counted := 0, true
	// at tells candidate the characters before i; stepped counts those
	// of a number and its unit, which the scan steps over.
	at := func() int {
		if counted {
			return runes
		}
		return -1
	}
	stepped := func(i, next int) {
		n, ok := plainRunes(s[i:next])
		runes += n
		counted = counted && ok
		x.noteBoundaries(i, next)
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if c >= '0' && c <= '9' {
				x.runes = at()
				if next := x.number(i); next > i {
					stepped(i, next)
					i = next
					continue
				}
			}
			if boundaryEnd[c] { // \n ; ! ?
				x.noteBoundary(i, i+1, true)
			} else if c == ':' {
				x.colons = append(x.colons, i)
			}
			i++
			runes++
		case c >= 0xE1 && c < 0xF0 && c != 0xED:
			// A three-byte character: only its first two bytes are looked
			// at unless they start a Chinese numeral.
			if i+3 > len(s) {
				plain, counted = false, false
				i++
				continue
			}
			c1, c2 := s[i+1], s[i+2]
			if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
				plain, counted = false, false
				i++
				continue
			}
			if !stopRune.has(rune(rune3(s[i:]))) {
				next := skipOrdinary(s, i+3)
				runes += (next - i) / 3
				i = next
				continue
			}
			kind := runeKind[rune3(s[i:])]
			if kind == 0 {
				i += 3
				runes++
				continue
			}
			if kind&kindBoundary != 0 { // 。 ； ！ ？
				x.noteBoundary(i, i+3, c == 0xE3)
			}
			if kind&kindZero != 0 {
				for _, k := range zeroRulesStarting(rune(rune3(s[i:]))) {
					if strings.HasPrefix(s[i:], zeroRules[k].object) {
						x.seeds = append(x.seeds, seed{i, k})
					}
				}
			}
			if kind&kindNumeral != 0 {
				if c == 0xE7 && strings.HasPrefix(s[i:], "百分之") {
					if n, ok := cnnum.Percent(s, i); ok {
						x.runes = at()
						x.candidate(n, percentUnit, n.Next)
						stepped(i, n.Next)
						i = n.Next
						continue
					}
				}
				// Most Chinese numerals in prose are words (一是, 统一,
				// 进一步): read one only when the next character may go on
				// with a figure.
				if i+6 > len(s) || s[i+3] < 0xE1 || s[i+3] >= 0xF0 || runeKind[rune3(s[i+3:])]&kindFollow != 0 {
					x.runes = at()
					if next := x.number(i); next > i {
						stepped(i, next)
						i = next
						continue
					}
				}
			}
			i += 3
			runes++
		case c >= 0xC2 && c < 0xE0:
			if i+2 > len(s) || s[i+1]&0xC0 != 0x80 {
				plain, counted = false, false
				i++
				continue
			}
			i += 2
			runes++
		default:
			// Four-byte characters, E0 and ED leads (whose second byte is
			// restricted) and malformed bytes: let utf8 judge the text.
			plain, counted = false, false
			i++
		}
	}
	x.valid = plain || utf8.ValidString(s)
}

// plainRunes counts the characters of s, a number and its unit, and
// reports whether numbers would have counted each: ASCII, or a well-formed
// two-byte or three-byte (E1–EF but ED) character.
func plainRunes(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); n++ {
		switch c := s[i]; {
		case c < 0x80:
			i++
		case c >= 0xC2 && c < 0xE0 && i+2 <= len(s) && s[i+1]&0xC0 == 0x80:
			i += 2
		case c >= 0xE1 && c < 0xF0 && c != 0xED && i+3 <= len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			return n, false
		}
	}
	return n, true
}

// noteBoundary records a sentence boundary at [at, end) that numbers
// passed: in x.boundary, and in the lists that sentenceStart and (when
// stops, for \n ; ! ? 。 but not ； ！ ？) sentenceEnd read.
func (x *run) noteBoundary(at, end int, stops bool) {
	x.boundary = end
	if n := len(x.bounds); n == 0 || int(x.bounds[n-1]) < end {
		x.bounds = append(x.bounds, int32(end))
	}
	if n := len(x.stops); stops && (n == 0 || int(x.stops[n-1]) < at) {
		x.stops = append(x.stops, int32(at))
	}
}

// noteBoundaries notes the sentence boundaries that end in (lo, hi]: the
// bytes of a number and its unit, which numbers steps over without looking
// at them one by one.
func (x *run) noteBoundaries(lo, hi int) {
	s := x.text
	for p := lo; p < hi; p++ {
		if s[p] == ':' {
			x.colons = append(x.colons, p)
		}
		if boundaryEnd[s[p]] {
			if n := sentenceBoundary(s, p+1); n > 0 {
				x.noteBoundary(p+1-n, p+1, n == 1 || s[p+1-n:p+1] == "。")
			}
		}
	}
}

// sentenceStart is sentenceStart(x.text, i), read from the boundaries
// numbers noted rather than by a search back over the text.
func (x *run) sentenceStart(i int) int {
	lo := max(i-maxBack, 0)
	// The last boundary that ends at or before i.
	k := sort.Search(len(x.bounds), func(k int) bool { return int(x.bounds[k]) > i }) - 1
	if k >= 0 && int(x.bounds[k]) > lo {
		return int(x.bounds[k])
	}
	return lo
}

// sentenceEnd is sentenceEnd(x.text, i), read from the sentence ends
// numbers noted.
func (x *run) sentenceEnd(i int) int {
	hi := min(i+maxBack, len(x.text))
	k := sort.Search(len(x.stops), func(k int) bool { return int(x.stops[k]) >= i })
	if k < len(x.stops) && int(x.stops[k]) < hi {
		return int(x.stops[k])
	}
	return hi
}

// skipOrdinary returns the offset of the first character at or after i
// that is not an ordinary well-formed three-byte character (E1–EF but ED,
// not in stopRune): the common case, run through without going back to
// numbers' switch. One test of the bytes and one of stopRune per
// character, both rarely true: branches the processor predicts. The
// three bytes are sliced once, so that reading them needs no more bounds
// checks.
func skipOrdinary(s string, i int) int {
	// Two characters at a time while both are well-formed (most of the
	// text), then one at a time.
	for i+6 <= len(s) {
		t := s[i : i+6]
		c, c1, c2 := t[0], t[1]^0x80, t[2]^0x80
		d, d1, d2 := t[3], t[4]^0x80, t[5]^0x80
		if c&0xF0 != 0xE0 || d&0xF0 != 0xE0 || c1|c2|d1|d2 >= 0x40 {
			break
		}
		if skipStop[uint(c&0x0F)<<6|uint(c1&0x3F)]&(1<<(c2&0x3F)) != 0 {
			return i
		}
		if skipStop[uint(d&0x0F)<<6|uint(d1&0x3F)]&(1<<(d2&0x3F)) != 0 {
			return i + 3
		}
		i += 6
	}
	for i+3 <= len(s) {
		t := s[i : i+3]
		c, c1, c2 := t[0], t[1]^0x80, t[2]^0x80 // continuation bytes become 0–3F
		if c&0xF0 != 0xE0 || c1|c2 >= 0x40 {
			return i // not a well-formed three-byte character
		}
		// The character's word in the set is its lead's low nibble and
		// its second byte; its bit the third byte. E0 and ED leads give
		// the characters below U+1000 and from U+D000 to U+DFFF, which
		// skipStop holds: numbers' switch takes those leads byte by byte.
		if skipStop[uint(c&0x0F)<<6|uint(c1&0x3F)]&(1<<(c2&0x3F)) != 0 {
			return i
		}
		i += 3
	}
	return i
}

// skipStop is stopRune with the characters of lead bytes E0 and ED
// (U+0000–U+0FFF, U+D000–U+DFFF): the characters skipOrdinary stops at.
var skipStop = func() runeSet {
	t := stopRune
	for r := rune(0); r < 0x1000; r++ {
		t.add(r)
	}
	for r := rune(0xD000); r < 0xE000; r++ {
		t.add(r)
	}
	return t
}()

// cand is a numeral followed by a unit, waiting to be decided.
type cand struct {
	n       cnnum.Number
	u       rawUnit
	unitEnd int
	S       int // sentence start
	E       int // sentence end (set by scanSentences)
	// runes is the number of characters before n.Start, -1 when the scan
	// met a character it does not count before it.
	runes int
}

// candidate records a numeral with its unit.
func (x *run) candidate(n cnnum.Number, u rawUnit, unitEnd int) {
	if x.inPlans(n.Start) || x.opt.Layout.Ignored(n.Start) || skipBefore(x.text, n.Start) {
		return
	}
	x.cands = append(x.cands, cand{n: n, u: u, unitEnd: unitEnd, S: x.sentenceOf(n.Start), runes: x.runes})
}

// seed is an occurrence of the object word of a zero rule.
type seed struct{ at, rule int }

// scanSentences runs the word matcher of the compiled frames (lexicon.m)
// over the sentences that hold a candidate (or a zero-statement seed), each
// once, in text order. No word contains a sentence boundary, so scanning
// sentence by sentence finds exactly the words a whole-text scan would find
// there.
func (x *run) scanSentences() {
	s := x.text
	type window struct{ lo, hi int }
	ws := make([]window, 0, len(x.cands)+4)
	hi := -1
	for i := range x.cands {
		c := &x.cands[i]
		if c.S < hi && c.unitEnd < hi {
			c.E = hi
			continue // inside the previous window
		}
		hi = x.sentenceEnd(c.unitEnd)
		c.E = hi
		ws = append(ws, window{c.S, hi})
	}
	for _, z := range x.seeds {
		ws = append(ws, window{x.sentenceStart(z.at), x.sentenceEnd(z.at)})
	}
	if len(ws) == 0 {
		return
	}
	if len(x.seeds) > 0 {
		slices.SortFunc(ws, func(a, b window) int { return a.lo - b.lo })
	}
	// Room for a word every eight bytes of the windows (reports hold one
	// about every fourteen), so that the hits are not copied as they grow.
	size := 0
	for _, w := range ws {
		size += w.hi - w.lo
	}
	x.hits = make([]hit, 0, size/8+16)
	rs := make([]wordmatch.Range, 0, len(ws))
	done := 0 // text before done has been scanned
	for _, w := range ws {
		S, E := max(w.lo, done), w.hi
		if E <= S {
			continue
		}
		rs = append(rs, wordmatch.Range{Lo: S, Hi: E})
		if n := len(x.spans); n > 0 && x.spans[n-1].hi == S {
			x.spans[n-1].hi = E
		} else {
			x.spans = append(x.spans, span{S, E})
		}
		done = E
	}
	x.hits = x.lx.m.ScanRanges(s, rs, x.hits)
}

// span is a stretch [lo, hi) of the text.
type span struct{ lo, hi int }

// scanned reports whether the word matcher has scanned [lo, hi), so that
// x.hits holds every word there.
func (x *run) scanned(lo, hi int) bool {
	k := sort.Search(len(x.spans), func(k int) bool { return x.spans[k].hi >= hi })
	return k < len(x.spans) && x.spans[k].lo <= lo
}

// Kinds of the three-byte characters the scanner stops at.
const (
	kindNumeral  = 1 << iota // a Chinese numeral
	kindZero                 // the first character of a zero rule's object word
	kindUnit                 // the first character of a unit (rawUnits)
	kindFollow               // may follow a Chinese numeral within a figure
	kindBoundary             // ends a sentence (。 ； ！ ？)
)

// zeroFirsts lists, for each first character of a zero rule's object
// word, the indexes of the rules whose object starts with it, in rule
// order: 行 and 政 are frequent, and most of the nine objects cannot match.
var zeroFirsts = func() []zeroFirst {
	var out []zeroFirst
	for k, z := range zeroRules {
		r, _ := utf8.DecodeRuneInString(z.object)
		i := slices.IndexFunc(out, func(f zeroFirst) bool { return f.r == r })
		if i < 0 {
			i = len(out)
			out = append(out, zeroFirst{r: r})
		}
		out[i].rules = append(out[i].rules, k)
	}
	return out
}()

type zeroFirst struct {
	r     rune
	rules []int
}

// zeroRulesStarting returns the indexes of the zero rules whose object
// starts with r (a handful of characters: a list beats a map).
func zeroRulesStarting(r rune) []int {
	for _, f := range zeroFirsts {
		if f.r == r {
			return f.rules
		}
	}
	return nil
}

// stopRune holds the characters the scanner stops at (numerals, the first
// characters of zero rules' objects): a small table (8 KB), asked of every
// character, that rules out all others before runeKind is read. A table
// of first two bytes would let through every character that shares a
// numeral's (不 上 中 个 了 事 人 …, a fifth of the text).
var stopRune = func() (set runeSet) {
	for r, k := range runeKind {
		if k&(kindNumeral|kindZero|kindBoundary) != 0 {
			set.add(rune(r))
		}
	}
	return set
}()

// runeSet is a set of characters of the Basic Multilingual Plane, one bit
// each (8 KB).
type runeSet [1 << 16 / 64]uint64

func (t *runeSet) add(r rune) { t[r>>6] |= 1 << uint(r&63) }

// has reports whether r is in the set; characters outside the Basic
// Multilingual Plane never are.
func (t *runeSet) has(r rune) bool { return r < 1<<16 && r >= 0 && t[r>>6]&(1<<uint(r&63)) != 0 }

// newRuneSet returns the set of the characters of s.
func newRuneSet(s string) *runeSet {
	t := new(runeSet)
	for _, r := range s {
		t.add(r)
	}
	return t
}

// runeKind[r] is the kind of the character r of the Basic Multilingual
// Plane (0 for all others): one table lookup per character of the text.
// For the first character of a unit, the high byte is its unitGroups index.
var runeKind = func() *[1 << 16]uint16 {
	t := new([1 << 16]uint16)
	for _, r := range "一二两三四五六七八九十百千零" {
		t[r] |= kindNumeral
	}
	for _, z := range zeroRules {
		r, _ := utf8.DecodeRuneInString(z.object)
		t[r] |= kindZero
	}
	for g, list := range unitGroups[1:] {
		g++
		r, _ := utf8.DecodeRuneInString(rawUnits[list[0]].text)
		t[r] |= kindUnit | kindFollow | uint16(g)<<8
	}
	// A numeral's own characters, multipliers, qualifiers (二十余, 一万多)
	// and the full-width percent sign.
	for _, r := range "一二两三四五六七八九十百千零〇万亿余多来分％" {
		t[r] |= kindFollow
	}
	for _, r := range "。；！？" {
		t[r] |= kindBoundary
	}
	return t
}()

// isCNNumeral3 reports whether the three bytes b are a Chinese numeral.
func isCNNumeral3(b string) bool {
	switch b {
	case "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "零":
		return true
	}
	return false
}

// isCNNumeral reports whether r is a Chinese numeral character.
func isCNNumeral(r rune) bool {
	switch r {
	case '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '零':
		return true
	}
	return false
}

// number parses the numeral at i and records it when a unit follows; it
// returns where scanning goes on.
func (x *run) number(i int) int {
	n, ok := cnnum.ParseAt(x.text, i)
	if !ok {
		return i
	}
	at := n.Next
	if !n.Chinese {
		// Text taken from tables or PDFs may put a space before the unit:
		// 受理调解案件 167 件.
		for k := 0; k < 2 && at < len(x.text) && x.text[at] == ' '; k++ {
			at++
		}
	}
	u, ok := readUnit(x.text[at:])
	if !ok {
		// A table flattened into text may put the unit column before the
		// value: 普法宣传活动 场24 (a row ending with the value).
		if u, ok := unitBefore(x.text, n); ok {
			x.candidate(n, u, n.End)
		}
		return n.End
	}
	unitEnd := at + len(u.text)
	if unitContinues(u, x.text[unitEnd:]) {
		return n.End
	}
	if u.text == "元" && n.Next == n.End && at == n.Next {
		// 1502万元: the multiplier was read with the number; keep 万元 as
		// the unit written.
		if num := x.text[n.Start:n.End]; strings.HasSuffix(num, "万") {
			u.text, u.index = "万元", unitIndex("万元")
		} else if strings.HasSuffix(num, "亿") {
			u.text, u.index = "亿元", unitIndex("亿元")
		}
	}
	x.candidate(n, u, unitEnd)
	return unitEnd
}

// unitBefore reads the unit column of a flattened table row written before
// its value: " 场24" or " 人次 430" at the end of a line. The value must be
// Arabic, end the line (or its cell) and carry no qualifier.
func unitBefore(s string, n cnnum.Number) (rawUnit, bool) {
	if n.Chinese || n.Next != n.End || n.End < len(s) && s[n.End] != '\n' && s[n.End] != ' ' {
		return rawUnit{}, false
	}
	head := strings.TrimSuffix(s[:n.Start], " ")
	for k, u := range rawUnits {
		if u.text == "%" || !strings.HasSuffix(head, u.text) {
			continue
		}
		if p := len(head) - len(u.text); p > 0 && head[p-1] == ' ' {
			u.index = k
			return u, true
		}
		return rawUnit{}, false
	}
	return rawUnit{}, false
}

// rune3 decodes the three-byte UTF-8 character at the start of s (which
// the caller has checked) without validation.
func rune3(s string) int {
	return int(s[0]&0x0F)<<12 | int(s[1]&0x3F)<<6 | int(s[2]&0x3F)
}
