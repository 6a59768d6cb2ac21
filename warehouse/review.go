package warehouse

import (
	"context"
	"fmt"
	"time"
)

// ReviewFilter selects from the review queue.
type ReviewFilter struct {
	// Reason keeps the items with this reason: an extractor flag
	// (rate_mismatch, part_exceeds_whole, partial_year, ceiling,
	// duplicate_mention), approx_headline or unresolved_jurisdiction.
	// Empty means every item.
	Reason string
	// Limit caps the items returned; 0 means 100.
	Limit int
}

// ReviewItem is a fact that needs a human look.
type ReviewItem struct {
	FactID           string    `json:"fact_id"`
	ReportID         string    `json:"report_id"`
	JurisdictionCode string    `json:"jurisdiction_code"`
	JurisdictionName string    `json:"jurisdiction_name"`
	Year             int       `json:"year"`
	Indicator        string    `json:"indicator"`
	Value            float64   `json:"value"`
	Unit             string    `json:"unit"`
	Approx           bool      `json:"approx"`
	Scope            string    `json:"scope"`
	Quote            string    `json:"quote"`
	Start            int       `json:"start"`
	End              int       `json:"end"`
	Flags            []string  `json:"flags"`
	Reasons          []string  `json:"reasons"`
	IngestedAt       time.Time `json:"ingested_at"`
}

// Review lists the review queue (the review_queue view): facts with
// extractor flags, approximate headline values, and headline values of
// reports whose jurisdiction is unresolved, oldest report first. A fact
// leaves the queue once an analyst corrects it; setting the same value
// confirms it.
func (db *DB) Review(ctx context.Context, f ReviewFilter) ([]ReviewItem, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	rows, err := db.sql.QueryContext(ctx, `
		SELECT fact_id, report_id, jurisdiction_code, jurisdiction_name, coalesce(year, 0), indicator, value, unit,
		       approx, scope, quote, start, "end", flags, reasons, ingested_at
		FROM review_queue
		WHERE $1 = '' OR list_contains(reasons, $1)
		ORDER BY ingested_at, report_id, start, fact_id
		LIMIT $2`, f.Reason, limit)
	if err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	defer rows.Close()
	out := []ReviewItem{}
	for rows.Next() {
		var it ReviewItem
		var flags, reasons []any
		if err := rows.Scan(&it.FactID, &it.ReportID, &it.JurisdictionCode, &it.JurisdictionName, &it.Year, &it.Indicator,
			&it.Value, &it.Unit, &it.Approx, &it.Scope, &it.Quote, &it.Start, &it.End, &flags, &reasons, &it.IngestedAt); err != nil {
			return nil, fmt.Errorf("review: %w", err)
		}
		it.Flags, it.Reasons, it.IngestedAt = strs(flags), strs(reasons), it.IngestedAt.UTC()
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	return out, nil
}
