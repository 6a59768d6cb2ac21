package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// The read models and queries of the dashboard pages (overview, trend,
// mediation/litigation/publicity, heatmap). Every query here reads the
// precomputed headline table (sorted by indicator, year, so a filter on
// indicator and year reads a few row groups), the summary tables
// headline_stats, report_years and report_divisions (migration 0003) or the
// reports table; none scans facts. Each query is bounded: a page asks for at most a limit of
// jurisdictions.

// Cell is one headline value with its provenance: what a chart draws and what
// clicking it shows.
type Cell struct {
	JurisdictionKey  string   `json:"jurisdiction_key"`
	JurisdictionCode string   `json:"jurisdiction_code"`
	JurisdictionName string   `json:"jurisdiction_name"`
	Year             int      `json:"year"`
	Indicator        string   `json:"indicator"`
	Value            float64  `json:"value"`
	Unit             string   `json:"unit"`
	Approx           bool     `json:"approx"`
	Partial          bool     `json:"partial"`
	Scope            string   `json:"scope"`
	Derived          bool     `json:"derived"`
	Corrected        bool     `json:"corrected"`
	Flags            []string `json:"flags"`
	FactID           string   `json:"fact_id"`
	ReportID         string   `json:"report_id"`
	Quote            string   `json:"quote"`
}

// cellColumns are the headline columns scanned by scanCell, in its order.
const cellColumns = `jurisdiction_key, jurisdiction_code, jurisdiction_name, year, indicator, value, unit,
	approx, partial, scope, derived, corrected, flags, fact_id, report_id, quote`

func scanCell(rows *sql.Rows) (Cell, error) {
	var c Cell
	var flags []any
	err := rows.Scan(&c.JurisdictionKey, &c.JurisdictionCode, &c.JurisdictionName, &c.Year, &c.Indicator, &c.Value,
		&c.Unit, &c.Approx, &c.Partial, &c.Scope, &c.Derived, &c.Corrected, &flags, &c.FactID, &c.ReportID, &c.Quote)
	c.Flags = strs(flags)
	return c, err
}

