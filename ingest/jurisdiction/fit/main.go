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

	"github.com/fazhi/fazhi/ingest/goldeval"
	"github.com/fazhi/fazhi/ingest/jurisdiction"
	"github.com/fazhi/fazhi/ingest/layout"
	"github.com/fazhi/fazhi/ingest/reportyear"
	"github.com/fazhi/fazhi/ingest/source"
)

// instance is one report read one way: its candidates' features and which
// of them is right (-1: none).
type instance struct {
	name   string
	xs     [][]float64
	target int
	weight float64
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
	w, none := fitWeights(insts, feats, lambda, iters)
	m := jurisdiction.Model{None: round(none), Weights: map[string]float64{}}
	for i, f := range feats {
		m.Weights[f.Name] = round(w[i])
	}
	ll, right := evaluate(insts, w, none)
	if verbose {
		report(insts, append(append([]float64{}, w...), none))
	}
	n := 0
	for _, in := range insts {
		if in.weight == 1 {
			n++
		}
	}
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
			in := instance{name: dir + "/" + rep.File + " " + url, target: -1}
			for i, e := range ex {
				in.xs = append(in.xs, e.Features)
				if e.Code == want && want != "" {
					in.target = i
				}
			}
			in.weight = 1
			out = append(out, in)
			if in.target >= 0 {
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
	out := instance{name: in.name + " (without the right candidate)", target: -1, weight: augmentWeight}
	for j, x := range in.xs {
		if j != in.target {
			out.xs = append(out.xs, x)
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

// fitWeights maximises Σ log P(target) − λ|w − prior|² by projected
// gradient ascent with AdaGrad steps, from the priors.
func fitWeights(insts []instance, feats []jurisdiction.FeatureInfo, lambda float64, iters int) ([]float64, float64) {
	n := len(feats)
	w := make([]float64, n+1) // the last is "none"
	prior := make([]float64, n+1)
	for k, f := range feats {
		prior[k] = f.Prior
	}
	prior[n] = jurisdiction.PriorNone
	copy(w, prior)
	g2 := make([]float64, n+1)
	const rate = 0.5
	for it := 0; it < iters; it++ {
		grad := make([]float64, n+1)
		for _, in := range insts {
			p, pNone := probs(in, w)
			// ∂ log P(target) = x_target − Σ p_j x_j  (none has the unit feature)
			for j, x := range in.xs {
				for k, v := range x {
					grad[k] -= in.weight * p[j] * v
				}
			}
			grad[n] -= in.weight * pNone
			if in.target >= 0 {
				for k, v := range in.xs[in.target] {
					grad[k] += in.weight * v
				}
			} else {
				grad[n] += in.weight
			}
		}
		for k := range w {
			grad[k] -= 2 * lambda * (w[k] - prior[k])
		}
		for k := range w {
			g2[k] += grad[k] * grad[k]
			if g2[k] > 0 {
				w[k] += rate * grad[k] / math.Sqrt(g2[k])
			}
			if k < n && feats[k].Fixed {
				w[k] = prior[k]
			}
			if k < n {
				switch feats[k].Sign {
				case +1:
					w[k] = math.Max(w[k], 0)
				case -1:
					w[k] = math.Min(w[k], 0)
				}
			}
		}
	}
	return w[:n], w[n]
}

func probs(in instance, w []float64) ([]float64, float64) {
	n := len(w) - 1
	scores := make([]float64, len(in.xs))
	top := w[n]
	for j, x := range in.xs {
		for k, v := range x {
			scores[j] += w[k] * v
		}
		top = math.Max(top, scores[j])
	}
	sum := math.Exp(w[n] - top)
	for j := range scores {
		scores[j] = math.Exp(scores[j] - top)
		sum += scores[j]
	}
	for j := range scores {
		scores[j] /= sum
	}
	return scores, math.Exp(w[n]-top) / sum
}

// evaluate returns the log-likelihood and how many instances have their
// target as the most probable answer.
func evaluate(insts []instance, w []float64, none float64) (float64, int) {
	full := append(append([]float64{}, w...), none)
	ll, right := 0.0, 0
	for _, in := range insts {
		if in.weight != 1 {
			continue // only the reports as they are
		}
		p, pNone := probs(in, full)
		best, bestP := -1, pNone
		for j, v := range p {
			if v > bestP {
				best, bestP = j, v
			}
		}
		if best == in.target {
			right++
		}
		if in.target >= 0 {
			ll += math.Log(p[in.target])
		} else {
			ll += math.Log(pNone)
		}
	}
	return ll, right
}

// report prints the instances whose target gets less than 0.8.
func report(insts []instance, w []float64) {
	for _, in := range insts {
		if in.weight != 1 {
			continue
		}
		p, pNone := probs(in, w)
		pt := pNone
		if in.target >= 0 {
			pt = p[in.target]
		}
		if pt < 0.8 {
			fmt.Fprintf(os.Stderr, "%.2f %s (none %.2f, %d candidates)\n", pt, in.name, pNone, len(in.xs))
		}
	}
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
