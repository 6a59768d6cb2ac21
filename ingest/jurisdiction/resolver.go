package jurisdiction

import (
	"cmp"
	"fmt"
	"github.com/fazhi/fazhi/ingest/choice"
	"math"
	"slices"
	"strings"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest/layout"
)

// MinConfidence is the probability the best candidate needs for Resolve to
// give its code. Below it the report stays unresolved, with its candidates:
// a wrong code is worse than none.
const MinConfidence = 0.8

// maxCandidates bounds the candidates a Result lists.
const maxCandidates = 8

// Input is everything known about one report that can tell its
// jurisdiction.
type Input struct {
	Layout *layout.Layout
	// URL is the page the report was published at: from the file itself
	// (HTML canonical link) or from a manifest; "" when unknown.
	URL string
	// Path is the file's path as given (its folders name places too).
	Path string
	// Year is the report year, 0 when unknown.
	Year int
	// Within limits the candidates to this division and those under it (a
	// user's scope: an office that ingests its own towns).
	Within string
	// Stated is a division code the user stated for the report (a
	// manifest): it is taken as it is.
	Stated string
}

// Result is what Resolve found out about a report's jurisdiction.
type Result struct {
	// Name is the jurisdiction's name as the report writes it (古城街道, or a
	// former name such as 余杭区); "" when the report does not say.
	Name string `json:"name"`
	// Level is the level word of the division (街道 镇 乡 区 县 市 旗…): of the
	// chosen division, else of the best candidates, else of the report's
	// words for itself (我镇); "" when nothing tells.
	Level string `json:"level"`
	// Code is the official division code of today, "" when unresolved.
	Code string `json:"code"`
	// Path holds the names from the province down to the division of Code.
	Path []string `json:"path"`
	// Confidence is the probability of the best candidate (1 when stated by
	// the user, 0 when there is none).
	Confidence float64 `json:"confidence"`
	// Candidates are the best candidates with their probabilities when Code
	// is "", best first.
	Candidates []Candidate `json:"candidates,omitempty"`
	// Evidence lists the clues of the chosen (or best) candidate.
	Evidence []Clue `json:"evidence"`
	// Stated is true when the code came from the user, not the text.
	Stated bool `json:"stated,omitempty"`
	// Reason says in words why the report is unresolved.
	Reason string `json:"reason,omitempty"`
}

// Candidate is one division the report may be about.
type Candidate struct {
	Code        string   `json:"code"`
	Path        []string `json:"path"`
	Probability float64  `json:"probability"`
}

// Clue is one piece of evidence and what it weighed.
type Clue struct {
	Clue   string  `json:"clue"`
	Detail string  `json:"detail"`
	Weight float64 `json:"weight"`
}

// Resolver resolves reports to divisions. It is immutable and safe for
// concurrent use.
type Resolver struct {
	t     *divisions.Table
	ix    *nameIndex
	hosts *divisions.Hosts
	// short maps the short names of provinces, cities and counties to their codes.
	short map[string][]string
	// formerCounties maps the codes of today's counties and districts to
	// the county-level names their area had before (上饶县 for 广信区).
	formerCounties map[string][]divisions.Former
	model          choice.Weights
	w              [numFeatures]float64
}

// Data is the reference data a Resolver reads. Former and Hosts may be nil
// (no former names, no address clue).
type Data struct {
	Table  *divisions.Table
	Former *divisions.FormerNames
	Hosts  *divisions.Hosts
}

// LoadData loads the embedded division table, former names and address
// tokens.
func LoadData() (Data, error) {
	t, err := divisions.Load()
	if err != nil {
		return Data{}, err
	}
	f, err := divisions.LoadFormer()
	if err != nil {
		return Data{}, err
	}
	h, err := divisions.LoadHosts()
	if err != nil {
		return Data{}, err
	}
	return Data{Table: t, Former: f, Hosts: h}, nil
}

// NewResolver indexes the names of the reference data and uses model's
// weights (DefaultModel for the committed ones).
func NewResolver(data Data, model choice.Weights) *Resolver {
	r := &Resolver{t: data.Table, ix: newNameIndex(data.Table, data.Former), hosts: data.Hosts, short: map[string][]string{}, model: model}
	copy(r.w[:], model.Vector(Features()))
	r.formerCounties = formerCounties(data.Former)
	for d := range data.Table.All() {
		if d.Level == divisions.Town {
			continue
		}
		if sh := divisions.ShortName(d.Name); sh != "" {
			r.short[sh] = append(r.short[sh], d.Code)
		}
	}
	return r
}

