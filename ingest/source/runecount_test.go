package source

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestRuneCount checks runeCount against utf8.RuneCountInString on texts
// with every kind of sequence, and on random bytes.
func TestRuneCount(t *testing.T) {
	cases := []string{"", "调解成功率98%", "a\x00b", "\u0080\u07ff\u0800\uffff\U00010000", "中\ufffd文",
		"bad \xff\xfe utf-8 \xe5\x8c", "\xc2", "\xef\xbf", "overlong \xe0\x80\x80 \xe0\xa0\x80", "surrogate \xed\xa0\x80 \xed\x9f\xbf"}
	rng := rand.New(rand.NewPCG(1, 2))
	bytes := []byte{0x00, 'a', 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc2, 0xe0, 0xe4, 0xb8, 0xad, 0xed, 0xef, 0xf0, 0xff}
	for range 10000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = bytes[rng.IntN(len(bytes))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeCount(%q) = %d; want %d", s, got, want)
		}
	}
}
