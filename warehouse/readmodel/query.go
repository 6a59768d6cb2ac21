package readmodel

import (
	"fmt"
	"slices"
)

type Indicator struct {
	Code        string `json:"code"`
	NameZH      string `json:"name_zh"`
	NameEN      string `json:"name_en"`
	Category    string `json:"category"`
	Kind        string `json:"kind"`
	Unit        string `json:"unit"`
	Description string `json:"description"`
	// Values counts the headline values (jurisdiction-years) stated for it.
	Values int `json:"values"`
}

func (s *Snapshot) Indicators() []Indicator {
	return s.Catalog()
}

func (s *Snapshot) Indicator(code string) (Indicator, error) {
	i := s.indicator(code)
	if i < 0 {
		return Indicator{}, fmt.Errorf("indicator %q: %w", code, ErrNotFound)
	}
	return s.catalog[i], nil
}

func (s *Snapshot) Years() []int {
	return slices.Clone(s.years)
}

type TrendRow struct {
	Year       int     `json:"year"`
	Value      float64 `json:"value"`
	Approx     bool    `json:"approx"`
	ApproxKind string  `json:"approx_kind"`
	Partial    bool    `json:"partial"`
	Derived    bool    `json:"derived"`
	FactID     string  `json:"fact_id"`
	ReportID   string  `json:"report_id"`
}

func (s *Snapshot) Trend(indicator, jurisdiction string) ([]TrendRow, error) {
	if indicator == "" || jurisdiction == "" {
		return nil, fmt.Errorf("trend: %w: indicator and jurisdiction are required", ErrInvalidQuery)
	}
	out := []TrendRow{}
	j, ok := s.jurOf[jurisdiction]
	ind := s.indicator(indicator)
	if !ok || ind < 0 || s.juris[j].code == "" {
		return out, nil
	}
	for _, i := range s.jurIndicatorCells(int32(j), ind) {
		c := s.cell(i)
		out = append(out, TrendRow{Year: c.Year, Value: c.Value, Approx: c.Approx, ApproxKind: c.ApproxKind, Partial: c.Partial, Derived: c.Derived,
			FactID: c.FactID, ReportID: c.ReportID})
	}
	return out, nil
}
