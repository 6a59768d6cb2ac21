package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// CompareFilter selects the headline values to compare.
type CompareFilter struct {
	Indicator string
	// Year 0 means each jurisdiction's latest year.
	Year int
	// Level is the jurisdiction level as written (街道 镇 乡 区 县 市); "" for all.
	Level string
	// Parent is a division code; only jurisdictions inside it are compared.
	Parent string
}

// CompareRow is one jurisdiction's headline value.
type CompareRow struct {
	JurisdictionCode string   `json:"jurisdiction_code"`
	JurisdictionName string   `json:"jurisdiction_name"`
	Year             int      `json:"year"`
	Value            float64  `json:"value"`
	Approx           bool     `json:"approx"`
	Partial          bool     `json:"partial"`
	Scope            string   `json:"scope"`
	Derived          bool     `json:"derived"`
	Corrected        bool     `json:"corrected"`
	Flags            []string `json:"flags"`
	FactID           string   `json:"fact_id"`
	ReportID         string   `json:"report_id"`
	Quote            string   `json:"quote"`
	// Numerator and Denominator are the counts behind a rate (e.g. resolved
	// and accepted disputes) when the report states them; nil otherwise.
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
}

// rateCounts names, for the rates whose counts the catalog defines, the
// indicators of their numerator and denominator (INDICATORS.md). A rate's own
// ledger (facts.numerator/denominator) wins when the extractor filled it.
var rateCounts = map[string][2]string{
	"mediation.success_rate":   {"mediation.cases_resolved", "mediation.cases_accepted"},
	"petition.conclusion_rate": {"petition.cases_concluded", "petition.cases_received"},
	"arbitration.closure_rate": {"arbitration.cases_closed", "arbitration.cases_accepted"},
}

// countsAgree is the SQL condition under which the jurisdiction's headline
// counts n and d may stand beside its rate p: both stated for the same body
// as the rate, exact, n ≤ d, and the rate within half a point of n/d. Other
// counts would contradict the rate on the page, so none are shown then.
const countsAgree = `n.value IS NOT NULL AND d.value > 0 AND n.value <= d.value
	AND n.scope = p.scope AND d.scope = p.scope AND NOT n.approx AND NOT d.approx
	AND abs(100 * n.value / d.value - p.value) <= 0.5`

// Compare returns one headline value per jurisdiction for an indicator,
// largest first, with the counts behind it when it is a rate.
func (db *DB) Compare(ctx context.Context, f CompareFilter) ([]CompareRow, error) {
	if f.Indicator == "" {
		return nil, fmt.Errorf("compare: %w: indicator is required", ErrInvalidQuery)
	}
	counts := rateCounts[f.Indicator]
	args := []any{f.Indicator}
	where := []string{"indicator = $1"}
	// The counts' scans get the year too: DuckDB does not carry it over
	// the join, and without it they read every year of the count.
	countYear := ""
	if f.Year != 0 {
		args = append(args, f.Year)
		where = append(where, fmt.Sprintf("year = $%d", len(args)))
		countYear = fmt.Sprintf(" AND {t}.year = $%d", len(args))
	}
	if f.Level != "" {
		args = append(args, f.Level)
		where = append(where, fmt.Sprintf("jurisdiction_level = $%d", len(args)))
	}
	if f.Parent != "" {
		args = append(args, f.Parent)
		where = append(where, fmt.Sprintf("starts_with(jurisdiction_code, $%d) AND jurisdiction_code <> $%d", len(args), len(args)))
	}
	q := `WITH pick AS (SELECT * FROM headline WHERE ` + strings.Join(where, " AND ")
	if f.Year == 0 {
		q += ` QUALIFY row_number() OVER (PARTITION BY jurisdiction_key ORDER BY year DESC) = 1`
	}
	q += `)
	SELECT p.jurisdiction_code, p.jurisdiction_name, p.year, p.value, p.approx, p.partial, p.scope, p.derived,
	       p.corrected, p.flags, p.fact_id, p.report_id, p.quote,`
	if counts[0] == "" {
		// Not a rate with counts: only its own ledger, no joins.
		q += ` p.numerator, p.denominator FROM pick p ORDER BY p.value DESC, p.jurisdiction_name`
	} else {
		args = append(args, counts[0], counts[1])
		join := func(alias string, arg int) string {
			return fmt.Sprintf(`
	LEFT JOIN headline %[1]s ON %[1]s.indicator = $%[2]d AND %[1]s.jurisdiction_key = p.jurisdiction_key AND %[1]s.year = p.year`,
				alias, arg) + strings.ReplaceAll(countYear, "{t}", alias)
		}
		q += `
	       CASE WHEN p.numerator IS NOT NULL AND p.denominator IS NOT NULL THEN p.numerator
	            WHEN ` + countsAgree + ` THEN n.value END,
	       CASE WHEN p.numerator IS NOT NULL AND p.denominator IS NOT NULL THEN p.denominator
	            WHEN ` + countsAgree + ` THEN d.value END
	FROM pick p` + join("n", len(args)-1) + join("d", len(args)) + `
	ORDER BY p.value DESC, p.jurisdiction_name`
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("compare %s: %w", f.Indicator, err)
	}
	defer rows.Close()
	out := []CompareRow{}
	for rows.Next() {
		var r CompareRow
		var flags []any
		var num, den sql.NullFloat64
		if err := rows.Scan(&r.JurisdictionCode, &r.JurisdictionName, &r.Year, &r.Value, &r.Approx, &r.Partial, &r.Scope,
			&r.Derived, &r.Corrected, &flags, &r.FactID, &r.ReportID, &r.Quote, &num, &den); err != nil {
			return nil, fmt.Errorf("compare %s: %w", f.Indicator, err)
		}
		r.Flags = strs(flags)
		if num.Valid && den.Valid {
			r.Numerator, r.Denominator = &num.Float64, &den.Float64
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Division is an official division that has reports inside it.
type Division struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level string `json:"level"`
	// Reports counts the reports of jurisdictions inside it.
	Reports int `json:"reports"`
}

// PeerGroups lists the divisions directly below parent ("" = provinces)
// that contain at least one report's jurisdiction: the choices of the peer
// group selectors.
func (db *DB) PeerGroups(ctx context.Context, parent string) ([]Division, error) {
	rows, err := db.sql.QueryContext(ctx, `
		WITH codes AS (SELECT jurisdiction_code AS code, reports AS n FROM report_divisions)
		SELECT j.code, j.name, j.level, sum(c.n)::INTEGER AS reports
		FROM jurisdictions j
		JOIN codes c ON starts_with(c.code, j.code) AND c.code <> j.code
		WHERE j.parent_code = $1 AND j.level <> 'town'
		GROUP BY ALL ORDER BY j.code`, parent)
	if err != nil {
		return nil, fmt.Errorf("peer groups of %q: %w", parent, err)
	}
	defer rows.Close()
	out := []Division{}
	for rows.Next() {
		var d Division
		if err := rows.Scan(&d.Code, &d.Name, &d.Level, &d.Reports); err != nil {
			return nil, fmt.Errorf("peer groups of %q: %w", parent, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
