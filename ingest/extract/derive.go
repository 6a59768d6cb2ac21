package extract

import (
	"math"
	"sort"

	"github.com/fazhi/fazhi/ingest/cnnum"
)

// ratio says how a rate is computed from two counts of the same scope.
type ratio struct {
	rate, num, den string
	// less is subtracted from the denominator (pending cases are not
	// concluded); when set, the ledger needs it stated.
	less  string
	basis string
}

// ratios is the rate ledger: every rate of the catalog that the text may
// state, or that can be derived, from two of its counts.
var ratios = []ratio{
	{rate: "mediation.success_rate", num: "mediation.cases_resolved", den: "mediation.cases_accepted", basis: "调解成功件数/受理调解件数"},
	{rate: "petition.conclusion_rate", num: "petition.cases_concluded", den: "petition.cases_received", basis: "信访办结件数/受理信访件数"},
	{rate: "arbitration.closure_rate", num: "arbitration.cases_closed", den: "arbitration.cases_accepted", basis: "仲裁结案件数/受理仲裁件数"},
	{rate: "litigation.loss_rate", num: "litigation.lost", den: "litigation.cases", less: "litigation.pending", basis: "败诉件数/审结行政诉讼件数(应诉案件减尚在审理)"},
}

// wholes are count pairs where the part can never exceed the whole.
var wholes = [][2]string{
	{"mediation.cases_resolved", "mediation.cases_accepted"},
	{"petition.cases_concluded", "petition.cases_received"},
	{"arbitration.cases_closed", "arbitration.cases_accepted"},
	{"litigation.won", "litigation.cases"},
	{"litigation.lost", "litigation.cases"},
	{"reconsideration.concluded", "reconsideration.received"},
}

// pairWindow is how far apart (in runes) two counts may be and still be
// read as one ratio.
const pairWindow = 400

// derive adds the rate ledger, derived rates and quality flags to facts
// ordered by Start, and returns them still ordered by Start.
func derive(facts []Fact) []Fact {
	// nearest returns the index of the stated fact of code in scope that is
	// closest to position at (before it preferred), or -1.
	// Stated facts by code and scope, in order of Start.
	type key struct{ code, scope string }
	index := make(map[key][]int, len(facts))
	for i, f := range facts {
		if !f.Derived {
			k := key{f.Indicator, f.Scope}
			index[k] = append(index[k], i)
		}
	}
	// nearest returns the index of the stated fact of code in scope that is
	// closest to position at, within pairWindow runes; before only when
	// before is set (a stated rate follows its counts).
	nearest := func(code, scope string, at int, before bool) int {
		list := index[key{code, scope}]
		// The first fact at or after at; the best is it or the one before.
		p := sort.Search(len(list), func(i int) bool { return facts[list[i]].Start >= at })
		best, bestD := -1, pairWindow+1
		if p > 0 {
			if d := at - facts[list[p-1]].Start; d < bestD {
				best, bestD = list[p-1], d
			}
		}
		if p < len(list) {
			i := list[p]
			d := facts[i].Start - at
			if d == 0 || !before && d < bestD {
				best = i
			}
		}
		return best
	}
	var added []Fact
	for _, r := range ratios {
		done := map[string]bool{}
		// Stated rates: record their counts, flag a mismatch and a ceiling.
		for i := range facts {
			f := &facts[i]
			if f.Indicator != r.rate || f.Derived {
				continue
			}
			done[f.Scope] = true
			ni := nearest(r.num, f.Scope, f.Start, true)
			di := nearest(r.den, f.Scope, f.Start, true)
			if ni < 0 || di < 0 {
				continue
			}
			num, den := facts[ni].Value, facts[di].Value
			if r.less != "" {
				li := nearest(r.less, f.Scope, f.Start, false)
				if li < 0 {
					continue
				}
				den -= facts[li].Value
			}
			if den <= 0 {
				continue
			}
			f.Numerator, f.Denominator, f.Basis = ptr(num), ptr(den), r.basis
			if math.Abs(num/den*100-f.Value) > 0.5 {
				f.Flags = appendFlag(f.Flags, FlagRateMismatch)
			}
		}
		// Derived rates: both counts stated, no rate stated for the scope.
		for i, f := range facts {
			if f.Indicator != r.num || f.Derived || done[f.Scope] {
				continue
			}
			di := nearest(r.den, f.Scope, f.Start, false)
			if di < 0 {
				continue
			}
			num, den := f.Value, facts[di].Value
			approx := f.Approx || facts[di].Approx
			if r.less != "" {
				li := nearest(r.less, f.Scope, f.Start, false)
				if li < 0 {
					continue
				}
				den -= facts[li].Value
				approx = approx || facts[li].Approx
			}
			if den <= 0 || num > den {
				continue
			}
			done[f.Scope] = true
			d := Fact{
				Indicator:   r.rate,
				Value:       math.Round(num/den*10000) / 100,
				Unit:        "%",
				Approx:      approx,
				Scope:       f.Scope,
				Quote:       f.Quote,
				Start:       facts[i].Start,
				End:         facts[i].End,
				Derived:     true,
				Flags:       []string{},
				Numerator:   ptr(num),
				Denominator: ptr(den),
				Basis:       r.basis,
				// A rate computed from two readings is as sure as the less
				// sure of them.
				Confidence: min(f.Confidence, facts[di].Confidence),
			}
			if approx {
				// A ratio of bounds or estimates bounds nothing: 近500/300余
				// may be above or below the computed rate.
				d.ApproxKind = approxKind(cnnum.About)
			}
			if d.Value == 100 {
				d.Flags = append(d.Flags, FlagCeiling)
			}
			added = append(added, d)
		}
	}
	for i := range facts {
		if f := &facts[i]; f.Unit == "%" && !f.Derived && f.Value == 100 {
			f.Flags = appendFlag(f.Flags, FlagCeiling)
		}
	}
	for _, w := range wholes {
		for i := range facts {
			f := &facts[i]
			if f.Indicator != w[0] {
				continue
			}
			if wi := nearest(w[1], f.Scope, f.Start, false); wi >= 0 && f.Value > facts[wi].Value {
				f.Flags = appendFlag(f.Flags, FlagPartExceedsWhole)
			}
		}
	}
	// The same indicator, value and scope stated again later.
	type vkey struct {
		code, scope string
		value       float64
	}
	seen := make(map[vkey]bool, len(facts))
	for i := range facts {
		f := &facts[i]
		if f.Derived || f.Approx || f.Value < 10 {
			// Two rough figures (1万余), or two small counts (学法4次 of two
			// bodies), coincide too easily to be called the same statement.
			continue
		}
		k := vkey{f.Indicator, f.Scope, f.Value}
		if seen[k] {
			f.Flags = appendFlag(f.Flags, FlagDuplicateMention)
		}
		seen[k] = true
	}
	if len(added) == 0 {
		return facts
	}
	facts = append(facts, added...)
	sortAppended(facts, func(f *Fact) int { return f.Start })
	return facts
}

func ptr(v float64) *float64 { return &v }

func appendFlag(flags []string, flag string) []string {
	for _, f := range flags {
		if f == flag {
			return flags
		}
	}
	return append(flags, flag)
}
