package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// LoadCounts counts what one or more Loads did.
type LoadCounts struct {
	// Stored reports are new content now in the warehouse (including the
	// re-extracted ones, those that replaced an older version and those kept
	// beside another report).
	Stored int `json:"stored"`
	// Unchanged reports were already stored with the same content: a no-op.
	Unchanged int `json:"unchanged"`
	// Replaced counts the older versions removed: reports from the same
	// source about the same jurisdiction and year as their new version.
	Replaced int `json:"replaced"`
	// Reextracted reports were stored with the same content by an older
	// extractor: their facts are extracted anew (they count as stored too).
	Reextracted int `json:"reextracted"`
	// KeptBeside counts the stored reports whose source was already stored
	// for another jurisdiction or year: both are kept.
	KeptBeside int `json:"kept_beside"`
	// Duplicates counts the stored reports whose jurisdiction-year already
	// has another report: both are kept, and a person chooses which counts.
	Duplicates int `json:"duplicates"`
	// Facts is the number of facts stored with the new reports.
	Facts int `json:"facts"`
	// CarriedCorrections counts the analysts' corrections copied from a
	// replaced report's facts onto the matching facts of its new version;
	// CarriedReportCorrections the corrections of the report itself
	// (jurisdiction, year, which report counts).
	CarriedCorrections       int `json:"carried_corrections"`
	CarriedReportCorrections int `json:"carried_report_corrections"`
	// NoFacts, NoYear, Unresolved and LowConfidence count the stored
	// reports with no facts, with no year (they appear on no page), with no
	// division, and with a division resolved below ResolvedConfidence.
	NoFacts       int `json:"no_facts"`
	NoYear        int `json:"no_year"`
	Unresolved    int `json:"unresolved"`
	LowConfidence int `json:"low_confidence"`
}

// Add adds o's counts to c.
func (c *LoadCounts) Add(o LoadCounts) {
	c.Stored += o.Stored
	c.Unchanged += o.Unchanged
	c.Replaced += o.Replaced
	c.Reextracted += o.Reextracted
	c.KeptBeside += o.KeptBeside
	c.Duplicates += o.Duplicates
	c.Facts += o.Facts
	c.CarriedCorrections += o.CarriedCorrections
	c.CarriedReportCorrections += o.CarriedReportCorrections
	c.NoFacts += o.NoFacts
	c.NoYear += o.NoYear
	c.Unresolved += o.Unresolved
	c.LowConfidence += o.LowConfidence
}

// LoadResult is what one Load did: the counts, and each report's outcome.
type LoadResult struct {
	LoadCounts
	// Reports lists the batch's reports by source.
	Reports []ReportLoad `json:"reports"`
}

// For returns the part of a Load's result that concerns one report: its
// ReportLoad, renamed to source, and the counts of it alone; ok is false
// when the load did not hold the report. Corrections carried over count
// for the first replaced or re-extracted report of the load (carry
// happens for the whole batch at once). Two files of one load with the
// same content are one report: the second (another source) is unchanged.
func (res LoadResult) For(reportID, source string, first *bool) (LoadResult, bool) {
	for _, r := range res.Reports {
		if r.ReportID != reportID {
			continue
		}
		if r.Source != source {
			return LoadResult{LoadCounts: LoadCounts{Unchanged: 1}, Reports: []ReportLoad{{ReportID: r.ReportID, Source: source,
				Outcome: OutcomeUnchanged, Replaced: []string{}, SameSource: []string{}, Duplicates: []string{},
				JurisdictionCode: r.JurisdictionCode, JurisdictionName: r.JurisdictionName, Year: r.Year,
				Confidence: r.Confidence, Facts: r.Facts, Warnings: []LoadWarning{}}}}, true
		}
		out := LoadResult{Reports: []ReportLoad{r}}
		if r.Outcome == OutcomeUnchanged {
			out.Unchanged = 1
			return out, true
		}
		out.Stored, out.Facts, out.Replaced = 1, r.Facts, len(r.Replaced)
		if r.Outcome == OutcomeReextracted {
			out.Reextracted = 1
		}
		out.count(&out.Reports[0])
		if (r.Outcome == OutcomeReplaced || r.Outcome == OutcomeReextracted) && first != nil && *first {
			*first = false
			out.CarriedCorrections, out.CarriedReportCorrections = res.CarriedCorrections, res.CarriedReportCorrections
		}
		return out, true
	}
	return LoadResult{}, false
}

// The outcomes of a report in a Load.
const (
	// OutcomeStored: new content, stored.
	OutcomeStored = "stored"
	// OutcomeUnchanged: the same content was stored already.
	OutcomeUnchanged = "unchanged"
	// OutcomeReextracted: the same content, stored by another extractor,
	// extracted anew.
	OutcomeReextracted = "reextracted"
	// OutcomeReplaced: new content that replaced its older version.
	OutcomeReplaced = "replaced"
)

// ResolvedConfidence is the confidence below which a resolved jurisdiction
// is reviewed by a person (the resolver sets a code only at this
// confidence or more; older warehouses may hold less).
const ResolvedConfidence = 0.8

