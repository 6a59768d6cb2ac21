package readmodel

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// One rule decides which headline values a ranking may hold, for the
// compare page, the topic pages and the brief alike: a ranking compares
// whole jurisdictions over whole years, so a value that is not that (a
// sub-body's figure, part of a year), whose jurisdiction is not known, or a
// rate too uncertain or contradicted by its own counts, is listed beside
// the ranking with the reason, never in it.

// Reasons a value stays out of a ranking.
const (
	// UnrankedUnresolved: the report's jurisdiction is not resolved to
	// one division (城关镇 names 88 of them).
	UnrankedUnresolved = "unresolved"
	// UnrankedPartial: the figure is a sub-body's (驻所调解室), not the
	// whole jurisdiction's.
	UnrankedPartial = "partial"
	// UnrankedPartYear: the figure covers another period than the report
	// year — part of it (截至10月30日) or years up to it (自2018年以来累计)
	// — or is a rate computed from such figures.
	UnrankedPartYear = "partial_year"
	// UnrankedMismatch: the rate the report states disagrees with the
	// counts it gives for it by more than half a point.
	UnrankedMismatch = "rate_mismatch"
	// UnrankedSmall: the rate rests on fewer cases than the minimum.
	UnrankedSmall = "small_sample"
	// UnrankedUnsure: the extractor read the value with a confidence below
	// the ranking cut (FAZHI_MIN_CONFIDENCE) and no person confirmed it
	// (待核实).
	UnrankedUnsure = "unsure"
)

// Directions of an indicator's better values (Indicator.Better).
const (
	BetterHigher = "higher"
	BetterLower  = "lower"
)

// betterLower and betterHigher are the indicators whose direction is not a
// matter of size: rates of outcomes. A count has no better direction (more
// disputes mediated means more disputes), and ranks from the largest.
var (
	betterLower  = map[string]bool{"litigation.loss_rate": true}
	betterHigher = map[string]bool{
		"mediation.success_rate": true, "petition.conclusion_rate": true, "arbitration.closure_rate": true,
		"litigation.appearance_rate": true, "enforcement.certification_rate": true,
		"counsel.adviser_coverage_rate": true, "services.online_rate": true,
	}
)

// Better says which values of the indicator are better: BetterHigher,
// BetterLower, or "" when neither is (counts), which rank from the largest.
func (i Indicator) Better() string {
	switch {
	case betterLower[i.Code]:
		return BetterLower
	case betterHigher[i.Code]:
		return BetterHigher
	}
	return ""
}

// flagPartYear is the extractor's flag of a part-year figure.
const flagPartYear = "partial_year"

// RankedRow is a row of a ranking: Rank 1 is the best (the largest when
// the indicator has no better direction); equal values share a rank, and
// Tied counts the rows that share it (1 when the value is alone).
type RankedRow struct {
	CompareRow
	Rank int `json:"rank"`
	Tied int `json:"tied"`
}

// UnrankedRow is a value listed beside a ranking, with the reason
// (Unranked…) it is not in it.
type UnrankedRow struct {
	CompareRow
	Reason string `json:"reason"`
}

// CompareRanking is what the compare page shows of Compare's rows: the
// ranking, best first, and beside it the values it may not hold.
type CompareRanking struct {
	// Ranked are the first rows of the ranking; Total counts all of them.
	Ranked []RankedRow
	Total  int
	// Unranked are the first values kept out of the ranking, in Compare's
	// order; UnrankedTotal counts all of them.
	Unranked      []UnrankedRow
	UnrankedTotal int
	// Conflicts are the jurisdiction-years left out because their reports
	// disagree, until a person chooses which report counts.
	Conflicts []CompareConflict
}

