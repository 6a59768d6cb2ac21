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
	row := int32(0) // the current state times width
	next := m.next
	class := &m.class
	width := int32(m.width)
	text = text[:hi]
	for i := lo; i < len(text); i++ {
		e := next[row+int32(class[text[i]])]
		row = e & 0x7FFFFFFF
		if e < 0 {
			for _, id := range m.out[row/width] {
				hits = append(hits, Hit{Start: int32(i + 1 - m.lens[id]), End: int32(i + 1), Word: id})
			}
		}
	}
	return hits
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
