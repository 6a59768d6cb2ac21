// Command fit fits the jurisdiction model's weights (weights.json) on
// reports whose divisions are known, and prints how well they fit.
//
//	go run ./ingest/jurisdiction/fit -out ingest/jurisdiction/weights.json \
//	    datasets/reports datasets/realdev
//
// Each folder holds report texts and a reports.jsonl that names each file's
// division_code (and url). Every report is read twice, with and without its
// web address, so that the text's own clues are weighed for both cases. The
// model is a multinomial logit over a report's candidates and "none of
// them" (the target when the expected code is empty or no clue names it),
// fitted by projected gradient ascent on the log-likelihood with an L2 pull
// of each weight towards its reasoned prior (features.go), so that a clue
// the data rarely shows keeps the weight reasoning gave it; each weight is
// kept on the side its feature's sign allows.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"strings"
	"time"

	"github.com/fazhi/fazhi/ingest/choice"
	"github.com/fazhi/fazhi/ingest/goldeval"
	"github.com/fazhi/fazhi/ingest/jurisdiction"
	"github.com/fazhi/fazhi/ingest/layout"
	"github.com/fazhi/fazhi/ingest/reportyear"
	"github.com/fazhi/fazhi/ingest/source"
)

// instance is one report read one way: its candidates' features and which
// of them is right (-1: none).
type instance struct {
	choice.Instance
	name string
}

func main() {
	out := flag.String("out", "", "write the weights here (default: print them)")
	lambda := flag.Float64("lambda", 0.1, "weight of the pull of each weight towards its prior (an L2 penalty on the distance)")
	iters := flag.Int("iters", 20000, "gradient steps")
	verbose := flag.Bool("v", false, "list the reports (as they are) whose right answer gets less than 0.8")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: fit [-out weights.json] DIR...")
		os.Exit(2)
	}
	if err := run(flag.Args(), *out, *lambda, *iters, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "fit:", err)
		os.Exit(1)
	}
}

func run(dirs []string, out string, lambda float64, iters int, verbose bool) error {
	data, err := jurisdiction.LoadData()
	if err != nil {
		return err
	}
	start, err := jurisdiction.DefaultModel()
	if err != nil {
		return err
	}
	r := jurisdiction.NewResolver(data, start)
	var insts []instance
	for _, dir := range dirs {
		in, err := readDir(r, dir)
		if err != nil {
			return err
		}
		insts = append(insts, in...)
	}
	feats := jurisdiction.Features()
	all := make([]choice.Instance, len(insts))
	var asRead []choice.Instance // the reports as they are, without the augmented ones
	for i, in := range insts {
		all[i] = in.Instance
		if in.Weight == 1 {
			asRead = append(asRead, in.Instance)
		}
	}
	w, none := choice.Fit(all, feats, choice.FitConfig{PriorNone: jurisdiction.PriorNone, Lambda: lambda, Rate: 0.5, Iters: iters})
	m := choice.Weights{None: round(none), Weights: map[string]float64{}}
	for i, f := range feats {
		m.Weights[f.Name] = round(w[i])
	}
	ll, right := choice.Evaluate(asRead, w, none)
	if verbose {
		report(insts, w, none)
	}
	n := len(asRead)
	m.Fitted = fmt.Sprintf("%s by ingest/jurisdiction/fit on %s: %d instances (each report with and without its address, and each again without its right candidate), lambda %g; log-likelihood %.2f, most probable answer right %d/%d",
		time.Now().UTC().Format("2006-01-02"), strings.Join(dirs, " "), n, lambda, ll, right, n)
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	fmt.Fprintln(os.Stderr, m.Fitted)
	if out == "" {
		_, err = os.Stdout.Write(b)
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func readDir(r *jurisdiction.Resolver, dir string) ([]instance, error) {
	f, err := os.Open(filepath.Join(dir, "reports.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	reps, err := goldeval.ReadReports(f)
	if err != nil {
		return nil, err
	}
	urls, err := readURLs(filepath.Join(dir, "reports.jsonl"))
	if err != nil {
		return nil, err
	}
	var out []instance
	for _, rep := range reps {
		if rep.DivisionCode == "" && rep.Jurisdiction != "" {
			// Named but not settled by the annotator (homonyms, no clue): the
			// right answer is one of them, not "none"; such a report teaches
			// nothing here.
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, rep.File))
		if err != nil {
			return nil, err
		}
		doc, err := source.Read(context.Background(), rep.File, b)
		if err != nil {
			return nil, err
		}
		l := layout.Read(doc.Text, doc.Title)
		year, _, _ := reportyear.Detect(l)
		want := goldeval.CanonicalCode(rep.DivisionCode)
		for _, url := range []string{"", urls[rep.File]} {
			ex := r.Explain(jurisdiction.Input{Layout: l, URL: url, Path: rep.File, Year: year})
			in := instance{name: dir + "/" + rep.File + " " + url, Instance: choice.Instance{Target: -1, Weight: 1}}
			for i, e := range ex {
				in.Xs = append(in.Xs, e.Features)
				if e.Code == want && want != "" {
					in.Target = i
				}
			}
			out = append(out, in)
			if in.Target >= 0 {
				out = append(out, without(in))
			}
			if urls[rep.File] == "" {
				break
			}
		}
	}
	return out, nil
}

// augmentWeight is the weight of an instance made by taking the right
// candidate away: it teaches the model that the other divisions a report
// names (its parents, places it mentions) are not its writer, so that a
// report about a division the table lacks stays unresolved.
const augmentWeight = 0.03

// without returns in with its right candidate taken away and "none" as the
// target.
func without(in instance) instance {
	out := instance{name: in.name + " (without the right candidate)", Instance: choice.Instance{Target: -1, Weight: augmentWeight}}
	for j, x := range in.Xs {
		if j != in.Target {
			out.Xs = append(out.Xs, x)
		}
	}
	return out
}

func readURLs(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var v struct{ File, URL string }
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[v.File] = v.URL
	}
	return out, nil
}

// report prints the reports whose right answer gets less than 0.8.
func report(insts []instance, w []float64, none float64) {
	for _, in := range insts {
		if in.Weight != 1 {
			continue
		}
		p, pNone := in.Probabilities(w, none)
		pt := pNone
		if in.Target >= 0 {
			pt = p[in.Target]
		}
		if pt < 0.8 {
			fmt.Fprintf(os.Stderr, "%.2f %s (none %.2f, %d candidates)\n", pt, in.name, pNone, len(in.Xs))
		}
	}
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
