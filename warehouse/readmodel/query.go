package readmodel

import (
	"fmt"
	"slices"
)

// Indicator is one code of the catalog, with how many headline values the
// warehouse holds for it.
type Indicator struct {
	Code        string `json:"code"`
	NameZH      string `json:"name_zh"`
	NameEN      string `json:"name_en"`
	Category    string `json:"category"`
	Kind        string `json:"kind"`
	Unit        string `json:"unit"`
	Description string `json:"description"`
	// Numerator and Denominator are, for a rate, the codes of the counts
	// that may stand beside it (headline_counts); "" otherwise.
	Numerator   string `json:"numerator"`
	Denominator string `json:"denominator"`
	// Values counts the headline values (jurisdiction-years) stated for it.
	Values int `json:"values"`
}

// Indicator returns one catalog entry.
func (s *Snapshot) Indicator(code string) (Indicator, error) {
	i := s.indicator(code)
	if i < 0 {
		return Indicator{}, fmt.Errorf("indicator %q: %w", code, ErrNotFound)
	}
	return s.catalog[i], nil
}

// Years lists the report years present, newest first.
func (s *Snapshot) Years() []int {
	return slices.Clone(s.years)
}

// TrendRow is a jurisdiction's headline value in one year.
type TrendRow struct {
	Year int `json:"year"`
	Figure
	Source
}

// Trend returns a jurisdiction's headline values for an indicator, oldest
// year first.
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
		out = append(out, TrendRow{Year: c.Year, Figure: c.Figure, Source: c.Source})
	}
	return out, nil
}
