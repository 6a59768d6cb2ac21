package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Brief is everything the one-page brief of a jurisdiction-year shows.
type Brief struct {
	JurisdictionCode  string   `json:"jurisdiction_code"`
	JurisdictionName  string   `json:"jurisdiction_name"`
	JurisdictionLevel string   `json:"jurisdiction_level"`
	Path              []string `json:"path"`
	Year              int      `json:"year"`
	// PeerGroup names the division the ranks are computed in (e.g. 朝阳区).
	PeerGroup string      `json:"peer_group"`
	Lines     []BriefLine `json:"lines"`
}

// BriefLine is one indicator of the brief: the value, its rank among the
// peers (same level, same parent division, same year) and its history.
type BriefLine struct {
	Indicator string   `json:"indicator"`
	NameZH    string   `json:"name_zh"`
	Category  string   `json:"category"`
	Kind      string   `json:"kind"`
	Unit      string   `json:"unit"`
	Value     float64  `json:"value"`
	Approx    bool     `json:"approx"`
	Partial   bool     `json:"partial"`
	Scope     string   `json:"scope"`
	Derived   bool     `json:"derived"`
	Corrected bool     `json:"corrected"`
	Flags     []string `json:"flags"`
	FactID    string   `json:"fact_id"`
	ReportID  string   `json:"report_id"`
	Quote     string   `json:"quote"`
	// Rank is 1 for the largest value among Peers jurisdictions.
	Rank  int `json:"rank"`
	Peers int `json:"peers"`
	// History holds the other years' values, oldest first.
	History []YearValue `json:"history"`
}

// YearValue is a value in one year.
type YearValue struct {
	Year   int     `json:"year"`
	Value  float64 `json:"value"`
	Approx bool    `json:"approx"`
}

// Brief gathers the brief of a resolved jurisdiction for a year.
func (db *DB) Brief(ctx context.Context, code string, year int) (Brief, error) {
	b := Brief{JurisdictionCode: code, Year: year, Lines: []BriefLine{}}
	var parent sql.NullString
	err := db.sql.QueryRowContext(ctx, `
		SELECT h.jurisdiction_name, h.jurisdiction_level, j.parent_code
		FROM headline h LEFT JOIN jurisdictions j ON j.code = h.jurisdiction_code
		WHERE h.jurisdiction_code = $1 AND h.year = $2 LIMIT 1`, code, year).
		Scan(&b.JurisdictionName, &b.JurisdictionLevel, &parent)
	if errors.Is(err, sql.ErrNoRows) {
		return b, fmt.Errorf("brief %s %d: %w", code, year, ErrNotFound)
	}
	if err != nil {
		return b, fmt.Errorf("brief %s %d: %w", code, year, err)
	}
	if b.Path, err = db.divisionPath(ctx, code); err != nil {
		return b, fmt.Errorf("brief %s %d: %w", code, year, err)
	}
	if parent.String != "" {
		if err := db.sql.QueryRowContext(ctx, `SELECT name FROM jurisdictions WHERE code = $1`, parent.String).Scan(&b.PeerGroup); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return b, fmt.Errorf("brief %s %d: %w", code, year, err)
		}
	}
	rows, err := db.sql.QueryContext(ctx, `
		WITH peers AS (
			SELECT indicator, jurisdiction_code,
			       rank() OVER (PARTITION BY indicator ORDER BY value DESC) AS rnk,
			       count(*) OVER (PARTITION BY indicator) AS n
			FROM headline
			WHERE year = $2 AND jurisdiction_level = $3 AND jurisdiction_code <> ''
			  AND ($4 = '' OR starts_with(jurisdiction_code, $4))
		)
		SELECT h.indicator, i.name_zh, i.category, i.kind, i.unit, h.value, h.approx, h.partial, h.scope,
		       h.derived, h.corrected, h.flags, h.fact_id, h.report_id, h.quote, p.rnk, p.n,
		       (SELECT list({'year': o.year, 'value': o.value, 'approx': o.approx} ORDER BY o.year)
		        FROM headline o WHERE o.jurisdiction_code = h.jurisdiction_code AND o.indicator = h.indicator AND o.year <> h.year)
		FROM headline h
		JOIN indicators i ON i.code = h.indicator
		JOIN peers p ON p.indicator = h.indicator AND p.jurisdiction_code = h.jurisdiction_code
		WHERE h.jurisdiction_code = $1 AND h.year = $2
		ORDER BY h.indicator`, code, year, b.JurisdictionLevel, parent.String)
	if err != nil {
		return b, fmt.Errorf("brief %s %d: %w", code, year, err)
	}
	defer rows.Close()
	for rows.Next() {
		var l BriefLine
		var flags []any
		var hist any // NULL when there is no other year
		if err := rows.Scan(&l.Indicator, &l.NameZH, &l.Category, &l.Kind, &l.Unit, &l.Value, &l.Approx, &l.Partial,
			&l.Scope, &l.Derived, &l.Corrected, &flags, &l.FactID, &l.ReportID, &l.Quote, &l.Rank, &l.Peers, &hist); err != nil {
			return b, fmt.Errorf("brief %s %d: %w", code, year, err)
		}
		l.Flags = strs(flags)
		l.History = []YearValue{}
		histList, _ := hist.([]any)
		for _, h := range histList {
			m, ok := h.(map[string]any)
			if !ok {
				continue
			}
			yv := YearValue{}
			if y, ok := m["year"].(int32); ok {
				yv.Year = int(y)
			}
			yv.Value, _ = m["value"].(float64)
			yv.Approx, _ = m["approx"].(bool)
			l.History = append(l.History, yv)
		}
		b.Lines = append(b.Lines, l)
	}
	return b, rows.Err()
}
