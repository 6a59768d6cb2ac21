package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/layout"
)

// The plain forms of functions that have a fast path, kept to check that
// both agree (FuzzFastPaths).

// partialYearPlain is partialYear reading every digit run forward.
func partialYearPlain(sent string, year int) bool {
	for i := 0; i < len(sent); i++ {
		if sent[i] < '0' || sent[i] > '9' || (i > 0 && sent[i-1] >= '0' && sent[i-1] <= '9') {
			continue
		}
		j := i
		m := 0
		for j < len(sent) && sent[j] >= '0' && sent[j] <= '9' {
			m = m*10 + int(sent[j]-'0')
			j++
		}
		if !strings.HasPrefix(sent[j:], "月") || m < 1 || m > 12 {
			continue
		}
		if monthPartial(sent, i, j, m, year) {
			return true
		}
	}
	return false
}

// gluedAfterPlain is gluedAfter trying every byte.
func gluedAfterPlain(s string, i, hi int) int {
	for j := i; j+6 <= hi; j++ {
		if s[j] == 0xE6 && strings.HasPrefix(s[j:], "是") && j >= i+3 && isCNNumeral3(s[j-3:j]) {
			return j - 3
		}
	}
	return -1
}

// placeScopePlain is placeScope looking for each suffix in the whole clause.
func placeScopePlain(clause, jurisdiction, opening string) string {
	clause = strings.TrimPrefix(clause, "其中")
	for _, suf := range placeSuffixes {
		p := strings.Index(clause, suf)
		if p < 6 || p > 18 {
			continue // two to six characters before the suffix
		}
		head := clause[:p]
		if anyof.Prefix(head, placeVerbs...) {
			continue // 邀请镇派出所民警…: a body invited, not the clause's subject
		}
		ok := true
		for _, r := range head {
			if r < 0x4e00 || r > 0x9fff || strings.ContainsRune("全我本各该每其进在到对向为和与及共已将", r) {
				ok = false
				break
			}
		}
		if !ok || !anyof.Prefix(clause[p+len(suf):], placeBodies...) && !barePlace(head, clause[p+len(suf):], suf, jurisdiction, opening) {
			continue
		}
		if name := clause[:p+len(suf)]; name != jurisdiction && !strings.HasSuffix(jurisdiction, name) {
			return name
		}
		return ""
	}
	return ""
}

// scopeNamePlain is scopeName without the test for lead words.
func scopeNamePlain(s string, S, start, end int) string {
	j := start
	for n := 0; n < 7 && j > S; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if r == '”' || r == ')' {
			// A quoted or bracketed part of the name: “和事佬”调解工作室,
			// 村(社区)法律顾问.
			open := "“"
			if r == ')' {
				open = "("
			}
			if p := strings.LastIndex(s[max(S, j-30):j], open); p >= 0 {
				j = max(S, j-30) + p
				if r == '”' {
					break // a quoted name starts with its quote
				}
				continue
			}
		}
		if r < 0x4e00 || r > 0x9fff || strings.ContainsRune(scopeStops, r) {
			break
		}
		j -= size
	}
	j = pastFigure(s, S, j, start)
	name := s[j:end]
	if j == start {
		return name // the bare scope word
	}
	if strings.HasPrefix(name, "“") {
		return name // a quoted proper name: “老娘舅”品牌调解工作室
	}
	for _, p := range scopeLead {
		if i := strings.LastIndex(name, p); i >= 0 && i+len(p) < len(name) {
			name = name[i+len(p):]
		}
	}
	return name
}

// sentenceStarts returns the sentence start of each candidate as
// sentenceOf found it before the scan noted the boundaries it passed: a
// search back from the number to the previous one (or sentenceStart).
func sentenceStarts(s string, cands []cand) []int {
	var out []int
	lastN, lastS := 0, 0
	for _, c := range cands {
		i := c.n.Start
		S := sentenceStart(s, i)
		if lastN > 0 && lastN <= i && i-lastN < maxBack {
			S = lastS
			for j := i; j > lastN; j-- {
				if boundaryEnd[s[j-1]] && sentenceBoundary(s, j) > 0 {
					S = j
					break
				}
			}
		}
		lastN, lastS = i, S
		out = append(out, S)
	}
	return out
}

