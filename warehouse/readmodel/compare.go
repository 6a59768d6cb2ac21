package readmodel

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// CompareFilter selects the headline values to compare.
type CompareFilter struct {
	Indicator string
	// Year 0 means each jurisdiction's latest year.
	Year int
	// Level is the jurisdiction level as written (街道 镇 乡 区 县 市); "" for all.
	Level string
	// Parent is a division code; only jurisdictions inside it are compared.
	Parent string
}

// CompareRow is one jurisdiction's headline value.
type CompareRow struct {
	JurisdictionCode string `json:"jurisdiction_code"`
	JurisdictionName string `json:"jurisdiction_name"`
	Year             int    `json:"year"`
	Figure
	Source
	Counts
}

// Compare returns one headline value per jurisdiction for an indicator,
// largest first (then by name), with the counts behind it when it is a
// rate.
func (s *Snapshot) Compare(f CompareFilter) ([]CompareRow, error) {
	p, err := s.ComparePaged(f, 0, 0)
	return p.Rows, err
}

// ComparePage is part of Compare's rows.
type ComparePage struct {
	Rows []CompareRow
	// Total counts all the rows.
	Total int
	// Conflicts are the jurisdiction-years left out because their reports
	// disagree (all of them, whatever the page).
	Conflicts []CompareConflict
}

// ComparePaged returns Compare's rows from offset on, at most limit of
// them (0: all), and how many there are in all.
func (s *Snapshot) ComparePaged(f CompareFilter, offset, limit int) (ComparePage, error) {
	p := ComparePage{Rows: []CompareRow{}, Conflicts: []CompareConflict{}}
	picked, err := s.comparePick(f)
	if err != nil {
		return p, err
	}
	p.Conflicts = s.conflictsOf(f)
	p.Total = len(picked)
	picked = picked[min(max(offset, 0), len(picked)):]
	if limit > 0 {
		picked = picked[:min(limit, len(picked))]
	}
	for _, i := range picked {
		p.Rows = append(p.Rows, s.compareRow(i))
	}
	return p, nil
}

// comparePick returns the cells Compare shows, in order.
func (s *Snapshot) comparePick(f CompareFilter) ([]int32, error) {
	if f.Indicator == "" {
		return nil, fmt.Errorf("compare: %w: indicator is required", ErrInvalidQuery)
	}
	ind := s.indicator(f.Indicator)
	if ind < 0 {
		return nil, nil
	}
	sc := s.scope(Scope{Parent: f.Parent, Level: f.Level})
	if f.Year != 0 {
		return s.scopeCells(s.slice(ind, f.Year), sc, 0), nil
	}
	return s.withoutLaterConflicts(s.latestCells(ind, sc), ind), nil
}

// withoutLaterConflicts drops from each jurisdiction's latest values those
// of jurisdictions whose reports of a later year disagree: their latest
// year is that one (listed as a conflict), not the year before.
func (s *Snapshot) withoutLaterConflicts(cells []int32, ind int) []int32 {
	cs := s.indicatorConflicts(ind)
	if len(cs) == 0 {
		return cells
	}
	latest := map[int32]int{}
	for i := range cs {
		latest[cs[i].jur] = max(latest[cs[i].jur], cs[i].year)
	}
	return slices.DeleteFunc(cells, func(i int32) bool {
		r := &s.reports[s.cells[i].report]
		y, ok := latest[r.jur]
		return ok && y > int(r.year)
	})
}

// conflictsOf returns the conflicts Compare leaves out for f.
func (s *Snapshot) conflictsOf(f CompareFilter) []CompareConflict {
	ind := s.indicator(f.Indicator)
	if ind < 0 {
		return []CompareConflict{}
	}
	return s.compareConflicts(ind, f, s.scope(Scope{Parent: f.Parent, Level: f.Level}))
}

// countsOf returns the counts behind cell i's rate, as headline_counts
// decides them (the rate's sentence, or the jurisdiction-year's headline
// counts when they agree with it), and whether it has any.
func (s *Snapshot) countsOf(i int32) (n, d float64, ok bool) {
	if s.cells[i].bits&cellRatio == 0 {
		return 0, 0, false
	}
	nd := s.ratios[s.cells[i].ratio]
	return nd[0], nd[1], true
}

// compareRow builds the row of cell i.
func (s *Snapshot) compareRow(i int32) CompareRow {
	c := s.cell(i)
	r := CompareRow{JurisdictionCode: c.JurisdictionCode, JurisdictionName: c.JurisdictionName, Year: c.Year,
		Figure: c.Figure, Source: c.Source}
	if n, d, ok := s.countsOf(i); ok {
		r.Numerator, r.Denominator = &n, &d
	}
	return r
}

// latestCells returns each jurisdiction's latest value of an indicator in
// scope (the latest year whose report is in scope), largest first.
func (s *Snapshot) latestCells(ind int, sc scopeFilter) []int32 {
	var out []int32
	for _, e := range s.trendsOf(ind) {
		if e.jur < sc.lo || e.jur >= sc.hi {
			continue
		}
		if sc.level == -1 || e.level == sc.level {
			out = append(out, e.latest)
		} else if e.level == mixedLevels {
			if m, ok := s.trendEntryAt(e.jur, ind, sc.level); ok {
				out = append(out, m.latest)
			}
		}
	}
	slices.SortFunc(out, func(a, b int32) int {
		ca, cb := &s.cells[a], &s.cells[b]
		return cmp.Or(cmp.Compare(cb.value, ca.value),
			strings.Compare(s.strs[s.reports[ca.report].name], s.strs[s.reports[cb.report].name]), cmp.Compare(a, b))
	})
	return out
}

// Division is an official division that has reports inside it.
type Division struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level string `json:"level"`
	// Reports counts the reports of jurisdictions inside it.
	Reports int `json:"reports"`
}

// PeerGroups lists the divisions directly below parent ("" = provinces)
// that contain at least one report's jurisdiction: the choices of the peer
// group selectors.
func (s *Snapshot) PeerGroups(parent string) []Division {
	return append([]Division{}, s.peerGroups[parent]...)
}
