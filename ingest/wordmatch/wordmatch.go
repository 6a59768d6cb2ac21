// Package wordmatch finds every occurrence of a fixed set of words in a text
// in one pass: a byte-level Aho-Corasick automaton compiled to a dense DFA.
package wordmatch

// Matcher is a byte-level Aho-Corasick automaton compiled to a dense DFA: one
// table lookup per byte of text, every occurrence of every word reported.
// It is built once from its words and never changed afterwards, so it is
// safe for concurrent use.
type Matcher struct {
	class [256]uint8 // byte → byte class; 0 = a byte no word contains
	width int        // number of classes
	// next[state*width + class] is the next state times width (the row
	// offset of the next state), negated-bit-marked (bit 31 set) when a
	// word ends in that state.
	next  []int32
	out   [][]int32 // state → ids of the words that end here (suffix outputs merged)
	lens  []int     // word id → length in bytes
	words []string
}

// MaxWord bounds the length in bytes of a word (New panics past it).
const MaxWord = 48

// Hit is one occurrence of a word: bytes [Start, End) of the text; Word is
// the word's index in the list given to New.
type Hit struct {
	Start, End int32
	Word       int32
}

// New compiles words. It panics on a word longer than MaxWord or on more
// words than the automaton can hold: the words are the program's own.
func New(words []string) *Matcher {
	m := &Matcher{words: words, lens: make([]int, len(words))}
	// Trie with goto edges; -1 = missing.
	trie := [][256]int32{{}}
	for i := range trie[0] {
		trie[0][i] = -1
	}
	outs := [][]int32{nil}
	for id, w := range words {
		if len(w) > MaxWord {
			panic("wordmatch: word longer than MaxWord: " + w)
		}
		m.lens[id] = len(w)
		s := int32(0)
		for i := 0; i < len(w); i++ {
			c := w[i]
			if trie[s][c] < 0 {
				var row [256]int32
				for j := range row {
					row[j] = -1
				}
				trie = append(trie, row)
				outs = append(outs, nil)
				trie[s][c] = int32(len(trie) - 1)
			}
			s = trie[s][c]
		}
		outs[s] = append(outs[s], int32(id))
	}
	n := len(trie)
	fail := make([]int32, n)
	full := make([]int32, n*256)
	queue := make([]int32, 0, n)
	for c := 0; c < 256; c++ {
		if t := trie[0][c]; t >= 0 {
			fail[t] = 0
			full[c] = t
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		outs[s] = append(outs[s], outs[fail[s]]...)
		for c := 0; c < 256; c++ {
			if t := trie[s][c]; t >= 0 {
				fail[t] = full[int(fail[s])*256+c]
				full[int(s)*256+c] = t
				queue = append(queue, t)
			} else {
				full[int(s)*256+c] = full[int(fail[s])*256+c]
			}
		}
	}
	m.out = outs
	// Compress: bytes that occur in no word all lead back to the root, so
	// they share class 0; the table keeps one column per class.
	used := [256]bool{}
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			used[w[i]] = true
		}
	}
	m.width = 1
	for c := 0; c < 256; c++ {
		if used[c] {
			m.class[c] = uint8(m.width)
			m.width++
		}
	}
	if n > 1<<16 {
		panic("wordmatch: too many words")
	}
	if n*m.width >= 1<<31 {
		panic("wordmatch: too many words")
	}
	m.next = make([]int32, n*m.width)
	for st := 0; st < n; st++ {
		for c := 0; c < 256; c++ {
			if used[c] {
				t := full[st*256+c]
				e := t * int32(m.width)
				if len(outs[t]) > 0 {
					e |= -1 << 31
				}
				m.next[st*m.width+int(m.class[c])] = e
			}
		}
	}
	return m
}

// Scan appends every occurrence of every word in text to hits, ordered by
// end offset.
func (m *Matcher) Scan(text string, hits []Hit) []Hit {
	return m.ScanRange(text, 0, len(text), hits)
}

// ScanRange is Scan over text[lo:hi], with offsets into text.
func (m *Matcher) ScanRange(text string, lo, hi int, hits []Hit) []Hit {
	_, hits = m.scan(text, lo, hi, 0, hits)
	return hits
}

