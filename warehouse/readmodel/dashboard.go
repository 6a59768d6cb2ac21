package readmodel

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// The read models and queries of the dashboard pages (overview, trend,
// mediation/litigation/publicity, heatmap). Every query here is answered
// from the dashboards' snapshot (snapshot.go), not SQL. Each query is
// bounded: a page asks for at most a limit of jurisdictions.

// Cell is one headline value with its provenance: what a chart draws and what
// clicking it shows.
type Cell struct {
	JurisdictionKey  string `json:"jurisdiction_key"`
	JurisdictionCode string `json:"jurisdiction_code"`
	JurisdictionName string `json:"jurisdiction_name"`
	Year             int    `json:"year"`
	Indicator        string `json:"indicator"`
	Unit             string `json:"unit"`
	Figure
	Source
	// Counts are filled where a query fills them (TopicCells).
	Counts
	// Unranked says why the value may not be ranked (Unranked…), where a
	// query that ranks fills it (TopicCells); "" when it may.
	Unranked string `json:"unranked,omitempty"`
}

// Catalog lists the indicator catalog, with the number of headline values
// of each.
func (s *Snapshot) Catalog() []Indicator {
	return slices.Clone(s.catalog)
}

// Scope narrows a dashboard page to part of the country and one level.
type Scope struct {
	// Parent is a division code (2 digits province, 4 city, 6 county); only
	// jurisdictions inside it are shown. "" for all.
	Parent string
	// Level is the jurisdiction level as written (街道 镇 乡 区 县 市); "" for all.
	Level string
}

// Overview is what the 总览 page shows.
type Overview struct {
	Reports       int              `json:"reports"`
	Jurisdictions int              `json:"jurisdictions"`
	Years         int              `json:"years"`
	FirstYear     int              `json:"first_year"`
	LastYear      int              `json:"last_year"`
	Facts         int              `json:"facts"`
	Unresolved    int              `json:"unresolved"`
	Coverage      []CoverageArea   `json:"coverage"`
	Latest        []ReportSummary  `json:"latest"`
	Flagged       []FlaggedSummary `json:"flagged"`
	// AsOf is when the warehouse last changed (a report stored, a
	// correction made).
	AsOf time.Time `json:"as_of"`
}

// CoverageArea is a province or city and the reports about places in it.
type CoverageArea struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	Parent        string `json:"parent"`
	Reports       int    `json:"reports"`
	Jurisdictions int    `json:"jurisdictions"`
	// Recent are the latest reports of the area, of different jurisdictions (at most three).
	Recent []ReportSummary `json:"recent"`
}

// ReportSummary names a report for lists.
type ReportSummary struct {
	ReportID         string    `json:"report_id"`
	Title            string    `json:"title"`
	JurisdictionName string    `json:"jurisdiction_name"`
	Year             int       `json:"year"`
	IngestedAt       time.Time `json:"ingested_at"`
}

// FlaggedSummary counts the headline values of an indicator that carry a
// data-quality flag, with a few of them as examples.
type FlaggedSummary struct {
	Indicator string `json:"indicator"`
	Flagged   int    `json:"flagged"`
	Values    int    `json:"values"`
	Examples  []Cell `json:"examples"`
}

// OverviewLatest is how many latest reports Overview lists.
const OverviewLatest = 10

// Overview counts reports, jurisdictions, years and facts, and lists the
// coverage by province and city, the latest reports and the indicators with
// the most flagged headline values in year (0: the latest year with
// reports).
func (s *Snapshot) Overview(year int) Overview {
	c := s.counts
	o := Overview{Reports: c.reports, Jurisdictions: c.jurisdictions, Years: c.years, FirstYear: c.firstYear,
		LastYear: c.lastYear, Facts: c.facts, Unresolved: c.unresolved, AsOf: c.asOf,
		Coverage: cloneAreas(s.coverage), Latest: slices.Clone(s.latest), Flagged: []FlaggedSummary{}}
	if year == 0 {
		year = o.LastYear
	}
	for ind := range s.catalog {
		st := s.sliceStats(ind, year)
		if st.flagged == 0 {
			continue
		}
		o.Flagged = append(o.Flagged, FlaggedSummary{Indicator: s.catalog[ind].Code, Flagged: st.flagged, Values: st.count,
			Examples: s.cellsAt(st.flaggedExamples)})
	}
	slices.SortFunc(o.Flagged, func(a, b FlaggedSummary) int {
		return cmp.Or(cmp.Compare(b.Flagged, a.Flagged), strings.Compare(a.Indicator, b.Indicator))
	})
	o.Flagged = o.Flagged[:min(len(o.Flagged), overviewFlagged)]
	return o
}

