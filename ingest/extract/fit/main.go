// Command fit fits the fact extractor's weights (ingest/extract/weights.json)
// on annotated text, and says what the frames cannot read.
//
//	go run ./ingest/extract/fit -out ingest/extract/weights.json \
//	    -sentences ingest/extract/testdata/sentences.jsonl \
//	    -heldout 'ingest/extract/testdata/golden/heldout*' \
//	    datasets/reports datasets/realdev datasets/realpool/batchA
//
// Every number the extractor weighs is an instance: the codes whose frames
// could read it, each with its features, and the annotated code (or "no
// fact" when the annotation states none for that number). The model is a
// multinomial logit over those codes and "no fact", fitted by projected
// gradient ascent on the log-likelihood with an L2 pull of each weight
// towards its reasoned prior (ingest/extract/model.go), each kept on its
// feature's side. Annotated facts no frame can read are listed (-v): they
// are what the frames lack, not what the weights can learn.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/choice"
	"github.com/fazhi/fazhi/ingest/extract"
	"github.com/fazhi/fazhi/ingest/goldeval"
	"github.com/fazhi/fazhi/ingest/jurisdiction"
	"github.com/fazhi/fazhi/ingest/layout"
	"github.com/fazhi/fazhi/ingest/reportyear"
	"github.com/fazhi/fazhi/ingest/source"
	"github.com/fazhi/fazhi/ingest/textnorm"
)

// instance is one number: its codes' features and the annotated code (-1:
// no fact).
type instance struct {
	choice.Instance
	codes []string
	where string // the number in its context, for -v
}

// wanted is an annotated fact: its code, value and, when known, where it is
// quoted (byte ranges of the text).
type wanted struct {
	code   string
	value  float64
	places [][2]int // nil: anywhere in the text
	used   bool
	where  string
}

type fitter struct {
	insts       []instance
	unreachable map[string][]string // code → where
	missed      map[string][]string
	resolver    *jurisdiction.Resolver
}

func main() {
	out := flag.String("out", "", "write the weights here (default: print them)")
	lambda := flag.Float64("lambda", 0.2, "pull of each weight towards its prior (L2 on the distance)")
	iters := flag.Int("iters", 3000, "gradient steps")
	sentences := flag.String("sentences", "", "sentence cases, JSON lines {name, text, want}")
	heldout := flag.String("heldout", "", "glob of hand-annotated report folders (input.txt, options.json, want.json)")
	sentenceWeight := flag.Float64("sentence-weight", 0.5, "weight of a sentence case's numbers against a real report's")
	verbose := flag.Bool("v", false, "list the annotated facts no frame can read")
	flag.Parse()
	f := &fitter{unreachable: map[string][]string{}, missed: map[string][]string{}}
	if err := f.run(flag.Args(), *sentences, *heldout, *sentenceWeight); err != nil {
		fmt.Fprintln(os.Stderr, "fit:", err)
		os.Exit(1)
	}
	feats := extract.Features()
	insts := make([]choice.Instance, len(f.insts))
	for i, in := range f.insts {
		insts[i] = in.Instance
	}
	w, none := choice.Fit(insts, feats, choice.FitConfig{PriorNone: extract.PriorNone(), Lambda: *lambda, Rate: 0.3, Iters: *iters})
	m := choice.Weights{None: round(none), Weights: map[string]float64{}}
	for i, ft := range feats {
		m.Weights[ft.Name] = round(w[i])
	}
	ll, right := choice.Evaluate(insts, w, none)
	n := len(insts)
	m.Fitted = fmt.Sprintf("%s by ingest/extract/fit: %d numbers (sentence cases weighed %g), lambda %g; log-likelihood %.1f, most probable answer right for %d/%d",
		time.Now().UTC().Format("2006-01-02"), n, *sentenceWeight, *lambda, ll, right, n)
	fmt.Fprintln(os.Stderr, m.Fitted)
	f.report(*verbose)
	if *verbose {
		wrongs(f.insts, w, none)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "fit:", err)
		os.Exit(1)
	}
	b = append(b, '\n')
	if *out == "" {
		os.Stdout.Write(b)
		return
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "fit:", err)
		os.Exit(1)
	}
}

func (f *fitter) run(dirs []string, sentences, heldout string, sentenceWeight float64) error {
	if sentences != "" {
		if err := f.readSentences(sentences, sentenceWeight); err != nil {
			return err
		}
	}
	if heldout != "" {
		matches, err := filepath.Glob(heldout)
		if err != nil {
			return err
		}
		for _, dir := range matches {
			if err := f.readHeldout(dir); err != nil {
				return err
			}
		}
	}
	if len(dirs) > 0 {
		data, err := jurisdiction.LoadData()
		if err != nil {
			return err
		}
		m, err := jurisdiction.DefaultModel()
		if err != nil {
			return err
		}
		f.resolver = jurisdiction.NewResolver(data, m)
	}
	for _, dir := range dirs {
		if err := f.readGoldDir(dir); err != nil {
			return err
		}
	}
	return nil
}

// readSentences reads sentence cases: want is "code=value …" with ≥≈≤ and
// @scope marks.
func (f *fitter) readSentences(path string, weight float64) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c struct{ Name, Text, Want string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		var want []*wanted
		for _, part := range strings.Fields(c.Want) {
			code, v, ok := strings.Cut(part, "=")
			if !ok {
				return fmt.Errorf("%s: case %q: bad want %q", path, c.Name, part)
			}
			v, _, _ = strings.Cut(v, "@")
			v = strings.TrimLeft(v, "≥≈≤")
			var val float64
			if _, err := fmt.Sscan(v, &val); err != nil {
				return fmt.Errorf("%s: case %q: bad value %q", path, c.Name, v)
			}
			want = append(want, &wanted{code: code, value: val, where: "sentence " + c.Name})
		}
		f.observe(c.Text, extract.Options{Year: 2022}, want, weight)
	}
	return sc.Err()
}

