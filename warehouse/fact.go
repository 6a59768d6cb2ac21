package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// FactRecord is one fact as readers see it (corrections applied), with
// its report and the sentence that states it (GET /api/facts/{id}).
type FactRecord struct {
	Fact
	ReportID string `json:"report_id"`
	// Added: an analyst added the fact; ExtractedValue is the value before
	// the latest correction (Start and End point at the quote then, not at
	// the number).
	Added          bool    `json:"added"`
	ExtractedValue float64 `json:"extracted_value"`
	// Numerator, Denominator and Basis are a rate's parts, when the report
	// gives them.
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	Basis       string   `json:"basis"`
}

// factByID reads one row of facts_corrected. The filter on fact_id reaches
// the scan of facts through the view (its window partitions corrections by
// fact_id, its UNION is ALL), so DuckDB answers it from the facts_fact_id
// index: EXPLAIN ANALYZE shows "Type: Index Scan" on facts. Keep it a single
// equality on fact_id: DuckDB uses an index only when the scan has exactly
// one filter.
const factByID = `
	SELECT fact_id, report_id, indicator, value, unit, raw_unit, approx, approx_kind, scope, quote, start, "end",
	       derived, flags, corrected, added, extracted_value, numerator, denominator, basis
	FROM facts_corrected WHERE fact_id = $1`

// Fact returns one fact by id, extracted or added by an analyst, with the
// latest correction applied. An unknown id, or a fact an analyst rejected,
// wraps ErrNotFound.
func (db *DB) Fact(ctx context.Context, id string) (FactRecord, error) {
	var f FactRecord
	// Facts analysts added come from corrections, whose columns allow NULL.
	var quote, basis sql.NullString
	var start, end sql.NullInt32
	var num, den sql.NullFloat64
	var flags []any
	row, err := db.queryRowPrepared(ctx, factByID, id)
	if err != nil {
		return f, fmt.Errorf("fact %q: %w", id, err)
	}
	err = row.Scan(&f.FactID, &f.ReportID, &f.Indicator, &f.Value,
		&f.Unit, &f.RawUnit, &f.Approx, &f.ApproxKind, &f.Scope, &quote, &start, &end, &f.Derived, &flags, &f.Corrected,
		&f.Added, &f.ExtractedValue, &num, &den, &basis)
	if errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("fact %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return f, fmt.Errorf("fact %q: %w", id, err)
	}
	f.Quote, f.Basis = quote.String, basis.String
	f.Start, f.End = int(start.Int32), int(end.Int32)
	f.Flags = strs(flags)
	if num.Valid {
		f.Numerator = &num.Float64
	}
	if den.Valid {
		f.Denominator = &den.Float64
	}
	return f, nil
}
