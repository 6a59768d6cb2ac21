package cnnum

import (
	"strings"
	"unicode/utf8"
)

// Number is a numeral found in a text.
type Number struct {
	// Value is the number: 1.5万 → 15000, 二十余 → 20, 98.20 → 98.2.
	Value float64
	// Start and End are the byte span of the numeral text, multipliers
	// included (1.5万, 二十) but qualifiers (余, 约) excluded.
	Start, End int
	// Next is the byte offset just after the numeral and a directly attached
	// approximate suffix (余, 多): where a unit would start.
	Next int
	// Bound is AtLeast when a suffix qualifier is attached (1万余, 二十多),
	// Exact otherwise.
	Bound Bound
	// Chinese is true when the numeral contains Chinese digits (两, 十二);
	// 1.5万 is Arabic.
	Chinese bool
	// Integer is true when the numeral has no decimal part.
	Integer bool
	// Digits is the count of Arabic digits in the numeral (0 for Chinese).
	Digits int
}

// Text returns the numeral as written.
func (n Number) Text(s string) string { return s[n.Start:n.End] }

const maxExact = 1e15

// ParseAt parses the numeral that starts at byte offset i of s. It reports
// false when no numeral starts there, when i is inside a longer numeral
// (the byte before i continues it), or for vague quantities such as 数十 and
// 几百. i must be a rune boundary; an out-of-range i reports false.
func ParseAt(s string, i int) (Number, bool) {
	if i < 0 || i >= len(s) {
		return Number{}, false
	}
	if i > 0 {
		if isDigit(s[i-1]) || (s[i-1] == '.' && i > 1 && isDigit(s[i-2])) {
			return Number{}, false
		}
		if !isDigit(s[i]) {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); cnDigit(r) >= 0 || cnUnit(r) > 0 || r == '数' || r == '几' || r == '第' {
				return Number{}, false
			}
		}
	}
	var n Number
	var ok bool
	if isDigit(s[i]) {
		n, ok = parseArabic(s, i)
	} else {
		n, ok = parseChinese(s, i)
	}
	if !ok {
		return Number{}, false
	}
	n.Next = n.End
	if r, size := utf8.DecodeRuneInString(s[n.End:]); r == '余' || r == '多' {
		n.Bound = AtLeast
		n.Next = n.End + size
		// The qualifier before the multiplier (120余万条, 十多万人次, 85余万元):
		// the multiplier is the numeral's, as in 181.7万元.
		if m, msize := multiplier(s[n.Next:]); m >= 1e4 && !endsMultiplied(s[n.Start:n.End]) {
			n.Value = round(n.Value * m)
			n.End = n.Next + msize
			n.Next = n.End
		}
	}
	return n, true
}

// endsMultiplied reports whether a numeral's text ends in a multiplier
// (1.5万, 一千).
func endsMultiplied(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '万' || r == '亿' || r == '千' || r == '百'
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// parseArabic reads digits, thousands separators, a decimal part and an
// optional multiplier (万, 亿, 千, 百, 万亿).
func parseArabic(s string, i int) (Number, bool) {
	j := i
	var v float64
	digits := 0
	for j < len(s) && isDigit(s[j]) {
		v = v*10 + float64(s[j]-'0')
		j++
		digits++
	}
	// Thousands separators: only when the first group has 1-3 digits and
	// every following group exactly 3.
	if digits <= 3 {
		k := j
		vv := v
		grouped := false
		for k+3 < len(s) && s[k] == ',' && isDigit(s[k+1]) && isDigit(s[k+2]) && isDigit(s[k+3]) && (k+4 >= len(s) || !isDigit(s[k+4])) {
			vv = vv*1000 + float64(s[k+1]-'0')*100 + float64(s[k+2]-'0')*10 + float64(s[k+3]-'0')
			k += 4
			digits += 3
			grouped = true
		}
		if grouped {
			v, j = vv, k
		}
	}
	n := Number{Start: i, Integer: true}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		scale := 0.1
		for j < len(s) && isDigit(s[j]) {
			v += float64(s[j]-'0') * scale
			scale /= 10
			j++
			digits++
		}
		n.Integer = false
	}
	if v > maxExact {
		return Number{}, false
	}
	n.Digits = digits
	m, size := multiplier(s[j:])
	if m > 0 {
		// Round before the test: 2.87万 is 28699.999999999996 in binary.
		v = round(v * m)
		j += size
		if v == float64(int64(v)) {
			n.Integer = true
		}
	}
	n.Value = round(v)
	n.End = j
	return n, true
}

