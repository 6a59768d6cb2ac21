package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

const samplePara = "全年共受理矛盾纠纷374件,调解成功率达98.2%。街道依托班子会议、理论学习中心组集体学习、全体干部大会等多元会议平台,组织开展专题学习活动。"

func mustRead(t *testing.T, name string, data []byte) Document {
	t.Helper()
	doc, err := Read(context.Background(), name, data)
	if err != nil {
		t.Fatalf("Read(%s) error: %v", name, err)
	}
	if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
		t.Fatalf("Read(%s) returned invalid UTF-8", name)
	}
	return doc
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return b
}

func encode(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s[:min(len(s), 30)], err)
	}
	return b
}

func TestReadGovernmentPage(t *testing.T) {
	t.Parallel()
	doc := mustRead(t, "gov_article.html", mustReadFile(t, filepath.Join("testdata", "gov_article.html")))
	if want := "古城街道2024年度法治政府建设情况报告"; doc.Title != want {
		t.Errorf("Read(gov_article.html).Title = %q; want %q", doc.Title, want)
	}
	if want := "https://www.linhai.gov.cn/art/2025/1/8/art_1229536186_59077351.html"; doc.URL != want {
		t.Errorf("Read(gov_article.html).URL = %q; want %q", doc.URL, want)
	}
	if doc.Format != FormatHTML {
		t.Errorf("Read(gov_article.html).Format = %q; want html", doc.Format)
	}
	for _, want := range []string{
		"一、2024年推进法治政府建设的主要举措和成效\n(一)加强领导,夯实法治政府建设基础\n",
		"截至目前,街道共受理矛盾纠纷374件,调解成功率达99.59%。",
		"合法性审查61件",
	} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("Read(gov_article.html).Text lacks %q; got:\n%s", want, doc.Text)
		}
	}
	for _, junk := range []string{
		"老年模式", "无障碍", "临海市人民政府", "首页", "政务服务", "当前位置", "索引号", "001008017", "发布机构",
		"主动公开", "浏览次数", "字体", "分享到", "微信", "打印", "关闭", "相关链接", "2023年度", "版权所有",
		"ICP", "公网安备", "主办单位", "统计代码", "font-size",
	} {
		if strings.Contains(doc.Text, junk) {
			t.Errorf("Read(gov_article.html).Text contains boilerplate %q; got:\n%s", junk, doc.Text)
		}
	}
	if strings.HasPrefix(doc.Text, doc.Title) {
		t.Errorf("Read(gov_article.html).Text starts with the title; the body does not state it")
	}
}

// TestReadTableLayoutPage reads an old-style GBK page laid out with tables,
// whose charset is declared as gb2312 and whose text has full-width digits
// and numbers split by spaces.
func TestReadTableLayoutPage(t *testing.T) {
	t.Parallel()
	data := mustReadFile(t, filepath.Join("testdata", "table_layout_gbk.html"))
	if utf8.Valid(data) {
		t.Fatal("testdata/table_layout_gbk.html is valid UTF-8; it must hold GBK bytes")
	}
	doc := mustRead(t, "table_layout_gbk.html", data)
	want := Document{
		Title: "某某镇2021年法治政府建设年度报告",
		Text: "2021年,我镇在县委、县政府的正确领导下,认真贯彻落实法治政府建设实施纲要。\n一、主要工作\n" +
			"(一)全年共排查调处矛盾纠纷123件,调处成功120件,调处成功率97.56%。\n(二)开展普法宣传活动15场次,发放宣传资料3000余份。",
		Format: FormatHTML,
	}
	if doc != want {
		t.Errorf("Read(table_layout_gbk.html) = %+v; want %+v", doc, want)
	}
}

