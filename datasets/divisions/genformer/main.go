// Command genformer writes former.tsv.gz, the former names of package
// divisions: every province-, prefecture- and county-level name in use
// since 1981 that no longer names the same area, with the years it was in
// use and the divisions of today that hold its area. A 2019 report that
// writes 余杭区塘栖镇 names today's 临平区 塘栖镇 (part of 余杭区 became 临平区
// in 2021); a 2016 report of 长乐市 is about today's 长乐区.
//
// Run it from the package folder (go generate does this):
//
//	go generate ./datasets/divisions
//
// Its input is areacodes/result.csv, the summary table of the public dataset
// areacodes (github.com/yescallop/areacodes, CC0 1.0; see areacodes/README.md).
// Each output row is: former name, its old code, its level, the first and the
// last year of the name's use for that area, and the codes of today
// (comma-separated) that took over the area. A code that was itself retired
// is followed to the codes in use today.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/fazhi/fazhi/datasets/divisions"
)

// row is one line of result.csv.
type row struct {
	code, name, level string
	inUse             bool
	start, end        int // end is 0 for a row in use
	// next holds the codes that took over the area, each with the year of a
	// partial transfer (0: the whole area, at end).
	next []transfer
}

type transfer struct {
	code string
	year int
}

func main() {
	src := flag.String("src", "areacodes/result.csv", "result.csv of the areacodes dataset")
	out := flag.String("out", "former.tsv.gz", "output file")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genformer:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	rows, err := readRows(src)
	if err != nil {
		return err
	}
	t, err := divisions.Load()
	if err != nil {
		return err
	}
	// sameName reports whether every code of today still bears name: a row
	// closed by a move to another prefecture (定襄县 of 忻县地区, then of
	// 忻州地区) is no former name.
	sameName := func(name string, codes []string) bool {
		for _, c := range codes {
			if d, ok := t.Get(c); !ok || d.Name != name {
				return false
			}
		}
		return true
	}
	byCode := map[string][]*row{}
	for i := range rows {
		byCode[rows[i].code] = append(byCode[rows[i].code], &rows[i])
	}
	type former struct {
		name, code, level string
		from, until       int
		today             []string
	}
	var outRows []former
	for i := range rows {
		r := &rows[i]
		for _, tr := range r.next {
			if tr.year == 0 && r.inUse {
				continue
			}
			until := r.end - 1
			if tr.year > 0 {
				until = tr.year - 1
			}
			today := current(tr.code, byCode, map[string]bool{})
			if len(today) == 0 || sameName(r.name, today) {
				continue
			}
			outRows = append(outRows, former{r.name, r.code, r.level, r.start, until, today})
		}
	}
	// One line per (name, old code, until): the transfers of one change are merged.
	slices.SortFunc(outRows, func(a, b former) int {
		return strings.Compare(a.name+"\t"+a.code+"\t"+strconv.Itoa(a.until), b.name+"\t"+b.code+"\t"+strconv.Itoa(b.until))
	})
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# former division names from areacodes (github.com/yescallop/areacodes, commit eed219a, CC0 1.0), by datasets/divisions/genformer")
	fmt.Fprintln(w, "# name\told_code\tlevel\tfrom\tuntil\tcodes_today")
	n := 0
	for i := 0; i < len(outRows); {
		j := i
		var today []string
		for j < len(outRows) && outRows[j].name == outRows[i].name && outRows[j].code == outRows[i].code && outRows[j].until == outRows[i].until {
			for _, c := range outRows[j].today {
				if !slices.Contains(today, c) {
					today = append(today, c)
				}
			}
			j++
		}
		slices.Sort(today)
		r := outRows[i]
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%s\n", r.name, r.code, r.level, r.from, r.until, strings.Join(today, ","))
		n++
		i = j
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("%d rows read, %d former names written\n", len(rows), n)
	return nil
}

// current follows code to the codes in use today: itself when a row of it
// is in use, else the codes that took over its last row's area.
func current(code string, byCode map[string][]*row, seen map[string]bool) []string {
	if seen[code] {
		return nil
	}
	seen[code] = true
	rs := byCode[code]
	if len(rs) == 0 {
		return nil
	}
	for _, r := range rs {
		if r.inUse {
			return []string{code}
		}
	}
	last := rs[0]
	for _, r := range rs {
		if r.end > last.end {
			last = r
		}
	}
	var out []string
	for _, tr := range last.next {
		if tr.year != 0 {
			continue
		}
		for _, c := range current(tr.code, byCode, seen) {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

func readRows(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	header := true
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if header {
			header = false
			continue
		}
		if len(rec) < 9 {
			return nil, fmt.Errorf("%s: short row %q", path, rec)
		}
		r := row{code: rec[0], name: rec[3], level: rec[4], inUse: rec[5] == "在用"}
		if r.start, err = strconv.Atoi(rec[6]); err != nil {
			return nil, fmt.Errorf("%s: row %s: start %q", path, r.code, rec[6])
		}
		if rec[7] != "" {
			if r.end, err = strconv.Atoi(rec[7]); err != nil {
				return nil, fmt.Errorf("%s: row %s: end %q", path, r.code, rec[7])
			}
		}
		for _, part := range strings.Split(rec[8], ";") {
			if part == "" {
				continue
			}
			tr := transfer{code: part}
			if c, y, ok := strings.Cut(part, "["); ok {
				tr.code = c
				if tr.year, err = strconv.Atoi(strings.TrimSuffix(y, "]")); err != nil {
					return nil, fmt.Errorf("%s: row %s: transfer %q", path, r.code, part)
				}
			}
			r.next = append(r.next, tr)
		}
		rows = append(rows, r)
	}
	return rows, nil
}
