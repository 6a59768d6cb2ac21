package warehouse

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Report is one stored report with its facts.
type Report struct {
	ReportID string `json:"report_id"`
	SHA256   string `json:"sha256"`
	Source   string `json:"source"`
	Format   string `json:"format"`
	Title    string `json:"title"`
	URL      string `json:"url"`
	// The jurisdiction and year as they count: a person's latest
	// correction, else what was extracted (Extracted).
	JurisdictionCode  string   `json:"jurisdiction_code"`
	JurisdictionName  string   `json:"jurisdiction_name"`
	JurisdictionLevel string   `json:"jurisdiction_level"`
	JurisdictionPath  []string `json:"jurisdiction_path"`
	Year              int      `json:"year"`
	// How the resolver decided the extracted jurisdiction: the probability
	// of its best candidate, the likeliest candidates (when unresolved), the
	// clues of the best one, why it is unresolved, and whether a manifest
	// stated it; the clue that decided the year.
	JurisdictionConfidence float64     `json:"jurisdiction_confidence"`
	Candidates             []Candidate `json:"jurisdiction_candidates"`
	Evidence               []Clue      `json:"jurisdiction_evidence"`
	JurisdictionReason     string      `json:"jurisdiction_reason"`
	JurisdictionStated     bool        `json:"jurisdiction_stated"`
	YearEvidence           string      `json:"year_evidence"`
	// JurisdictionCorrected and YearCorrected say a person set them
	// (ReportCorrections has the history); Extracted holds what was read.
	JurisdictionCorrected bool      `json:"jurisdiction_corrected"`
	YearCorrected         bool      `json:"year_corrected"`
	Extracted             Placement `json:"extracted"`
	// Duplicates are the other reports for the same jurisdiction-year.
	// Counts says this report's figures count for it (false when a person
	// chose another); Chosen that a person chose this one.
	Duplicates       []string  `json:"duplicates"`
	Counts           bool      `json:"counts"`
	Chosen           bool      `json:"chosen"`
	Chars            int       `json:"chars"`
	Text             string    `json:"text"`
	ExtractorVersion string    `json:"extractor_version"`
	IngestedAt       time.Time `json:"ingested_at"`
	Facts            []Fact    `json:"facts"`
	// Which part of the report this is (ReportPart): Text holds the
	// characters from TextOffset on, TextTruncated says more follow (Chars
	// counts all); Facts holds FactsTotal's facts from FactsOffset on,
	// FactsInReport counts the facts of the whole report.
	TextOffset     int  `json:"text_offset"`
	TextTruncated  bool `json:"text_truncated"`
	FactsTotal     int  `json:"facts_total"`
	FactsInReport  int  `json:"facts_in_report"`
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

// Placement is a report's jurisdiction and year as read from it.
type Placement struct {
	JurisdictionCode  string `json:"jurisdiction_code"`
	JurisdictionName  string `json:"jurisdiction_name"`
	JurisdictionLevel string `json:"jurisdiction_level"`
	Year              int    `json:"year"`
}

// Clue is one piece of evidence the resolver weighed for a jurisdiction.
type Clue struct {
	Clue   string  `json:"clue"`
	Detail string  `json:"detail"`
	Weight float64 `json:"weight"`
}

// Report returns a report with its whole text and all its facts (ordered by
// position). Readers' answers use ReportPart.
func (db *DB) Report(ctx context.Context, id string) (Report, error) {
	return db.ReportPart(ctx, id, ReportWindow{})
}

// ReportPart returns a report with the part of its text and facts that w
// selects; only that part is read from DuckDB. The report, its row of
// report_jurisdictions and its facts are read by report_id one at a time:
// each is then an index lookup (a join of the two tables scans them, 5 ms
// at 400,000 reports).
func (db *DB) ReportPart(ctx context.Context, id string, w ReportWindow) (Report, error) {
	r := Report{Duplicates: []string{}, Candidates: []Candidate{}, Evidence: []Clue{}}
	textLimit := w.TextLimit
	if textLimit <= 0 {
		textLimit = math.MaxInt32
	}
	var extractedCode sql.NullString
	var extractedYear sql.NullInt32
	var cands, probs []any
	var evidence string
	row, err := db.queryRowPrepared(ctx, `
		SELECT report_id, sha256, source, format, title, url, jurisdiction_code, jurisdiction_name, jurisdiction_level, year,
		       coalesce(jurisdiction_confidence, 0), jurisdiction_candidates, coalesce(jurisdiction_probabilities, []),
		       coalesce(jurisdiction_evidence, '[]'), coalesce(jurisdiction_reason, ''), coalesce(jurisdiction_stated, false),
		       coalesce(year_evidence, ''), chars, substring(text, $2 + 1, $3), extractor_version, ingested_at
		FROM reports WHERE report_id = $1`, id, w.TextOffset, textLimit)
	if err != nil {
		return r, fmt.Errorf("report %q: %w", id, err)
	}
	err = row.Scan(&r.ReportID, &r.SHA256, &r.Source, &r.Format, &r.Title, &r.URL, &extractedCode, &r.Extracted.JurisdictionName,
		&r.Extracted.JurisdictionLevel, &extractedYear, &r.JurisdictionConfidence, &cands, &probs, &evidence,
		&r.JurisdictionReason, &r.JurisdictionStated, &r.YearEvidence, &r.Chars, &r.Text, &r.ExtractorVersion, &r.IngestedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("report %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("report %q: %w", id, err)
	}
	r.Extracted.JurisdictionCode, r.Extracted.Year, r.IngestedAt = extractedCode.String, int(extractedYear.Int32), r.IngestedAt.UTC()
	if err := json.Unmarshal([]byte(evidence), &r.Evidence); err != nil || r.Evidence == nil {
		r.Evidence = []Clue{}
	}
	if err := db.placeReport(ctx, &r); err != nil {
		return r, fmt.Errorf("report %q: %w", id, err)
	}
	codes := []string{r.JurisdictionCode}
	p := floats(probs)
	for i, c := range strs(cands) {
		cand := Candidate{Code: c, Path: []string{}}
		if i < len(p) {
			cand.Probability = p[i]
		}
		r.Candidates = append(r.Candidates, cand)
		codes = append(codes, c)
	}
	paths, err := divisionPaths(ctx, db.sql, codes)
	if err != nil {
		return r, fmt.Errorf("report %q: %w", id, err)
	}
	r.JurisdictionPath = paths[r.JurisdictionCode]
	if r.JurisdictionPath == nil {
		r.JurisdictionPath = []string{}
	}
	for i := range r.Candidates {
		if p, ok := paths[r.Candidates[i].Code]; ok {
			r.Candidates[i].Path = p
		}
	}
	r.TextOffset = w.TextOffset
	r.TextTruncated = w.TextOffset+textLimit < r.Chars
	if err := db.reportFacts(ctx, &r, w, textLimit); err != nil {
		return r, fmt.Errorf("report %q facts: %w", id, err)
	}
	return r, nil
}

// placeReport fills in the report's jurisdiction and year as they count,
// from report_jurisdictions, and the other reports of its jurisdiction-year.
func (db *DB) placeReport(ctx context.Context, r *Report) error {
	var year sql.NullInt32
	var duplicates int
	row, err := db.queryRowPrepared(ctx, `
		SELECT jurisdiction_code, jurisdiction_name, jurisdiction_level, year, jurisdiction_corrected, year_corrected,
		       counts, chosen, duplicates
		FROM report_jurisdictions WHERE report_id = $1`, r.ReportID)
	if err != nil {
		return err
	}
	if err := row.Scan(&r.JurisdictionCode, &r.JurisdictionName,
		&r.JurisdictionLevel, &year, &r.JurisdictionCorrected, &r.YearCorrected, &r.Counts, &r.Chosen, &duplicates); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return ErrRetired // only a retired report has no placement
		}
		return err
	}
	r.Year = int(year.Int32)
	if duplicates == 0 {
		return nil
	}
	var dups []any
	if err := db.sql.QueryRowContext(ctx, `SELECT coalesce(list(report_id ORDER BY report_id), []) FROM report_jurisdictions
		WHERE jurisdiction_code = $1 AND year = $2 AND report_id <> $3`, r.JurisdictionCode, r.Year, r.ReportID).Scan(&dups); err != nil {
		return err
	}
	r.Duplicates = strs(dups)
	return nil
}

