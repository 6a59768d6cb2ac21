package readmodel

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Brief is everything the one-page brief of a jurisdiction-year shows.
type Brief struct {
	JurisdictionCode  string   `json:"jurisdiction_code"`
	JurisdictionName  string   `json:"jurisdiction_name"`
	JurisdictionLevel string   `json:"jurisdiction_level"`
	Path              []string `json:"path"`
	Year              int      `json:"year"`
	// PeerGroup names the division the ranks are computed in (e.g. 朝阳区).
	PeerGroup string      `json:"peer_group"`
	Lines     []BriefLine `json:"lines"`
	// Sources are the reports the lines come from.
	Sources []ReportSummary `json:"sources"`
	// AsOf is when the warehouse last changed (a report stored, a
	// correction made): the data the brief shows is of that moment.
	AsOf time.Time `json:"as_of"`
	// Conflicts are the indicators of which the jurisdiction's reports of
	// the year state different values, until a person chooses which report
	// counts: they have no line.
	Conflicts []BriefConflict `json:"conflicts"`
}

// BriefConflict is an indicator the jurisdiction's reports of the year
// disagree on: each report's value, in ReportIDs' order.
type BriefConflict struct {
	Indicator string    `json:"indicator"`
	NameZH    string    `json:"name_zh"`
	Unit      string    `json:"unit"`
	Values    []float64 `json:"values"`
	ReportIDs []string  `json:"report_ids"`
}

// BriefLine is one indicator of the brief: the value, its rank among the
// peers (same level, same parent division, same year) and its history.
type BriefLine struct {
	Indicator string `json:"indicator"`
	NameZH    string `json:"name_zh"`
	Category  string `json:"category"`
	Kind      string `json:"kind"`
	Unit      string `json:"unit"`
	// An unsure Figure has no rank (UnrankedUnsure).
	Figure
	Source
	Counts
	// Better is the indicator's better direction (Indicator.Better).
	Better string `json:"better"`
	// Rank is the value's place among the Peers rankable values of its
	// peers (same level, same parent division, same year), 1 the best in
	// the Better direction (the largest when it has none); the Tied values
	// equal to it (itself included) share it. Unranked says why the value
	// itself may not be ranked (CompareRanked's rule); Rank is 0 then.
	Rank     int    `json:"rank"`
	Tied     int    `json:"tied"`
	Peers    int    `json:"peers"`
	Unranked string `json:"unranked"`
	// History holds the other years' values, oldest first.
	History []YearValue `json:"history"`
}

// YearValue is a value in one year.
type YearValue struct {
	Year       int     `json:"year"`
	Value      float64 `json:"value"`
	Approx     bool    `json:"approx"`
	ApproxKind string  `json:"approx_kind"`
}

// Brief gathers the brief of a resolved jurisdiction for a year; rates
// resting on fewer than minCases cases are not ranked.
func (s *Snapshot) Brief(code string, year, minCases int) (Brief, error) {
	b := Brief{JurisdictionCode: code, Year: year, Lines: []BriefLine{}, Sources: []ReportSummary{}, Conflicts: []BriefConflict{}}
	j, ok := s.jurOf[code]
	if !ok || code == "" {
		return b, fmt.Errorf("brief %s %d: %w", code, year, ErrNotFound)
	}
	var cells []int32
	for _, i := range s.jurCells[s.jurStart[j]:s.jurStart[j+1]] {
		if int(s.reports[s.cells[i].report].year) == year {
			cells = append(cells, i)
		}
	}
	for k := range s.conflicts {
		if c := &s.conflicts[k]; c.jur == int32(j) && c.year == year {
			ind := s.catalog[c.ind]
			b.Conflicts = append(b.Conflicts, BriefConflict{Indicator: ind.Code, NameZH: ind.NameZH, Unit: ind.Unit,
				Values: slices.Clone(c.values), ReportIDs: slices.Clone(c.reports)})
			b.JurisdictionName = c.name
			if c.level >= 0 {
				b.JurisdictionLevel = s.strs[c.level]
			}
		}
	}
	if len(cells) == 0 && len(b.Conflicts) == 0 {
		return b, fmt.Errorf("brief %s %d: %w", code, year, ErrNotFound)
	}
	if len(cells) > 0 {
		first := &s.reports[s.cells[cells[0]].report]
		b.JurisdictionName, b.JurisdictionLevel = s.strs[first.name], s.strs[first.level]
	}
	b.AsOf = s.counts.asOf
	b.Path = s.divisionPath(code)
	parent := s.divisions[code].parent
	b.PeerGroup = s.divisions[parent].name
	// Peers: the resolved jurisdictions of the same level in the same
	// parent division (all of them when there is none).
	peers := s.scope(Scope{Level: b.JurisdictionLevel})
	peers.whole = false
	peers.lo, peers.hi = s.prefixRange(parent)
	slices.SortFunc(cells, func(a, b int32) int {
		return strings.Compare(s.catalog[s.cells[a].ind].Code, s.catalog[s.cells[b].ind].Code)
	})
	for _, i := range cells {
		c := s.cell(i)
		ind := s.catalog[s.cells[i].ind]
		l := BriefLine{Indicator: c.Indicator, NameZH: ind.NameZH, Category: ind.Category, Kind: ind.Kind, Unit: ind.Unit,
			Figure: c.Figure, Source: c.Source, Better: ind.Better(), History: []YearValue{}}
		if n, d, ok := s.countsOf(i); ok {
			l.Numerator, l.Denominator = &n, &d
		}
		better, equal, total, why := s.placeAmong(i, s.slice(int(s.cells[i].ind), year), peers, minCases)
		if why == "" {
			l.Rank, l.Tied, l.Peers = better+1, equal, total
		}
		l.Unranked = why
		for _, h := range s.jurIndicatorCells(int32(j), int(s.cells[i].ind)) {
			if y := int(s.reports[s.cells[h].report].year); y != year {
				l.History = append(l.History, YearValue{Year: y, Value: s.cells[h].value, Approx: s.cells[h].bits&cellApprox != 0,
					ApproxKind: s.cells[h].approxKind()})
			}
		}
		b.Lines = append(b.Lines, l)
		if !slices.ContainsFunc(b.Sources, func(r ReportSummary) bool { return r.ReportID == c.ReportID }) {
			b.Sources = append(b.Sources, s.summary(s.cells[i].report))
		}
	}
	return b, nil
}

// divisionPath returns the official names from the province down to code.
func (s *Snapshot) divisionPath(code string) []string {
	path := []string{}
	for code != "" {
		d, ok := s.divisions[code]
		if !ok {
			break
		}
		path = append([]string{d.name}, path...)
		code = d.parent
	}
	return path
}
