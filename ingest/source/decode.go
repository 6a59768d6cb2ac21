package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Byte-order marks.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF32LE = []byte{0xFF, 0xFE, 0x00, 0x00}
	bomUTF32BE = []byte{0x00, 0x00, 0xFE, 0xFF}
)

// decode turns the bytes of a text or HTML file into a UTF-8 string.
// declared returns the charset an HTML page declares, "" when none; it is
// called only for bytes that are not UTF-8 (most files are, and skip the
// sniff). In order:
// a byte-order mark decides; valid UTF-8 is UTF-8 (whatever is declared:
// pages often declare gb2312 from an old template); a declared Big5 or
// Japanese/Korean encoding is honoured when it decodes cleanly; GB18030 is
// accepted when the bytes look like Chinese text; a declared single-byte
// encoding is honoured last. Anything else is ErrUndecodable.
func decode(data []byte, declaredBy func() string) (string, error) {
	var bom encoding.Encoding
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		if !utf8.Valid(data[3:]) {
			return "", fmt.Errorf("%w: UTF-8 byte-order mark but invalid UTF-8 at byte %d", ErrUndecodable, 3+invalidAt(data[3:]))
		}
		return checkUTF8(string(data[3:]))
	case bytes.HasPrefix(data, bomUTF32LE):
		bom = utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(data, bomUTF32BE):
		bom = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(data, bomUTF16LE):
		bom = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, bomUTF16BE):
		bom = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	if bom != nil {
		out, err := bom.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrUndecodable, err)
		}
		return checkText(string(out), "UTF-16/32 with byte-order mark")
	}

	if utf8.Valid(data) {
		if s, err := checkUTF8(string(data)); err == nil {
			return s, nil
		}
		if enc := guessUTF16(data); enc != nil {
			if out, err := enc.NewDecoder().Bytes(data); err == nil {
				return checkText(string(out), "UTF-16 without byte-order mark")
			}
		}
		return "", fmt.Errorf("%w: binary data (control characters), not text", ErrUndecodable)
	}

	declared := declaredBy()
	enc, name := charset.Lookup(declared)
	switch name {
	case "big5", "shift_jis", "euc-jp", "euc-kr", "iso-2022-jp":
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			if s, err := checkText(string(out), name); err == nil {
				return s, nil
			}
		}
	}
	if looksGB18030(data) {
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: GB18030: %w", ErrUndecodable, err)
		}
		return checkText(string(out), "GB18030")
	}
	if enc != nil && name != "utf-8" && name != "gbk" && name != "gb18030" {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			if s, err := checkText(string(out), name); err == nil {
				return s, nil
			}
		}
	}
	desc := "no charset declared"
	if declared != "" {
		desc = fmt.Sprintf("declared charset %q", declared)
	}
	return "", fmt.Errorf("%w: neither UTF-8 (invalid at byte %d) nor GB18030 Chinese text (%s)", ErrUndecodable, invalidAt(data), desc)
}

// invalidAt returns the offset of the first invalid UTF-8 sequence in b.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// checkText accepts decoded text unless it is mostly noise: more than one
// in 200 runes are replacement characters, NULs or other control characters
// (tab, line breaks and form feed aside).
func checkText(s, enc string) (string, error) {
	return checkBad(s, enc, badRunes(s))
}

// checkUTF8 is checkText for text known to be valid UTF-8.
func checkUTF8(s string) (string, error) {
	return checkBad(s, "UTF-8", badRunesUTF8(s))
}

func checkBad(s, enc string, bad int) (string, error) {
	if bad > 0 && bad*200 > utf8.RuneCountInString(s) {
		return "", fmt.Errorf("%w: %s decodes to %d bad characters out of %d", ErrUndecodable, enc, bad, utf8.RuneCountInString(s))
	}
	return s, nil
}

// mayStartBad holds the bytes that start a bad character in valid UTF-8:
// the controls below U+0020, DEL, C2 (U+0080–U+009F) and EF (U+FFFD).
var mayStartBad = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = true
	}
	t[0x7F], t[0xC2], t[0xEF] = true, true, true
	return t
}()

// badRunesUTF8 is badRunes for valid UTF-8, without decoding: there, the
// bytes C2 and EF only ever lead a sequence, so C2 80–C2 9F and EF BF BD
// are the C1 controls and U+FFFD wherever they stand, and no byte is
// invalid.
func badRunesUTF8(s string) int {
	bad := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !mayStartBad[b] {
			continue // nearly every byte: one load, no compare chain
		}
		switch {
		case b < 0x20:
			if b != '\t' && b != '\n' && b != '\r' && b != '\f' {
				bad++
			}
		case b == 0x7F:
			bad++
		case b == 0xC2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
				bad++
			}
		case i+2 < len(s) && s[i+1] == 0xBF && s[i+2] == 0xBD:
			bad++ // EF BF BD
		}
	}
	return bad
}