// cloneAreas copies areas and their lists of recent reports: the snapshot's
// own stay as they are whatever a caller does with its copy.
func cloneAreas(areas []CoverageArea) []CoverageArea {
	out := slices.Clone(areas)
	for i := range out {
		out[i].Recent = slices.Clone(out[i].Recent)
	}
	return out
}

// overviewFlagged is how many indicators the overview lists by flags.
const overviewFlagged = 15

// JurisdictionChoice is a jurisdiction offered in a page's selector.
type JurisdictionChoice struct {
	Key   string `json:"jurisdiction_key"`
	Code  string `json:"jurisdiction_code"`
	Name  string `json:"jurisdiction_name"`
	Years int    `json:"years"`
}

// TrendChoices lists up to limit jurisdictions with values for indicator in
// scope, the ones with the most years first (a trend needs several years),
// then the largest latest value, then by key. Name is the one written in
// the latest year.
func (s *Snapshot) TrendChoices(indicator string, sc Scope, limit int) []JurisdictionChoice {
	ind := s.indicator(indicator)
	if ind < 0 {
		return []JurisdictionChoice{}
	}
	f := s.scope(sc)
	// The entries in scope come in order (the first limit are enough),
	// but for those whose level changed over the years, which are counted
	// anew and sorted in.
	var picked []trendEntry
	mixed, kept := false, 0
	for _, e := range s.trendsOf(ind) {
		if e.jur < f.lo || e.jur >= f.hi {
			continue
		}
		if f.level == -1 || e.level == f.level {
			if kept < limit {
				picked = append(picked, e)
				kept++
			}
			continue
		}
		if e.level != mixedLevels {
			continue
		}
		// The jurisdiction's reports differ in level: count the years of
		// the level asked for.
		if m, ok := s.trendEntryAt(e.jur, ind, f.level); ok {
			picked = append(picked, m)
			mixed = true
		}
	}
	if mixed {
		slices.SortFunc(picked, s.compareTrend)
	}
	out := make([]JurisdictionChoice, 0, min(limit, len(picked)))
	for _, e := range picked[:min(limit, len(picked))] {
		j := s.juris[e.jur]
		out = append(out, JurisdictionChoice{Key: j.key, Code: j.code,
			Name: s.strs[s.reports[s.cells[e.latest].report].name], Years: int(e.years)})
	}
	return out
}

// TrendCells returns the headline values of indicator for the jurisdictions
// (keys: division codes, or report:<id> for unresolved ones), by
// jurisdiction in the order given, then year.
func (s *Snapshot) TrendCells(indicator string, keys []string) ([]Cell, error) {
	if indicator == "" || len(keys) == 0 {
		return nil, fmt.Errorf("trend cells: %w: an indicator and at least one jurisdiction are required", ErrInvalidQuery)
	}
	out := []Cell{}
	ind := s.indicator(indicator)
	if ind < 0 {
		return out, nil
	}
	for _, k := range keys {
		if j, ok := s.jurOf[k]; ok {
			out = append(out, s.cellsAt(s.jurIndicatorCells(int32(j), ind))...)
		}
	}
	return out, nil
}

// TopicFilter selects the jurisdictions of a topic page (mediation,
// litigation, publicity) in one year.
type TopicFilter struct {
	// Indicators are the codes the page shows.
	Indicators []string
	// RankBy orders the jurisdictions (largest first); those without it come last.
	RankBy string
	Year   int
	Scope  Scope
	// Limit is the most jurisdictions returned.
	Limit int
	// MinCases is the fewest cases behind a rankable rate (CompareRanked).
	MinCases int
}