// reportFacts reads the facts of r that w selects (textLimit is w's, made
// definite), corrections applied, by position, and counts them. It asks
// DuckDB for all the report's facts and picks the window here: a scan with
// one equality filter is an index lookup (see factsByReport), with the
// window's bounds beside it a scan of every fact; a report has a few
// hundred facts at the most.
func (db *DB) reportFacts(ctx context.Context, r *Report, w ReportWindow, textLimit int) error {
	from, to := 0, math.MaxInt32
	if w.FactsInText {
		from, to = w.TextOffset, w.TextOffset+textLimit
	}
	records, err := db.reportFactRecords(ctx, r.ReportID)
	if err != nil {
		return err
	}
	all := make([]Fact, len(records))
	for i, f := range records {
		all[i] = f.Fact
	}
	// By position, an added fact without one first; sorted here, as an
	// ORDER BY costs DuckDB more than the rest of the lookup.
	slices.SortFunc(all, func(a, b Fact) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), strings.Compare(a.Indicator, b.Indicator), strings.Compare(a.FactID, b.FactID))
	})
	r.Facts = []Fact{}
	r.FactsOffset, r.FactsTotal, r.FactsInReport = w.FactsOffset, 0, len(all)
	for _, f := range all {
		if f.Start < from || f.Start >= to {
			continue
		}
		r.FactsTotal++
		if r.FactsTotal <= w.FactsOffset || w.FactsLimit > 0 && len(r.Facts) == w.FactsLimit {
			continue
		}
		r.Facts = append(r.Facts, f)
	}
	r.FactsTruncated = w.FactsLimit > 0 && w.FactsOffset+w.FactsLimit < r.FactsTotal
	return nil
}
