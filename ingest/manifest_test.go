package ingest

import (
	"strings"
	"testing"
)

// An upload's manifest names the files as the client sent them, or by
// base name when that is unambiguous (a browser sends base names only).
func TestManifestLookupUpload(t *testing.T) {
	m, err := ReadManifest(strings.NewReader("file,url,jurisdiction_code,year\n"+
		"reports/2023/附件1.docx,,331082004,2023\n"+
		"./b.txt,http://lh.gov.cn/b.html,,\n"+
		"x/c.txt,,331082005,\n"+
		"y/c.txt,,331082006,\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want Meta
		ok   bool
	}{
		{"reports/2023/附件1.docx", Meta{JurisdictionCode: "331082004", Year: 2023}, true},
		{"附件1.docx", Meta{JurisdictionCode: "331082004", Year: 2023}, true},
		{"b.txt", Meta{URL: "http://lh.gov.cn/b.html"}, true},
		{"x/c.txt", Meta{JurisdictionCode: "331082005"}, true},
		{"c.txt", Meta{}, false}, // two rows have this base name
		{"d.txt", Meta{}, false},
	} {
		if got, ok := m.LookupUpload(tc.name); got != tc.want || ok != tc.ok {
			t.Errorf("LookupUpload(%q) = %+v, %v; want %+v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
	if got := m.Files(); len(got) != 4 || got[0] != "b.txt" {
		t.Errorf("Files() = %v; want the four cleaned names, sorted", got)
	}
}
