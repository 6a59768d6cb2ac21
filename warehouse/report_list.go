package warehouse

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// The statuses a list of reports can be narrowed to.
const (
	// StatusResolved: the report's jurisdiction is a known division.
	StatusResolved = "resolved"
	// StatusUnresolved: its jurisdiction is not settled.
	StatusUnresolved = "unresolved"
	// StatusDuplicate: another report is about the same jurisdiction-year.
	StatusDuplicate = "duplicate"
	// StatusLowCoverage: it states fewer than LowCoverage indicators.
	StatusLowCoverage = "low_coverage"
	// StatusRetired: it was retired (the only status that lists retired reports).
	StatusRetired = "retired"
)

// LowCoverage is the number of indicators below which a report counts as
// little informative (StatusLowCoverage).
const LowCoverage = 5

// ReportListFilter narrows the list of reports; zero fields do not.
type ReportListFilter struct {
	// Name is part of the title, the jurisdiction's name or the source.
	Name string
	// Area is a division code prefix (2, 4, 6 or 9 digits).
	Area   string
	Year   int
	Level  string
	Status string
	// Offset skips reports; Limit caps them (0: 50).
	Offset, Limit int
}

// ReportListRow is one report of the list, as it counts.
type ReportListRow struct {
	ReportID          string    `json:"report_id"`
	Title             string    `json:"title"`
	Source            string    `json:"source"`
	JurisdictionCode  string    `json:"jurisdiction_code"`
	JurisdictionName  string    `json:"jurisdiction_name"`
	JurisdictionLevel string    `json:"jurisdiction_level"`
	Year              int       `json:"year"`
	Duplicates        int       `json:"duplicates"`
	Counts            bool      `json:"counts"`
	IngestedAt        time.Time `json:"ingested_at"`
	// IndicatorsStated of IndicatorsTotal: how informative the report is.
	IndicatorsStated int `json:"indicators_stated"`
	IndicatorsTotal  int `json:"indicators_total"`
	// Retired: the report is retired (listed only with StatusRetired).
	Retired bool `json:"retired"`
}

// ReportList lists the reports, the latest loaded first, and how many
// match in all.
func (db *DB) ReportList(ctx context.Context, f ReportListFilter) ([]ReportListRow, int, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	where := []string{"r.jurisdiction_key IS NOT NULL"} // placed: not retired
	var args []any
	arg := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }
	if f.Name != "" {
		p := arg(f.Name)
		where = append(where, "(contains(rep.title, "+p+") OR contains(r.jurisdiction_name, "+p+") OR contains(rep.source, "+p+"))")
	}
	if f.Area != "" {
		where = append(where, "starts_with(r.jurisdiction_code, "+arg(f.Area)+")")
	}
	if f.Year != 0 {
		where = append(where, "r.year = "+arg(f.Year))
	}
	if f.Level != "" {
		where = append(where, "r.jurisdiction_level = "+arg(f.Level))
	}
	switch f.Status {
	case "":
	case StatusResolved:
		where = append(where, "r.jurisdiction_code <> ''")
	case StatusUnresolved:
		where = append(where, "r.jurisdiction_code = ''")
	case StatusDuplicate:
		where = append(where, "r.duplicates > 0")
	case StatusRetired:
		where[0] = "r.jurisdiction_key IS NULL"
	case StatusLowCoverage:
		where = append(where, "(SELECT count(DISTINCT indicator) FROM facts_corrected fc WHERE fc.report_id = rep.report_id) < "+arg(LowCoverage))
	default:
		return nil, 0, fmt.Errorf("report list: %w: status must be resolved, unresolved, duplicate, low_coverage or retired", ErrInvalidQuery)
	}
	cond := "WHERE " + strings.Join(where, " AND ")
	var total int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM reports rep LEFT JOIN report_jurisdictions r USING (report_id) `+cond,
		args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("report list: %w", err)
	}
	page := `WITH page AS (
		SELECT report_id, rep.title, rep.source, coalesce(r.jurisdiction_code, rep.jurisdiction_code, '') AS jurisdiction_code,
		       coalesce(r.jurisdiction_name, rep.jurisdiction_name) AS jurisdiction_name,
		       coalesce(r.jurisdiction_level, rep.jurisdiction_level) AS jurisdiction_level,
		       coalesce(r.year, rep.year, 0) AS year, coalesce(r.duplicates, 0) AS duplicates, coalesce(r.counts, false) AS counts,
		       rep.ingested_at, r.jurisdiction_key IS NULL AS retired
		FROM reports rep LEFT JOIN report_jurisdictions r USING (report_id) ` + cond + `
		ORDER BY rep.ingested_at DESC, report_id LIMIT ` + arg(limit) + ` OFFSET ` + arg(max(f.Offset, 0)) + `
	)
	SELECT p.* EXCLUDE (retired), (SELECT count(DISTINCT indicator) FROM facts_corrected fc WHERE fc.report_id = p.report_id),
	       (SELECT count(*) FROM indicators), p.retired
	FROM page p ORDER BY p.ingested_at DESC, p.report_id`
	rows, err := db.sql.QueryContext(ctx, page, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("report list: %w", err)
	}
	defer rows.Close()
	out := []ReportListRow{}
	for rows.Next() {
		var r ReportListRow
		if err := rows.Scan(&r.ReportID, &r.Title, &r.Source, &r.JurisdictionCode, &r.JurisdictionName, &r.JurisdictionLevel,
			&r.Year, &r.Duplicates, &r.Counts, &r.IngestedAt, &r.IndicatorsStated, &r.IndicatorsTotal, &r.Retired); err != nil {
			return nil, 0, fmt.Errorf("report list: %w", err)
		}
		r.IngestedAt = r.IngestedAt.UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("report list: %w", err)
	}
	return out, total, nil
}