// TopicCells returns the headline values of f.Indicators in f.Year for the
// f.Limit jurisdictions in scope with the largest f.RankBy value, ranked:
// equal values by how many of the indicators the jurisdiction states, then
// by name and key; jurisdictions without a rankable f.RankBy value (none,
// or one a ranking may not hold: CompareRanked) come last, by how many of
// the indicators they state, then by name and key. Within a jurisdiction
// the cells are by indicator code; each cell says why it may not be ranked
// (Cell.Unranked), and a rate carries the counts behind it.
func (s *Snapshot) TopicCells(f TopicFilter) ([]Cell, error) {
	if len(f.Indicators) == 0 || f.Year == 0 || f.Limit <= 0 {
		return nil, fmt.Errorf("topic cells: %w: indicators, a year and a limit are required", ErrInvalidQuery)
	}
	var inds []int
	for _, code := range slices.Sorted(slices.Values(f.Indicators)) {
		if i := s.indicator(code); i >= 0 && !slices.Contains(inds, i) {
			inds = append(inds, i)
		}
	}
	sc := s.scope(f.Scope)
	count := func(j int32) int {
		n := 0
		for _, ind := range inds {
			if c := s.cellOf(j, ind, f.Year); c >= 0 && sc.has(s, c) {
				n++
			}
		}
		return n
	}
	type ranked struct {
		jur   int32
		value float64
		has   bool // states f.RankBy
		n     int
		name  string
	}
	var top []ranked
	// The largest f.RankBy values, and every value equal to the last one
	// taken: among equal values the count decides.
	if rank := s.indicator(f.RankBy); rank >= 0 {
		for _, i := range s.scopeCells(s.slice(rank, f.Year), sc, 0) {
			c := &s.cells[i]
			if s.unrankable(i, f.MinCases) != "" {
				continue
			}
			if len(top) >= f.Limit && c.value != top[len(top)-1].value {
				break
			}
			j := s.reports[c.report].jur
			top = append(top, ranked{jur: j, value: c.value, has: true, n: count(j), name: s.strs[s.reports[c.report].name]})
		}
	}
	if len(top) < f.Limit {
		// Too few state f.RankBy: the others follow, by how many indicators they state.
		seen := map[int32]bool{}
		for _, t := range top {
			seen[t.jur] = true
		}
		var rest []ranked
		for _, ind := range inds {
			for _, i := range s.scopeCells(s.slice(ind, f.Year), sc, 0) {
				j := s.reports[s.cells[i].report].jur
				if !seen[j] {
					seen[j] = true
					rest = append(rest, ranked{jur: j, n: count(j), name: s.strs[s.reports[s.cells[i].report].name]})
				}
			}
		}
		top = append(top, rest...)
	}
	slices.SortStableFunc(top, func(a, b ranked) int {
		if a.has != b.has {
			if a.has {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.value, a.value), cmp.Compare(b.n, a.n), strings.Compare(a.name, b.name),
			strings.Compare(s.juris[a.jur].key, s.juris[b.jur].key))
	})
	out := []Cell{}
	for _, t := range top[:min(f.Limit, len(top))] {
		for _, ind := range inds {
			if c := s.cellOf(t.jur, ind, f.Year); c >= 0 && sc.has(s, c) {
				out = append(out, s.rankedCell(c, f.MinCases))
			}
		}
	}
	return out, nil
}

// rankedCell is cell i with the counts behind it, if a rate, and why a
// ranking may not hold it.
func (s *Snapshot) rankedCell(i int32, minCases int) Cell {
	c := s.cell(i)
	if n, d, ok := s.countsOf(i); ok {
		c.Numerator, c.Denominator = &n, &d
	}
	c.Unranked = s.unrankable(i, minCases)
	return c
}

// YearTotal is the sum of one indicator's headline values in one year over
// the jurisdictions in scope, with the largest values as examples.
type YearTotal struct {
	Year          int     `json:"year"`
	Indicator     string  `json:"indicator"`
	Total         float64 `json:"total"`
	Jurisdictions int     `json:"jurisdictions"`
	// Approx: at least one of the summed values is approximate.
	Approx bool `json:"approx"`
	// ApproxKind combines the summed values' kinds: one kind when they
	// all lean the same way, ApproxAbout otherwise.
	ApproxKind string `json:"approx_kind"`
	// Largest are the largest values summed (at most five).
	Largest []Cell `json:"largest"`
}

