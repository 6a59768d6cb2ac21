package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/cnnum"
)

// numbers scans the text once for numerals followed by a unit and records
// them as candidates (and the object words of zero statements as seeds). It
// also notes whether the text is valid UTF-8.
func (x *run) numbers() {
	s := x.text
	plain := true // every multi-byte sequence met is well-formed and common
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if c >= '0' && c <= '9' {
				if next := x.number(i); next > i {
					i = next
					continue
				}
			}
			i++
		case c >= 0xE1 && c < 0xF0 && c != 0xED:
			// A three-byte character: only its first two bytes are looked
			// at unless they start a Chinese numeral.
			if i+3 > len(s) {
				plain = false
				i++
				continue
			}
			c1, c2 := s[i+1], s[i+2]
			if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
				plain = false
				i++
				continue
			}
			if !leadPair[c&0x0F][c1] {
				i += 3
				continue
			}
			for k, z := range zeroRules {
				if c == z.object[0] && c1 == z.object[1] && c2 == z.object[2] && strings.HasPrefix(s[i:], z.object) {
					x.seeds = append(x.seeds, seed{i, k})
				}
			}
			if isCNNumeral3(s[i : i+3]) {
				if c == 0xE7 && strings.HasPrefix(s[i:], "百分之") {
					if n, ok := cnnum.Percent(s, i); ok {
						x.candidate(n, percentUnit, n.Next)
						i = n.Next
						continue
					}
				}
				if next := x.number(i); next > i {
					i = next
					continue
				}
			}
			i += 3
		case c >= 0xC2 && c < 0xE0:
			if i+2 > len(s) || s[i+1]&0xC0 != 0x80 {
				plain = false
				i++
				continue
			}
			i += 2
		default:
			// Four-byte characters, E0 and ED leads (whose second byte is
			// restricted) and malformed bytes: let utf8 judge the text.
			plain = false
			i++
		}
	}
	x.valid = plain || utf8.ValidString(s)
}

// cand is a numeral followed by a unit, waiting to be decided.
type cand struct {
	n       cnnum.Number
	u       rawUnit
	unitEnd int
	S       int // sentence start
}

// candidate records a numeral with its unit.
func (x *run) candidate(n cnnum.Number, u rawUnit, unitEnd int) {
	if n.Start >= x.plan || skipBefore(x.text, n.Start) {
		return
	}
	x.cands = append(x.cands, cand{n: n, u: u, unitEnd: unitEnd, S: x.sentenceOf(n.Start)})
}

// seed is an occurrence of the object word of a zero rule.
type seed struct{ at, rule int }

// scanSentences runs the trigger matcher over the sentences that hold a
// candidate (or a zero-statement seed), each once, in text order. Trigger
// words never contain a sentence boundary, so scanning sentence by
// sentence finds exactly the words a whole-text scan would find there.
func (x *run) scanSentences() {
	s := x.text
	type window struct{ lo, hi int }
	ws := make([]window, 0, len(x.cands)+4)
	hi := -1
	for _, c := range x.cands {
		if c.S < hi && c.unitEnd < hi {
			continue // inside the previous window
		}
		hi = sentenceEnd(s, c.unitEnd)
		ws = append(ws, window{c.S, hi})
	}
	for _, z := range x.seeds {
		ws = append(ws, window{sentenceStart(s, z.at), sentenceEnd(s, z.at)})
	}
	if len(ws) == 0 {
		return
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].lo < ws[j].lo })
	x.hits = make([]hit, 0, len(x.cands)*4)
	done := 0 // text before done has been scanned
	for _, w := range ws {
		S, E := max(w.lo, done), w.hi
		if E <= S {
			continue
		}
		x.hits = x.lx.m.scanRange(s, S, E, x.hits)
		done = E
	}
}

// leadPair[lead&0x0F][second byte] marks the first two bytes of the
// three-byte characters the scanner stops at — the Chinese numerals and the
// first characters of the zero rules' object words — a cheap filter before
// the full comparison.
var leadPair = func() (t [16][256]bool) {
	mark := func(r rune) {
		var b [4]byte
		utf8.EncodeRune(b[:], r)
		t[b[0]&0x0F][b[1]] = true
	}
	for _, r := range "一二两三四五六七八九十百千零" {
		mark(r)
	}
	for _, z := range zeroRules {
		r, _ := utf8.DecodeRuneInString(z.object)
		mark(r)
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
