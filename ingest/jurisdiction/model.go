package jurisdiction

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// The model weighs every candidate's clues and turns the scores into
// probabilities over the candidates and "none of them" (a multinomial
// logit: P(c) = exp(w·x_c) / (exp(none) + Σ exp(w·x_j))). Its weights are
// data, fitted by ./fit on reports with known divisions (the bundled
// samples and the real development set, each read with and without its web
// address), with each weight kept on its feature's side (features.go).

//go:embed weights.json
var weightsJSON []byte

// Model holds the weight of each feature and the score of "none of the
// candidates".
type Model struct {
	// None is the score of the answer that no candidate is the writer.
	None float64 `json:"none"`
	// Weights maps feature names (features.go) to weights.
	Weights map[string]float64 `json:"weights"`
	// Fitted says how the weights were obtained, for the record.
	Fitted string `json:"fitted,omitempty"`
}

// FeatureInfo describes one feature of the model.
type FeatureInfo struct {
	Name string
	// Sign is +1 when the clue may only count for a candidate, −1 only
	// against, 0 either way.
	Sign float64
	// Prior is the reasoned weight the fit starts from and is drawn to.
	Prior float64
	// Fixed keeps Prior as the weight.
	Fixed bool
	Doc   string
}

// PriorNone is the reasoned score of "none of the candidates": a report
// whose writer no clue names is about as likely as one with a single clue.
const PriorNone = 2.0

// Features lists the model's features in vector order.
func Features() []FeatureInfo {
	out := make([]FeatureInfo, numFeatures)
	for i, f := range features {
		out[i] = FeatureInfo{Name: f.name, Sign: f.sign, Prior: f.prior, Fixed: f.fixed, Doc: f.doc}
	}
	return out
}

// DefaultModel returns the committed weights (weights.json).
func DefaultModel() (Model, error) {
	var m Model
	if err := json.Unmarshal(weightsJSON, &m); err != nil {
		return Model{}, fmt.Errorf("jurisdiction weights: %w", err)
	}
	return m, m.check()
}

func (m Model) check() error {
	for name := range m.Weights {
		known := false
		for _, f := range features {
			known = known || f.name == name
		}
		if !known {
			return fmt.Errorf("jurisdiction weights: unknown feature %q", name)
		}
	}
	return nil
}

// vector returns the weights in feature order.
func (m Model) vector() [numFeatures]float64 {
	var w [numFeatures]float64
	for i, f := range features {
		w[i] = m.Weights[f.name]
	}
	return w
}

// probabilities returns P(candidate) for each candidate and P(none).
func probabilities(w [numFeatures]float64, none float64, cs []*candidate) ([]float64, float64) {
	scores := make([]float64, len(cs))
	top := none
	for i, c := range cs {
		for k := range c.x {
			scores[i] += w[k] * c.x[k]
		}
		top = math.Max(top, scores[i])
	}
	sum := math.Exp(none - top)
	for i := range scores {
		scores[i] = math.Exp(scores[i] - top)
		sum += scores[i]
	}
	for i := range scores {
		scores[i] /= sum
	}
	return scores, math.Exp(none-top) / sum
}