func (f *fitter) readHeldout(dir string) error {
	in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
	if err != nil {
		return err
	}
	var opt extract.Options
	if b, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
		if err := json.Unmarshal(b, &opt); err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
	}
	var facts []struct {
		Indicator string
		Value     float64
		Quote     string
	}
	b, err := os.ReadFile(filepath.Join(dir, "want.json"))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, &facts); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	text := textnorm.Normalize(string(in))
	var want []*wanted
	for _, g := range facts {
		want = append(want, &wanted{code: g.Indicator, value: g.Value, places: places(text, textnorm.Normalize(g.Quote)), where: filepath.Base(dir) + " «" + g.Quote + "»"})
	}
	f.observe(text, opt, want, 1)
	return nil
}

func (f *fitter) readGoldDir(dir string) error {
	gf, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return err
	}
	defer gf.Close()
	gold, err := goldeval.ReadGold(gf)
	if err != nil {
		return err
	}
	byFile := map[string][]goldeval.Gold{}
	for _, g := range gold {
		byFile[g.File] = append(byFile[g.File], g)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	for _, p := range files {
		name := filepath.Base(p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := source.Read(context.Background(), name, b)
		if err != nil {
			return err
		}
		l := layout.Read(doc.Text, doc.Title)
		year, _, _ := reportyear.Detect(l)
		j := f.resolver.Resolve(jurisdiction.Input{Layout: l, Path: name, Year: year})
		var want []*wanted
		for _, g := range byFile[name] {
			want = append(want, &wanted{code: g.Indicator, value: g.Value, places: places(doc.Text, textnorm.Normalize(g.Quote)), where: dir + "/" + name + " «" + g.Quote + "»"})
		}
		f.observe(doc.Text, extract.Options{Jurisdiction: j.Name, Level: j.Level, Year: year, Layout: l}, want, 1)
	}
	return nil
}

// places returns where quote occurs in text.
func places(text, quote string) [][2]int {
	var out [][2]int
	for from := 0; quote != ""; {
		i := strings.Index(text[from:], quote)
		if i < 0 {
			break
		}
		out = append(out, [2]int{from + i, from + i + len(quote)})
		from += i + len(quote)
	}
	if out == nil {
		out = [][2]int{} // quoted but not found: matches nothing
	}
	return out
}

// observe extracts text and turns every number weighed into an instance.
func (f *fitter) observe(text string, opt extract.Options, want []*wanted, weight float64) {
	extract.Observe(text, opt, func(o extract.Observation) {
		in := instance{Instance: choice.Instance{Target: -1, Weight: weight}, where: around(text, o.Start, o.End)}
		var match *wanted
		for _, w := range want {
			if w.used || math.Abs(w.value-o.Value) > 1e-6*math.Max(1, math.Abs(w.value)) || !inPlaces(w.places, o.Start, o.End) {
				continue
			}
			match = w
			break
		}
		for i, c := range o.Codes {
			in.Xs = append(in.Xs, c.Features)
			in.codes = append(in.codes, c.Code)
			if match != nil && c.Code == match.code {
				in.Target = i
			}
		}
		if match == nil && o.Dropped {
			return // dropped as a part of a total: not the model's call
		}
		if match != nil {
			match.used = true
			if in.Target < 0 {
				f.unreachable[match.code] = append(f.unreachable[match.code], match.where)
				return // the frames cannot read it: nothing to learn here
			}
		}
		f.insts = append(f.insts, in)
	})
	for _, w := range want {
		if !w.used {
			f.missed[w.code] = append(f.missed[w.code], w.where)
		}
	}
}

// around returns the number at [start, end) of text with some words
// around it.
func around(text string, start, end int) string {
	lo, hi := start, end
	for k := 0; k < 18 && lo > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:lo])
		lo -= size
	}
	for k := 0; k < 10 && hi < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[hi:])
		hi += size
	}
	return strings.ReplaceAll(text[lo:start]+"【"+text[start:end]+"】"+text[end:hi], "\n", " ")
}

func inPlaces(ps [][2]int, start, end int) bool {
	if ps == nil {
		return true
	}
	for _, p := range ps {
		if start >= p[0] && end <= p[1] {
			return true
		}
	}
	return false
}

func (f *fitter) report(verbose bool) {
	count := func(m map[string][]string) int {
		n := 0
		for _, v := range m {
			n += len(v)
		}
		return n
	}
	fmt.Fprintf(os.Stderr, "annotated facts no frame reads: %d; annotated facts with no number weighed (zeros, tables, missing units): %d\n",
		count(f.unreachable), count(f.missed))
	if !verbose {
		return
	}
	for _, part := range []struct {
		name string
		m    map[string][]string
	}{{"UNREACHABLE", f.unreachable}, {"NO CANDIDATE", f.missed}} {
		codes := make([]string, 0, len(part.m))
		for c := range part.m {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			for _, w := range part.m[c] {
				fmt.Fprintf(os.Stderr, "%s %s %s\n", part.name, c, w)
			}
		}
	}
}

// wrongs lists the instances whose most probable answer is not the
// annotated one.
func wrongs(insts []instance, w []float64, none float64) {
	for _, in := range insts {
		best, bestP := choice.Best(in.Probabilities(w, none))
		if best == in.Target {
			continue
		}
		name := func(i int) string {
			if i < 0 {
				return "none"
			}
			return in.codes[i]
		}
		fmt.Fprintf(os.Stderr, "WRONG want %s got %s (%.2f) %s\n", name(in.Target), name(best), bestP, in.where)
	}
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
