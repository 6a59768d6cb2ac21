package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
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

// factsByReport reads the rows of facts_corrected of one report. The
// filter on report_id reaches the scan of facts through the view (its
// window partitions corrections by fact_id, its UNION is ALL), so DuckDB
// answers it from the facts_report_id index: EXPLAIN ANALYZE shows "Type:
// Index Scan" on facts. Keep it a single equality: DuckDB uses an index
// only when the scan has exactly one filter. There is no index on fact_id
// (migration 14): a fact is found among its report's, whose id begins its
// own.
const factsByReport = `
	SELECT fact_id, report_id, indicator, value, unit, raw_unit, approx, approx_kind, scope, quote, start, "end",
	       derived, flags, corrected, added, extracted_value, numerator, denominator, basis
	FROM facts_corrected WHERE report_id = $1`

// storedFactsByReport is factsByReport for a report no person touched (no
// correction, never retired), whose rows of facts_corrected are its rows
// of facts as stored. DuckDB plans the view's joins anew at every
// execution, a prepared statement's too: 5 ms of the view's 6 ms at
// 400,000 reports, where this index lookup takes 1 ms.
// TestStoredFactsAreFactsCorrected holds the two to the same rows.
const storedFactsByReport = `
	SELECT fact_id, report_id, indicator, value, unit, raw_unit, approx, approx_kind, scope, quote, start, "end",
	       derived, flags, false, false, value, numerator, denominator, basis
	FROM facts WHERE report_id = $1`

// reportFactRecords reads a report's rows of facts_corrected, in no
// particular order: from facts directly when no person touched the report
// (storedFactsByReport).
func (db *DB) reportFactRecords(ctx context.Context, reportID string) ([]FactRecord, error) {
	var touched bool
	row, err := db.queryRowPrepared(ctx, `SELECT EXISTS (SELECT 1 FROM corrections WHERE report_id = $1)
		OR EXISTS (SELECT 1 FROM report_retirements WHERE report_id = $1)`, reportID)
	if err != nil {
		return nil, err
	}
	if err := row.Scan(&touched); err != nil {
		return nil, err
	}
	q := storedFactsByReport
	if touched {
		q = factsByReport
	}
	st, err := db.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, reportID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FactRecord
	for rows.Next() {
		var f FactRecord
		// Facts analysts added come from corrections, whose columns allow NULL.
		var quote, basis sql.NullString
		var start, end sql.NullInt32
		var num, den sql.NullFloat64
		var flags []any
		if err := rows.Scan(&f.FactID, &f.ReportID, &f.Indicator, &f.Value,
			&f.Unit, &f.RawUnit, &f.Approx, &f.ApproxKind, &f.Scope, &quote, &start, &end, &f.Derived, &flags, &f.Corrected,
			&f.Added, &f.ExtractedValue, &num, &den, &basis); err != nil {
			return nil, err
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
		out = append(out, f)
	}
	return out, rows.Err()
}

// reportOfFact is the report a fact id belongs to: its id is the report's
// and a suffix (ingest's factID; report_id-a<correction_id> for a fact an
// analyst added).
func reportOfFact(id string) string {
	r, _, _ := strings.Cut(id, "-")
	return r
}

// Fact returns one fact by id, extracted or added by an analyst, with the
// latest correction applied. An unknown id, or a fact an analyst rejected,
// wraps ErrNotFound.
func (db *DB) Fact(ctx context.Context, id string) (FactRecord, error) {
	facts, err := db.reportFactRecords(ctx, reportOfFact(id))
	if err != nil {
		return FactRecord{}, fmt.Errorf("fact %q: %w", id, err)
	}
	for _, f := range facts {
		if f.FactID == id {
			return f, nil
		}
	}
	return FactRecord{}, fmt.Errorf("fact %q: %w", id, ErrNotFound)
}