// multiplier reads 万, 亿, 万亿, 千, 百 after an Arabic numeral. 千 and 百
// count only when not followed by a unit-like 米/克/瓦 (千米, 千克).
func multiplier(s string) (float64, int) {
	switch {
	case strings.HasPrefix(s, "万亿"):
		return 1e12, len("万亿")
	case strings.HasPrefix(s, "亿"):
		return 1e8, len("亿")
	case strings.HasPrefix(s, "万"):
		return 1e4, len("万")
	case strings.HasPrefix(s, "千"):
		if r, _ := utf8.DecodeRuneInString(s[len("千"):]); r == '米' || r == '克' || r == '瓦' || r == '伏' || r == '字' {
			return 0, 0
		}
		return 1e3, len("千")
	case strings.HasPrefix(s, "百"):
		if strings.HasPrefix(s[len("百"):], "分") {
			return 0, 0
		}
		return 1e2, len("百")
	}
	return 0, 0
}

func cnDigit(r rune) int {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

func cnUnit(r rune) float64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万':
		return 1e4
	case '亿':
		return 1e8
	}
	return 0
}

// parseChinese reads a Chinese numeral: 两, 十二, 二十, 三百五十, 一万, 两千三百,
// 百 (余), 十 (余). A bare 万 or 亿 is not a number; 零 or 〇 alone is 0.
func parseChinese(s string, i int) (Number, bool) {
	var total, section, digit float64
	hasDigit := false // a pending digit not yet multiplied
	seen := 0
	j := i
	last := i
	prevUnit := 0.0
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if d := cnDigit(r); d >= 0 {
			if d == 0 && seen > 0 {
				// 零 as a place holder: 一百零五.
				digit, hasDigit = 0, false
				j += size
				seen++
				continue
			}
			if hasDigit {
				// 一二 (two digits in a row) is not a numeral we read: stop.
				break
			}
			digit = float64(d)
			hasDigit = true
			j += size
			last = j
			seen++
			continue
		}
		u := cnUnit(r)
		if u == 0 {
			break
		}
		if seen == 0 && u >= 1e4 {
			return Number{}, false
		}
		if u >= 1e4 {
			section += digit
			if section == 0 && total == 0 {
				section = 1
			}
			if u == 1e8 {
				total = (total + section) * u
			} else {
				total += section * u
			}
			section, digit, hasDigit = 0, 0, false
		} else {
			if prevUnit != 0 && prevUnit <= u && prevUnit < 1e4 {
				// 十百: not a numeral.
				break
			}
			if !hasDigit || digit == 0 {
				if digit == 0 && hasDigit {
					break
				}
				digit = 1
			}
			section += digit * u
			digit, hasDigit = 0, false
			prevUnit = u
		}
		j += size
		last = j
		seen++
	}
	if seen == 0 {
		return Number{}, false
	}
	if hasDigit {
		// A trailing digit after a unit is that unit's next lower place only
		// in forms like 三万五 (35000) or 一百五 (150); we read it as a plain
		// ones digit, which is the common case in reports (十二, 一百零五).
		section += digit
	}
	v := total + section
	if r, size := utf8.DecodeRuneInString(s[i:]); (r == '零' || r == '〇') && last-i > size {
		return Number{}, false
	}
	n := Number{Value: v, Start: i, End: last, Chinese: true, Integer: true}
	// A decimal part: 九十六点九 (96.9), 百分之九十八点五. Only after a plain
	// numeral (no 万 or 亿 read), and only with digits after 点.
	if total == 0 && strings.HasPrefix(s[last:], "点") {
		k := last + len("点")
		scale := 0.1
		frac := 0.0
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			d := cnDigit(r)
			if d < 0 {
				break
			}
			frac += float64(d) * scale
			scale /= 10
			k += size
		}
		if k > last+len("点") {
			n.Value, n.End, n.Integer = round(v+frac), k, false
		}
	}
	return n, true
}

func round(v float64) float64 {
	// Round to 6 decimals to remove binary noise from decimal scaling
	// (1.5万 = 15000 exactly, 98.20 = 98.2).
	const k = 1e6
	if v > 1e9 {
		return v
	}
	if v >= 0 {
		return float64(int64(v*k+0.5)) / k
	}
	return float64(int64(v*k-0.5)) / k
}

// Bound is what a qualifier says about the true value relative to the
// figure as written. A reader must not show 近500 as "500 or more": the
// kind decides how a value may be displayed and compared.
type Bound uint8

const (
	// Exact: no qualifier (受理167件).
	Exact Bound = iota
	// AtLeast: the true value is the figure or more (300余件, 超过300件, 300件以上).
	AtLeast
	// About: the figure is an estimate either way (约300件, 300件左右).
	About
	// AtMost: the true value is just under the figure (近500件, 将近500件).
	AtMost
)