// CompareRanked ranks Compare's rows by the indicator's better direction
// and lists apart the values a ranking may not hold (rankability), keeping
// the first limit of each. Rates resting on fewer than minCases cases are
// listed apart too. Only the rows kept are built: at national scale a year
// of an indicator has tens of thousands.
func (s *Snapshot) CompareRanked(f CompareFilter, minCases, limit int) (CompareRanking, error) {
	r := CompareRanking{Ranked: []RankedRow{}, Unranked: []UnrankedRow{}, Conflicts: []CompareConflict{}}
	picked, err := s.comparePick(f)
	if err != nil {
		return r, err
	}
	r.Conflicts = s.conflictsOf(f)
	ind := s.indicator(f.Indicator)
	if ind < 0 {
		return r, nil
	}
	rk := s.rank(ind, picked, minCases)
	r.Total, r.UnrankedTotal = len(rk.ranked), len(rk.unranked)
	for k, i := range rk.ranked[:min(limit, len(rk.ranked))] {
		r.Ranked = append(r.Ranked, RankedRow{CompareRow: s.compareRow(i), Rank: rk.place[k], Tied: rk.tied[k]})
	}
	for k, i := range rk.unranked[:min(limit, len(rk.unranked))] {
		r.Unranked = append(r.Unranked, UnrankedRow{CompareRow: s.compareRow(i), Reason: rk.reasons[k]})
	}
	return r, nil
}

// ranking is a ranking of cells: the ranked ones best first with their
// places and ties, the others with their reasons.
type ranking struct {
	ranked   []int32
	place    []int
	tied     []int
	unranked []int32
	reasons  []string
}

// rank splits cells (of indicator ind, largest first) into a ranking in
// the indicator's better direction and the cells it may not hold.
func (s *Snapshot) rank(ind int, cells []int32, minCases int) ranking {
	var rk ranking
	for _, i := range cells {
		if why := s.unrankable(i, minCases); why != "" {
			rk.unranked = append(rk.unranked, i)
			rk.reasons = append(rk.reasons, why)
			continue
		}
		rk.ranked = append(rk.ranked, i)
	}
	if s.catalog[ind].Better() == BetterLower {
		s.sortCells(rk.ranked, 1)
	}
	rk.place, rk.tied = make([]int, len(rk.ranked)), make([]int, len(rk.ranked))
	for k := 0; k < len(rk.ranked); {
		end := k + 1
		for end < len(rk.ranked) && s.cells[rk.ranked[end]].value == s.cells[rk.ranked[k]].value {
			end++
		}
		for j := k; j < end; j++ {
			rk.place[j], rk.tied[j] = k+1, end-k
		}
		k = end
	}
	return rk
}

// sortCells orders cells by value (dir 1: smallest first, -1: largest
// first), then by jurisdiction name and cell index, as slices are ordered.
func (s *Snapshot) sortCells(cells []int32, dir int) {
	slices.SortFunc(cells, func(a, b int32) int {
		ca, cb := &s.cells[a], &s.cells[b]
		return cmp.Or(dir*cmp.Compare(ca.value, cb.value),
			strings.Compare(s.strs[s.reports[ca.report].name], s.strs[s.reports[cb.report].name]), cmp.Compare(a, b))
	})
}

// unrankable returns why cell i may not be ranked ("" when it may).
func (s *Snapshot) unrankable(i int32, minCases int) string {
	if why := s.unrankedAlone(i); why != "" {
		return why
	}
	c := &s.cells[i]
	n, d, ok := s.countsOf(i)
	switch {
	case !ok || d <= 0:
		return ""
	case math.Abs(100*n/d-c.value) > 0.5:
		return UnrankedMismatch
	case d < float64(minCases):
		return UnrankedSmall
	}
	return ""
}

// unrankedAlone returns why cell i may not be ranked, from the cell alone
// ("" when it may): it is not a resolved jurisdiction's value for the
// whole jurisdiction and the whole year, or the extractor is unsure of it.
// It is the part of the rule that does not look at a rate's counts.
func (s *Snapshot) unrankedAlone(i int32) string {
	c := &s.cells[i]
	switch {
	case c.whole&cellUnresolved != 0:
		return UnrankedUnresolved
	case c.bits&cellPartial != 0:
		return UnrankedPartial
	case c.whole&cellPartYear != 0:
		return UnrankedPartYear
	case c.bits&cellUnsure != 0:
		return UnrankedUnsure
	}
	return ""
}

