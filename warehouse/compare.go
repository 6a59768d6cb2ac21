package warehouse

import (
	"cmp"
	"context"
	"fmt"
	"math"
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
	JurisdictionCode string   `json:"jurisdiction_code"`
	JurisdictionName string   `json:"jurisdiction_name"`
	Year             int      `json:"year"`
	Value            float64  `json:"value"`
	Approx           bool     `json:"approx"`
	Partial          bool     `json:"partial"`
	Scope            string   `json:"scope"`
	Derived          bool     `json:"derived"`
	Corrected        bool     `json:"corrected"`
	Flags            []string `json:"flags"`
	FactID           string   `json:"fact_id"`
	ReportID         string   `json:"report_id"`
	Quote            string   `json:"quote"`
	// Numerator and Denominator are the counts behind a rate (e.g. resolved
	// and accepted disputes) when the report states them; nil otherwise.
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
}

// rateCounts names, for the rates whose counts the catalog defines, the
// indicators of their numerator and denominator (INDICATORS.md). A rate's own
// ledger (facts.numerator/denominator) wins when the extractor filled it.
var rateCounts = map[string][2]string{
	"mediation.success_rate":   {"mediation.cases_resolved", "mediation.cases_accepted"},
	"petition.conclusion_rate": {"petition.cases_concluded", "petition.cases_received"},
	"arbitration.closure_rate": {"arbitration.cases_closed", "arbitration.cases_accepted"},
}

// countsAgree reports whether the jurisdiction's headline counts n and d
// may stand beside its rate p: both stated for the same body as the rate,
// exact, n ≤ d, and the rate within half a point of n/d. Other counts would
// contradict the rate on the page, so none are shown then.
func countsAgree(p, n, d *snapCell) bool {
	return d.value > 0 && n.value <= d.value && n.scope == p.scope && d.scope == p.scope &&
		n.bits&cellApprox == 0 && d.bits&cellApprox == 0 && math.Abs(100*n.value/d.value-p.value) <= 0.5
}

// Compare returns one headline value per jurisdiction for an indicator,
// largest first (then by name), with the counts behind it when it is a
// rate.
func (db *DB) Compare(ctx context.Context, f CompareFilter) ([]CompareRow, error) {
	if f.Indicator == "" {
		return nil, fmt.Errorf("compare: %w: indicator is required", ErrInvalidQuery)
	}
	s, err := db.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	out := []CompareRow{}
	ind := s.indicator(f.Indicator)
	if ind < 0 {
		return out, nil
	}
	sc := s.scope(Scope{Parent: f.Parent, Level: f.Level})
	var picked []int32
	if f.Year != 0 {
		picked = s.scopeCells(s.slice(ind, f.Year), sc, 0)
	} else {
		picked = s.latestCells(ind, sc)
	}
	counts, isRate := rateCounts[f.Indicator]
	nInd, dInd := s.indicator(counts[0]), s.indicator(counts[1])
	for _, i := range picked {
		c := s.cell(i)
		r := CompareRow{JurisdictionCode: c.JurisdictionCode, JurisdictionName: c.JurisdictionName, Year: c.Year,
			Value: c.Value, Approx: c.Approx, Partial: c.Partial, Scope: c.Scope, Derived: c.Derived,
			Corrected: c.Corrected, Flags: c.Flags, FactID: c.FactID, ReportID: c.ReportID}
		if nd, ok := s.ratios[i]; ok {
			r.Numerator, r.Denominator = &nd[0], &nd[1]
		} else if isRate && nInd >= 0 && dInd >= 0 {
			j := s.reports[s.cells[i].report].jur
			n, d := s.cellOf(j, nInd, c.Year), s.cellOf(j, dInd, c.Year)
			if n >= 0 && d >= 0 && countsAgree(&s.cells[i], &s.cells[n], &s.cells[d]) {
				nv, dv := s.cells[n].value, s.cells[d].value
				r.Numerator, r.Denominator = &nv, &dv
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// latestCells returns each jurisdiction's latest value of an indicator in
// scope (the latest year whose report is in scope), largest first.
func (s *snapshot) latestCells(ind int, sc scopeFilter) []int32 {
	var out []int32
	for _, e := range s.trends[ind] {
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
func (db *DB) PeerGroups(ctx context.Context, parent string) ([]Division, error) {
	s, err := db.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return append([]Division{}, s.peerGroups[parent]...), nil
}
