package extract

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/fazhi/fazhi/ingest/choice"
)

// The model weighs how a number relates to each frame that could read it
// (frames.go). A frame it may not read the number by is never weighed: its
// classifier, its needed act or object, a conflicting act or a nearer head
// noun in the number's item, an award for a stock, or its topic missing
// where only common words matched rule it out (decide.go). The model turns
// the scores of the others into probabilities over the codes and "no fact"
// (a multinomial logit, package choice: P(code) ∝ exp(w·x), P(none) ∝
// exp(none)). Every
// feature is a property of the number's clause that anyone can check; its
// prior says, as a log-likelihood ratio, how much it was reasoned to count,
// and ./fit moves the weights from the priors only as far as the annotated
// reports and sentence cases ask (weights.json).

// A feature is one kind of evidence about one frame for one number.
type feature struct {
	name  string
	sign  float64 // +1 may only count for, −1 only against, 0 either
	prior float64
	doc   string
}

// The features, in the order of a reading's vector.
const (
	fObjNear = iota
	fObjLeft
	fObjRight
	fObjRightFar
	fObjShared
	fObjPrev
	fActNear
	fActLeft
	fActRight
	fActShared
	fActPrev
	fActSentence
	fSentenceConflict
	fDomain
	fDomainPrev
	fNoDomain
	fTypical
	fSpecific
	fBoth
	fBeforeDeng
	fCombinedFirst
	fDistance
	fGeneric
	fRateHead
	fForeignObject
	numFeatures
)

var features = [numFeatures]feature{
	fObjNear:          {"object_near", +1, 3, "an object of the frame ends right before the number in its list item (受理矛盾纠纷374件, 调解成功率98%)"},
	fObjLeft:          {"object_left", +1, 1.5, "an object of the frame stands earlier in the number's list item"},
	fObjRight:         {"object_right", +1, 3, "an object of the frame follows the classifier (开展16场法治宣传活动)"},
	fObjRightFar:      {"object_right_far", +1, 1.5, "an object of the frame follows the classifier a few words on, before any other figure (113批次涉民生领域事项联合抽查)"},
	fObjShared:        {"object_shared", +1, 1, "an object of the frame heads the clause and the number shares it with an earlier figure (来访126批次、389人次)"},
	fObjPrev:          {"object_prev_clause", +1, 1, "an object of the frame is in the clause before, the number's own clause holding only fillers (信访案件168批次,505人次)"},
	fActNear:          {"act_near", +1, 2.5, "an act of the frame ends right before the number (调解成功367件)"},
	fActLeft:          {"act_left", +1, 1.5, "an act of the frame stands earlier in the number's list item (对9份重大行政合同进行合法性审查)"},
	fActRight:         {"act_right", +1, 2.5, "an act of the frame follows the classifier (2件原告撤诉, 171人持有行政执法证件)"},
	fActShared:        {"act_shared", +1, 1, "an act of the frame heads the clause and the number shares it"},
	fActPrev:          {"act_prev_clause", +1, 0.5, "an act of the frame is in the clause before, the number's own clause holding only fillers"},
	fActSentence:      {"act_sentence", +1, 0.5, "an act of the frame occurs elsewhere in the sentence (政府合同40件 under 合法性审查)"},
	fSentenceConflict: {"sentence_conflict", -1, -2.5, "a word that rules the frame down stands earlier in the sentence (a course's trainees: 培训…覆盖800余人次)"},
	fDomain:           {"domain", +1, 0.5, "the frame's topic is named in the sentence"},
	fDomainPrev:       {"domain_prev", -1, -1, "the frame's topic is named only outside the number's phrase: in the sentence before, or later in the sentence"},
	fNoDomain:         {"no_domain", -1, -2.5, "the frame needs its topic (受理 alone says nothing of what) and neither this sentence nor the one before names it"},
	fTypical:          {"typical_unit", +1, 0.5, "the classifier is one the frame is usually written with (场 for events)"},
	fSpecific:         {"specific", +1, 0.5, "the longest word of the frame that matched has four runes or more (调解案件, not 案件)"},
	fBoth:             {"object_and_act", +1, 1, "both an object and an act of the frame are near the number"},
	fBeforeDeng:       {"before_deng", -1, -1.5, "the frame's word lies in a list closed by 等 that another frame's act counts (规范性文件、合同协议等开展合法性审查152件)"},
	fCombinedFirst:    {"combined_first", +1, 1.5, "a combined count closes a list (A、B和C共计20件): the frame is that of the list's first item"},
	fDistance:         {"distance", -1, -0.3, "log(1 + runes) from the frame's nearest word to the number"},
	fRateHead:         {"rate_head", +1, 3, "the frame is a rate and its head (调解成功率, 出庭率, 网办率) ends right before the number"},
	fForeignObject:    {"foreign_object", -1, -2.5, "none of the frame's objects is near, but another count's object is (4起行政处罚案件被复议撤销 is no reconsideration of the organ's own)"},
	fGeneric:          {"generic_only", -1, -1, "only words the frame shares with many others matched (活动, 事项, 受理)"},
}

// priorNone is the reasoned score of "no fact".
const priorNone = 2.5

//go:embed weights.json
var weightsJSON []byte

// Features lists the model's features in vector order, for ./fit.
func Features() []choice.Feature {
	out := make([]choice.Feature, numFeatures)
	for i, f := range features {
		out[i] = choice.Feature{Name: f.name, Sign: f.sign, Prior: f.prior, Doc: f.doc}
	}
	return out
}

// PriorNone is the reasoned score of "no fact", for ./fit.
func PriorNone() float64 { return priorNone }

// model is the committed model, as a weight vector.
type model struct {
	w    [numFeatures]float64
	none float64
}

// committed is the model of weights.json, parsed once; a pointer, since it
// is read for every number.
var committed = sync.OnceValue(func() *model {
	w, err := ParseModel(weightsJSON)
	if err != nil {
		panic(err) // the committed weights are part of the build
	}
	m := new(model)
	copy(m.w[:], w.Vector(Features()))
	m.none = w.None
	return m
})

// ParseModel reads the extractor's weights (weights.json) and checks their
// names.
func ParseModel(b []byte) (choice.Weights, error) {
	w, err := choice.ParseWeights(b, Features())
	if err != nil {
		return choice.Weights{}, fmt.Errorf("extract weights: %w", err)
	}
	return w, nil
}

// score returns w·x.
func (m *model) score(x *[numFeatures]float64) float64 {
	s := 0.0
	for k, v := range x {
		s += m.w[k] * v
	}
	return s
}