// badRunes counts the replacement characters, NULs and other control
// characters (tab, line breaks and form feed aside) of s: the runes below
// U+0020, U+007F–U+009F and U+FFFD. It reads bytes, not runes: in UTF-8
// the first are single bytes, the C1 controls C2 80–C2 9F and U+FFFD EF BF
// BD, and no other rune's bytes look like them; an invalid byte (which a
// range loop reads as U+FFFD) counts as one too.
func badRunes(s string) int {
	bad := 0
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b < utf8.RuneSelf:
			if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F {
				bad++
			}
			i++
			continue
		case valid3(s, i):
			// Most of a Chinese text, without decoding each rune.
			if b == 0xEF && s[i+1] == 0xBF && s[i+2] == 0xBD {
				bad++
			}
			i += 3
			continue
		case b == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F,
			b == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && s[i+2] == 0xBD:
			bad++
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 {
			bad++ // an invalid byte
		}
		i += size
	}
	return bad
}

// valid3 reports whether s[i] starts a valid three-byte UTF-8 sequence
// (U+0800–U+FFFF but the surrogates).
func valid3(s string, i int) bool {
	if i+2 >= len(s) || s[i]&0xF0 != 0xE0 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return false
	}
	switch s[i] {
	case 0xE0:
		return s[i+1] >= 0xA0 // not overlong
	case 0xED:
		return s[i+1] < 0xA0 // not a surrogate
	}
	return true
}

// runeCount is utf8.RuneCountInString, about twice as fast on Chinese
// text: it steps over a valid three-byte sequence at once, where the
// range loop the standard library uses decodes each rune in a call.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			i++
		case valid3(s, i):
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}

// guessUTF16 recognises UTF-16 without a byte-order mark by its zero bytes:
// mostly-ASCII text has a zero in every other byte.
func guessUTF16(b []byte) encoding.Encoding {
	if len(b) < 4 || len(b)%2 != 0 {
		return nil
	}
	even, odd := 0, 0
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := len(b) / 2
	switch {
	case odd*10 >= half*3 && even*10 < half:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case even*10 >= half*3 && odd*10 < half:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// looksGB18030 reports whether b reads as Chinese text in GB18030. It scans
// the byte sequences without decoding: real Chinese text is almost all
// characters of GB2312 level 1 (the 3755 common ones) and symbols, with no
// control characters or broken sequences; random bytes or other encodings
// read as GB18030 spread over rare characters and invalid sequences.
func looksGB18030(b []byte) bool {
	var common, level2, symbols, rare, bad, ascii int
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
				bad++
			} else {
				ascii++
			}
			i++
			continue
		}
		if i+1 >= len(b) {
			break // a sequence cut at the end of a sample or file
		}
		if c == 0x80 || c == 0xFF {
			bad++
			i++
			continue
		}
		d := b[i+1]
		if d >= 0x30 && d <= 0x39 {
			if i+3 < len(b) && b[i+2] >= 0x81 && b[i+2] <= 0xFE && b[i+3] >= 0x30 && b[i+3] <= 0x39 {
				rare++
				i += 4
			} else {
				bad++
				i++
			}
			continue
		}
		if d < 0x40 || d == 0x7F || d == 0xFF {
			bad++
			i++
			continue
		}
		switch {
		case c >= 0xB0 && c <= 0xD7 && d >= 0xA1:
			common++
		case c >= 0xD8 && c <= 0xF7 && d >= 0xA1:
			level2++
		case c >= 0xA1 && c <= 0xA9 && d >= 0xA1:
			symbols++
		default:
			rare++
		}
		i += 2
	}
	han := common + level2 + rare
	chars := ascii + han + symbols
	return common > 0 &&
		bad*200 <= chars && // at most 0.5% broken
		common*10 >= han*8 && // at least 80% of the ideographs are common ones
		rare*10 <= han+symbols // at most 10% rare characters
}

// htmlCharset returns the charset an HTML document declares in a <meta>
// element within its first 4 KiB, or "".
func htmlCharset(data []byte) string {
	head := data[:min(len(data), 4096)]
	if !containsFold(head, "<meta") {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return ""
			}
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var cs, content string
			var httpEquiv bool
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				}
				if !more {
					break
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if httpEquiv {
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					return strings.Trim(strings.TrimSpace(content[i+len("charset="):]), `"';`)
				}
			}
		}
	}
}

// containsFold reports whether b contains the lower-case ASCII word w in
// any case, without copying b.
func containsFold(b []byte, w string) bool {
	for i := 0; i+len(w) <= len(b); i++ {
		k := bytes.IndexByte(b[i:], w[0])
		if u := bytes.IndexByte(b[i:], w[0]-'a'+'A'); u >= 0 && (k < 0 || u < k) && w[0] >= 'a' && w[0] <= 'z' {
			k = u
		}
		if k < 0 {
			return false
		}
		i += k
		if i+len(w) <= len(b) && strings.EqualFold(string(b[i:i+len(w)]), w) {
			return true
		}
	}
	return false
}
