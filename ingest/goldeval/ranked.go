package goldeval

import (
	"slices"
	"sort"

	"github.com/fazhi/fazhi/ingest/extract"
)

// Headlines returns the facts of one report that the dashboards would rank
// with the ranking cut cut, one per indicator at most: the report's
// headline value of the indicator as the warehouse picks it (the view
// headline_facts: the whole jurisdiction's before a sub-body's, stated
// before derived, a fact read at or above the cut before one below it,
// then the largest count or amount, or the first rate mentioned), kept
// only when a ranking may hold it (warehouse/readmodel's rule: the whole
// jurisdiction's, of the whole year, read at or above the cut, a rate its
// own counts do not contradict). Derived facts are left out, as the gold
// lists stated numbers only; a rate resting on few cases, which the pages
// also keep apart, is not (that needs the counts of another report's
// indicator and leaves the precision of what is ranked as it is).
func Headlines(facts []extract.Fact, cut float64) []extract.Fact {
	byCode := map[string][]extract.Fact{}
	var codes []string
	for _, f := range facts {
		if f.Derived {
			continue
		}
		if _, seen := byCode[f.Indicator]; !seen {
			codes = append(codes, f.Indicator)
		}
		byCode[f.Indicator] = append(byCode[f.Indicator], f)
	}
	sort.Strings(codes)
	var out []extract.Fact
	for _, code := range codes {
		fs := byCode[code]
		rate := false
		if ind, ok := extract.Lookup(code); ok {
			rate = ind.Kind == extract.KindRate
		}
		sort.SliceStable(fs, func(i, j int) bool {
			a, b := fs[i], fs[j]
			if (a.Scope != "") != (b.Scope != "") {
				return a.Scope == ""
			}
			if (a.Confidence < cut) != (b.Confidence < cut) {
				return a.Confidence >= cut
			}
			if !rate && a.Value != b.Value {
				return a.Value > b.Value
			}
			return a.Start < b.Start
		})
		h := fs[0]
		if h.Scope != "" || h.Confidence < cut ||
			slices.Contains(h.Flags, extract.FlagPartialYear) || slices.Contains(h.Flags, extract.FlagRateMismatch) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// ScoreRanked scores the values the dashboards would rank (Headlines at
// cut) against the gold and sets s.Ranked, s.RankingCut and s.RankedWrong:
// Got counts those values, Matched those the gold states for the whole
// jurisdiction (the same indicator and value with no scope), Gold the
// indicators the gold states for the whole jurisdiction of each file. Its
// precision is the share of a ranking's values that are right. Every file
// counts, resolved or not (an unresolved report's values are ranked once a
// person places it).
func (s *Scores) ScoreRanked(gold []Gold, got map[string][]extract.Fact, cut float64) {
	type key struct {
		file, code string
		value      float64
	}
	whole := map[key]bool{}
	indicators := map[[2]string]bool{}
	for _, g := range gold {
		if g.Scope == "" {
			whole[key{g.File, g.Indicator, round(g.Value)}] = true
			indicators[[2]string{g.File, g.Indicator}] = true
		}
	}
	s.Ranked, s.RankingCut, s.RankedWrong = Count{Gold: len(indicators)}, cut, nil
	files := make([]string, 0, len(got))
	for file := range got {
		files = append(files, file)
	}
	sort.Strings(files)
	for _, file := range files {
		for _, h := range Headlines(got[file], cut) {
			s.Ranked.Got++
			if whole[key{file, h.Indicator, round(h.Value)}] {
				s.Ranked.Matched++
				continue
			}
			s.RankedWrong = append(s.RankedWrong, Miss{file, h.Indicator, h.Value, h.Quote, h.Confidence})
		}
	}
}
