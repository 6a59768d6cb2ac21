package warehouse

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// The kinds of review item.
const (
	// ReviewKindFact: a fact with extractor flags or an approximate headline value.
	ReviewKindFact = "fact"
	// ReviewKindReport: a report whose jurisdiction is unresolved or
	// resolved with low confidence, or whose year is unknown.
	ReviewKindReport = "report"
	// ReviewKindDuplicate: several reports for one jurisdiction-year and
	// nobody chose which counts.
	ReviewKindDuplicate = "duplicate_report"
)

// ReviewFilter selects from the review queue.
type ReviewFilter struct {
	// Reason keeps the items with this reason: an extractor flag
	// (rate_mismatch, part_exceeds_whole, partial_year, ceiling,
	// duplicate_mention), approx_headline, low_confidence (a fact read with
	// a confidence below the ranking cut), unresolved_jurisdiction,
	// low_confidence_jurisdiction, no_year or duplicate_report. Empty means
	// every item.
	Reason string
	// Kind keeps the items of one kind (ReviewKindFact …); empty means all.
	Kind string
	// Area keeps the items whose jurisdiction code starts with it; Year
	// those of one year; Indicator the facts of one indicator (and so no
	// report or duplicate items). Zero values keep all.
	Area      string
	Year      int
	Indicator string
	// Offset skips the first items; Limit caps the items returned (0: 100).
	Offset, Limit int
}

// ReviewItem is something that needs a person: a fact, a report, or the
// reports of one jurisdiction-year. The fields of its kind are inlined
// (the other kinds' are left out).
type ReviewItem struct {
	Kind    string   `json:"kind"`
	Reasons []string `json:"reasons"`
	// ReportID is the report to open: the fact's, the report itself, or
	// the most recently loaded of the duplicates.
	ReportID         string `json:"report_id"`
	JurisdictionCode string `json:"jurisdiction_code"`
	JurisdictionName string `json:"jurisdiction_name"`
	Year             int    `json:"year"`
	// IngestedAt is when the report was loaded (for duplicates: the latest
	// of them); the queue is read oldest first.
	IngestedAt time.Time `json:"ingested_at"`
	*ReviewFact
	*ReviewReport
	*ReviewDuplicate
}