// partYear reports whether cell i covers part of the year: flagged so, or
// a derived rate whose counts (the jurisdiction's that year) are. Each
// build marks such cells cellPartYear once.
func (s *Snapshot) partYear(i int32) bool {
	c := &s.cells[i]
	if s.partYearFlags[c.flags] {
		return true
	}
	if c.bits&cellDerived == 0 {
		return false
	}
	r := &s.reports[c.report]
	for _, part := range s.derivedFrom[c.ind] {
		if p := s.cellOf(r.jur, part, int(r.year)); p >= 0 &&
			s.cells[p].scope == c.scope && s.partYearFlags[s.cells[p].flags] {
			return true
		}
	}
	return false
}

// placeAmong places cell i among the cells of slice sp in scope peers (its
// own included or not): how many rankable peers are better, how many share
// its value (itself included) and how many rankable peers there are (itself
// included); why it is not ranked itself ("" when it is).
func (s *Snapshot) placeAmong(i int32, sp span, peers scopeFilter, minCases int) (better, equal, total int, why string) {
	ind := int(s.cells[i].ind)
	if why = s.unrankable(i, minCases); why != "" {
		return 0, 0, 0, why
	}
	lower := s.catalog[ind].Better() == BetterLower
	v := s.cells[i].value
	total, equal = 1, 1
	s.eachInScope(sp, peers, func(p int32) {
		if p == i || s.unrankable(p, minCases) != "" {
			return
		}
		total++
		switch pv := s.cells[p].value; {
		case pv == v:
			equal++
		case pv > v != lower:
			better++
		}
	})
	return better, equal, total, ""
}

// ComparisonQuery asks which year and level a ranking shows by default.
type ComparisonQuery struct {
	Indicator string
	Parent    string
	// Year is the year chosen; 0 lets ComparisonDefault choose one.
	Year int
	// Level is the level chosen; "" lets ComparisonDefault choose one,
	// unless AllLevels says the reader chose every level.
	Level     string
	AllLevels bool
}

// EnoughToRank is how many whole-jurisdiction, whole-year values a year and
// level need to be the default of a ranking.
const EnoughToRank = 3

// ComparisonDefault fills in the year and level a ranking of q.Indicator
// in q.Parent shows when the reader has not chosen them: the latest year in
// which one level has at least EnoughToRank values of resolved
// jurisdictions for the whole jurisdiction and year, and the level with
// the most of them that year (else the year and level with the most, the
// latest year first). A ranking never mixes years or levels by default.
// (A rate's counts are not looked at here: checking them for every value
// of every year costs a national page tens of milliseconds, and the year
// chosen rarely depends on them.) Year and Level stay 0 and "" when there
// are no such values.
func (s *Snapshot) ComparisonDefault(q ComparisonQuery) ComparisonQuery {
	if q.Year != 0 && (q.Level != "" || q.AllLevels) {
		return q
	}
	ind := s.indicator(q.Indicator)
	if ind < 0 {
		return q
	}
	sc := s.scope(Scope{Parent: q.Parent, Level: q.Level})
	type choice struct {
		year  int
		level int32
		n     int
	}
	var best choice
	for _, year := range s.years { // newest first
		if q.Year != 0 && year != q.Year {
			continue
		}
		byLevel := map[int32]int{}
		s.eachInScope(s.slice(ind, year), sc, func(i int32) {
			if s.unrankedAlone(i) == "" {
				lv := s.reports[s.cells[i].report].level
				if q.AllLevels {
					lv = -1
				}
				byLevel[lv]++
			}
		})
		top := choice{year: year}
		for lv, n := range byLevel {
			if n > top.n || n == top.n && lv < top.level {
				top.level, top.n = lv, n
			}
		}
		if top.n > best.n {
			best = top
		}
		if best.n >= EnoughToRank {
			break
		}
	}
	if best.n == 0 {
		return q
	}
	q.Year = best.year
	if !q.AllLevels && q.Level == "" {
		q.Level = s.strs[best.level]
	}
	return q
}
