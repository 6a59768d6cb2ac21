package jurisdiction

import (
	_ "embed"
	"fmt"

	"github.com/fazhi/fazhi/ingest/choice"
)

// The model weighs every candidate's clues and turns the scores into
// probabilities over the candidates and "none of them" (a multinomial
// logit, package choice: P(c) = exp(w·x_c) / (exp(none) + Σ exp(w·x_j))). Its weights are
// data, fitted by ./fit on reports with known divisions (the bundled
// samples and the real development set, each read with and without its web
// address), with each weight kept on its feature's side (features.go).

//go:embed weights.json
var weightsJSON []byte

// PriorNone is the reasoned score of "none of the candidates": a report
// whose writer no clue names is about as likely as one with a single clue.
const PriorNone = 2.0

// Features lists the model's features in vector order.
func Features() []choice.Feature {
	out := make([]choice.Feature, numFeatures)
	for i, f := range features {
		out[i] = choice.Feature{Name: f.name, Sign: f.sign, Prior: f.prior, Fixed: f.fixed, Doc: f.doc}
	}
	return out
}

// DefaultModel returns the committed weights (weights.json).
func DefaultModel() (choice.Weights, error) {
	w, err := choice.ParseWeights(weightsJSON, Features())
	if err != nil {
		return choice.Weights{}, fmt.Errorf("jurisdiction weights: %w", err)
	}
	return w, nil
}

// probabilities returns P(candidate) for each candidate and P(none).
func probabilities(w [numFeatures]float64, none float64, cs []*candidate) ([]float64, float64) {
	scores := make([]float64, len(cs))
	for i, c := range cs {
		for k := range c.x {
			scores[i] += w[k] * c.x[k]
		}
	}
	return scores, choice.Normalize(scores, none)
}
