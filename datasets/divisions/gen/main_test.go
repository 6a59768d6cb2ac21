package main

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	provinces := []record{{Code: "11", Name: "北京市"}, {Code: "44", Name: "广东省"}}
	cities := []record{
		{Code: "1101", Name: "市辖区", ProvinceCode: "11"},
		{Code: "4419", Name: "东莞市", ProvinceCode: "44"},
		{Code: "4406", Name: "佛山市", ProvinceCode: "44"},
	}
	areas := []record{
		{Code: "110105", Name: "朝阳区", CityCode: "1101", ProvinceCode: "11"},
		{Code: "441900", Name: "东莞市", CityCode: "4419", ProvinceCode: "44"},
		{Code: "440608", Name: "高明区", CityCode: "4406", ProvinceCode: "44"},
	}
	streets := []record{
		{Code: "110105019", Name: "垡头街道", AreaCode: "110105"},
		{Code: "441900107", Name: "桥头镇", AreaCode: "441900"},
		{Code: "440608004", Name: "荷城街道", AreaCode: "440608"},
		{Code: "440608000", Name: "高明区", AreaCode: "440608"},
	}
	rows, err := build(provinces, cities, areas, streets)
	if err != nil {
		t.Fatalf("build() error: %v", err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join([]string{r.code, r.name, r.level, r.parent}, " "))
	}
	want := []string{
		"11 北京市 province ",
		"110105 朝阳区 county 11",
		"110105019 垡头街道 town 110105",
		"44 广东省 province ",
		"4406 佛山市 city 44",
		"440608 高明区 county 4406",
		"440608004 荷城街道 town 440608",
		"4419 东莞市 city 44",
		"441900107 桥头镇 town 4419",
	}
	if !slices.Equal(got, want) {
		t.Errorf("build() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBuildErrors(t *testing.T) {
	p := []record{{Code: "11", Name: "北京市"}}
	for _, tc := range []struct {
		name                   string
		cities, areas, streets []record
		want                   string
	}{
		{"unknown city", nil, []record{{Code: "110105", Name: "朝阳区", CityCode: "1101"}}, nil, "unknown city"},
		{"unknown county", nil, nil, []record{{Code: "110105019", Name: "垡头街道", AreaCode: "110105"}}, "unknown county"},
		{"duplicate", []record{{Code: "1101", Name: "甲市", ProvinceCode: "11"}, {Code: "1101", Name: "乙市", ProvinceCode: "11"}}, nil, nil, "duplicate code"},
		{"unknown province", []record{{Code: "1201", Name: "甲市", ProvinceCode: "12"}}, nil, nil, "unknown parent"},
	} {
		_, err := build(p, tc.cities, tc.areas, tc.streets)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("build(%s) error = %v; want it to contain %q", tc.name, err, tc.want)
		}
	}
}

func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.tsv.gz")
	rows := []row{{"11", "北京市", "province", ""}, {"110105", "朝阳区", "county", "11"}}
	if err := write(path, "# test", rows); err != nil {
		t.Fatalf("write() error: %v", err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	want := "# test\ncode\tname\tlevel\tparent_code\n11\t北京市\tprovince\t\n110105\t朝阳区\tcounty\t11\n"
	if string(b) != want {
		t.Errorf("write() wrote %q; want %q", b, want)
	}
}
