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

// placeReadings are the readings of characters that place names read
// otherwise than the dictionary's first readings (宝坻 is baodi, 六安 luan,
// 乐亭 laoting), by the name part that holds them: within a name that
// contains the part, its characters read only so. The list is of the
// polyphonic county- and city-level names that atlases note.
var placeReadings = map[string][]string{
	"宝坻": {"bao", "di"}, "六安": {"lu", "an"}, "六合": {"lu", "he"}, "蚌埠": {"beng", "bu"},
	"番禺": {"pan", "yu"}, "吐鲁番": {"tu", "lu", "fan"}, "铅山": {"yan", "shan"}, "丽水": {"li", "shui"},
	"莘县": {"shen", "xian"}, "荥阳": {"xing", "yang"}, "荥经": {"ying", "jing"}, "枞阳": {"zong", "yang"},
	"洪洞": {"hong", "tong"}, "乐亭": {"lao", "ting"}, "乐清": {"yue", "qing"}, "东阿": {"dong", "e"},
	"单县": {"shan", "xian"}, "浚县": {"xun", "xian"}, "句容": {"ju", "rong"}, "厦门": {"xia", "men"},
	"亳州": {"bo", "zhou"}, "涡阳": {"guo", "yang"}, "歙县": {"she", "xian"}, "犍为": {"qian", "wei"},
	"筠连": {"jun", "lian"}, "长子": {"zhang", "zi"}, "大埔": {"da", "bu"}, "尉犁": {"yu", "li"},
	"尉氏": {"wei", "shi"}, "台州": {"tai", "zhou"}, "天台": {"tian", "tai"}, "监利": {"jian", "li"},
	"阆中": {"lang", "zhong"}, "曲阜": {"qu", "fu"}, "曲靖": {"qu", "jing"}, "曲沃": {"qu", "wo"},
	"曲周": {"qu", "zhou"}, "济南": {"ji", "nan"}, "济宁": {"ji", "ning"}, "济源": {"ji", "yuan"},
	"华阴": {"hua", "yin"}, "华州": {"hua", "zhou"}, "会理": {"hui", "li"}, "会泽": {"hui", "ze"},
	"会同": {"hui", "tong"}, "柏乡": {"bai", "xiang"}, "蔚县": {"yu", "xian"}, "藁城": {"gao", "cheng"},
	"行唐": {"xing", "tang"}, "牟平": {"mu", "ping"}, "中牟": {"zhong", "mou"}, "莎车": {"sha", "che"},
	"朝阳": {"chao", "yang"}, "调兵山": {"diao", "bing", "shan"}, "繁昌": {"fan", "chang"}, "繁峙": {"fan", "shi"},
	"长沙": {"chang", "sha"}, "长春": {"chang", "chun"}, "长安": {"chang", "an"}, "重庆": {"chong", "qing"},
	"大城": {"da", "cheng"}, "解州": {"xie", "zhou"}, "瑷珲": {"ai", "hui"}, "郫都": {"pi", "du"},
}

// spellings returns the readings of s, syllable by syllable, most common
// readings first, at most maxSpellings of them; the characters of a part
// of placeReadings read only as it says. Characters with no reading (not
// Han) make s unspellable.
func spellings(s string, args pinyin.Args) [][]string {
	readings := pinyin.Pinyin(s, args)
	if len(readings) != utf8.RuneCountInString(s) {
		return nil
	}
	for part, rs := range placeReadings {
		if i := strings.Index(s, part); i >= 0 {
			at := utf8.RuneCountInString(s[:i])
			for k, r := range rs {
				readings[at+k] = []string{r}
			}
		}
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
