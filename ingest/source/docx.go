package source

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Parts of a .docx package that Read uses.
const (
	docxMain   = "word/document.xml"
	docxStyles = "word/styles.xml"
	docxCore   = "docProps/core.xml"
)

// Bounds on inflating a .docx, checked on the sizes the zip records before
// a part is inflated (and archive/zip fails a part that inflates past its
// recorded size): a zip bomb is refused, not inflated.
const (
	// maxDOCXPart bounds the uncompressed size of one part.
	maxDOCXPart = 64 << 20
	// maxDOCXRatio bounds how many times larger than its compressed size a
	// part may inflate, for parts over docxRatioFloor. Word's XML inflates
	// 5–20 times; deflate's limit is about 1,000.
	maxDOCXRatio   = 100
	docxRatioFloor = 1 << 20
)

// XML namespaces of WordprocessingML and of markup compatibility (mc:).
const (
	wordNS         = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	markupCompatNS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// zipHas reports whether data is a zip archive holding a file called name.
func zipHas(data []byte, name string) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == name {
			return true
		}
	}
	return false
}

// readDOCX reads the paragraphs of word/document.xml, one line each. Table
// cells are joined by spaces and each table row is a line. The title is the
// first paragraph styled Title or Heading 1, else the core properties'
// dc:title.
func readDOCX(data []byte, lim Limits) (Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Document{}, fmt.Errorf("%w: docx: %w", ErrUndecodable, err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	main, ok := parts[docxMain]
	if !ok {
		return Document{}, fmt.Errorf("%w: docx without %s", ErrUndecodable, docxMain)
	}
	titleStyles := map[string]bool{"Title": true, "Heading1": true, "1": true}
	if f, ok := parts[docxStyles]; ok {
		if err := readPart(f, func(r io.Reader) error { return docxTitleStyles(r, titleStyles) }); err != nil {
			return Document{}, err
		}
	}
	var doc Document
	if err := readPart(main, func(r io.Reader) error {
		var err error
		doc.Text, doc.Title, err = docxText(r, titleStyles, lim)
		return err
	}); err != nil {
		return Document{}, err
	}
	if f, ok := parts[docxCore]; ok && strings.TrimSpace(doc.Title) == "" {
		if err := readPart(f, func(r io.Reader) error {
			doc.Title, err = docxCoreTitle(r)
			return err
		}); err != nil {
			return Document{}, err
		}
	}
	doc.Format = FormatDOCX
	return doc, nil
}

// readPart opens one file of the zip and hands it, size-limited, to read.
// A part that would inflate past maxDOCXPart, or more than maxDOCXRatio
// times its compressed size, is refused before it is inflated.
func readPart(f *zip.File, read func(io.Reader) error) error {
	size, packed := f.UncompressedSize64, max(f.CompressedSize64, 1)
	if size > maxDOCXPart {
		return fmt.Errorf("%w: docx %s would inflate to %d bytes; at most %d are read", ErrTooLong, f.Name, size, maxDOCXPart)
	}
	if size > docxRatioFloor && size/packed > maxDOCXRatio {
		return fmt.Errorf("%w: docx %s would inflate %d bytes to %d (%d times); refused as a zip bomb (at most %d times)",
			ErrTooLong, f.Name, f.CompressedSize64, size, size/packed, maxDOCXRatio)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: docx %s: %w", ErrUndecodable, f.Name, err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: int64(size) + 1}
	if err := read(lr); err != nil {
		if errors.Is(err, ErrTooLong) {
			return fmt.Errorf("docx %s: %w", f.Name, err)
		}
		if lr.N <= 0 {
			return fmt.Errorf("%w: docx %s inflates past the %d bytes it records", ErrUndecodable, f.Name, size)
		}
		return fmt.Errorf("%w: docx %s: %w", ErrUndecodable, f.Name, err)
	}
	return nil
}

// docxTitleStyles adds to ids the style IDs whose name is "Title" or
// "heading 1". Localised Word writes its own IDs (e.g. "a3", "1") but keeps
// the built-in English names.
func docxTitleStyles(r io.Reader, ids map[string]bool) error {
	dec := xml.NewDecoder(r)
	var id string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != wordNS {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
		case "name":
			switch strings.ToLower(attr(se, "val")) {
			case "title", "heading 1":
				ids[id] = true
			}
		}
	}
}

// docxText renders the body of document.xml as lines and returns it with
// the text of the first title-styled paragraph.
//
// Past lim's characters it stops inflating and fails with ErrTooLong.
func docxText(r io.Reader, titleStyles map[string]bool, lim Limits) (text, title string, err error) {
	dec := xml.NewDecoder(r)
	maxBytes := lim.maxBytes()
	var b, para strings.Builder
	var style string
	inText, tableDepth, paraDepth := false, 0, 0
	// line ends the paragraph text gathered so far; a paragraph nested in a
	// text box ends the part of its outer paragraph before it.
	line := func(always bool) {
		l := para.String()
		para.Reset()
		if strings.TrimSpace(l) == "" && !always {
			return
		}
		if title == "" && titleStyles[style] && strings.TrimSpace(l) != "" {
			title = strings.TrimSpace(l)
		}
		b.WriteString(l)
		if tableDepth > 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte('\n')
		}
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == markupCompatNS && t.Name.Local == "Fallback" {
				// The fallback repeats the text of the mc:Choice before it.
				if err := dec.Skip(); err != nil {
					return "", "", err
				}
				continue
			}
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "p":
				if paraDepth > 0 {
					line(false)
				}
				paraDepth++
				style = ""
			case "pStyle":
				style = attr(t, "val")
			case "t":
				inText = true
			case "tab":
				para.WriteByte(' ')
			case "br", "cr":
				para.WriteByte('\n')
			case "tbl":
				tableDepth++
			case "del", "instrText", "delText":
				// Deleted revisions and field codes are not text.
				if err := dec.Skip(); err != nil {
					return "", "", err
				}
			}
		case xml.EndElement:
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				line(paraDepth == 1)
				paraDepth--
			case "tr":
				b.WriteByte('\n')
			case "tbl":
				tableDepth--
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
		if maxBytes > 0 && b.Len()+para.Len() > maxBytes {
			return "", "", lim.tooLong(true, lim.MaxChars)
		}
	}
	return b.String(), title, nil
}

// docxCoreTitle returns dc:title from docProps/core.xml.
func docxCoreTitle(r io.Reader) (string, error) {
	var core struct {
		Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
	}
	if err := xml.NewDecoder(r).Decode(&core); err != nil {
		return "", err
	}
	return strings.TrimSpace(core.Title), nil
}

// attr returns the value of the attribute called local, in any namespace.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