// String returns the kind as stored with a fact: "exact", "at_least",
// "about" or "at_most".
func (b Bound) String() string {
	switch b {
	case AtLeast:
		return "at_least"
	case About:
		return "about"
	case AtMost:
		return "at_most"
	}
	return "exact"
}

// And combines two qualifiers of the same figure. Agreeing or absent
// qualifiers keep their kind; disagreeing ones (约300件以上) make the weaker
// claim, About.
func (b Bound) And(o Bound) Bound {
	switch {
	case b == o || o == Exact:
		return b
	case b == Exact:
		return o
	}
	return About
}

// qualifier is a word that makes a figure approximate, with its kind.
type qualifier struct {
	text  string
	bound Bound
}

// approxPrefixes are qualifiers written before a number. The first that
// ends the text wins, so a longer form comes before the shorter one inside
// it: 不超过 before 超过 (the negation turns at least into at most), 不少于
// before 少于, 将近 before 近, 大约 before 约.
var approxPrefixes = []qualifier{
	{"不超过", AtMost}, {"不多于", AtMost}, {"不高于", AtMost}, {"不少于", AtLeast},
	{"超过", AtLeast}, {"多于", AtLeast}, {"超", AtLeast}, {"逾", AtLeast},
	{"大约", About}, {"约有", About}, {"约", About},
	{"将近", AtMost}, {"接近", AtMost}, {"不足", AtMost}, {"不到", AtMost}, {"少于", AtMost}, {"未满", AtMost},
	{"近", AtMost},
}

// notQualifiers end with a qualifier but are other words: 超出 and 超时
// (exceeding a limit), 最近 and 附近 (recent, nearby).
var notQualifiers = []string{"超出", "超时", "最近", "附近"}

// BoundBefore returns the kind of the qualifier just before byte offset i
// (where a number starts): 超过 逾 不少于 → AtLeast, 约 大约 → About, 近 将近
// 接近 → AtMost; Exact when there is none. 达 alone is not a qualifier
// (达181.7万元 is exact), nor is 超 of 超出 or 超时.
func BoundBefore(s string, i int) Bound {
	if i < 0 || i > len(s) {
		return Exact
	}
	head := s[:i]
	if r, _ := utf8.DecodeLastRuneInString(head); !strings.ContainsRune(qualifierLast, r) {
		return Exact
	}
	for _, w := range notQualifiers {
		if strings.HasSuffix(head, w) {
			return Exact
		}
	}
	for _, q := range approxPrefixes {
		if strings.HasSuffix(head, q.text) {
			return q.bound
		}
	}
	return Exact
}

// approxSuffixes are qualifiers written after a number and its unit.
var approxSuffixes = []qualifier{
	{"以上", AtLeast}, {"有余", AtLeast}, {"之多", AtLeast},
	{"左右", About}, {"上下", About},
	{"以下", AtMost}, {"以内", AtMost},
}

// qualifierLast holds the last characters of approxPrefixes and
// notQualifiers, suffixFirst the first characters of approxSuffixes: a
// word can end (or start) the text only where its last (first) character
// does, and most numbers have no qualifier at all.
var qualifierLast, suffixFirst = func() (last, first string) {
	for _, q := range approxPrefixes {
		r, _ := utf8.DecodeLastRuneInString(q.text)
		last += string(r)
	}
	for _, w := range notQualifiers {
		r, _ := utf8.DecodeLastRuneInString(w)
		last += string(r)
	}
	for _, q := range approxSuffixes {
		r, _ := utf8.DecodeRuneInString(q.text)
		first += string(r)
	}
	return last, first
}()

// BoundAfter returns the kind of the qualifier that follows at byte offset
// i (just after a unit): 300人以上 → AtLeast, 50件左右 → About; Exact when
// there is none.
func BoundAfter(s string, i int) Bound {
	if i < 0 || i > len(s) {
		return Exact
	}
	tail := s[i:]
	if r, _ := utf8.DecodeRuneInString(tail); !strings.ContainsRune(suffixFirst, r) {
		return Exact
	}
	for _, q := range approxSuffixes {
		if strings.HasPrefix(tail, q.text) {
			return q.bound
		}
	}
	return Exact
}

// Percent parses 百分之N at byte offset i (百分之九十八, 百分之98.5) and
// returns the number with its span covering the whole phrase.
func Percent(s string, i int) (Number, bool) {
	const p = "百分之"
	if i < 0 || i > len(s) || !strings.HasPrefix(s[i:], p) {
		return Number{}, false
	}
	n, ok := ParseAt(s, i+len(p))
	if !ok {
		return Number{}, false
	}
	n.Start = i
	return n, true
}