// skipOrdinaryPlain is skipOrdinary testing the lead byte for E0 and ED.
func skipOrdinaryPlain(s string, i int) int {
	for i+3 <= len(s) {
		c, c1, c2 := s[i], s[i+1], s[i+2]
		if c < 0xE1 || c >= 0xF0 || c == 0xED || (c1^0x80)|(c2^0x80) >= 0x40 {
			return i
		}
		if stopRune.has(rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)) {
			return i
		}
		i += 3
	}
	return i
}

// priorYearPlain is priorYear trying every byte for a written year.
func priorYearPlain(left string, year int) bool {
	if !strings.Contains(left, "年") {
		// Every word below and every written year holds 年.
		return year != 0 && bareYearOpening(left, year)
	}
	for _, w := range []string{"去年", "上年", "上一年", "前年"} {
		if p := strings.Index(left, w); p >= 0 && !anyof.Suffix(left[:p], "比", "较", "与") &&
			!(anyof.Suffix(left[:p], "由", "从") && changedTo(left[p+len(w):])) {
			return true
		}
	}
	if year == 0 {
		return false
	}
	if bareYearOpening(left, year) {
		return true
	}
	for i := 0; i+7 <= len(left); i++ {
		if left[i] != '1' && left[i] != '2' || !isDigit4(left[i:i+4]) || i > 0 && left[i-1] >= '0' && left[i-1] <= '9' || !strings.HasPrefix(left[i+4:], "年") {
			continue
		}
		y := int(left[i]-'0')*1000 + int(left[i+1]-'0')*100 + int(left[i+2]-'0')*10 + int(left[i+3]-'0')
		rest := left[i+4+len("年"):]
		if strings.HasSuffix(left[:i], "由") && changedTo(rest) {
			continue
		}
		if y < year && y > year-30 && !strings.HasPrefix(rest, "以来") && !strings.HasPrefix(rest, "至") && !strings.HasPrefix(rest, "起") && !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "度以来") && !strings.HasPrefix(rest, "来") && !anyof.Suffix(left[:i], "较", "比", "与", "自", "从", "于", "-", "至") {
			return true
		}
	}
	return false
}