func TestReadHTML(t *testing.T) {
	t.Parallel()
	gbkPage := encode(t, simplifiedchinese.GBK.NewEncoder(),
		`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>桥头镇法治政府建设报告</title></head><body><p>`+samplePara+`</p></body></html>`)
	tests := []struct {
		name               string
		page               []byte
		wantTitle, wantURL string
		wantText           string
	}{
		{
			name:      "title without site name",
			page:      []byte(`<html><head><title>城东区2020年法治政府建设工作情况 - 西宁市城东区人民政府</title></head><body><p>` + samplePara + `</p></body></html>`),
			wantTitle: "城东区2020年法治政府建设工作情况",
			wantText:  samplePara,
		},
		{
			name:      "title with double hyphen",
			page:      []byte(`<html><head><title>某某镇2021年法治政府建设年度报告--某某县人民政府</title></head><body><p>` + samplePara + `</p></body></html>`),
			wantTitle: "某某镇2021年法治政府建设年度报告",
			wantText:  samplePara,
		},
		{
			name:      "h1 that matches the title",
			page:      []byte(`<html><head><title>垡头街道2023年度法治政府建设情况报告_北京市朝阳区人民政府</title></head><body><h1>北京市朝阳区人民政府</h1><div class="con"><h1>垡头街道2023年度法治政府建设情况报告</h1><p>` + samplePara + `</p></div></body></html>`),
			wantTitle: "垡头街道2023年度法治政府建设情况报告",
			wantText:  "垡头街道2023年度法治政府建设情况报告\n" + samplePara,
		},
		{
			name:      "no title",
			page:      []byte(`<!DOCTYPE html><body><p>` + samplePara + `</p></body>`),
			wantTitle: "",
			wantText:  samplePara,
		},
		{
			name:     "canonical link",
			page:     []byte(`<html><head><link rel="canonical" href="https://www.example.gov.cn/a/1.html"><meta property="og:url" content="https://other.example/"></head><body><p>` + samplePara + `</p></body></html>`),
			wantURL:  "https://www.example.gov.cn/a/1.html",
			wantText: samplePara,
		},
		{
			name:     "relative canonical ignored, og:url used",
			page:     []byte(`<html><head><link rel="canonical" href="/a/1.html"><meta property="og:url" content="http://www.example.gov.cn/a/1.html"></head><body><p>` + samplePara + `</p></body></html>`),
			wantURL:  "http://www.example.gov.cn/a/1.html",
			wantText: samplePara,
		},
		{
			name:      "gbk page declared gb2312",
			page:      gbkPage,
			wantTitle: "桥头镇法治政府建设报告",
			wantText:  samplePara,
		},
		{
			name:     "utf-8 page that declares gb2312",
			page:     []byte(`<html><head><meta charset="gb2312"></head><body><p>` + samplePara + `</p></body></html>`),
			wantText: samplePara,
		},
		{
			name:     "source line break between CJK is not a space",
			page:     []byte("<html><body><p>全年共受理矛盾纠纷\n      374件,调解成功率达98.2%。街道依托班子会议、理论学习中心组集体学习、全体干部大会等多元会议平台,\n组织开展专题学习活动。</p></body></html>"),
			wantText: samplePara,
		},
		{
			name:     "br and nbsp indentation",
			page:     []byte("<html><body><div id=\"zoom\">&nbsp;&nbsp;第一段,内容较长的一段文字。<br>&#12288;&#12288;第二段,受理矛盾纠纷&nbsp;3 7 4&nbsp;件。<br/></div></body></html>"),
			wantText: "第一段,内容较长的一段文字。\n第二段,受理矛盾纠纷374件。",
		},
		{
			name:     "hidden and scripted parts left out",
			page:     []byte(`<html><body><div style="display: none">隐藏的文字,不应出现。</div><script>var a = "脚本";</script><noscript>请启用脚本</noscript><p>` + samplePara + `</p><div class="bdsharebuttonbox">分享到:微信</div></body></html>`),
			wantText: samplePara,
		},
		{
			name:     "article split over sibling blocks",
			page:     []byte(`<html><body><div class="main"><div class="part"><p>` + samplePara + `</p></div><div class="part"><p>第二部分,受理行政复议案件2件,均已办结。</p></div></div></body></html>`),
			wantText: samplePara + "\n第二部分,受理行政复议案件2件,均已办结。",
		},
		{
			name:     "fragment sniffed as text stays html by extension",
			page:     []byte(`<p>` + samplePara + `</p>`),
			wantText: samplePara,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc := mustRead(t, "page.html", tc.page)
			if doc.Title != tc.wantTitle || doc.URL != tc.wantURL || doc.Text != tc.wantText || doc.Format != FormatHTML {
				t.Errorf("Read(page.html) = %+v; want {Title: %q, Text: %q, URL: %q, Format: html}", doc, tc.wantTitle, tc.wantText, tc.wantURL)
			}
		})
	}
}