// Resolve finds the jurisdiction a report is about.
func (r *Resolver) Resolve(in Input) Result {
	if in.Stated != "" {
		return r.stated(in.Stated)
	}
	d := r.readDoc(in)
	cs := r.candidates(d, in.Within)
	res := Result{Path: []string{}, Evidence: []Clue{}}
	if len(cs) == 0 {
		res.Level = levelOfSelf(d)
		res.Name = writerName(d)
		res.Reason = "no division named in the title, the opening, the signature, the page's fields, the address or the path"
		if in.Within != "" {
			res.Reason = fmt.Sprintf("no division under %s is named", in.Within)
		}
		return res
	}
	p, none := probabilities(r.w, r.model.None, cs)
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(p[b], p[a]); c != 0 {
			return c
		}
		return strings.Compare(cs[a].code, cs[b].code)
	})
	best := cs[order[0]]
	res.Confidence = round3(p[order[0]])
	res.Name = best.written
	res.Level = levelWord(best.path[len(best.path)-1].Name)
	res.Evidence = r.evidence(best)
	if p[order[0]] >= MinConfidence {
		res.Code = best.code
		res.Path = names(best.path)
		return res
	}
	for _, i := range order[:min(len(order), maxCandidates)] {
		if p[i] < 0.01 && len(res.Candidates) > 0 {
			break
		}
		res.Candidates = append(res.Candidates, Candidate{Code: cs[i].code, Path: names(cs[i].path), Probability: round3(p[i])})
	}
	switch {
	case none > p[order[0]]:
		res.Reason = fmt.Sprintf("no candidate is clearly the writer (best %s at %.2f, none of them %.2f)", best.code, p[order[0]], none)
		// The candidates are likelier not the writer: name and level are
		// the report's own words for itself.
		res.Name, res.Level = writerName(d), levelOfSelf(d)
	default:
		res.Reason = fmt.Sprintf("the clues do not settle it (best %s at %.2f, needs %.2f)", best.code, p[order[0]], MinConfidence)
		if !sameLevel(cs, order, p) {
			res.Level = levelOfSelf(d)
		}
	}
	return res
}

// stated resolves a code the user gave.
func (r *Resolver) stated(code string) Result {
	path := r.t.Path(code)
	if path == nil {
		return Result{Path: []string{}, Evidence: []Clue{}, Reason: fmt.Sprintf("the stated code %s is not a division", code)}
	}
	me := path[len(path)-1]
	return Result{Name: me.Name, Level: levelWord(me.Name), Code: code, Path: names(path), Confidence: 1, Stated: true,
		Evidence: []Clue{{Clue: "stated", Detail: "stated by the user", Weight: 1}}}
}

// evidence lists a candidate's clues with their weights, heaviest first.
func (r *Resolver) evidence(c *candidate) []Clue {
	var out []Clue
	for k, v := range c.x {
		if v == 0 || r.w[k] == 0 {
			continue
		}
		out = append(out, Clue{Clue: features[k].name, Detail: c.notes[k], Weight: round3(r.w[k] * v)})
	}
	slices.SortStableFunc(out, func(a, b Clue) int { return cmp.Compare(math.Abs(b.Weight), math.Abs(a.Weight)) })
	if out == nil {
		out = []Clue{}
	}
	return out
}

// sameLevel reports whether the candidates that carry most of the
// probability share a level word.
func sameLevel(cs []*candidate, order []int, p []float64) bool {
	lw := levelWord(cs[order[0]].path[len(cs[order[0]].path)-1].Name)
	mass := 0.0
	for _, i := range order {
		if mass > 0.9 {
			break
		}
		if levelWord(cs[i].path[len(cs[i].path)-1].Name) != lw {
			return false
		}
		mass += p[i]
	}
	return true
}

// levelOfSelf is the level word the report calls itself by (我镇), or "".
// A report that never says 我 speaks of its whole (全县组织开展…, 全县领导
// 干部…): the whole's level, when it is named three times or more and at
// least twice as often as any other level's whole.
func levelOfSelf(d *doc) string {
	l, n := dominant(d.selfRefs, "我")
	if n >= 2 {
		return l
	}
	if n > 0 {
		return ""
	}
	w, m := dominant(d.selfRefs, "全")
	if m < minWholeRefs {
		return ""
	}
	for k, c := range d.selfRefs {
		if strings.HasPrefix(k, "全") && k != "全"+w && 2*c > m {
			return ""
		}
	}
	return w
}

// minWholeRefs is how many times a report names its whole (全县) for the
// level to be read from it.
const minWholeRefs = 3

// writerName is the name a site gives the writer when no division in the
// table carries it (甲乙丙镇).
func writerName(d *doc) string {
	for _, n := range d.namings {
		if n.writer() && n.name != "" {
			return n.name
		}
	}
	return ""
}

// formerCounties indexes the county-level former names of fn by the
// codes of the divisions that hold their area today.
func formerCounties(fn *divisions.FormerNames) map[string][]divisions.Former {
	out := map[string][]divisions.Former{}
	if fn == nil {
		return out
	}
	for _, name := range fn.Names() {
		for _, f := range fn.Lookup(name) {
			if len(f.OldCode) != 6 || strings.HasSuffix(f.OldCode, "00") {
				continue
			}
			for _, c := range f.Today {
				out[c] = append(out[c], f)
			}
		}
	}
	return out
}

func names(path []divisions.Division) []string {
	out := make([]string, len(path))
	for i, d := range path {
		out[i] = d.Name
	}
	return out
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Explained is one candidate as the model sees it: its clue values in
// feature order (see Features). ./fit reads these.
type Explained struct {
	Code     string
	Features []float64
}

// Explain returns every candidate of a report with its clue values.
func (r *Resolver) Explain(in Input) []Explained {
	d := r.readDoc(in)
	cs := r.candidates(d, in.Within)
	out := make([]Explained, len(cs))
	for i, c := range cs {
		out[i] = Explained{Code: c.code, Features: slices.Clone(c.x[:])}
	}
	return out
}
