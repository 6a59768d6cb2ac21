package readmodel

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"sort"
)

// CompareConflict is a jurisdiction-year whose reports disagree on an
// indicator (headline.conflict): nobody chose yet which report counts, so
// no value is compared, ranked or drawn; the pages list it instead.
type CompareConflict struct {
	JurisdictionCode string `json:"jurisdiction_code"`
	JurisdictionName string `json:"jurisdiction_name"`
	Year             int    `json:"year"`
	// Values are each report's own headline value, in ReportIDs' order.
	Values    []float64 `json:"values"`
	ReportIDs []string  `json:"report_ids"`
}

// snapConflict is a conflict of the snapshot.
type snapConflict struct {
	ind     int
	year    int
	jur     int32
	level   int32 // index in strs, -2 when no report has it
	name    string
	values  []float64
	reports []string
}

// readConflicts reads the headline's conflicts, by indicator, year and
// jurisdiction (after readReports: the jurisdictions are numbered).
func (b *snapshotBuilder) readConflicts(ctx context.Context, conn *sql.Conn) error {
	s := b.s
	rows, err := conn.QueryContext(ctx, `SELECT jurisdiction_key, jurisdiction_name, jurisdiction_level, year, indicator,
		conflict_values, conflict_report_ids FROM headline WHERE conflict`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, level, indicator string
		var c snapConflict
		var values, reports []any
		if err := rows.Scan(&key, &c.name, &level, &c.year, &indicator, &values, &reports); err != nil {
			return err
		}
		j, ok := s.jurOf[key]
		if c.ind = s.indicator(indicator); !ok || c.ind < 0 {
			continue // a catalog or report change during the build; the next build has it
		}
		c.jur, c.values, c.reports, c.level = int32(j), listOf[float64](values), listOf[string](reports), -2
		if l, ok := s.levelOf[level]; ok {
			c.level = l
		}
		s.conflicts = append(s.conflicts, c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	slices.SortFunc(s.conflicts, func(a, b snapConflict) int {
		return cmp.Or(cmp.Compare(a.ind, b.ind), cmp.Compare(a.year, b.year), cmp.Compare(a.jur, b.jur))
	})
	return nil
}

// indicatorConflicts returns the conflicts of an indicator.
func (s *Snapshot) indicatorConflicts(ind int) []snapConflict {
	lo := sort.Search(len(s.conflicts), func(k int) bool { return s.conflicts[k].ind >= ind })
	hi := sort.Search(len(s.conflicts), func(k int) bool { return s.conflicts[k].ind > ind })
	return s.conflicts[lo:hi]
}

func (s *Snapshot) compareConflict(c *snapConflict) CompareConflict {
	return CompareConflict{JurisdictionCode: s.juris[c.jur].code, JurisdictionName: c.name, Year: c.year,
		Values: slices.Clone(c.values), ReportIDs: slices.Clone(c.reports)}
}

// compareConflicts returns what Compare leaves out for a conflict: the
// conflicts of the indicator-year in scope, or without a year each
// jurisdiction's latest conflict when it is later than its latest value.
func (s *Snapshot) compareConflicts(ind int, f CompareFilter, sc scopeFilter) []CompareConflict {
	out := []CompareConflict{}
	cs := s.indicatorConflicts(ind)
	for i := range cs {
		c := &cs[i]
		if c.jur < sc.lo || c.jur >= sc.hi || (sc.level != -1 && c.level != sc.level) || (f.Year != 0 && c.year != f.Year) {
			continue
		}
		if f.Year == 0 {
			if later(cs[i+1:], c) {
				continue
			}
			if cells := s.jurIndicatorCells(c.jur, ind); len(cells) > 0 && int(s.reports[s.cells[cells[len(cells)-1]].report].year) > c.year {
				continue
			}
		}
		out = append(out, s.compareConflict(c))
	}
	return out
}

// later reports whether rest (conflicts after c, in order) holds a later
// year of c's jurisdiction.
func later(rest []snapConflict, c *snapConflict) bool {
	for i := range rest {
		if rest[i].jur == c.jur {
			return true
		}
	}
	return false
}

// TrendConflicts returns a jurisdiction's conflicts of an indicator, by
// year: the years Trend has no value for because the jurisdiction's
// reports disagree.
func (s *Snapshot) TrendConflicts(indicator, jurisdiction string) []CompareConflict {
	out := []CompareConflict{}
	j, ok := s.jurOf[jurisdiction]
	ind := s.indicator(indicator)
	if !ok || ind < 0 {
		return out
	}
	cs := s.indicatorConflicts(ind)
	for i := range cs {
		if cs[i].jur == int32(j) {
			out = append(out, s.compareConflict(&cs[i]))
		}
	}
	return out
}