func TestReadEncodings(t *testing.T) {
	t.Parallel()
	gbkFixture := mustReadFile(t, filepath.Join("testdata", "report_gbk.txt"))
	if utf8.Valid(gbkFixture) {
		t.Fatal("testdata/report_gbk.txt is valid UTF-8; it must hold GBK bytes")
	}
	tests := []struct {
		name string
		data []byte
		want string // a prefix of the text
	}{
		{"utf-8", []byte(samplePara), samplePara},
		{"utf-8 with bom", append([]byte{0xEF, 0xBB, 0xBF}, samplePara...), samplePara},
		{"gbk", encode(t, simplifiedchinese.GBK.NewEncoder(), samplePara), samplePara},
		{"gb18030 four-byte characters", encode(t, simplifiedchinese.GB18030.NewEncoder(), "• "+samplePara), "• " + samplePara},
		{"gbk fixture", gbkFixture, "一、2024年推进法治政府建设的主要举措和成效\n(一)加强领导,夯实法治政府建设基础\n"},
		{"utf-16le with bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), samplePara), samplePara},
		{"utf-16be with bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder(), samplePara), samplePara},
		{"utf-16le ascii without bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder(), "Report 2024: 374 cases"), "Report 2024: 374 cases"},
		{"crlf gbk", encode(t, simplifiedchinese.GBK.NewEncoder(), "第一行\r\n第二行,受理纠纷１５起。\r\n"), "第一行\n第二行,受理纠纷15起。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc := mustRead(t, "report.txt", tc.data)
			if !strings.HasPrefix(doc.Text, tc.want) || doc.Format != FormatText {
				t.Errorf("Read(report.txt) = {Text: %q, Format: %q}; want text starting %q, format txt", doc.Text, doc.Format, tc.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	big5 := encode(t, traditionalchinese.Big5.NewEncoder(), "全年共受理矛盾糾紛374件，調解成功率達98.2%。街道依託班子會議、理論學習中心組集體學習、全體幹部大會等多元會議平臺，組織開展專題學習活動。")
	latin1 := encode(t, charmap.Windows1252.NewEncoder(), "Le développement économique et la sécurité publique à Paris: élève, garçon, naïve.")
	tests := []struct {
		name string
		file string
		data []byte
		want error
	}{
		{"random binary", "report.txt", random, ErrUndecodable},
		{"random binary without extension", "report", random, ErrUndecodable},
		{"big5 without declaration", "report.txt", big5, ErrUndecodable},
		{"latin-1", "report.txt", latin1, ErrUndecodable},
		{"nul-ridden utf-8", "report.txt", []byte("法治\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04"), ErrUndecodable},
		{"utf-8 bom with gbk body", "report.txt", append([]byte{0xEF, 0xBB, 0xBF}, encode(t, simplifiedchinese.GBK.NewEncoder(), samplePara)...), ErrUndecodable},
		{"compound file named txt", "report.txt", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrUnsupportedFormat},
		{"png", "scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ErrUnsupportedFormat},
		{"spreadsheet", "table.xlsx", []byte("whatever"), ErrUnsupportedFormat},
		{"zip without document.xml", "report.zip", buildZip(t, map[string]string{"a.txt": "x"}), ErrUnsupportedFormat},
		{"pdf without header", "report.pdf", []byte("hello"), ErrUndecodable},
		{"docx that is not a zip", "report.docx", []byte("hello"), ErrUndecodable},
		{"docx with broken xml", "report.docx", buildZip(t, map[string]string{docxMain: "<w:document><w:body><w:p>"}), ErrUndecodable},
		{"empty", "report.txt", nil, ErrNoText},
		{"only white space", "report.txt", []byte(" \r\n\u3000\n"), ErrNoText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Read(context.Background(), tc.file, tc.data)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Read(%s) error = %v; want %v", tc.file, err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.file) {
				t.Errorf("Read(%s) error = %q; want it to name the file", tc.file, err)
			}
		})
	}
}

func TestReadCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, "report.txt", []byte(samplePara)); !errors.Is(err, context.Canceled) {
		t.Errorf("Read(cancelled ctx) error = %v; want context.Canceled", err)
	}
}

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"txt extension", "a.txt", []byte(samplePara), FormatText},
		{"no extension", "a", []byte(samplePara), FormatText},
		{"markdown is text", "a.md", []byte(samplePara), FormatText},
		{"html extension", "a.htm", []byte(samplePara), FormatHTML},
		{"shtml extension", "a.shtml", []byte("<p>" + samplePara + "</p>"), FormatHTML},
		{"html saved as txt", "a.txt", []byte("\n<!DOCTYPE html><html><body><p>" + samplePara + "</p></body></html>"), FormatHTML},
		{"html after comment", "a", []byte("<!-- saved from url=(0014)about:internet -->\n<html><body><p>" + samplePara + "</p></body></html>"), FormatHTML},
		{"pdf magic beats extension", "a.txt", []byte("%PDF-1.4\n"), FormatPDF},
		{"docx by content", "download", buildDOCX(t, docxBody(`<w:p><w:r><w:t>法治</w:t></w:r></w:p>`), nil), FormatDOCX},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			format, err := detect(tc.file, tc.data)
			if err != nil {
				t.Fatalf("detect(%s) error: %v", tc.file, err)
			}
			if format == "" {
				text, err := decode(tc.data, func() string { return "" })
				if err != nil {
					t.Fatalf("decode(%s) error: %v", tc.file, err)
				}
				format = FormatText
				if looksHTML(text) {
					format = FormatHTML
				}
			}
			if format != tc.want {
				t.Errorf("detect(%s) = %q; want %q", tc.file, format, tc.want)
			}
		})
	}
}

