package source

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets for the readers of binary formats, seeded with small
// real-shaped files made here: a .docx with styles, a table, a text box
// and core properties; a one-page PDF with a CID font and a ToUnicode map;
// the Word 97 file of testdata. Plain `go test` runs the seeds.

// docxSeed is a .docx as Word lays one out.
func docxSeed(t testing.TB) []byte {
	body := `<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>桥头镇2019年法治政府建设情况报告</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">全年受理调解案件</w:t></w:r><w:r><w:t>167宗,调解成功率达98.2%。</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政复议</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2件</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:t>文本框</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`
	core := `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>城东区2020年法治政府建设工作情况</dc:title></cp:coreProperties>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{docxMain, docxBody(body)},
		{docxStyles, chineseStyles},
		{docxCore, core},
	} {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzReadDOCX(f *testing.F) {
	f.Add(docxSeed(f))
	f.Add(buildDOCX(f, docxBody(`<w:p><w:r><w:t>受理纠纷15起。</w:t></w:r></w:p>`), nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Bounded: whatever the archive says, reading stays within limits.
		doc, err := ReadLimited(context.Background(), "report.docx", data, Limits{MaxChars: 10_000})
		checkRead(t, "report.docx", doc, err)
		if err == nil && utf8.RuneCountInString(doc.Text) > 10_000 {
			t.Fatalf("ReadLimited(report.docx, 10000 characters) returned %d characters", utf8.RuneCountInString(doc.Text))
		}
	})
}

func FuzzReadPDF(f *testing.F) {
	if _, err := exec.LookPath(pdftotextTool); err != nil {
		f.Skipf("SKIPPED: %s not installed (apt-get install -y %s)", pdftotextTool, pdftotextPackage)
	}
	f.Add(makePDF([]string{"古城街道2024年度法治政府建设情况报告", "全年共受理矛盾纠纷374件,调解成功率达94.", "8%。"}, []int{0, 2, 0}))
	f.Add(makePDF([]string{"项目     数量", "合计     374件"}, nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadLimited(context.Background(), "report.pdf", data, Limits{MaxChars: 10_000})
		checkRead(t, "report.pdf", doc, err)
	})
}

func FuzzReadDOC(f *testing.F) {
	if _, err := exec.LookPath(catdoc.name); err != nil {
		f.Skipf("SKIPPED: %s not installed (apt-get install -y %s)", catdoc.name, catdoc.pkg)
	}
	f.Add(readTestdata(f, "report.doc"))
	f.Add(append(append([]byte{}, magicOLE...), "broken"...))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadLimited(context.Background(), "report.doc", data, Limits{MaxChars: 10_000})
		checkRead(t, "report.doc", doc, err)
	})
}

// checkRead holds every reader to its contract: a sentinel error, or
// valid UTF-8 text that is not empty and a one-line title.
func checkRead(t *testing.T, name string, doc Document, err error) {
	t.Helper()
	if err != nil {
		for _, want := range []error{ErrUndecodable, ErrUnsupportedFormat, ErrNoText, ErrToolMissing, ErrTooLong} {
			if errors.Is(err, want) {
				return
			}
		}
		t.Fatalf("Read(%s) error = %v; want a sentinel", name, err)
	}
	if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) || doc.Text == "" || strings.Contains(doc.Title, "\n") {
		t.Fatalf("Read(%s) = %+v; want valid UTF-8, text, a one-line title", name, doc)
	}
}

// TestReadDOCXBomb: a 200 KB .docx whose document.xml inflates to 60 MB is
// refused from the sizes its zip records, before inflating; one that
// inflates within the ratio but past the text limit stops inflating there.
func TestReadDOCXBomb(t *testing.T) {
	t.Parallel()
	para := `<w:p><w:r><w:t>全年受理调解案件1件。</w:t></w:r></w:p>`
	bomb := buildDOCX(t, docxBody(strings.Repeat(para, 60<<20/len(para))), nil)
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes; want a small file", len(bomb))
	}
	_, err := Read(context.Background(), "bomb.docx", bomb)
	if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), "zip bomb") {
		t.Errorf("Read(bomb.docx) error = %v; want ErrTooLong, a zip bomb", err)
	}
	_, err = ReadLimited(context.Background(), "long.docx", buildDOCX(t, docxBody(strings.Repeat(para, 2000)), nil), Limits{MaxChars: 1000})
	if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), "more than 1000 characters") {
		t.Errorf("ReadLimited(long.docx, 1000 characters) error = %v; want ErrTooLong, stopped past 1000 characters", err)
	}
}

// FuzzUnwrapPDF: joining pdftotext's wrapped lines only ever removes line
// breaks, form feeds and trailing spaces; every other character stays, in
// order.
func FuzzUnwrapPDF(f *testing.F) {
	full := strings.Repeat("法治", 15)
	f.Add(full + "\n受理374件。\n    新段落。\f下一页")
	f.Add("项目     数量     比例\n合计     374件\n(二)加强领导\n2、宣传学习")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '\n' || r == '\f' {
					return -1
				}
				return r
			}, s)
		}
		if got := unwrapPDF(text); strip(got) != strip(text) {
			t.Fatalf("unwrapPDF(%q) = %q: characters other than breaks and spaces changed", text, got)
		}
	})
}
