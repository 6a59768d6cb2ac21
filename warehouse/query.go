package warehouse

import (
	"context"
	"fmt"
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
