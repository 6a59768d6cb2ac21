package source

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testdata/report.doc is testdata/report_doc.txt saved as Word 97–2003 by
// LibreOffice 7.4 (soffice --headless --convert-to doc:"MS Word 97"): a
// real compound file with a Word binary body, which no Go code here writes.

// needCatdoc skips, loudly, when catdoc is not installed (.ci/run installs it).
func needCatdoc(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath(catdoc.name); err != nil {
		t.Skipf("SKIPPED: %s not installed; .doc reading is untested. Install it with: apt-get install -y %s", catdoc.name, catdoc.pkg)
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadDOC(t *testing.T) {
	needCatdoc(t)
	t.Parallel()
	data := readTestdata(t, "report.doc")
	// As report_doc.txt reads, normalised; Word keeps no empty paragraph.
	want := "桥头镇2019年法治政府建设情况报告\n一、主要举措和成效\n全年受理调解案件167宗,调解成功率达98.2%。\n" +
		"开展法治宣传活动12场,发放宣传资料3000余份。\n行政诉讼案件7件,行政复议案件2件。"
	for _, name := range []string{"report.doc", "报告.wps", "REPORT.DOC"} {
		doc := mustRead(t, name, data)
		if doc.Text != want || doc.Format != FormatDOC {
			t.Errorf("Read(%s) = {Text: %q, Format: %q}; want {Text: %q, Format: doc}", name, doc.Text, doc.Format, want)
		}
	}
}

func TestReadDOCErrors(t *testing.T) {
	needCatdoc(t)
	t.Parallel()
	broken := []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not a compound file after all")
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"broken.doc", broken, []string{"broken.doc", "catdoc", "Broken OLE"}},
		{"broken.wps", broken, []string{"broken.wps", "catdoc", "WPS", "save it as .docx or PDF"}},
	}
	for _, tc := range tests {
		_, err := Read(context.Background(), tc.name, tc.data)
		if !errors.Is(err, ErrUndecodable) {
			t.Fatalf("Read(%s) error = %v; want ErrUndecodable", tc.name, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Read(%s) error = %q; want it to say %q", tc.name, err, w)
			}
		}
	}
}

// TestReadDOCToolMissing hides catdoc by emptying PATH (not parallel).
func TestReadDOCToolMissing(t *testing.T) {
	data := readTestdata(t, "report.doc")
	t.Setenv("PATH", t.TempDir())
	_, err := Read(context.Background(), "report.doc", data)
	if !errors.Is(err, ErrToolMissing) {
		t.Fatalf("Read(report.doc) without catdoc error = %v; want ErrToolMissing", err)
	}
	for _, want := range []string{"report.doc", "catdoc", "Debian package catdoc"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Read(report.doc) error = %q; want it to name %q", err, want)
		}
	}
}

func TestReadDOCLimit(t *testing.T) {
	needCatdoc(t)
	t.Parallel()
	_, err := ReadLimited(context.Background(), "report.doc", readTestdata(t, "report.doc"), Limits{MaxChars: 20})
	if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), "FAZHI_MAX_REPORT_CHARS") {
		t.Errorf("ReadLimited(report.doc, 20 chars) error = %v; want ErrTooLong naming FAZHI_MAX_REPORT_CHARS", err)
	}
}