// TopicYears sums each indicator's headline values per year in scope,
// oldest year first, then by indicator code, with the five largest values
// of each.
func (s *Snapshot) TopicYears(indicators []string, sc Scope) ([]YearTotal, error) {
	if len(indicators) == 0 {
		return nil, fmt.Errorf("topic years: %w: indicators are required", ErrInvalidQuery)
	}
	f := s.scope(sc)
	out := []YearTotal{}
	codes := slices.Sorted(slices.Values(indicators))
	codes = slices.Compact(codes)
	for _, year := range slices.Backward(s.years) {
		for _, code := range codes {
			ind := s.indicator(code)
			if ind < 0 {
				continue
			}
			t := YearTotal{Year: year, Indicator: code}
			var largest []int32
			sp := s.slice(ind, year)
			switch {
			case f.whole && f.level == -1:
				st := s.sliceStats(ind, year)
				t.Total, t.Jurisdictions, t.Approx, t.ApproxKind = st.total, st.count, st.approx, st.approxKind
				largest = s.scopeCells(sp, f, yearTotalLargest)
			case f.whole:
				st := s.levelStats[levelSlice{ind: ind, year: year, level: f.level}]
				t.Total, t.Jurisdictions, t.Approx, t.ApproxKind = st.total, st.count, st.approx, st.approxKind
				largest = s.scopeCells(sp, f, yearTotalLargest)
			default:
				in := s.scopeCells(sp, f, 0)
				for _, i := range in {
					c := &s.cells[i]
					t.Total += c.value
					t.Approx = t.Approx || c.bits&cellApprox != 0
					t.ApproxKind = combineApprox(t.ApproxKind, c.approxKind())
				}
				t.Jurisdictions = len(in)
				largest = in[:min(len(in), yearTotalLargest)]
			}
			if t.Jurisdictions == 0 {
				continue
			}
			t.Largest = s.cellsAt(largest)
			out = append(out, t)
		}
	}
	return out, nil
}

// yearTotalLargest is how many of the largest values a YearTotal lists.
const yearTotalLargest = 5

// HeatmapFilter selects the jurisdictions of the heatmap.
type HeatmapFilter struct {
	Year  int
	Scope Scope
	// Offset skips the first jurisdictions (by code); Limit is the most
	// jurisdictions (rows) shown.
	Offset, Limit int
	// MinCases is the ranking rule's minimum of cases behind a rate: the
	// cells say why they may not be ranked (Cell.Unranked).
	MinCases int
}

// Heatmap is the jurisdictions × indicators grid of one year.
type Heatmap struct {
	Jurisdictions []JurisdictionChoice `json:"jurisdictions"`
	// Total counts the jurisdictions in scope with a report that year
	// (Jurisdictions holds Limit of them from Offset on, by code).
	Total int    `json:"total"`
	Cells []Cell `json:"cells"`
}

// Heatmap returns, for f.Limit jurisdictions in scope from f.Offset on (by
// code; unresolved ones last, by name) with a report in f.Year, every
// headline value they state that year, by jurisdiction key and indicator
// code.
func (s *Snapshot) Heatmap(f HeatmapFilter) (Heatmap, error) {
	hm := Heatmap{Jurisdictions: []JurisdictionChoice{}, Cells: []Cell{}}
	if f.Year == 0 || f.Limit <= 0 {
		return hm, fmt.Errorf("heatmap: %w: a year and a limit are required", ErrInvalidQuery)
	}
	sc := s.scope(f.Scope)
	rows := s.yearJurs[f.Year]
	lo := sort.Search(len(rows), func(k int) bool { return rows[k].jur >= sc.lo })
	hi := sort.Search(len(rows), func(k int) bool { return rows[k].jur >= sc.hi })
	var chosen []int32
	last := int32(-1)
	for k := lo; k < hi; k++ {
		r := rows[k]
		if r.jur == last || !sc.report(&s.reports[r.report]) {
			continue
		}
		last = r.jur
		hm.Total++
		if hm.Total > f.Offset && len(chosen) < f.Limit {
			j := s.juris[r.jur]
			hm.Jurisdictions = append(hm.Jurisdictions, JurisdictionChoice{Key: j.key, Code: j.code,
				Name: s.strs[s.reports[r.report].name]})
			chosen = append(chosen, r.jur)
		}
	}
	slices.SortFunc(chosen, func(a, b int32) int { return strings.Compare(s.juris[a].key, s.juris[b].key) })
	for _, j := range chosen {
		var cells []int32
		for _, i := range s.jurCells[s.jurStart[j]:s.jurStart[j+1]] {
			if int(s.reports[s.cells[i].report].year) == f.Year {
				cells = append(cells, i)
			}
		}
		slices.SortFunc(cells, func(a, b int32) int {
			return strings.Compare(s.catalog[s.cells[a].ind].Code, s.catalog[s.cells[b].ind].Code)
		})
		for _, i := range cells {
			hm.Cells = append(hm.Cells, s.rankedCell(i, f.MinCases))
		}
	}
	return hm, nil
}

// Areas lists the provinces and cities that have resolved reports, for a
// page's scope selector: code, name and parent code, by code.
func (s *Snapshot) Areas() []CoverageArea {
	return cloneAreas(s.areas)
}
