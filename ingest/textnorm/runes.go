package textnorm

import "math/bits"

// CountRunes counts the runes of s, which must be valid UTF-8 (the output
// of Normalize is), eight bytes at a time: every byte that is not a
// continuation byte (10xxxxxx) starts a rune. It is several times faster
// than utf8.RuneCountInString on Chinese text; on invalid UTF-8 it would
// not count a stray continuation byte.
func CountRunes(s string) int {
	n := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont := w &^ (w << 1) & 0x8080808080808080
		n += 8 - bits.OnesCount64(cont)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}
