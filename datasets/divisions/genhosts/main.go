// Command genhosts writes hosts.tsv.gz, the address clue table of package
// divisions: for every province, city and county, the tokens its
// government's web addresses are made of — the pinyin of its names in full
// and as initials (liujiang, ljq for 柳江区; psx for 彭水苗族土家族自治县 as
// 彭水县; wx for 巫溪县) — each token with the codes of the divisions it can
// stand for.
//
// Run it from the package folder (go generate does this):
//
//	go generate ./datasets/divisions
//
// It reads the embedded division table, so regenerate divisions.tsv.gz
// first when the division table changes. Readings come from
// github.com/mozillazg/go-pinyin with every reading of a character that has
// several (重庆 is chongqing, not zhongqing), at most maxReadings per character
// and maxSpellings per name, so a token may also stand for readings nobody
// uses; the table records every division a token can stand for, and the
// resolver trusts a token less the more divisions share it. Combined tokens
// (cqwx = 重庆 + 巫溪, qzlc = 泉州 + 鲤城) are not stored: the resolver splits
// a host into a parent's token and a child's token at run time.
package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"

	"github.com/fazhi/fazhi/datasets/divisions"
)

const (
	// maxReadings bounds the readings tried per character, most common first.
	maxReadings = 2
	// maxSpellings bounds the spellings of one name.
	maxSpellings = 16
	// minTokenLetters is the shortest token kept.
	minTokenLetters = 2
)

func main() {
	out := flag.String("out", "hosts.tsv.gz", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genhosts:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	t, err := divisions.Load()
	if err != nil {
		return err
	}
	tokens := map[string][]string{}
	args := pinyin.NewArgs()
	args.Heteronym = true
	divs := 0
	for d := range t.All() {
		if d.Level == divisions.Town {
			continue
		}
		divs++
		for _, tok := range Tokens(d, args) {
			if !slices.Contains(tokens[tok], d.Code) {
				tokens[tok] = append(tokens[tok], d.Code)
			}
		}
	}
	keys := make([]string, 0, len(tokens))
	for k := range tokens {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "# address tokens of %s, pinyin by github.com/mozillazg/go-pinyin (datasets/divisions/genhosts)\n", t.Source())
	shared := 0
	for _, k := range keys {
		codes := tokens[k]
		slices.SortFunc(codes, cmp.Compare)
		if len(codes) > 1 {
			shared++
		}
		fmt.Fprintf(w, "%s\t%s\n", k, strings.Join(codes, ","))
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
	fmt.Printf("%d divisions, %d tokens, %d (%.1f%%) shared by more than one division\n",
		divs, len(keys), shared, 100*float64(shared)/float64(len(keys)))
	return nil
}

// Tokens returns the address tokens of d: the full pinyin and the initials
// (with zh ch sh kept as two letters, and as one) of its official name, its
// short name and its common name.
func Tokens(d divisions.Division, args pinyin.Args) []string {
	forms := []string{d.Name}
	if sh := divisions.ShortName(d.Name); sh != "" {
		forms = append(forms, sh, divisions.CommonName(d.Name))
	}
	var out []string
	add := func(s string) {
		if len(s) >= minTokenLetters && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, form := range uniq(forms) {
		for _, sp := range spellings(form, args) {
			add(strings.Join(sp, ""))
			var one, two strings.Builder
			for _, syl := range sp {
				one.WriteByte(syl[0])
				if len(syl) >= 2 && syl[1] == 'h' && strings.ContainsRune("zcs", rune(syl[0])) {
					two.WriteString(syl[:2])
				} else {
					two.WriteByte(syl[0])
				}
			}
			add(one.String())
			add(two.String())
		}
	}
	return out
}

// spellings returns the readings of s, syllable by syllable, most common
// readings first, at most maxSpellings of them. Characters with no reading
// (not Han) make s unspellable.
func spellings(s string, args pinyin.Args) [][]string {
	readings := pinyin.Pinyin(s, args)
	if len(readings) != utf8.RuneCountInString(s) {
		return nil
	}
	out := [][]string{{}}
	for _, rs := range readings {
		rs = rs[:min(len(rs), maxReadings)]
		var next [][]string
		for _, prefix := range out {
			for _, r := range rs {
				if len(next) == maxSpellings {
					break
				}
				next = append(next, append(slices.Clone(prefix), r))
			}
		}
		out = next
	}
	return out
}

func uniq(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
