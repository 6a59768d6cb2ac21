package choice

import (
	"math"
	"testing"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	scores := []float64{1, 2, 1000}
	pNone := Normalize(scores, 0)
	sum := pNone
	for _, p := range scores {
		sum += p
	}
	if math.Abs(sum-1) > 1e-12 || scores[2] < 0.999 {
		t.Errorf("Normalize = %v, none %v; want probabilities summing to 1, the large score near 1", scores, pNone)
	}
	if got := Normalize(nil, 3); got != 1 {
		t.Errorf("Normalize(no alternatives) = %v; want P(none) = 1", got)
	}
}

func TestParseWeights(t *testing.T) {
	t.Parallel()
	feats := []Feature{{Name: "a", Prior: 1}, {Name: "b", Prior: -2}}
	w, err := ParseWeights([]byte(`{"none": 1.5, "weights": {"a": 3}}`), feats)
	if err != nil {
		t.Fatal(err)
	}
	if v := w.Vector(feats); v[0] != 3 || v[1] != -2 || w.None != 1.5 {
		t.Errorf("Vector = %v, none %v; want [3 -2] (b at its prior), 1.5", v, w.None)
	}
	if _, err := ParseWeights([]byte(`{"weights": {"c": 1}}`), feats); err == nil {
		t.Error("ParseWeights accepted a feature the model does not have")
	}
}

// Fit learns that feature 0 marks the right alternative and feature 1 is
// noise, keeps a negative-only feature at or below zero and a fixed one at
// its prior.
func TestFit(t *testing.T) {
	t.Parallel()
	feats := []Feature{
		{Name: "marks", Sign: +1, Prior: 0},
		{Name: "noise", Prior: 0},
		{Name: "against", Sign: -1, Prior: 0},
		{Name: "fixed", Prior: 0.7, Fixed: true},
	}
	var insts []Instance
	for i := range 40 {
		right := i % 3
		var xs [][]float64
		for j := range 3 {
			x := []float64{0, float64((i + j) % 2), 1, 1}
			if j == right {
				x[0] = 1
			}
			xs = append(xs, x)
		}
		insts = append(insts, Instance{Xs: xs, Target: right, Weight: 1})
	}
	insts = append(insts, Instance{Xs: [][]float64{{0, 1, 1, 1}}, Target: -1, Weight: 1})
	w, none := Fit(insts, feats, FitConfig{PriorNone: 1, Lambda: 0.01, Rate: 0.3, Iters: 2000})
	if w[0] < 2 || math.Abs(w[1]) > 1 || w[2] > 0 || w[3] != 0.7 {
		t.Errorf("Fit = %v (none %v); want a large weight on the marking feature, little on noise, ≤ 0 against, 0.7 fixed", w, none)
	}
	ll, right := Evaluate(insts, w, none)
	if right < 40 || ll > 0 {
		t.Errorf("Evaluate = %v, %d right; want all 40 marked instances right", ll, right)
	}
	p, pNone := insts[0].Probabilities(w, none)
	if best, bp := Best(p, pNone); best != insts[0].Target || bp < 0.5 {
		t.Errorf("Best = %d (%v); want the marked alternative %d", best, bp, insts[0].Target)
	}
}