func (db *DB) cells(ctx context.Context, op, q string, args ...any) ([]Cell, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer rows.Close()
	out := []Cell{}
	for rows.Next() {
		c, err := scanCell(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// Catalog lists the indicator catalog (without the counts Indicators adds).
func (db *DB) Catalog(ctx context.Context) ([]Indicator, error) {
	rows, err := db.sql.QueryContext(ctx, `
		SELECT code, name_zh, name_en, category, kind, unit, description FROM indicators ORDER BY category, code`)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	out := []Indicator{}
	for rows.Next() {
		var i Indicator
		if err := rows.Scan(&i.Code, &i.NameZH, &i.NameEN, &i.Category, &i.Kind, &i.Unit, &i.Description); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// Scope narrows a dashboard page to part of the country and one level.
type Scope struct {
	// Parent is a division code (2 digits province, 4 city, 6 county); only
	// jurisdictions inside it are shown. "" for all.
	Parent string
	// Level is the jurisdiction level as written (街道 镇 乡 区 县 市); "" for all.
	Level string
}

// where appends the scope's conditions on a relation with jurisdiction_code
// and jurisdiction_level columns (alias prefix p, e.g. "h.").
func (s Scope) where(p string, conds []string, args []any) ([]string, []any) {
	if s.Parent != "" {
		args = append(args, s.Parent)
		// Inside the parent, not the parent itself (a county is no peer of its towns).
		conds = append(conds, fmt.Sprintf("starts_with(%sjurisdiction_code, $%d) AND %sjurisdiction_code <> $%d", p, len(args), p, len(args)))
	}
	if s.Level != "" {
		args = append(args, s.Level)
		conds = append(conds, fmt.Sprintf("%sjurisdiction_level = $%d", p, len(args)))
	}
	return conds, args
}

// placeholders returns "$n, $n+1, ..." for vals appended to args.
func placeholders(args []any, vals []string) ([]any, string) {
	ph := make([]string, len(vals))
	for i, v := range vals {
		args = append(args, v)
		ph[i] = fmt.Sprintf("$%d", len(args))
	}
	return args, strings.Join(ph, ", ")
}

// Overview is what the 总览 page shows.
type Overview struct {
	Reports       int              `json:"reports"`
	Jurisdictions int              `json:"jurisdictions"`
	Years         int              `json:"years"`
	FirstYear     int              `json:"first_year"`
	LastYear      int              `json:"last_year"`
	Facts         int              `json:"facts"`
	Unresolved    int              `json:"unresolved"`
	Coverage      []CoverageArea   `json:"coverage"`
	Latest        []ReportSummary  `json:"latest"`
	Flagged       []FlaggedSummary `json:"flagged"`
}

// CoverageArea is a province or city and the reports about places in it.
type CoverageArea struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	Parent        string `json:"parent"`
	Reports       int    `json:"reports"`
	Jurisdictions int    `json:"jurisdictions"`
	// Recent are the latest reports of the area, of different jurisdictions (at most three).
	Recent []ReportSummary `json:"recent"`
}

// ReportSummary names a report for lists.
type ReportSummary struct {
	ReportID         string    `json:"report_id"`
	Title            string    `json:"title"`
	JurisdictionName string    `json:"jurisdiction_name"`
	Year             int       `json:"year"`
	IngestedAt       time.Time `json:"ingested_at"`
}

// FlaggedSummary counts the headline values of an indicator that carry a
// data-quality flag, with a few of them as examples.
type FlaggedSummary struct {
	Indicator string `json:"indicator"`
	Flagged   int    `json:"flagged"`
	Values    int    `json:"values"`
	Examples  []Cell `json:"examples"`
}

// OverviewLatest is how many latest reports Overview lists.
const OverviewLatest = 10

// Overview counts reports, jurisdictions, years and facts, and lists the
// coverage by province and city, the latest reports and the indicators with
// the most flagged headline values in year (0: the latest year with reports).
func (db *DB) Overview(ctx context.Context, year int) (Overview, error) {
	var o Overview
	err := db.sql.QueryRowContext(ctx, `
		SELECT coalesce(sum(reports), 0)::BIGINT,
		       (SELECT count(*) FROM report_divisions) + coalesce(sum(unresolved), 0)::BIGINT,
		       count(year), coalesce(min(year), 0), coalesce(max(year), 0),
		       coalesce(sum(unresolved), 0)::BIGINT,
		       (SELECT count(*) FROM facts)
		FROM report_years`).Scan(&o.Reports, &o.Jurisdictions, &o.Years, &o.FirstYear, &o.LastYear, &o.Unresolved, &o.Facts)
	if err != nil {
		return o, fmt.Errorf("overview counts: %w", err)
	}
	if o.Coverage, err = db.coverageAreas(ctx); err != nil {
		return o, err
	}
	if o.Latest, err = db.latestReports(ctx); err != nil {
		return o, err
	}
	if year == 0 {
		year = o.LastYear
	}
	if o.Flagged, err = db.flaggedIndicators(ctx, year); err != nil {
		return o, err
	}
	return o, nil
}

// cityOf is the SQL expression for the division directly below the province
// that contains the division code col: the city (4 digits), or, where the
// division table folds the city level away (北京 › 朝阳区, 重庆 › 万州区), the
// county; the 4-digit prefix when the table has no such division.
func cityOf(col string) string {
	return `coalesce((SELECT d.code FROM jurisdictions d WHERE d.parent_code = left(` + col + `, 2)
	          AND starts_with(` + col + `, d.code) LIMIT 1), left(` + col + `, 4))`
}

// coverageAreas groups the resolved reports by province and by the division
// below it (see cityOf), most reports first, with the three latest reports
// of each.
func (db *DB) coverageAreas(ctx context.Context) ([]CoverageArea, error) {
	// report_divisions holds the reports grouped by jurisdiction, with the
	// latest of each; the provinces and cities are rolled up from those few
	// thousand groups, and each area's recent reports are the latest of
	// different jurisdictions.
	rows, err := db.sql.QueryContext(ctx, `
		WITH j AS (
			SELECT jurisdiction_code, reports AS n, latest_ingested_at AS latest_at,
			       {'id': latest_report_id, 'title': latest_title, 'name': latest_name, 'year': coalesce(latest_year, 0),
			        'at': latest_ingested_at} AS latest
			FROM report_divisions
		),
		g AS (
			SELECT CASE WHEN grouping(c) = 1 THEN p ELSE c END AS code,
			       CASE WHEN grouping(c) = 1 THEN '' ELSE p END AS parent,
			       sum(n) AS n, count(*) AS j, max_by(latest, latest_at, 3) AS recent
			FROM (SELECT left(jurisdiction_code, 2) AS p, `+cityOf("jurisdiction_code")+` AS c, * FROM j)
			GROUP BY GROUPING SETS ((p), (p, c))
		)
		SELECT code, parent, n, j, recent FROM g ORDER BY parent <> '', n DESC, code`)
	if err != nil {
		return nil, fmt.Errorf("overview coverage: %w", err)
	}
	defer rows.Close()
	out := []CoverageArea{}
	for rows.Next() {
		var a CoverageArea
		var recent []any
		if err := rows.Scan(&a.Code, &a.Parent, &a.Reports, &a.Jurisdictions, &recent); err != nil {
			return nil, fmt.Errorf("overview coverage: %w", err)
		}
		for _, e := range recent {
			m, _ := e.(map[string]any)
			var r ReportSummary
			r.ReportID, _ = m["id"].(string)
			r.Title, _ = m["title"].(string)
			r.JurisdictionName, _ = m["name"].(string)
			y, _ := m["year"].(int32)
			r.Year = int(y)
			at, _ := m["at"].(time.Time)
			r.IngestedAt = at.UTC()
			a.Recent = append(a.Recent, r)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("overview coverage: %w", err)
	}
	return out, db.nameAreas(ctx, out)
}

// nameAreas fills in the official names of areas (a lookup of a few
// hundred codes by primary key, cheaper than joining the division table);
// an area missing from the table is named by its code.
func (db *DB) nameAreas(ctx context.Context, areas []CoverageArea) error {
	if len(areas) == 0 {
		return nil
	}
	codes := make([]string, len(areas))
	for i, a := range areas {
		codes[i] = a.Code
	}
	args, ph := placeholders(nil, codes)
	rows, err := db.sql.QueryContext(ctx, `SELECT code, name FROM jurisdictions WHERE code IN (`+ph+`)`, args...)
	if err != nil {
		return fmt.Errorf("area names: %w", err)
	}
	defer rows.Close()
	names := map[string]string{}
	for rows.Next() {
		var code, name string
		if err := rows.Scan(&code, &name); err != nil {
			return fmt.Errorf("area names: %w", err)
		}
		names[code] = name
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("area names: %w", err)
	}
	for i := range areas {
		if areas[i].Name = names[areas[i].Code]; areas[i].Name == "" {
			areas[i].Name = areas[i].Code
		}
	}
	return nil
}

func (db *DB) latestReports(ctx context.Context) ([]ReportSummary, error) {
	rows, err := db.sql.QueryContext(ctx, `
		SELECT report_id, title, jurisdiction_name, coalesce(year, 0), ingested_at FROM report_latest
		ORDER BY ingested_at DESC, report_id LIMIT $1`, OverviewLatest)
	if err != nil {
		return nil, fmt.Errorf("overview latest reports: %w", err)
	}
	defer rows.Close()
	out := []ReportSummary{}
	for rows.Next() {
		var s ReportSummary
		if err := rows.Scan(&s.ReportID, &s.Title, &s.JurisdictionName, &s.Year, &s.IngestedAt); err != nil {
			return nil, fmt.Errorf("overview latest reports: %w", err)
		}
		s.IngestedAt = s.IngestedAt.UTC()
		out = append(out, s)
	}
	return out, rows.Err()
}

// flaggedIndicators counts the flagged headline values per indicator in one
// year, most first, with up to three examples each (all precomputed in
// headline_stats).
func (db *DB) flaggedIndicators(ctx context.Context, year int) ([]FlaggedSummary, error) {
	rows, err := db.sql.QueryContext(ctx, `
		SELECT indicator, flagged, value_count, flagged_examples FROM headline_stats WHERE year = $1 AND flagged > 0
		ORDER BY flagged DESC, indicator LIMIT 15`, year)
	if err != nil {
		return nil, fmt.Errorf("overview flagged: %w", err)
	}
	defer rows.Close()
	out := []FlaggedSummary{}
	for rows.Next() {
		var f FlaggedSummary
		var ex []any
		if err := rows.Scan(&f.Indicator, &f.Flagged, &f.Values, &ex); err != nil {
			return nil, fmt.Errorf("overview flagged: %w", err)
		}
		f.Examples = structCells(ex, year, f.Indicator)
		out = append(out, f)
	}
	return out, rows.Err()
}

// structCells reads the cell structs (cellStruct) of the summary tables.
func structCells(list []any, year int, indicator string) []Cell {
	out := []Cell{}
	for _, e := range list {
		m, _ := e.(map[string]any)
		c := Cell{Year: year, Indicator: indicator}
		c.JurisdictionKey, _ = m["jurisdiction_key"].(string)
		c.JurisdictionCode, _ = m["jurisdiction_code"].(string)
		c.JurisdictionName, _ = m["jurisdiction_name"].(string)
		c.Value, _ = m["value"].(float64)
		c.Unit, _ = m["unit"].(string)
		c.Approx, _ = m["approx"].(bool)
		c.Partial, _ = m["partial"].(bool)
		c.Scope, _ = m["scope"].(string)
		c.Derived, _ = m["derived"].(bool)
		c.Corrected, _ = m["corrected"].(bool)
		fl, _ := m["flags"].([]any)
		c.Flags = strs(fl)
		c.FactID, _ = m["fact_id"].(string)
		c.ReportID, _ = m["report_id"].(string)
		c.Quote, _ = m["quote"].(string)
		out = append(out, c)
	}
	return out
}

// JurisdictionChoice is a jurisdiction offered in a page's selector.
type JurisdictionChoice struct {
	Key   string `json:"jurisdiction_key"`
	Code  string `json:"jurisdiction_code"`
	Name  string `json:"jurisdiction_name"`
	Years int    `json:"years"`
}

// TrendChoices lists up to limit jurisdictions with values for indicator, the
// ones with the most years first (a trend needs several years), then the
// largest latest value.
func (db *DB) TrendChoices(ctx context.Context, indicator string, s Scope, limit int) ([]JurisdictionChoice, error) {
	conds, args := s.where("", []string{"indicator = $1"}, []any{indicator})
	args = append(args, limit)
	rows, err := db.sql.QueryContext(ctx, `
		SELECT jurisdiction_key, any_value(jurisdiction_code), arg_max(jurisdiction_name, year), count(*) AS years
		FROM headline WHERE `+strings.Join(conds, " AND ")+`
		GROUP BY jurisdiction_key
		ORDER BY years DESC, arg_max(value, year) DESC, jurisdiction_key LIMIT $`+fmt.Sprint(len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("trend choices %s: %w", indicator, err)
	}
	defer rows.Close()
	out := []JurisdictionChoice{}
	for rows.Next() {
		var c JurisdictionChoice
		if err := rows.Scan(&c.Key, &c.Code, &c.Name, &c.Years); err != nil {
			return nil, fmt.Errorf("trend choices %s: %w", indicator, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// TrendCells returns the headline values of indicator for the jurisdictions
// (keys: division codes, or report:<id> for unresolved ones), by
// jurisdiction in the order given, then year.
func (db *DB) TrendCells(ctx context.Context, indicator string, keys []string) ([]Cell, error) {
	if indicator == "" || len(keys) == 0 {
		return nil, fmt.Errorf("trend cells: %w: an indicator and at least one jurisdiction are required", ErrInvalidQuery)
	}
	args, ph := placeholders([]any{indicator}, keys)
	return db.cells(ctx, "trend cells "+indicator, `SELECT `+cellColumns+` FROM headline
		WHERE indicator = $1 AND jurisdiction_key IN (`+ph+`)
		ORDER BY list_position([`+ph+`], jurisdiction_key), year`, args...)
}

// TopicFilter selects the jurisdictions of a topic page (mediation,
// litigation, publicity) in one year.
type TopicFilter struct {
	// Indicators are the codes the page shows.
	Indicators []string
	// RankBy orders the jurisdictions (largest first); those without it come last.
	RankBy string
	Year   int
	Scope  Scope
	// Limit is the most jurisdictions returned.
	Limit int
}

// TopicCells returns the headline values of f.Indicators in f.Year for the
// f.Limit jurisdictions with the largest f.RankBy value, ranked.
func (db *DB) TopicCells(ctx context.Context, f TopicFilter) ([]Cell, error) {
	if len(f.Indicators) == 0 || f.Year == 0 || f.Limit <= 0 {
		return nil, fmt.Errorf("topic cells: %w: indicators, a year and a limit are required", ErrInvalidQuery)
	}
	// One scan per indicator: an equality on indicator (with the year) is
	// pushed into the scan of the sorted table and reads that slice only,
	// where an IN list would read the whole year across all indicators.
	args := []any{f.Year, f.RankBy}
	var parts []string
	for _, code := range f.Indicators {
		args = append(args, code)
		conds := []string{"year = $1", fmt.Sprintf("indicator = $%d", len(args))}
		conds, args = f.Scope.where("", conds, args)
		parts = append(parts, `SELECT `+cellColumns+` FROM headline WHERE `+strings.Join(conds, " AND "))
	}
	args = append(args, f.Limit)
	return db.cells(ctx, "topic cells", `
		WITH rows AS (`+strings.Join(parts, "\nUNION ALL ")+`),
		top AS (
			SELECT jurisdiction_key, max(value) FILTER (WHERE indicator = $2) AS rank_value,
			       arg_max(jurisdiction_name, indicator = $2) AS name
			FROM rows GROUP BY jurisdiction_key
			ORDER BY rank_value DESC NULLS LAST, count(*) DESC, name, jurisdiction_key
			LIMIT $`+fmt.Sprint(len(args))+`
		)
		SELECT `+prefixed("r.", cellColumns)+` FROM rows r JOIN top t USING (jurisdiction_key)
		ORDER BY t.rank_value DESC NULLS LAST, t.name, t.jurisdiction_key, r.indicator`, args...)
}

// prefixed puts p before each column of a comma-separated list.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

// YearTotal is the sum of one indicator's headline values in one year over
// the jurisdictions in scope, with the largest values as examples.
type YearTotal struct {
	Year          int     `json:"year"`
	Indicator     string  `json:"indicator"`
	Total         float64 `json:"total"`
	Jurisdictions int     `json:"jurisdictions"`
	// Approx: at least one of the summed values is approximate (a lower bound).
	Approx bool `json:"approx"`
	// Largest are the largest values summed (at most five).
	Largest []Cell `json:"largest"`
}

// TopicYears sums each indicator's headline values per year in scope,
// oldest year first.
func (db *DB) TopicYears(ctx context.Context, indicators []string, s Scope) ([]YearTotal, error) {
	if len(indicators) == 0 {
		return nil, fmt.Errorf("topic years: %w: indicators are required", ErrInvalidQuery)
	}
	if s == (Scope{}) {
		return db.topicYearsAll(ctx, indicators)
	}
	// One scan per indicator, as in TopicCells. The largest values are
	// picked by fact ID only (a struct of every column per row costs more
	// than the sums), then read in a second pass.
	var args []any
	var parts []string
	for _, code := range indicators {
		args = append(args, code)
		conds, a := s.where("", []string{fmt.Sprintf("indicator = $%d", len(args))}, args)
		args = a
		parts = append(parts, `SELECT * FROM headline WHERE `+strings.Join(conds, " AND "))
	}
	q := `SELECT year, indicator, sum(value), count(*), bool_or(approx), max_by(fact_id, value, 5)
		FROM (` + strings.Join(parts, "\nUNION ALL ") + `)
		GROUP BY year, indicator ORDER BY year, indicator`
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("topic years: %w", err)
	}
	defer rows.Close()
	out := []YearTotal{}
	largest := [][]string{}
	ids := map[string][]string{} // by indicator
	for rows.Next() {
		var t YearTotal
		var ex []any
		if err := rows.Scan(&t.Year, &t.Indicator, &t.Total, &t.Jurisdictions, &t.Approx, &ex); err != nil {
			return nil, fmt.Errorf("topic years: %w", err)
		}
		l := strs(ex)
		ids[t.Indicator] = append(ids[t.Indicator], l...)
		out = append(out, t)
		largest = append(largest, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("topic years: %w", err)
	}
	byID := map[string]Cell{}
	var cargs []any
	var cparts []string
	for _, code := range indicators {
		if len(ids[code]) == 0 {
			continue
		}
		cargs = append(cargs, code)
		n := len(cargs)
		a, ph := placeholders(cargs, ids[code])
		cargs = a
		cparts = append(cparts, fmt.Sprintf(`SELECT `+cellColumns+` FROM headline WHERE indicator = $%d AND fact_id IN (%s)`, n, ph))
	}
	if len(cparts) > 0 {
		cells, err := db.cells(ctx, "topic years largest", strings.Join(cparts, "\nUNION ALL "), cargs...)
		if err != nil {
			return nil, err
		}
		for _, c := range cells {
			byID[c.FactID] = c
		}
	}
	for i := range out {
		out[i].Largest = []Cell{}
		for _, id := range largest[i] {
			if c, ok := byID[id]; ok {
				out[i].Largest = append(out[i].Largest, c)
			}
		}
	}
	return out, nil
}

// topicYearsAll is TopicYears for the whole country, read from
// headline_stats.
func (db *DB) topicYearsAll(ctx context.Context, indicators []string) ([]YearTotal, error) {
	args, ph := placeholders(nil, indicators)
	rows, err := db.sql.QueryContext(ctx, `SELECT year, indicator, total, value_count, approx, largest FROM headline_stats
		WHERE indicator IN (`+ph+`) ORDER BY year, indicator`, args...)
	if err != nil {
		return nil, fmt.Errorf("topic years: %w", err)
	}
	defer rows.Close()
	out := []YearTotal{}
	for rows.Next() {
		var t YearTotal
		var ex []any
		if err := rows.Scan(&t.Year, &t.Indicator, &t.Total, &t.Jurisdictions, &t.Approx, &ex); err != nil {
			return nil, fmt.Errorf("topic years: %w", err)
		}
		t.Largest = structCells(ex, t.Year, t.Indicator)
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("topic years: %w", err)
	}
	return out, nil
}

// HeatmapFilter selects the jurisdictions of the heatmap.
type HeatmapFilter struct {
	Year  int
	Scope Scope
	// Limit is the most jurisdictions (rows) shown.
	Limit int
}

// Heatmap is the jurisdictions × indicators grid of one year.
type Heatmap struct {
	Jurisdictions []JurisdictionChoice `json:"jurisdictions"`
	// Total counts the jurisdictions in scope with a report that year
	// (Jurisdictions holds the first Limit of them, by code).
	Total int    `json:"total"`
	Cells []Cell `json:"cells"`
}

// Heatmap returns, for the first f.Limit jurisdictions in scope (by code)
// with a report in f.Year, every headline value they state that year.
func (db *DB) Heatmap(ctx context.Context, f HeatmapFilter) (Heatmap, error) {
	var hm Heatmap
	if f.Year == 0 || f.Limit <= 0 {
		return hm, fmt.Errorf("heatmap: %w: a year and a limit are required", ErrInvalidQuery)
	}
	conds, args := f.Scope.where("", []string{"year = $1"}, []any{f.Year})
	args = append(args, f.Limit)
	rows, err := db.sql.QueryContext(ctx, `
		WITH j AS (
			SELECT jurisdiction_key, any_value(jurisdiction_code) AS code, any_value(jurisdiction_name) AS name
			FROM report_jurisdictions WHERE `+strings.Join(conds, " AND ")+` GROUP BY jurisdiction_key
		)
		SELECT jurisdiction_key, code, name, count(*) OVER () FROM j
		ORDER BY code = '', code, name, jurisdiction_key LIMIT $`+fmt.Sprint(len(args)), args...)
	if err != nil {
		return hm, fmt.Errorf("heatmap jurisdictions: %w", err)
	}
	defer rows.Close()
	hm.Jurisdictions = []JurisdictionChoice{}
	var keys []string
	for rows.Next() {
		var c JurisdictionChoice
		if err := rows.Scan(&c.Key, &c.Code, &c.Name, &hm.Total); err != nil {
			return hm, fmt.Errorf("heatmap jurisdictions: %w", err)
		}
		hm.Jurisdictions = append(hm.Jurisdictions, c)
		keys = append(keys, c.Key)
	}
	if err := rows.Err(); err != nil {
		return hm, fmt.Errorf("heatmap jurisdictions: %w", err)
	}
	hm.Cells = []Cell{}
	if len(keys) == 0 {
		return hm, nil
	}
	args, ph := placeholders([]any{f.Year}, keys)
	hm.Cells, err = db.cells(ctx, "heatmap cells", `SELECT `+cellColumns+` FROM headline
		WHERE year = $1 AND jurisdiction_key IN (`+ph+`) ORDER BY jurisdiction_key, indicator`, args...)
	return hm, err
}

// Areas lists the provinces and cities that have resolved reports, for a
// page's scope selector: code, name and parent code, by code.
func (db *DB) Areas(ctx context.Context) ([]CoverageArea, error) {
	rows, err := db.sql.QueryContext(ctx, `
		SELECT DISTINCT `+cityOf("jurisdiction_code")+` AS c FROM report_divisions ORDER BY c`)
	if err != nil {
		return nil, fmt.Errorf("areas: %w", err)
	}
	defer rows.Close()
	out := []CoverageArea{}
	for rows.Next() {
		var city string
		if err := rows.Scan(&city); err != nil {
			return nil, fmt.Errorf("areas: %w", err)
		}
		p := city[:min(2, len(city))]
		if len(out) == 0 || out[len(out)-1].Code != p && out[len(out)-1].Parent != p {
			out = append(out, CoverageArea{Code: p})
		}
		if city != p {
			out = append(out, CoverageArea{Code: city, Parent: p})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("areas: %w", err)
	}
	return out, db.nameAreas(ctx, out)
}

// DataVersion changes whenever what the dashboards show may have changed: a
// report stored or replaced (a new ingested_at), a correction made, the
// headline table rebuilt or the catalog reloaded. It costs one pass over a
// column of reports, so pages can cache their answers per version.
func (db *DB) DataVersion(ctx context.Context) (string, error) {
	var v string
	err := db.sql.QueryRowContext(ctx, `
		SELECT concat_ws('/', count(*), max(ingested_at),
		       (SELECT count(*) FROM corrections), (SELECT max(correction_id) FROM corrections),
		       (SELECT count(*) FROM headline), (SELECT count(*) FROM indicators))
		FROM reports`).Scan(&v)
	if err != nil {
		return "", fmt.Errorf("data version: %w", err)
	}
	return v, nil
}
