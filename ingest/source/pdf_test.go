package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// makePDF writes a one-page PDF that shows each line of lines at the given
// indent (in 12-point em units) with a Type0 font and a ToUnicode map, so
// that pdftotext extracts the text without any font installed. It needs no
// tool, which keeps the fixture out of the repository.
func makePDF(lines []string, indents []int) []byte {
	cids := map[rune]int{}
	var order []rune
	for _, l := range lines {
		for _, r := range l {
			if _, ok := cids[r]; !ok {
				order = append(order, r)
				cids[r] = len(order)
			}
		}
	}
	var content bytes.Buffer
	content.WriteString("BT /F1 12 Tf\n")
	for i, l := range lines {
		x := 72
		if i < len(indents) {
			x += 12 * indents[i]
		}
		fmt.Fprintf(&content, "1 0 0 1 %d %d Tm <", x, 770-16*i)
		for _, r := range l {
			fmt.Fprintf(&content, "%04X", cids[r])
		}
		content.WriteString("> Tj\n")
	}
	content.WriteString("ET\n")
	var cmap bytes.Buffer
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	fmt.Fprintf(&cmap, "%d beginbfchar\n", len(order))
	for i, r := range order {
		fmt.Fprintf(&cmap, "<%04X> <%04X>\n", i+1, r)
	}
	cmap.WriteString("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	var widths strings.Builder
	for i, r := range order {
		if r < 0x80 {
			fmt.Fprintf(&widths, " %d [500]", i+1)
		}
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>" +
			" /FontDescriptor 8 0 R /DW 1000 /W [" + widths.String() + " ] >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cmap.Len(), cmap.String()),
		"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return out.Bytes()
}

// needPDFToText skips, loudly, when poppler's pdftotext is not installed.
func needPDFToText(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath(pdftotextTool); err != nil {
		t.Skipf("SKIPPED: %s not installed; PDF reading is untested. Install it with: apt-get install -y %s", pdftotextTool, pdftotextPackage)
	}
}

func TestReadPDF(t *testing.T) {
	needPDFToText(t)
	t.Parallel()
	// A paragraph wrapped at the right margin in the middle of a number, an
	// indented second paragraph, and a heading.
	lines := []string{
		"古城街道2024年度法治政府建设情况报告",
		"一、主要举措和成效",
		"全年共受理矛盾纠纷374件,调解成功率达94.",
		"8%,涉及金额1502万元。",
		"累计完成各类事项合法性审查61件。",
	}
	pdf := makePDF(lines, []int{0, 0, 2, 0, 2})
	doc, err := Read(context.Background(), "report.pdf", pdf)
	if err != nil {
		t.Fatalf("Read(report.pdf) error: %v", err)
	}
	want := "古城街道2024年度法治政府建设情况报告\n一、主要举措和成效\n全年共受理矛盾纠纷374件,调解成功率达94.8%,涉及金额1502万元。\n累计完成各类事项合法性审查61件。"
	if doc.Text != want || doc.Format != FormatPDF {
		t.Errorf("Read(report.pdf) = {Text: %q, Format: %q}; want {Text: %q, Format: pdf}", doc.Text, doc.Format, want)
	}
}

func TestReadPDFCorrupt(t *testing.T) {
	needPDFToText(t)
	t.Parallel()
	_, err := Read(context.Background(), "broken.pdf", []byte("%PDF-1.4\nthis is not a pdf body\n"))
	if !errors.Is(err, ErrUndecodable) && !errors.Is(err, ErrNoText) {
		t.Errorf("Read(broken.pdf) error = %v; want ErrUndecodable or ErrNoText", err)
	}
}

func TestReadPDFCancelled(t *testing.T) {
	needPDFToText(t)
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Read(ctx, "report.pdf", makePDF([]string{"法治"}, nil))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read(cancelled ctx) error = %v; want context.Canceled", err)
	}
}

// TestReadPDFToolMissing hides pdftotext by emptying PATH (so it cannot
// run in parallel).
func TestReadPDFToolMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Read(context.Background(), "report.pdf", makePDF([]string{"法治"}, nil))
	if !errors.Is(err, ErrToolMissing) {
		t.Fatalf("Read(report.pdf) without pdftotext error = %v; want ErrToolMissing", err)
	}
	for _, want := range []string{"report.pdf", "pdftotext", "poppler-utils"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Read(report.pdf) error = %q; want it to name %q", err, want)
		}
	}
}

func TestUnwrapPDF(t *testing.T) {
	t.Parallel()
	full := strings.Repeat("法治", 15) // 60 columns wide
	tests := []struct {
		name, in, want string
	}{
		{"wrapped line joined", full + "\n" + "受理374件。", full + "受理374件。\n\n"},
		{"number wrapped", full + "94.\n8%。", full + "94.8%。\n\n"},
		{"short line kept", "标题\n" + full, "标题\n" + full + "\n\n"},
		{"indented paragraph kept", full + "\n    新段落。", full + "\n    新段落。\n\n"},
		{"sentence end kept", strings.Repeat("法治", 14) + "好。\n下一段", strings.Repeat("法治", 14) + "好。\n下一段\n\n"},
		{"list item kept", full + "\n(二)加强领导", full + "\n(二)加强领导\n\n"},
		{"numbered item kept", full + "\n2、宣传学习", full + "\n2、宣传学习\n\n"},
		{"table row kept", "项目     数量     比例   " + full + "\n合计     374件", "项目     数量     比例   " + full + "\n合计     374件\n\n"},
		{"english word end kept", strings.Repeat("ab", 30) + "\nword", strings.Repeat("ab", 30) + "\nword\n\n"},
		{"pages end lines", full + "\f" + "下一页", full + "\n\n下一页\n\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := unwrapPDF(tc.in); got != tc.want {
				t.Errorf("unwrapPDF(%q) = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}