// scan runs the automaton over text[lo:hi] from row (a state times width),
// appending the words that end there; it returns the row reached.
func (m *Matcher) scan(text string, lo, hi int, row int32, hits []Hit) (int32, []Hit) {
	next := m.next
	class := &m.class
	text = text[:hi]
	for i := lo; i < len(text); i++ {
		e := next[row+int32(class[text[i]])]
		row = e & 0x7FFFFFFF
		if e < 0 {
			hits = m.report(hits, row, i)
		}
	}
	return row, hits
}

// report appends the words that end at byte i in the state at row.
func (m *Matcher) report(hits []Hit, row int32, i int) []Hit {
	for _, id := range m.out[int(row)/m.width] {
		hits = append(hits, Hit{Start: int32(i + 1 - m.lens[id]), End: int32(i + 1), Word: id})
	}
	return hits
}

// Range is the stretch [Lo, Hi) of a text.
type Range struct{ Lo, Hi int }

// ScanRanges is ScanRange over each of rs in turn, appending their hits to
// hits in that order. The automaton starts afresh at each range.
//
// Each byte's lookup waits for the one before, so a large table (over a
// megabyte for the extractor's words) is read at the cache's latency, not
// its bandwidth. ScanRanges cuts the ranges into two halves of about the
// same size and scans them side by side in one loop: two independent
// chains of lookups that the processor overlaps. The second half's hits
// are gathered apart and appended after the first's.
func (m *Matcher) ScanRanges(text string, rs []Range, hits []Hit) []Hit {
	total := 0
	for _, r := range rs {
		total += r.Hi - r.Lo
	}
	k, first := 0, 0
	for k < len(rs) && 2*first < total {
		first += rs[k].Hi - rs[k].Lo
		k++
	}
	a := lane{rest: rs[:k], hits: hits}
	b := lane{rest: rs[k:], hits: make([]Hit, 0, (cap(hits)-len(hits))/2+16)}
	a.nextRange()
	b.nextRange()
	next, class := m.next, &m.class
	for a.i < a.hi && b.i < b.hi {
		n := min(a.hi-a.i, b.hi-b.i)
		ta, tb := text[a.i:a.i+n], text[b.i:b.i+n]
		ra, rb := a.row, b.row
		for j := 0; j < len(ta) && j < len(tb); j++ {
			ea := next[ra+int32(class[ta[j]])]
			eb := next[rb+int32(class[tb[j]])]
			ra, rb = ea&0x7FFFFFFF, eb&0x7FFFFFFF
			if ea < 0 {
				a.hits = m.report(a.hits, ra, a.i+j)
			}
			if eb < 0 {
				b.hits = m.report(b.hits, rb, b.i+j)
			}
		}
		a.row, b.row = ra, rb
		a.advance(n)
		b.advance(n)
	}
	a.finish(m, text)
	b.finish(m, text)
	return append(a.hits, b.hits...)
}

// lane is one of ScanRanges' two scans: where it is in its current range,
// the ranges after it, the state reached and the hits found.
type lane struct {
	i, hi int
	rest  []Range
	row   int32
	hits  []Hit
}

// nextRange moves to the next non-empty range, in the root state; i == hi
// when none is left.
func (l *lane) nextRange() {
	l.i, l.hi, l.row = 0, 0, 0
	for len(l.rest) > 0 {
		r := l.rest[0]
		l.rest = l.rest[1:]
		if r.Lo < r.Hi {
			l.i, l.hi = r.Lo, r.Hi
			return
		}
	}
}

// advance steps n bytes on, to the next range at the end of this one.
func (l *lane) advance(n int) {
	if l.i += n; l.i == l.hi {
		l.nextRange()
	}
}

// finish scans what is left of the lane alone.
func (l *lane) finish(m *Matcher, text string) {
	for l.i < l.hi {
		_, l.hits = m.scan(text, l.i, l.hi, l.row, l.hits)
		l.nextRange()
	}
}

// Any reports whether text holds one of the words.
func (m *Matcher) Any(text string) bool {
	row := int32(0)
	for i := 0; i < len(text); i++ {
		e := m.next[row+int32(m.class[text[i]])]
		if e < 0 {
			return true
		}
		row = e
	}
	return false
}
