package warehouse

import (
	"context"
	"fmt"
	"slices"
)

// Health is the size of the warehouse.
type Health struct {
	Reports int `json:"reports"`
	Facts   int `json:"facts"`
}

// Health counts reports and facts.
func (db *DB) Health(ctx context.Context) (Health, error) {
	var h Health
	err := db.sql.QueryRowContext(ctx,
		`SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM facts)`).Scan(&h.Reports, &h.Facts)
	if err != nil {
		return h, fmt.Errorf("health: %w", err)
	}
	return h, nil
}

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
	// Values counts the headline values (jurisdiction-years) stated for it.
	Values int `json:"values"`
}

// Indicators lists the catalog in catalog order of categories and codes.
func (db *DB) Indicators(ctx context.Context) ([]Indicator, error) {
	return db.Catalog(ctx)
}

// Indicator returns one catalog entry.
func (db *DB) Indicator(ctx context.Context, code string) (Indicator, error) {
	s, err := db.snapshot(ctx)
	if err != nil {
		return Indicator{}, fmt.Errorf("indicator %q: %w", code, err)
	}
	i := s.indicator(code)
	if i < 0 {
		return Indicator{}, fmt.Errorf("indicator %q: %w", code, ErrNotFound)
	}
	return s.catalog[i], nil
}

// Years lists the report years present, newest first.
func (db *DB) Years(ctx context.Context) ([]int, error) {
	s, err := db.snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("years: %w", err)
	}
	return slices.Clone(s.years), nil
}

// TrendRow is a jurisdiction's headline value in one year.
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

// Trend returns a jurisdiction's headline values for an indicator, oldest year first.
func (db *DB) Trend(ctx context.Context, indicator, jurisdiction string) ([]TrendRow, error) {
	if indicator == "" || jurisdiction == "" {
		return nil, fmt.Errorf("trend: %w: indicator and jurisdiction are required", ErrInvalidQuery)
	}
	s, err := db.snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("trend %s %s: %w", indicator, jurisdiction, err)
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

// Fact is a stored fact as readers see it (corrections applied).
type Fact struct {
	FactID    string  `json:"fact_id"`
	Indicator string  `json:"indicator"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	RawUnit   string  `json:"raw_unit"`
	Approx    bool    `json:"approx"`
	// ApproxKind says which way an approximate value leans (ApproxAtLeast …).
	ApproxKind string   `json:"approx_kind"`
	Scope      string   `json:"scope"`
	Quote      string   `json:"quote"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Derived    bool     `json:"derived"`
	Flags      []string `json:"flags"`
	Corrected  bool     `json:"corrected"`
}

// strs converts a DuckDB VARCHAR[] scanned as []any.
func strs(in []any) []string {
	out := make([]string, 0, len(in))
	for _, v := range in {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// JurisdictionCount counts the rows of the division reference table.
func (db *DB) JurisdictionCount(ctx context.Context) (int, error) {
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM jurisdictions`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count jurisdictions: %w", err)
	}
	return n, nil
}
