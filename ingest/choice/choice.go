// Package choice is the model fazhi's two readers decide with: the fact
// extractor (which code, if any, a number is a figure of) and the
// jurisdiction resolver (which division, if any, wrote a report). Both
// weigh a few alternatives by named features and keep "none of them" as an
// answer of its own: a multinomial logit
//
//	P(a) = exp(w·x_a) / (exp(none) + Σ_j exp(w·x_j)),  P(none) = exp(none) / (…)
//
// whose weights are data (a weights.json beside each reader), fitted by
// Fit on annotated reports and drawn towards reasoned priors, each weight
// kept on its feature's side.
package choice

import (
	"encoding/json"
	"fmt"
	"math"
)

// Feature describes one feature of a model.
type Feature struct {
	Name string
	// Sign is +1 when the feature may only count for an alternative, −1
	// only against, 0 either way.
	Sign float64
	// Prior is the reasoned weight the fit starts from and is drawn to.
	Prior float64
	// Fixed keeps Prior as the weight.
	Fixed bool
	Doc   string
}

// Weights is a model as stored in weights.json: the weight of each feature
// by name and the score of "none".
type Weights struct {
	// None is the score of the answer that no alternative is right.
	None float64 `json:"none"`
	// Weights maps feature names to weights; a feature left out weighs its
	// prior.
	Weights map[string]float64 `json:"weights"`
	// Fitted says how the weights were obtained, for the record.
	Fitted string `json:"fitted,omitempty"`
}

// ParseWeights reads weights.json and checks that it names only feats.
func ParseWeights(b []byte, feats []Feature) (Weights, error) {
	var w Weights
	if err := json.Unmarshal(b, &w); err != nil {
		return Weights{}, err
	}
	for name := range w.Weights {
		known := false
		for _, f := range feats {
			known = known || f.Name == name
		}
		if !known {
			return Weights{}, fmt.Errorf("unknown feature %q", name)
		}
	}
	return w, nil
}

// Vector returns the weights in the order of feats, a feature left out of
// w at its prior.
func (w Weights) Vector(feats []Feature) []float64 {
	out := make([]float64, len(feats))
	for i, f := range feats {
		v, ok := w.Weights[f.Name]
		if !ok {
			v = f.Prior
		}
		out[i] = v
	}
	return out
}

// Normalize turns the alternatives' scores and the score of none into
// probabilities, in place, and returns P(none).
func Normalize(scores []float64, none float64) float64 {
	top := none
	for _, s := range scores {
		top = math.Max(top, s)
	}
	sum := math.Exp(none - top)
	for i, s := range scores {
		scores[i] = math.Exp(s - top)
		sum += scores[i]
	}
	for i := range scores {
		scores[i] /= sum
	}
	return math.Exp(none-top) / sum
}

// Best returns the most probable answer of p and pNone: an index into p,
// or -1 for none, with its probability.
func Best(p []float64, pNone float64) (int, float64) {
	best, bestP := -1, pNone
	for j, v := range p {
		if v > bestP {
			best, bestP = j, v
		}
	}
	return best, bestP
}

// Instance is one decision of the annotated data: each alternative's
// feature vector, the right one (-1: none) and how much it counts.
type Instance struct {
	Xs     [][]float64
	Target int
	Weight float64
}

// Probabilities returns P(alternative) for each alternative of in and
// P(none) under the weights w and the score none.
func (in Instance) Probabilities(w []float64, none float64) ([]float64, float64) {
	scores := make([]float64, len(in.Xs))
	for j, x := range in.Xs {
		for k, v := range x {
			scores[j] += w[k] * v
		}
	}
	return scores, Normalize(scores, none)
}

// FitConfig tunes Fit.
type FitConfig struct {
	// PriorNone is the reasoned score of none.
	PriorNone float64
	// Lambda is the pull of each weight towards its prior (L2 on the
	// distance).
	Lambda float64
	// Rate is the AdaGrad step; Iters the number of steps.
	Rate  float64
	Iters int
}

// Fit maximises Σ weight·log P(target) − λ|w − prior|² by projected
// gradient ascent with AdaGrad steps, from the priors: each weight stays on
// its feature's side, a fixed feature at its prior. It returns the weights
// in the order of feats and the score of none.
func Fit(insts []Instance, feats []Feature, cfg FitConfig) ([]float64, float64) {
	n := len(feats)
	prior := make([]float64, n+1) // the last is none's
	for k, f := range feats {
		prior[k] = f.Prior
	}
	prior[n] = cfg.PriorNone
	w := append([]float64(nil), prior...)
	g2 := make([]float64, n+1)
	grad := make([]float64, n+1)
	for it := 0; it < cfg.Iters; it++ {
		clear(grad)
		for _, in := range insts {
			p, pNone := in.Probabilities(w[:n], w[n])
			// ∂ log P(target) = x_target − Σ p_j x_j (none has a unit feature
			// of its own).
			for j, x := range in.Xs {
				for k, v := range x {
					grad[k] -= in.Weight * p[j] * v
				}
			}
			grad[n] -= in.Weight * pNone
			if in.Target >= 0 {
				for k, v := range in.Xs[in.Target] {
					grad[k] += in.Weight * v
				}
			} else {
				grad[n] += in.Weight
			}
		}
		for k := range w {
			grad[k] -= 2 * cfg.Lambda * (w[k] - prior[k])
			g2[k] += grad[k] * grad[k]
			if g2[k] > 0 {
				w[k] += cfg.Rate * grad[k] / math.Sqrt(g2[k])
			}
			if k == n {
				continue
			}
			switch {
			case feats[k].Fixed:
				w[k] = prior[k]
			case feats[k].Sign > 0:
				w[k] = math.Max(w[k], 0)
			case feats[k].Sign < 0:
				w[k] = math.Min(w[k], 0)
			}
		}
	}
	return w[:n], w[n]
}

// Evaluate returns the weighted log-likelihood of insts under w and none,
// and how many have their target as the most probable answer.
func Evaluate(insts []Instance, w []float64, none float64) (float64, int) {
	ll, right := 0.0, 0
	for _, in := range insts {
		p, pNone := in.Probabilities(w, none)
		if best, _ := Best(p, pNone); best == in.Target {
			right++
		}
		if in.Target >= 0 {
			ll += in.Weight * math.Log(p[in.Target])
		} else {
			ll += in.Weight * math.Log(pNone)
		}
	}
	return ll, right
}
