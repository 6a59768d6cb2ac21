// Package source reads report files of every format and encoding the
// pipeline accepts (plain text, HTML pages saved from government sites,
// .docx and PDF; UTF-8, GBK/GB18030 and UTF-16) and turns each into a
// Document: its title, its URL when the file records one, and its text with
// navigation and site boilerplate removed and textnorm.Normalize applied.
// Every later step, and every stored span, refers to Document.Text.
//
// Decoding never guesses silently: text that is not valid UTF-8 (or UTF-16
// with a byte-order mark) is accepted as GB18030 only when the bytes look
// like Chinese text, and otherwise Read fails with ErrUndecodable. PDF text
// comes from poppler's pdftotext; when it is not installed Read fails with
// ErrToolMissing. The package has no state and does not log.
//
// It imports textnorm and, from outside the standard library, only
// golang.org/x/net/html and golang.org/x/text.
package source
