package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/textnorm"
)

// Document is one report as read from a file.
type Document struct {
	// Title is the report's title when the file has one (HTML <title> or
	// <h1>, the first heading of a docx), else "".
	Title string
	// Text is the report text after boilerplate removal and
	// textnorm.Normalize. The title is not added to it; it appears only when
	// the body itself states it.
	Text string
	// URL is the page address the file records (HTML canonical link,
	// og:url, or the Url meta of government sites), else "".
	URL string
	// Format is "txt", "html", "docx", "pdf" or "doc" (.doc and .wps).
	Format string
}

// Errors that callers branch on. Read wraps them with the file name and
// details.
var (
	// ErrUnsupportedFormat means the file is of a kind Read does not read
	// (legacy .doc, spreadsheets, images, other archives).
	ErrUnsupportedFormat = errors.New("source: unsupported format")
	// ErrUndecodable means the bytes are not text in an encoding Read can
	// identify with confidence, or the file is corrupt.
	ErrUndecodable = errors.New("source: undecodable")
	// ErrToolMissing means an external program needed for the format is not
	// installed; the message names it and its Debian package.
	ErrToolMissing = errors.New("source: tool missing")
	// ErrNoText means the file decoded but holds no text (an empty file, or
	// a scanned PDF without a text layer).
	ErrNoText = errors.New("source: no text")
	// ErrTooLong means the text passed Limits.MaxChars, or a .docx would
	// inflate past its bounds; the message names the limit.
	ErrTooLong = errors.New("too large")
)

// Limits bound what reading one file may produce.
type Limits struct {
	// MaxChars is the most characters of text a report may have; 0 means
	// no limit. A .docx stops inflating once its text is past it, and a
	// PDF's or .doc's converter is stopped.
	MaxChars int
}

// maxBytes is the most bytes of UTF-8 text that can hold MaxChars
// characters (4 bytes each at most), or 0 for no limit.
func (l Limits) maxBytes() int {
	if l.MaxChars <= 0 {
		return 0
	}
	return 4 * l.MaxChars
}

// tooLong is the error for a text of n characters (or more, when more is
// set: reading stopped there) past l.
func (l Limits) tooLong(more bool, n int) error {
	at := ""
	if more {
		at = "more than "
	}
	return fmt.Errorf("%w: the text has %s%d characters; the limit is %d (FAZHI_MAX_REPORT_CHARS)", ErrTooLong, at, n, l.MaxChars)
}

// Format names used in Document.Format.
const (
	FormatText = "txt"
	FormatHTML = "html"
	FormatDOCX = "docx"
	FormatPDF  = "pdf"
	FormatDOC  = "doc"
)

// Read reads the report file called name (only its extension is used, to
// choose the format together with the content) whose bytes are data, with
// no limit on the length of its text.
func Read(ctx context.Context, name string, data []byte) (Document, error) {
	return ReadLimited(ctx, name, data, Limits{})
}

// ReadLimited is Read that refuses, with ErrTooLong, a text past lim.
func ReadLimited(ctx context.Context, name string, data []byte, lim Limits) (Document, error) {
	if err := ctx.Err(); err != nil {
		return Document{}, fmt.Errorf("read %s: %w", name, err)
	}
	doc, err := read(ctx, name, data, lim)
	if err != nil {
		return Document{}, fmt.Errorf("read %s: %w", name, err)
	}
	if lim.MaxChars > 0 && len(doc.Text) > lim.MaxChars {
		// Before normalising (which copies the text): a text that stays
		// past the limit however it normalises is refused at once.
		if n := utf8.RuneCountInString(doc.Text); n > 2*lim.MaxChars {
			return Document{}, fmt.Errorf("read %s: %w", name, lim.tooLong(false, n))
		}
	}
	doc.Title = textnorm.Normalize(strings.Join(strings.Split(textnorm.Normalize(doc.Title), "\n"), " "))
	doc.Text = textnorm.Normalize(doc.Text)
	if doc.Text == "" {
		return Document{}, fmt.Errorf("read %s: %w in %s file", name, ErrNoText, doc.Format)
	}
	if lim.MaxChars > 0 && len(doc.Text) > lim.MaxChars {
		if n := utf8.RuneCountInString(doc.Text); n > lim.MaxChars {
			return Document{}, fmt.Errorf("read %s: %w", name, lim.tooLong(false, n))
		}
	}
	return doc, nil
}