func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{
		"截至10月30日,共受理12件", "1-10月,二是受理5件", "自5月1日以来,三是", "2018年12月2日成立以来",
		"石水口村调委会受理矛盾纠纷12件", "2021年受理120件,去年同期", "主动公开171条:基层124条,其中:12人次:3件", "2019年以来2020年至今", "二〇二三年。受理3件；4人！5次？\n12件。", "12件\xe3\x80。", "\xe0\xa4\x95\xed\x9f\xbf\xef\xbf\xbd\xe1\x80\x80受理", "其中东城街道司法所调解3件", "依托“和事佬”调解工作室", "辖区派出所调解室",
		"一是\xe6\x98", "月月12月", "受理12件。调解10件;办结9件\n共3人！4起？5次", "\xe3\x80\x82\xe3受理1件\xe3\x80",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x := &run{text: s, opt: Options{Layout: layout.Read(s, "")}, plan: len(s)}
		x.numbers()
		for k, S := range sentenceStarts(s, x.cands) {
			if x.cands[k].S != S {
				t.Fatalf("%q: number at %d: sentence start %d; want %d", s, x.cands[k].n.Start, x.cands[k].S, S)
			}
		}
		for i := 0; i <= len(s); i++ {
			if got, want := skipOrdinary(s, i), skipOrdinaryPlain(s, i); got != want {
				t.Fatalf("skipOrdinary(%q, %d) = %d; want %d", s, i, got, want)
			}
			if got, want := x.sentenceStart(i), sentenceStart(s, i); got != want {
				t.Fatalf("%q: sentence start of %d = %d; want %d", s, i, got, want)
			}
			if got, want := x.sentenceEnd(i), sentenceEnd(s, i); got != want {
				t.Fatalf("%q: sentence end of %d = %d; want %d", s, i, got, want)
			}
		}
		// A rune offset the scan counted is the count from the start.
		for _, c := range x.cands {
			if c.runes >= 0 && c.runes != utf8.RuneCountInString(s[:c.n.Start]) {
				t.Fatalf("%q: number at %d: %d runes before it; want %d", s, c.n.Start, c.runes, utf8.RuneCountInString(s[:c.n.Start]))
			}
		}
		for _, y := range []int{0, 2018, 2023} {
			if got, want := partialYear(s, y), partialYearPlain(s, y); got != want {
				t.Fatalf("partialYear(%q, %d) = %v; want %v", s, y, got, want)
			}
		}
		for i := 0; i <= len(s); i++ {
			if got, want := gluedAfter(s, i, len(s)), gluedAfterPlain(s, i, len(s)); got != want {
				t.Fatalf("gluedAfter(%q, %d) = %d; want %d", s, i, got, want)
			}
		}
		for _, y := range []int{0, 2022} {
			if got, want := priorYear(s, y), priorYearPlain(s, y); got != want {
				t.Fatalf("priorYear(%q, %d) = %v; want %v", s, y, got, want)
			}
		}
		// The numbers of a sentence ask in text order; a new sentence, or
		// an earlier number, starts afresh.
		x.colon.S = -1
		for _, S := range []int{0, len(s) / 3} {
			for N := S; N <= len(s); N += 1 + N%3 {
				if got, want := x.colonAfterFigure(S, N), colonAfterFigure(s, S, N); got != want {
					t.Fatalf("colonAfterFigure(%q, %d, %d) = %d after the numbers before; want %d", s, S, N, got, want)
				}
			}
		}
		if got, want := placeScope(s, "桥头县", "西坪镇"), placeScopePlain(s, "桥头县", "西坪镇"); got != want {
			t.Fatalf("placeScope(%q) = %q; want %q", s, got, want)
		}
		for start := 0; start <= len(s); start++ {
			for _, end := range []int{start, min(start+9, len(s)), len(s)} {
				if got, want := scopeName(s, 0, start, end), scopeNamePlain(s, 0, start, end); got != want {
					t.Fatalf("scopeName(%q, 0, %d, %d) = %q; want %q", s, start, end, got, want)
				}
			}
		}
	})
}

// FuzzSortAppended checks sortAppended against slices.SortStableFunc: keys
// from the fuzzer's bytes, each element tagged with its place so that
// stability shows.
func FuzzSortAppended(f *testing.F) {
	f.Add([]byte{1, 2, 2, 5, 9, 3, 2, 9, 0})
	f.Add([]byte{})
	f.Add([]byte{7, 7, 7, 1})
	f.Fuzz(func(t *testing.T, keys []byte) {
		type item struct{ key, place int }
		var got []item
		for i, k := range keys {
			got = append(got, item{int(k % 16), i})
		}
		want := slices.Clone(got)
		slices.SortStableFunc(want, func(a, b item) int { return a.key - b.key })
		sortAppended(got, func(it *item) int { return it.key })
		if !slices.Equal(got, want) {
			t.Fatalf("sortAppended(%v) = %v; want %v", keys, got, want)
		}
	})
}

// TestSkipOrdinaryEveryCharacter compares skipOrdinary with its plain form
// on every lead byte followed by every pair of continuation bytes (and a
// few others), among ordinary ones.
func TestSkipOrdinaryEveryCharacter(t *testing.T) {
	var seconds []byte
	for b := 0x80; b < 0xC0; b++ {
		seconds = append(seconds, byte(b))
	}
	seconds = append(seconds, 0x00, 0x30, 0x7F, 0xC0, 0xE4, 0xFF)
	// The character first or second of a pair, or alone.
	for _, at := range []int{0, 3, 6} {
		buf := []byte("受理受理受")
		for c := 0; c < 256; c++ {
			for _, c1 := range seconds {
				for _, c2 := range seconds {
					buf[at], buf[at+1], buf[at+2] = byte(c), c1, c2
					if got, want := skipOrdinary(string(buf), 0), skipOrdinaryPlain(string(buf), 0); got != want {
						t.Fatalf("skipOrdinary(% x) = %d; want %d", buf, got, want)
					}
				}
			}
		}
	}
}