// ReviewFact is a review item's fact.
type ReviewFact struct {
	FactID    string   `json:"fact_id"`
	Indicator string   `json:"indicator"`
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Approx    bool     `json:"approx"`
	Scope     string   `json:"scope"`
	Quote     string   `json:"quote"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Flags     []string `json:"flags"`
	// Number is the number as the report writes it (its text from Start
	// to End), for a page to highlight in Quote.
	Number string `json:"number"`
	// ExtractorConfidence is the extractor's in the reading; nil for a fact
	// stored before confidences were kept.
	ExtractorConfidence *float64 `json:"confidence"`
}

// ReviewReport is a review item's report: what the resolver knew.
type ReviewReport struct {
	Title              string      `json:"title"`
	Source             string      `json:"source"`
	Confidence         float64     `json:"jurisdiction_confidence"`
	JurisdictionReason string      `json:"jurisdiction_reason"`
	Candidates         []Candidate `json:"candidates"`
}

// ReviewDuplicate is a review item's reports for one jurisdiction-year and
// the indicators they disagree on.
type ReviewDuplicate struct {
	Reports   []DuplicateReport `json:"reports"`
	Conflicts []Conflict        `json:"conflicts"`
}

// DuplicateReport is one of several reports for a jurisdiction-year.
type DuplicateReport struct {
	ReportID   string    `json:"report_id"`
	Title      string    `json:"title"`
	Source     string    `json:"source"`
	IngestedAt time.Time `json:"ingested_at"`
	Facts      int       `json:"facts"`
}

// Conflict is an indicator whose headline value the reports of one
// jurisdiction-year disagree on: each report's own value.
type Conflict struct {
	Indicator string    `json:"indicator"`
	Values    []float64 `json:"values"`
	ReportIDs []string  `json:"report_ids"`
	FactIDs   []string  `json:"fact_ids"`
}

// Candidate is a division a report may be about.
type Candidate struct {
	Code        string   `json:"code"`
	Path        []string `json:"path"`
	Probability float64  `json:"probability"`
}

// Review lists what needs a person, oldest report first: facts with
// extractor flags and approximate headline values (the review_queue view),
// once per report the reports whose jurisdiction is unresolved or below
// ResolvedConfidence or whose year is unknown, and once per jurisdiction-year
// the duplicate reports nobody chose between. A fact leaves the queue once
// an analyst corrects it (setting the same value confirms it), a report
// once a person sets its jurisdiction and year, duplicates once a person
// chooses which counts.
func (db *DB) Review(ctx context.Context, f ReviewFilter) ([]ReviewItem, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	n := max(f.Offset, 0) + limit
	var items []ReviewItem
	for _, k := range []struct {
		kind string
		read func(context.Context, ReviewFilter, int) ([]ReviewItem, error)
	}{
		{ReviewKindFact, db.reviewFacts},
		{ReviewKindReport, db.reviewReports},
		{ReviewKindDuplicate, db.reviewDuplicates},
	} {
		if f.Kind != "" && f.Kind != k.kind {
			continue
		}
		if f.Indicator != "" && k.kind != ReviewKindFact {
			continue
		}
		got, err := k.read(ctx, f, n)
		if err != nil {
			return nil, fmt.Errorf("review: %w", err)
		}
		items = append(items, got...)
	}
	slices.SortStableFunc(items, func(a, b ReviewItem) int {
		return cmp.Or(a.IngestedAt.Compare(b.IngestedAt), cmp.Compare(a.ReportID, b.ReportID),
			cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), cmp.Compare(a.start(), b.start()), cmp.Compare(a.factID(), b.factID()))
	})
	out := items[min(max(f.Offset, 0), len(items)):]
	return append([]ReviewItem{}, out[:min(limit, len(out))]...), nil
}

// kindRank orders the items of one report: the report first, then its
// duplicates, then its facts.
func kindRank(kind string) int {
	switch kind {
	case ReviewKindReport:
		return 0
	case ReviewKindDuplicate:
		return 1
	}
	return 2
}

func (it ReviewItem) start() int {
	if it.ReviewFact == nil {
		return -1
	}
	return it.Start
}

func (it ReviewItem) factID() string {
	if it.ReviewFact == nil {
		return ""
	}
	return it.FactID
}

// reviewFacts reads the first n items of the review_queue view, and the
// facts read with a confidence below the ranking cut (reason
// low_confidence) that no person has corrected or confirmed.
func (db *DB) reviewFacts(ctx context.Context, f ReviewFilter, n int) ([]ReviewItem, error) {
	rows, err := db.sql.QueryContext(ctx, `
		WITH queue AS (
		    SELECT fact_id, report_id, jurisdiction_code, jurisdiction_name, year, indicator, value, unit,
		           approx, scope, quote, start, "end", flags, ingested_at, confidence,
		           CASE WHEN confidence < $3 THEN list_append(reasons, 'low_confidence') ELSE reasons END AS reasons
		    FROM review_queue
		    UNION ALL
		    SELECT f.fact_id, f.report_id, r.jurisdiction_code, r.jurisdiction_name, r.year, f.indicator, f.value, f.unit,
		           f.approx, f.scope, f.quote, f.start, f."end", f.flags, rep.ingested_at, f.confidence,
		           ['low_confidence'] AS reasons
		    FROM facts_corrected f
		    JOIN report_jurisdictions r ON r.report_id = f.report_id
		    JOIN reports rep ON rep.report_id = f.report_id
		    WHERE NOT f.corrected AND NOT f.derived AND f.confidence < $3
		      AND f.fact_id NOT IN (SELECT fact_id FROM review_queue)
		)
		SELECT fact_id, report_id, jurisdiction_code, jurisdiction_name, coalesce(year, 0), indicator, value, unit,
		       approx, scope, quote, start, "end", flags, reasons, ingested_at, confidence,
		       coalesce((SELECT substring(r.text, queue.start + 1, queue."end" - queue.start) FROM reports r
		                 WHERE r.report_id = queue.report_id), '')
		FROM queue
		WHERE ($1 = '' OR list_contains(reasons, $1)) AND starts_with(jurisdiction_code, $4)
		  AND ($5 = 0 OR year = $5) AND ($6 = '' OR indicator = $6)
		ORDER BY ingested_at, report_id, start, fact_id
		LIMIT $2`, f.Reason, n, db.minConfidence, f.Area, f.Year, f.Indicator)
	if err != nil {
		return nil, fmt.Errorf("facts: %w", err)
	}
	defer rows.Close()
	var out []ReviewItem
	for rows.Next() {
		it := ReviewItem{Kind: ReviewKindFact, ReviewFact: &ReviewFact{}}
		var flags, reasons []any
		var confidence sql.NullFloat64
		if err := rows.Scan(&it.FactID, &it.ReportID, &it.JurisdictionCode, &it.JurisdictionName, &it.Year, &it.Indicator,
			&it.Value, &it.Unit, &it.Approx, &it.Scope, &it.Quote, &it.Start, &it.End, &flags, &reasons, &it.IngestedAt, &confidence, &it.Number); err != nil {
			return nil, fmt.Errorf("facts: %w", err)
		}
		if confidence.Valid {
			it.ExtractorConfidence = &confidence.Float64
		}
		it.Flags, it.Reasons, it.IngestedAt = strs(flags), strs(reasons), it.IngestedAt.UTC()
		out = append(out, it)
	}
	return out, rows.Err()
}

// reviewReports reads the first n reports whose jurisdiction or year needs
// a person, with their candidates.
func (db *DB) reviewReports(ctx context.Context, f ReviewFilter, n int) ([]ReviewItem, error) {
	rows, err := db.sql.QueryContext(ctx, `
		SELECT * FROM (
			SELECT r.report_id, e.jurisdiction_code, e.jurisdiction_name, coalesce(e.year, 0) AS year, r.ingested_at, r.title, r.source,
			       coalesce(r.jurisdiction_confidence, 0) AS confidence, coalesce(r.jurisdiction_reason, ''),
			       r.jurisdiction_candidates, coalesce(r.jurisdiction_probabilities, []),
			       list_filter([
			           CASE WHEN e.jurisdiction_code = '' AND NOT e.jurisdiction_corrected THEN 'unresolved_jurisdiction' END,
			           CASE WHEN e.jurisdiction_code <> '' AND NOT e.jurisdiction_corrected AND NOT coalesce(r.jurisdiction_stated, false)
			                     AND coalesce(r.jurisdiction_confidence, 0) < $3 THEN 'low_confidence_jurisdiction' END,
			           CASE WHEN e.year IS NULL THEN 'no_year' END], x -> x IS NOT NULL) AS reasons
			FROM reports r JOIN report_jurisdictions e USING (report_id))
		WHERE len(reasons) > 0 AND ($1 = '' OR list_contains(reasons, $1)) AND starts_with(jurisdiction_code, $4)
		  AND ($5 = 0 OR year = $5)
		ORDER BY ingested_at, report_id
		LIMIT $2`, f.Reason, n, ResolvedConfidence, f.Area, f.Year)
	if err != nil {
		return nil, fmt.Errorf("reports: %w", err)
	}
	defer rows.Close()
	var out []ReviewItem
	var codes []string
	for rows.Next() {
		it := ReviewItem{Kind: ReviewKindReport, ReviewReport: &ReviewReport{Candidates: []Candidate{}}}
		var cands, probs, reasons []any
		if err := rows.Scan(&it.ReportID, &it.JurisdictionCode, &it.JurisdictionName, &it.Year, &it.IngestedAt, &it.Title,
			&it.Source, &it.Confidence, &it.JurisdictionReason, &cands, &probs, &reasons); err != nil {
			return nil, fmt.Errorf("reports: %w", err)
		}
		it.Reasons, it.IngestedAt = strs(reasons), it.IngestedAt.UTC()
		p := floats(probs)
		for i, c := range strs(cands) {
			cand := Candidate{Code: c, Path: []string{}}
			if i < len(p) {
				cand.Probability = p[i]
			}
			it.Candidates = append(it.Candidates, cand)
			codes = append(codes, c)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reports: %w", err)
	}
	paths, err := divisionPaths(ctx, db.sql, codes)
	if err != nil {
		return nil, err
	}
	for _, it := range out {
		for i := range it.Candidates {
			if p, ok := paths[it.Candidates[i].Code]; ok {
				it.Candidates[i].Path = p
			}
		}
	}
	return out, nil
}

// reviewDuplicates reads the first n jurisdiction-years with several
// reports that nobody chose between, with their reports and conflicts.
func (db *DB) reviewDuplicates(ctx context.Context, f ReviewFilter, n int) ([]ReviewItem, error) {
	if f.Reason != "" && f.Reason != ReviewKindDuplicate {
		return nil, nil
	}
	groups, err := scanAll(ctx, db.sql, func(sc scanner) (ReviewItem, error) {
		it := ReviewItem{Kind: ReviewKindDuplicate, Reasons: []string{ReviewKindDuplicate},
			ReviewDuplicate: &ReviewDuplicate{Reports: []DuplicateReport{}, Conflicts: []Conflict{}}}
		err := sc.Scan(&it.JurisdictionCode, &it.JurisdictionName, &it.Year, &it.IngestedAt, &it.ReportID)
		it.IngestedAt = it.IngestedAt.UTC()
		return it, err
	}, `SELECT e.jurisdiction_code, min(e.jurisdiction_name), e.year, max(r.ingested_at), arg_max(r.report_id, (r.ingested_at, r.report_id))
		FROM report_jurisdictions e JOIN reports r USING (report_id)
		WHERE e.duplicates > 0 AND starts_with(e.jurisdiction_code, $2) AND ($3 = 0 OR e.year = $3)
		GROUP BY e.jurisdiction_code, e.year HAVING NOT bool_or(e.chosen)
		ORDER BY max(r.ingested_at), arg_max(r.report_id, (r.ingested_at, r.report_id))
		LIMIT $1`, n, f.Area, f.Year)
	if err != nil || len(groups) == 0 {
		return groups, err
	}
	at := map[string]*ReviewDuplicate{}
	var codes []string
	for _, g := range groups {
		at[fmt.Sprint(g.JurisdictionCode, "/", g.Year)] = g.ReviewDuplicate
		codes = append(codes, g.JurisdictionCode)
	}
	args, ph := placeholders(nil, codes)
	if _, err := scanAll(ctx, db.sql, func(sc scanner) (struct{}, error) {
		var code string
		var year int
		var d DuplicateReport
		err := sc.Scan(&code, &year, &d.ReportID, &d.Title, &d.Source, &d.IngestedAt, &d.Facts)
		if g := at[fmt.Sprint(code, "/", year)]; err == nil && g != nil {
			d.IngestedAt = d.IngestedAt.UTC()
			g.Reports = append(g.Reports, d)
		}
		return struct{}{}, err
	}, `SELECT e.jurisdiction_code, e.year, r.report_id, r.title, r.source, r.ingested_at,
		       (SELECT count(*) FROM facts_corrected f WHERE f.report_id = r.report_id)
		FROM report_jurisdictions e JOIN reports r USING (report_id)
		WHERE e.duplicates > 0 AND e.jurisdiction_code IN (`+ph+`)
		ORDER BY r.ingested_at, r.report_id`, args...); err != nil {
		return nil, err
	}
	if _, err := scanAll(ctx, db.sql, func(sc scanner) (struct{}, error) {
		var code string
		var year int
		var c Conflict
		var values, reports, facts []any
		err := sc.Scan(&code, &year, &c.Indicator, &values, &reports, &facts)
		if g := at[fmt.Sprint(code, "/", year)]; err == nil && g != nil {
			c.Values, c.ReportIDs, c.FactIDs = floats(values), strs(reports), strs(facts)
			g.Conflicts = append(g.Conflicts, c)
		}
		return struct{}{}, err
	}, `SELECT jurisdiction_code, year, indicator, conflict_values, conflict_report_ids, conflict_fact_ids
		FROM headline WHERE conflict AND jurisdiction_code IN (`+ph+`) ORDER BY indicator`, args...); err != nil {
		return nil, err
	}
	return groups, nil
}

// scanner is a row to scan.
type scanner interface{ Scan(...any) error }

// scanAll runs query and scans every row with scan.
func scanAll[T any](ctx context.Context, q querier, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
