package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
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

// Report is one stored report with its facts.
type Report struct {
	ReportID          string    `json:"report_id"`
	SHA256            string    `json:"sha256"`
	Source            string    `json:"source"`
	Format            string    `json:"format"`
	Title             string    `json:"title"`
	URL               string    `json:"url"`
	JurisdictionCode  string    `json:"jurisdiction_code"`
	JurisdictionName  string    `json:"jurisdiction_name"`
	JurisdictionLevel string    `json:"jurisdiction_level"`
	JurisdictionPath  []string  `json:"jurisdiction_path"`
	Candidates        []string  `json:"jurisdiction_candidates"`
	Year              int       `json:"year"`
	Chars             int       `json:"chars"`
	Text              string    `json:"text"`
	ExtractorVersion  string    `json:"extractor_version"`
	IngestedAt        time.Time `json:"ingested_at"`
	Facts             []Fact    `json:"facts"`
	// Which part of the report this is (ReportPart): Text holds the
	// characters from TextOffset on, TextTruncated says more follow (Chars
	// counts all); Facts holds FactsTotal's facts from FactsOffset on.
	TextOffset     int  `json:"text_offset"`
	TextTruncated  bool `json:"text_truncated"`
	FactsTotal     int  `json:"facts_total"`
	FactsOffset    int  `json:"facts_offset"`
	FactsTruncated bool `json:"facts_truncated"`
}

// ReportWindow selects the part of a report that ReportPart reads, so that
// no answer holds more than a page of a (hostile, huge) report.
type ReportWindow struct {
	// TextOffset and TextLimit select characters of the text; a limit of 0
	// means to the end.
	TextOffset, TextLimit int
	// FactsOffset and FactsLimit select facts in the order of their
	// position; a limit of 0 means all.
	FactsOffset, FactsLimit int
	// FactsInText keeps only the facts whose number starts inside the
	// selected text (FactsOffset and FactsLimit then count among them).
	FactsInText bool
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

// Report returns a report with its whole text and all its facts (ordered by
// position). Readers' answers use ReportPart.
func (db *DB) Report(ctx context.Context, id string) (Report, error) {
	return db.ReportPart(ctx, id, ReportWindow{})
}

// ReportPart returns a report with the part of its text and facts that w
// selects; only that part is read from DuckDB.
func (db *DB) ReportPart(ctx context.Context, id string, w ReportWindow) (Report, error) {
	var r Report
	var code sql.NullString
	var year sql.NullInt32
	var cands []any
	textLimit := w.TextLimit
	if textLimit <= 0 {
		textLimit = math.MaxInt32
	}
	err := db.sql.QueryRowContext(ctx, `
		SELECT report_id, sha256, source, format, title, url, jurisdiction_code, jurisdiction_name,
		       jurisdiction_level, jurisdiction_candidates, year, chars, substring(text, $2 + 1, $3),
		       extractor_version, ingested_at
		FROM reports WHERE report_id = $1`, id, w.TextOffset, textLimit).
		Scan(&r.ReportID, &r.SHA256, &r.Source, &r.Format, &r.Title, &r.URL, &code, &r.JurisdictionName,
			&r.JurisdictionLevel, &cands, &year, &r.Chars, &r.Text, &r.ExtractorVersion, &r.IngestedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("report %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("report %q: %w", id, err)
	}
	r.JurisdictionCode, r.Year, r.Candidates = code.String, int(year.Int32), strs(cands)
	r.IngestedAt = r.IngestedAt.UTC()
	if r.JurisdictionPath, err = db.divisionPath(ctx, r.JurisdictionCode); err != nil {
		return r, fmt.Errorf("report %q: %w", id, err)
	}
	r.TextOffset = w.TextOffset
	r.TextTruncated = w.TextOffset+textLimit < r.Chars
	from, to := 0, math.MaxInt32
	if w.FactsInText {
		from, to = w.TextOffset, w.TextOffset+textLimit
	}
	factsLimit := w.FactsLimit
	if factsLimit <= 0 {
		factsLimit = math.MaxInt32
	}
	if err := db.sql.QueryRowContext(ctx, `
		SELECT count(*) FROM facts_corrected WHERE report_id = $1 AND coalesce(start, 0) >= $2 AND coalesce(start, 0) < $3`, id, from, to).
		Scan(&r.FactsTotal); err != nil {
		return r, fmt.Errorf("report %q facts: %w", id, err)
	}
	r.FactsOffset = w.FactsOffset
	r.FactsTruncated = w.FactsOffset+factsLimit < r.FactsTotal
	rows, err := db.sql.QueryContext(ctx, `
		SELECT fact_id, indicator, value, unit, raw_unit, approx, approx_kind, scope, quote, start, "end", derived, flags, corrected
		FROM facts_corrected WHERE report_id = $1 AND coalesce(start, 0) >= $2 AND coalesce(start, 0) < $3
		ORDER BY start, indicator, fact_id LIMIT $4 OFFSET $5`, id, from, to, factsLimit, w.FactsOffset)
	if err != nil {
		return r, fmt.Errorf("report %q facts: %w", id, err)
	}
	defer rows.Close()
	r.Facts = []Fact{}
	for rows.Next() {
		var f Fact
		var flags []any
		if err := rows.Scan(&f.FactID, &f.Indicator, &f.Value, &f.Unit, &f.RawUnit, &f.Approx, &f.ApproxKind, &f.Scope, &f.Quote,
			&f.Start, &f.End, &f.Derived, &flags, &f.Corrected); err != nil {
			return r, fmt.Errorf("report %q facts: %w", id, err)
		}
		f.Flags = strs(flags)
		r.Facts = append(r.Facts, f)
	}
	return r, rows.Err()
}

// divisionPath returns the names from the province down to code; empty for "".
func (db *DB) divisionPath(ctx context.Context, code string) ([]string, error) {
	path := []string{}
	for code != "" {
		var name, parent string
		err := db.sql.QueryRowContext(ctx, `SELECT name, parent_code FROM jurisdictions WHERE code = $1`, code).Scan(&name, &parent)
		if errors.Is(err, sql.ErrNoRows) {
			break
		}
		if err != nil {
			return nil, err
		}
		path = append([]string{name}, path...)
		code = parent
	}
	return path, nil
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