// TestReadSamples reads the bundled sample reports and checks that every
// gold quote survives boilerplate removal and normalisation, and that the
// site chrome saved with one of them is gone.
func TestReadSamples(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "datasets", "reports")
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatalf("open gold: %v", err)
	}
	defer f.Close()
	docs := map[string]Document{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	quotes := 0
	for sc.Scan() {
		var g struct{ File, Quote string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold: %v", err)
		}
		doc, ok := docs[g.File]
		if !ok {
			doc = mustRead(t, g.File, mustReadFile(t, filepath.Join(dir, g.File)))
			docs[g.File] = doc
		}
		if !strings.Contains(doc.Text, g.Quote) {
			t.Errorf("Read(%s).Text lost gold quote %q", g.File, g.Quote)
		}
		quotes++
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scan gold: %v", err)
	}
	if quotes == 0 {
		t.Fatal("no gold quotes")
	}
	// The page's furniture stays in the text, as published: ingest/layout
	// tells it from the report.
	if doc := docs["002_d513238c1e646e12.txt"]; !strings.Contains(doc.Text, "古城街道2024年度法治政府建设情况报告\n") {
		t.Errorf("Read(002_d513238c1e646e12.txt).Text lost its title line")
	}
}

// readSeeds returns the fixture and sample files whose names end in one of
// exts, for fuzz seeds.
func readSeeds(f *testing.F, patterns ...string) [][]byte {
	var seeds [][]byte
	for _, p := range patterns {
		files, err := filepath.Glob(p)
		if err != nil {
			f.Fatalf("glob: %v", err)
		}
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatalf("read seed: %v", err)
			}
			seeds = append(seeds, b[:min(len(b), 4096)])
		}
	}
	return seeds
}

func fuzzRead(t *testing.T, name string, data []byte) {
	doc, err := Read(context.Background(), name, data)
	if err != nil {
		if !errors.Is(err, ErrUndecodable) && !errors.Is(err, ErrUnsupportedFormat) && !errors.Is(err, ErrNoText) && !errors.Is(err, ErrToolMissing) {
			t.Fatalf("Read(%s) error = %v; want a sentinel", name, err)
		}
		return
	}
	if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) || !utf8.ValidString(doc.URL) {
		t.Fatalf("Read(%s) returned invalid UTF-8: %+v", name, doc)
	}
	if doc.Text == "" || strings.Contains(doc.Title, "\n") {
		t.Fatalf("Read(%s) = %+v; want non-empty text and a one-line title", name, doc)
	}
}

func FuzzReadText(f *testing.F) {
	for _, s := range readSeeds(f, filepath.Join("testdata", "*.txt"), filepath.Join("..", "..", "datasets", "reports", "*.txt")) {
		f.Add(s)
	}
	f.Add([]byte(samplePara))
	f.Add([]byte{0xFF, 0xFE, 0x6C, 0x51})
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, magicPDF) {
			return // PDF goes to pdftotext, which FuzzReadText does not test
		}
		fuzzRead(t, "report.txt", data)
	})
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range readSeeds(f, filepath.Join("testdata", "*.html")) {
		f.Add(s)
	}
	f.Add([]byte(`<html><head><meta charset="gbk"><title>a_b</title></head><body><h1>标题</h1><p>` + samplePara + `</p></body></html>`))
	f.Add([]byte(`<table><tr><td>索引号:</td><td>1</td></tr></table><pre> 1 5起 </pre>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, magicPDF) {
			return
		}
		fuzzRead(t, "page.html", data)
	})
}

// TestBadRunes checks the byte count of bad characters against a loop over
// the runes, on texts with every kind of them.
func TestBadRunes(t *testing.T) {
	for _, s := range []string{"", "调解成功率98%", "a\x00b\x01\t\n\r\f\x7f", "\u0080\u009f\u00a0\ufffd", "bad \xff\xfe utf-8 \xe5\x8c", "\xc2", "\xef\xbf",
		"中\ufffd文", "overlong \xe0\x80\x80 \xe0\xa0\x80", "surrogate \xed\xa0\x80 \xed\x9f\xbf", "\xe5\x8c\xba\xe5"} {
		want := 0
		for _, r := range s {
			if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r >= 0x7F && r <= 0x9F {
				want++
			}
		}
		if got := badRunes(s); got != want {
			t.Errorf("badRunes(%q) = %d; want %d", s, got, want)
		}
		if got := badRunesUTF8(s); utf8.ValidString(s) && got != want {
			t.Errorf("badRunesUTF8(%q) = %d; want %d", s, got, want)
		}
	}
}
