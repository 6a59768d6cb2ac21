package source

import (
	"archive/zip"
	"bytes"
	"context"
	"sort"
	"testing"
)

// buildZip writes a zip archive holding files (name → content).
func buildZip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatalf("zip create %s: %v", name, err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatalf("zip write %s: %v", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatalf("zip close: %v", err)
	}
	return buf.Bytes()
}

const wordNSDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func docxBody(paras string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document ` + wordNSDecl + `><w:body>` + paras + `<w:sectPr/></w:body></w:document>`
}

// buildDOCX makes a minimal .docx with the given document.xml and extra parts.
func buildDOCX(t testing.TB, document string, extra map[string]string) []byte {
	t.Helper()
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		docxMain:              document,
	}
	for k, v := range extra {
		files[k] = v
	}
	return buildZip(t, files)
}

// Styles as localised Word writes them: the IDs are not the English names.
const chineseStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNSDecl + `>` +
	`<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style></w:styles>`

func TestReadDOCX(t *testing.T) {
	t.Parallel()
	body := `<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>桥头镇2019年</w:t></w:r><w:r><w:t>法治政府建设情况报告</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>一、基本工作情况</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">　　全年受理调解案件</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>1</w:t></w:r><w:r><w:t>67</w:t></w:r><w:r><w:t>宗，</w:t></w:r>` +
		`<w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del><w:r><w:t>调解成功率达９８．２０％。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>项目</w:t><w:tab/><w:t>说明</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政复议</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2件</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>行政诉讼</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>7件</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`
	data := buildDOCX(t, docxBody(body), map[string]string{docxStyles: chineseStyles})
	doc := mustRead(t, "report.docx", data)
	wantText := "桥头镇2019年法治政府建设情况报告\n一、基本工作情况\n全年受理调解案件167宗,调解成功率达98.20%。\n项目 说明\n行政复议2件\n行政诉讼7件\n第一行\n第二行"
	if doc.Title != "桥头镇2019年法治政府建设情况报告" || doc.Text != wantText || doc.Format != FormatDOCX {
		t.Errorf("Read(report.docx) = %+v; want {Title: 桥头镇2019年法治政府建设情况报告, Text: %q, Format: docx}", doc, wantText)
	}
}

func TestReadDOCXTextBoxOnce(t *testing.T) {
	t.Parallel()
	box := `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
		`<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框内受理纠纷15起。</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框内受理纠纷15起。</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>` +
		`</mc:AlternateContent></w:r></w:p>`
	doc := mustRead(t, "box.docx", buildDOCX(t, docxBody(box), nil))
	if want := "文本框内受理纠纷15起。"; doc.Text != want {
		t.Errorf("Read(box.docx).Text = %q; want %q", doc.Text, want)
	}
}

func TestReadDOCXTitleFallbacks(t *testing.T) {
	t.Parallel()
	para := `<w:p><w:r><w:t>全年受理调解案件167宗。</w:t></w:r></w:p>`
	core := `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>城东区2020年法治政府建设工作情况</dc:title></cp:coreProperties>`
	tests := []struct {
		name  string
		data  []byte
		title string
	}{
		{"heading 1 by built-in id", buildDOCX(t, docxBody(`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>垡头街道2023年度报告</w:t></w:r></w:p>`+para), nil), "垡头街道2023年度报告"},
		{"core properties title", buildDOCX(t, docxBody(para), map[string]string{docxCore: core}), "城东区2020年法治政府建设工作情况"},
		{"no title", buildDOCX(t, docxBody(para), nil), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := Read(context.Background(), "report.docx", tc.data)
			if err != nil {
				t.Fatalf("Read(report.docx) error: %v", err)
			}
			if doc.Title != tc.title {
				t.Errorf("Read(report.docx).Title = %q; want %q", doc.Title, tc.title)
			}
		})
	}
}