// ReportLoad says what a Load did with one report and what was stored.
type ReportLoad struct {
	ReportID string `json:"report_id"`
	Source   string `json:"source"`
	// Outcome is OutcomeStored, OutcomeUnchanged, OutcomeReextracted or
	// OutcomeReplaced.
	Outcome string `json:"outcome"`
	// Replaced lists the older versions it replaced; SameSource the other
	// reports with its source, kept beside it (another jurisdiction or
	// year); Duplicates the other reports for its jurisdiction-year.
	Replaced   []string `json:"replaced"`
	SameSource []string `json:"same_source"`
	Duplicates []string `json:"duplicates"`
	// The jurisdiction and year as they count (a carried correction applied).
	JurisdictionCode string  `json:"jurisdiction_code"`
	JurisdictionName string  `json:"jurisdiction_name"`
	Year             int     `json:"year"`
	Confidence       float64 `json:"jurisdiction_confidence"`
	Facts            int     `json:"facts"`
	// Warnings say what a person should know about what was stored; empty
	// for an unchanged report.
	Warnings []LoadWarning `json:"warnings"`
}

// LoadWarning is one thing a person should know about a stored report.
type LoadWarning struct {
	// Kind is no_facts, no_year, unresolved_jurisdiction,
	// low_confidence_jurisdiction, same_source or duplicate_report.
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// reportOutcomes reads what Load did with each report of the batch
// (batch_reports, replaced_reports), after the insert, inside its
// transaction, and counts it into res.
func reportOutcomes(ctx context.Context, conn *sql.Conn, res *LoadResult) error {
	rows, err := conn.QueryContext(ctx, `
		WITH placed AS (SELECT * FROM report_jurisdictions WHERE report_id IN (SELECT report_id FROM batch_reports)
		                   OR jurisdiction_code IN (SELECT e.jurisdiction_code FROM report_jurisdictions e
		                                            JOIN batch_reports USING (report_id) WHERE e.jurisdiction_code <> '')),
		     -- The batch's reports as read, and the stored reports of its sources, from what the load already
		     -- holds: the batch's own (staged) and those planLoad read (known_reports), less those it replaced;
		     -- a join with reports read every stored report's columns (0.1-0.2 s a batch at 100,000 reports).
		     read AS (SELECT report_id, jurisdiction_name, jurisdiction_confidence, jurisdiction_stated, jurisdiction_reason,
		                     jurisdiction_candidates, jurisdiction_probabilities FROM staged_reports
		              UNION ALL
		              SELECT report_id, jurisdiction_name, jurisdiction_confidence, jurisdiction_stated, jurisdiction_reason,
		                     jurisdiction_candidates, jurisdiction_probabilities FROM reports
		              WHERE report_id IN (SELECT report_id FROM batch_reports WHERE report_id NOT IN (SELECT report_id FROM staged_reports))),
		     sources AS (SELECT report_id, source FROM staged_reports
		                 UNION
		                 SELECT report_id, source FROM known_reports WHERE report_id NOT IN (SELECT old_report_id FROM replaced_reports))
		SELECT b.report_id, b.source, b.outcome,
		       coalesce((SELECT list(p.old_report_id ORDER BY p.old_report_id) FROM replaced_reports p
		                 WHERE p.new_report_id = b.report_id AND p.old_report_id <> b.report_id), []),
		       coalesce((SELECT list(o.report_id ORDER BY o.report_id) FROM sources o
		                 WHERE o.source = b.source AND o.report_id <> b.report_id), []),
		       coalesce((SELECT list(o.report_id ORDER BY o.report_id) FROM placed o
		                 WHERE o.jurisdiction_code = e.jurisdiction_code AND o.year = e.year AND o.jurisdiction_code <> ''
		                   AND o.report_id <> b.report_id), []),
		       coalesce(e.jurisdiction_code, ''), coalesce(e.jurisdiction_name, r.jurisdiction_name), coalesce(e.year, 0),
		       coalesce(r.jurisdiction_confidence, 0),
		       coalesce(e.jurisdiction_corrected, false) OR coalesce(r.jurisdiction_stated, false), coalesce(r.jurisdiction_reason, ''),
		       r.jurisdiction_candidates, coalesce(r.jurisdiction_probabilities, []),
		       coalesce(fc.n, 0)
		FROM batch_reports b JOIN read r USING (report_id) LEFT JOIN placed e USING (report_id) -- none for a retired report
		     -- The batch's facts counted alone, those it stored from the batch itself: a count per report of every fact
		     -- took 70-180 ms a batch at 400,000 reports, a scan of every fact's report_id 40-90 ms. Facts are read
		     -- only for the reports it did not store (unchanged), which are seldom any.
		     LEFT JOIN (SELECT report_id, count(*) AS n FROM staged_facts WHERE report_id IN (SELECT report_id FROM staged_reports)
		                GROUP BY report_id
		                UNION ALL
		                SELECT report_id, count(*) FROM facts
		                WHERE report_id IN (SELECT report_id FROM batch_reports WHERE report_id NOT IN (SELECT report_id FROM staged_reports))
		                GROUP BY report_id) fc USING (report_id)
		ORDER BY b.source, b.report_id`)
	if err != nil {
		return fmt.Errorf("report outcomes: %w", err)
	}
	defer rows.Close()
	type pending struct {
		i          int
		settled    bool
		reason     string
		candidates []string
		probs      []float64
	}
	var ps []pending
	var codes []string
	for rows.Next() {
		var r ReportLoad
		var p pending
		var replaced, same, dups, cands, probs []any
		if err := rows.Scan(&r.ReportID, &r.Source, &r.Outcome, &replaced, &same, &dups, &r.JurisdictionCode,
			&r.JurisdictionName, &r.Year, &r.Confidence, &p.settled, &p.reason, &cands, &probs, &r.Facts); err != nil {
			return fmt.Errorf("report outcomes: %w", err)
		}
		r.Replaced, r.SameSource, r.Duplicates, r.Warnings = strs(replaced), strs(same), strs(dups), []LoadWarning{}
		p.i, p.candidates, p.probs = len(res.Reports), strs(cands), floats(probs)
		codes = append(codes, p.candidates...)
		res.Reports = append(res.Reports, r)
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("report outcomes: %w", err)
	}
	paths, err := divisionPaths(ctx, conn, codes)
	if err != nil {
		return fmt.Errorf("report outcomes: %w", err)
	}
	for _, p := range ps {
		r := &res.Reports[p.i]
		if r.Outcome == OutcomeUnchanged {
			continue
		}
		r.Warnings = warnings(r, p.settled, p.reason, candidateNames(p.candidates, p.probs, paths))
		res.count(r)
	}
	return nil
}

// count adds a stored report's outcome to the counts.
func (res *LoadResult) count(r *ReportLoad) {
	for _, w := range r.Warnings {
		switch w.Kind {
		case "no_facts":
			res.NoFacts++
		case "no_year":
			res.NoYear++
		case "unresolved_jurisdiction":
			res.Unresolved++
		case "low_confidence_jurisdiction":
			res.LowConfidence++
		case "same_source":
			res.KeptBeside++
		case "duplicate_report":
			res.Duplicates++
		}
	}
}

// warnings says what a person should know about a stored report.
func warnings(r *ReportLoad, settled bool, reason string, candidates []string) []LoadWarning {
	out := []LoadWarning{}
	add := func(kind, format string, args ...any) {
		out = append(out, LoadWarning{Kind: kind, Message: fmt.Sprintf(format, args...)})
	}
	if r.Facts == 0 {
		add("no_facts", "no facts were found in it")
	}
	if r.Year == 0 {
		add("no_year", "its year is unknown, so it appears on no page: set it with `fazhi report set --year Y %s` or PUT /api/reports/%s/year", r.ReportID, r.ReportID)
	}
	switch {
	case r.JurisdictionCode == "":
		msg := "its jurisdiction is unresolved"
		if reason != "" {
			msg += " (" + reason + ")"
		}
		if len(candidates) > 0 {
			msg += "; likeliest: " + strings.Join(candidates, ", ")
		}
		add("unresolved_jurisdiction", "%s: it is compared with nothing until a person sets it (`fazhi report set --jurisdiction CODE %s`)", msg, r.ReportID)
	case !settled && r.Confidence < ResolvedConfidence:
		add("low_confidence_jurisdiction", "its jurisdiction %s %s was resolved with confidence %.2f only: it is listed for review", r.JurisdictionCode, r.JurisdictionName, r.Confidence)
	}
	if len(r.SameSource) > 0 {
		add("same_source", "a report from the same source (%s) is about another jurisdiction or year: both are kept", strings.Join(r.SameSource, ", "))
	}
	if len(r.Duplicates) > 0 {
		add("duplicate_report", "%s %d already has a report (%s): both are kept, the values they disagree on show as conflicts until a person chooses which counts (PUT /api/reports/{id}/counts)",
			r.JurisdictionName, r.Year, strings.Join(r.Duplicates, ", "))
	}
	return out
}

// candidateNames renders the likeliest candidates (at most three) as
// "code 区 › 街道 (45%)".
func candidateNames(codes []string, probs []float64, paths map[string][]string) []string {
	var out []string
	for i, c := range codes {
		if i == 3 {
			break
		}
		s := c
		if p := paths[c]; len(p) > 0 {
			s += " " + strings.Join(p[max(0, len(p)-2):], " › ")
		}
		if i < len(probs) {
			s += fmt.Sprintf(" (%.0f%%)", 100*probs[i])
		}
		out = append(out, s)
	}
	return out
}

// floats converts a DuckDB DOUBLE[] scanned as []any.
func floats(in []any) []float64 {
	out := make([]float64, 0, len(in))
	for _, v := range in {
		if f, ok := v.(float64); ok {
			out = append(out, f)
		}
	}
	return out
}
