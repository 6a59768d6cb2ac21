package warehouse

import (
	"context"
	"fmt"
)

// ReportHistory is everything people did to one report and its facts,
// each list oldest first.
type ReportHistory struct {
	// Report is the corrections of its jurisdiction, year and counting
	// (ReportCorrections).
	Report []ReportCorrection
	// Facts is the corrections of its facts and the facts added to it.
	Facts []FactHistoryEntry
	// Retirements is its retirements and restorations.
	Retirements []Retirement
}

// ReportHistory reads the history of a stored report (it does not look
// whether the report exists: ReportCorrections does). One count of the
// three tables comes first, as most reports have no history: the three
// reads cost DuckDB several times the count even when they find nothing
// (planning the fact history's joins, mostly).
func (db *DB) ReportHistory(ctx context.Context, reportID string) (ReportHistory, error) {
	h := ReportHistory{Report: []ReportCorrection{}, Facts: []FactHistoryEntry{}, Retirements: []Retirement{}}
	var reports, facts, retirements int
	row, err := db.queryRowPrepared(ctx, `SELECT (SELECT count(*) FROM report_corrections WHERE report_id = $1),
		(SELECT count(*) FROM corrections WHERE report_id = $1), (SELECT count(*) FROM report_retirements WHERE report_id = $1)`, reportID)
	if err != nil {
		return h, fmt.Errorf("history of report %q: %w", reportID, err)
	}
	if err := row.Scan(&reports, &facts, &retirements); err != nil {
		return h, fmt.Errorf("history of report %q: %w", reportID, err)
	}
	if reports > 0 {
		if h.Report, err = db.reportCorrections(ctx, reportID); err != nil {
			return h, err
		}
	}
	if facts > 0 {
		if h.Facts, err = db.reportFactHistory(ctx, reportID); err != nil {
			return h, err
		}
	}
	if retirements > 0 {
		if h.Retirements, err = db.Retirements(ctx, reportID); err != nil {
			return h, err
		}
	}
	return h, nil
}