func read(ctx context.Context, name string, data []byte, lim Limits) (Document, error) {
	format, err := detect(name, data)
	if err != nil {
		return Document{}, err
	}
	switch format {
	case FormatPDF:
		return readPDF(ctx, data, lim)
	case FormatDOCX:
		return readDOCX(data, lim)
	case FormatDOC:
		return readDOC(ctx, name, data, lim)
	}
	if lim.MaxChars > 0 && len(data) > textBytesPerChar*lim.MaxChars {
		// Refused before decoding, which would copy it: even HTML's markup
		// does not make a report's text take this many bytes.
		return Document{}, fmt.Errorf("%w: the file has %d bytes, more than the %d that a text or web page of %d characters takes (FAZHI_MAX_REPORT_CHARS)",
			ErrTooLong, len(data), textBytesPerChar*lim.MaxChars, lim.MaxChars)
	}
	text, err := decode(data, func() string { return htmlCharset(data) })
	if err != nil {
		return Document{}, err
	}
	if format == FormatHTML || format == "" && looksHTML(text) {
		return readHTML(text)
	}
	return Document{Text: text, Format: FormatText}, nil
}

// textBytesPerChar bounds the bytes of a text or HTML file per character
// of its text: UTF-8 takes at most 4, and a government page's markup
// rarely as many again.
const textBytesPerChar = 8

// Magic numbers of formats recognised by content.
var (
	magicPDF = []byte("%PDF-")
	magicZip = []byte("PK\x03\x04")
	// magicOLE starts a Compound File (legacy Office, WPS).
	magicOLE = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
)

// unsupportedMagic maps the leading bytes of formats Read refuses to a name
// for the error message.
var unsupportedMagic = []struct {
	magic, name string
}{
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office file that is not a Word document (.xls, .ppt?); save it as .docx or PDF"},
	{"{\\rtf", "RTF document; save it as .docx"},
	{"\x89PNG", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF8", "GIF image"},
	{"Rar!", "RAR archive"},
	{"7z\xbc\xaf", "7z archive"},
	{"\x1f\x8b", "gzip archive"},
}

// unsupportedExt lists extensions whose files Read refuses whatever their
// content.
var unsupportedExt = map[string]string{
	".xls": "spreadsheet", ".xlsx": "spreadsheet",
	".et": "spreadsheet", ".ppt": "presentation", ".pptx": "presentation", ".ofd": "OFD document",
	".odt": "OpenDocument file", ".rtf": "RTF document", ".jpg": "image", ".jpeg": "image",
	".png": "image", ".gif": "image", ".tif": "image", ".tiff": "image", ".zip": "archive",
	".rar": "archive", ".7z": "archive", ".caj": "CAJ document",
}

// detect chooses the format from the content first (magic numbers), then
// the extension. It returns "" for text of unknown kind, to be told apart
// after decoding.
func detect(name string, data []byte) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.HasPrefix(data, magicPDF), ext == ".pdf" && bytes.Contains(head, magicPDF):
		return FormatPDF, nil
	case bytes.HasPrefix(data, magicZip):
		if ext == ".docx" || zipHas(data, docxMain) {
			return FormatDOCX, nil
		}
		return "", fmt.Errorf("%w: zip archive without %s (a %s file?)", ErrUnsupportedFormat, docxMain, extOrNone(ext))
	case bytes.HasPrefix(data, magicOLE) && (ext == ".doc" || ext == ".wps" || ext == ".dot" || ext == ".wpt"):
		return FormatDOC, nil
	}
	for _, m := range unsupportedMagic {
		if bytes.HasPrefix(data, []byte(m.magic)) {
			return "", fmt.Errorf("%w: %s", ErrUnsupportedFormat, m.name)
		}
	}
	if kind, ok := unsupportedExt[ext]; ok {
		return "", fmt.Errorf("%w: %s (%s)", ErrUnsupportedFormat, kind, ext)
	}
	switch ext {
	case ".pdf":
		return "", fmt.Errorf("%w: .pdf file without a %%PDF- header", ErrUndecodable)
	case ".docx":
		return "", fmt.Errorf("%w: .docx file that is not a zip archive", ErrUndecodable)
	case ".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php":
		return FormatHTML, nil
	}
	return "", nil
}

func extOrNone(ext string) string {
	if ext == "" {
		return "file without extension"
	}
	return ext
}

// looksHTML reports whether decoded text is an HTML document rather than
// plain text: it starts, after white space and comments, with a doctype or
// an <html>, <head> or <meta> tag.
func looksHTML(text string) bool {
	s := strings.TrimLeft(text[:min(len(text), 2048)], " \t\r\n\ufeff")
	for strings.HasPrefix(s, "<!--") || strings.HasPrefix(s, "<?xml") {
		end := strings.Index(s, ">")
		if end < 0 {
			return false
		}
		s = strings.TrimLeft(s[end+1:], " \t\r\n")
	}
	s = strings.ToLower(s[:min(len(s), 16)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<meta", "<body"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
