package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// The actions of a correction.
const (
	// ActionSet replaces a fact's value (the same value confirms it).
	ActionSet = "set"
	// ActionReject says the fact is not a fact: it leaves every view.
	ActionReject = "reject"
	// ActionAdd adds a fact the extractor missed, with the sentence that states it.
	ActionAdd = "add"
)

// CorrectionInput is what an analyst submits.
type CorrectionInput struct {
	// Action is ActionSet, ActionReject or ActionAdd.
	Action string `json:"action"`
	// FactID names the fact to set or reject (an added fact's id works too).
	FactID string `json:"fact_id"`
	// ReportID, Indicator, Quote and Scope describe a fact to add. Quote must
	// be a passage of the report's text; Scope is empty for the whole
	// jurisdiction.
	ReportID  string `json:"report_id"`
	Indicator string `json:"indicator"`
	Quote     string `json:"quote"`
	Scope     string `json:"scope"`
	// Value is required for set and add, and must be empty for reject.
	Value *float64 `json:"value"`
	// Author and Reason are required: who and why.
	Author string `json:"author"`
	Reason string `json:"reason"`
}

// Correction is one stored correction.
type Correction struct {
	CorrectionID int64    `json:"correction_id"`
	Action       string   `json:"action"`
	FactID       string   `json:"fact_id"`
	ReportID     string   `json:"report_id"`
	Indicator    string   `json:"indicator"`
	Value        *float64 `json:"value"`
	Quote        string   `json:"quote"`
	Scope        string   `json:"scope"`
	Author       string   `json:"author"`
	Reason       string   `json:"reason"`
	// At is when the correction was made (UTC).
	At time.Time `json:"at"`
	// CarriedFrom is the correction this one copies from an older version
	// of the report; nil when it was made on this version.
	CarriedFrom *int64 `json:"carried_from"`
}

// maxCorrectionText bounds author, reason and scope (characters).
const maxCorrectionText = 2000

// validate checks what can be checked without the database.
func (in CorrectionInput) validate() error {
	var errs []string
	if strings.TrimSpace(in.Author) == "" {
		errs = append(errs, "author is required")
	}
	if strings.TrimSpace(in.Reason) == "" {
		errs = append(errs, "reason is required")
	}
	for name, s := range map[string]string{"author": in.Author, "reason": in.Reason, "scope": in.Scope} {
		if utf8.RuneCountInString(s) > maxCorrectionText {
			errs = append(errs, fmt.Sprintf("%s is longer than %d characters", name, maxCorrectionText))
		}
	}
	if in.Value != nil && (math.IsNaN(*in.Value) || math.IsInf(*in.Value, 0) || *in.Value < 0) {
		errs = append(errs, "value must be a finite number ≥ 0")
	}
	switch in.Action {
	case ActionSet, ActionReject:
		if in.FactID == "" {
			errs = append(errs, "fact_id is required")
		}
		if in.Action == ActionSet && in.Value == nil {
			errs = append(errs, "value is required to set a fact")
		}
		if in.Action == ActionReject && in.Value != nil {
			errs = append(errs, "a rejection takes no value")
		}
		if in.ReportID != "" || in.Indicator != "" || in.Quote != "" || in.Scope != "" {
			errs = append(errs, "report_id, indicator, quote and scope are for add only")
		}
	case ActionAdd:
		if in.FactID != "" {
			errs = append(errs, "an added fact gets its id from the warehouse: leave fact_id empty")
		}
		if in.ReportID == "" || in.Indicator == "" || strings.TrimSpace(in.Quote) == "" || in.Value == nil {
			errs = append(errs, "report_id, indicator, quote and value are required to add a fact")
		}
	default:
		errs = append(errs, fmt.Sprintf("action must be set, reject or add, not %q", in.Action))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %s", ErrInvalidQuery, strings.Join(errs, "; "))
	}
	return nil
}

// Correct stores one correction and refreshes the headline values it
// touches, in one transaction. Unknown facts, reports or indicators wrap
// ErrNotFound; an invalid correction (missing author or reason, a value out
// of the indicator's range, a quote that is not in the report) wraps
// ErrInvalidQuery. Corrections are never deleted: the latest one per fact
// wins and Corrections lists the history.
func (db *DB) Correct(ctx context.Context, in CorrectionInput) (Correction, error) {
	if err := in.validate(); err != nil {
		return Correction{}, fmt.Errorf("correct: %w", err)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	var id int64
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		var err error
		if in.Action == ActionAdd {
			id, err = insertAdd(ctx, conn, in)
		} else {
			id, err = insertChange(ctx, conn, in)
		}
		if err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE touched_keys AS
			SELECT DISTINCT jurisdiction_key, year FROM report_jurisdictions
			WHERE report_id = (SELECT report_id FROM corrections WHERE correction_id = $1)`, id); err != nil {
			return err
		}
		return db.refreshHeadline(ctx, conn)
	})
	if err != nil {
		return Correction{}, fmt.Errorf("correct %s %s%s: %w", in.Action, in.FactID, in.ReportID, err)
	}
	return db.correction(ctx, id)
}

// insertChange stores a set or a reject of an existing fact.
func insertChange(ctx context.Context, conn *sql.Conn, in CorrectionInput) (int64, error) {
	var reportID, kind string
	err := conn.QueryRowContext(ctx, `
		WITH f AS (
			SELECT fact_id, report_id, indicator FROM facts
			UNION ALL
			SELECT fact_id, report_id, indicator FROM corrections WHERE action = 'add'
		)
		SELECT f.report_id, i.kind FROM f JOIN indicators i ON i.code = f.indicator WHERE f.fact_id = $1`, in.FactID).
		Scan(&reportID, &kind)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("fact %q: %w", in.FactID, ErrNotFound)
	}
	if err != nil {
		return 0, err
	}
	if in.Value != nil {
		if err := checkValue(kind, *in.Value); err != nil {
			return 0, err
		}
	}
	var id int64
	err = conn.QueryRowContext(ctx, `INSERT INTO corrections (correction_id, fact_id, report_id, value, action, author, reason, "at")
		VALUES (nextval('correction_ids'), $1, $2, $3, $4, $5, $6, now()) RETURNING correction_id`,
		in.FactID, reportID, in.Value, in.Action, strings.TrimSpace(in.Author), strings.TrimSpace(in.Reason)).Scan(&id)
	return id, err
}

// insertAdd stores a fact the extractor missed. Its quote must be in the
// report's text, which gives the fact its span; its id is report_id-a<id>.
func insertAdd(ctx context.Context, conn *sql.Conn, in CorrectionInput) (int64, error) {
	var text string
	err := conn.QueryRowContext(ctx, `SELECT text FROM reports WHERE report_id = $1`, in.ReportID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("report %q: %w", in.ReportID, ErrNotFound)
	}
	if err != nil {
		return 0, err
	}
	var kind string
	err = conn.QueryRowContext(ctx, `SELECT kind FROM indicators WHERE code = $1`, in.Indicator).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("indicator %q: %w", in.Indicator, ErrNotFound)
	}
	if err != nil {
		return 0, err
	}
	if err := checkValue(kind, *in.Value); err != nil {
		return 0, err
	}
	quote := strings.TrimSpace(in.Quote)
	at := strings.Index(text, quote)
	if at < 0 {
		return 0, fmt.Errorf("%w: the quote is not in the report's text: copy the sentence from the report", ErrInvalidQuery)
	}
	start := utf8.RuneCountInString(text[:at])
	end := start + utf8.RuneCountInString(quote)
	var id int64
	err = conn.QueryRowContext(ctx, `INSERT INTO corrections
		(correction_id, fact_id, report_id, indicator, value, action, author, reason, "at", quote, scope, start, "end")
		SELECT id, $1 || '-a' || id, $1, $2, $3, 'add', $4, $5, now(), $6, $7, $8, $9
		FROM (SELECT nextval('correction_ids') AS id) RETURNING correction_id`,
		in.ReportID, in.Indicator, *in.Value, strings.TrimSpace(in.Author), strings.TrimSpace(in.Reason),
		quote, strings.TrimSpace(in.Scope), start, end).Scan(&id)
	return id, err
}

// checkValue keeps a value inside its indicator's kind: rates are
// percentages, counts whole numbers.
func checkValue(kind string, v float64) error {
	switch {
	case kind == "rate" && v > 100:
		return fmt.Errorf("%w: a rate is a percentage between 0 and 100, not %g", ErrInvalidQuery, v)
	case kind == "count" && v != math.Trunc(v):
		return fmt.Errorf("%w: a count is a whole number, not %g", ErrInvalidQuery, v)
	}
	return nil
}

const correctionColumns = `correction_id, action, coalesce(fact_id, ''), coalesce(report_id, ''), coalesce(indicator, ''),
	value, coalesce(quote, ''), coalesce(scope, ''), author, reason, "at", carried_from`

func scanCorrection(sc interface{ Scan(...any) error }) (Correction, error) {
	var c Correction
	var value sql.NullFloat64
	var carried sql.NullInt64
	if err := sc.Scan(&c.CorrectionID, &c.Action, &c.FactID, &c.ReportID, &c.Indicator, &value, &c.Quote, &c.Scope,
		&c.Author, &c.Reason, &c.At, &carried); err != nil {
		return c, err
	}
	if value.Valid {
		c.Value = &value.Float64
	}
	if carried.Valid {
		c.CarriedFrom = &carried.Int64
	}
	c.At = c.At.UTC()
	return c, nil
}

func (db *DB) correction(ctx context.Context, id int64) (Correction, error) {
	c, err := scanCorrection(db.sql.QueryRowContext(ctx, `SELECT `+correctionColumns+` FROM corrections WHERE correction_id = $1`, id))
	if err != nil {
		return c, fmt.Errorf("correction %d: %w", id, err)
	}
	return c, nil
}

// Corrections returns the history of a fact's corrections, oldest first,
// including those carried from older versions of its report (the originals
// are linked by CarriedFrom). An unknown fact with no history wraps
// ErrNotFound.
func (db *DB) Corrections(ctx context.Context, factID string) ([]Correction, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+correctionColumns+` FROM corrections
		WHERE fact_id = $1 ORDER BY "at", correction_id`, factID)
	if err != nil {
		return nil, fmt.Errorf("corrections of %q: %w", factID, err)
	}
	defer rows.Close()
	out := []Correction{}
	for rows.Next() {
		c, err := scanCorrection(rows)
		if err != nil {
			return nil, fmt.Errorf("corrections of %q: %w", factID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corrections of %q: %w", factID, err)
	}
	if len(out) == 0 {
		var n int
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM facts WHERE fact_id = $1`, factID).Scan(&n); err != nil {
			return nil, fmt.Errorf("corrections of %q: %w", factID, err)
		}
		if n == 0 {
			return nil, fmt.Errorf("fact %q: %w", factID, ErrNotFound)
		}
	}
	return out, nil
}

// carryCorrections copies the corrections of facts whose report is about to
// be replaced (replaced_reports: a new version from the same source about
// the same jurisdiction and year, or the same content extracted anew) onto
// the new version's facts, inside Load's transaction. An extracted fact matches when
// indicator, scope, sentence, value and derived agree (the nearest position
// wins among equals): a correction of a number that the new version changed
// is not carried, since the source itself now says something else. A fact an
// analyst added is carried when its sentence is still in the new text, and
// keeps its id suffix (new_report_id-a<n>). The copies keep author, time and
// reason and name the original in carried_from; the originals stay in the
// table as history.
func carryCorrections(ctx context.Context, conn *sql.Conn) (int, error) {
	for _, q := range []string{
		`CREATE OR REPLACE TEMP TABLE fact_map AS
		SELECT o.fact_id AS old_fact_id, n.fact_id AS new_fact_id, n.report_id AS new_report_id,
		       NULL::INTEGER AS start, NULL::INTEGER AS "end"
		FROM facts o
		JOIN replaced_reports p ON p.old_report_id = o.report_id
		JOIN staged_facts n ON n.report_id = p.new_report_id AND n.indicator = o.indicator AND n.scope = o.scope
		     AND n.quote = o.quote AND n.value = o.value AND n.derived = o.derived
		WHERE o.fact_id IN (SELECT fact_id FROM corrections)
		QUALIFY row_number() OVER (PARTITION BY o.fact_id ORDER BY abs(n.start - o.start), n.fact_id) = 1`,
		`INSERT INTO fact_map
		SELECT a.fact_id, nr.report_id || substr(a.fact_id, length(a.report_id) + 1), nr.report_id,
		       strpos(nr.text, a.quote) - 1, strpos(nr.text, a.quote) - 1 + length(a.quote)
		FROM corrections a
		JOIN replaced_reports p ON p.old_report_id = a.report_id
		JOIN staged_reports nr ON nr.report_id = p.new_report_id
		WHERE a.action = 'add' AND strpos(nr.text, a.quote) > 0`,
		// A fact extracted again with its id (same content, another
		// extractor) keeps its corrections as they are.
		`DELETE FROM fact_map WHERE new_fact_id = old_fact_id`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return 0, fmt.Errorf("carry corrections: %w", err)
		}
	}
	r, err := conn.ExecContext(ctx, `INSERT INTO corrections
		(correction_id, fact_id, report_id, indicator, value, action, author, reason, "at", quote, scope, start, "end", carried_from)
		SELECT nextval('correction_ids'), m.new_fact_id, m.new_report_id, c.indicator, c.value, c.action, c.author,
		       c.reason, c."at", c.quote, c.scope, coalesce(m.start, c.start), coalesce(m."end", c."end"), c.correction_id
		FROM corrections c JOIN fact_map m ON m.old_fact_id = c.fact_id
		ORDER BY c.correction_id`)
	if err != nil {
		return 0, fmt.Errorf("carry corrections: %w", err)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("carry corrections: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `DROP TABLE fact_map`); err != nil {
		return 0, fmt.Errorf("carry corrections: %w", err)
	}
	return int(n), nil
}

// FactHistoryEntry is one correction of a report's fact, with what the
// extractor had read: the history on the report page.
type FactHistoryEntry struct {
	Correction
	// FactIndicator is the fact's indicator (for an added fact, the one it
	// was added under).
	FactIndicator string `json:"fact_indicator"`
	// Original is the value the extractor read; nil for a fact an analyst added.
	Original *float64 `json:"original"`
}

// reportFactHistory lists the corrections of a report's facts, oldest
// first, with each fact's original value.
func (db *DB) reportFactHistory(ctx context.Context, reportID string) ([]FactHistoryEntry, error) {
	out := []FactHistoryEntry{}
	rows, err := db.sql.QueryContext(ctx, `
		SELECT c.correction_id, c.action, coalesce(c.fact_id, ''), coalesce(c.report_id, ''), coalesce(c.indicator, ''),
		       c.value, coalesce(c.quote, ''), coalesce(c.scope, ''), c.author, c.reason, c."at", c.carried_from,
		       coalesce(f.indicator, a.indicator, c.indicator, ''), f.value
		FROM corrections c
		LEFT JOIN facts f ON f.fact_id = c.fact_id
		LEFT JOIN corrections a ON a.action = 'add' AND a.fact_id = c.fact_id AND a.correction_id <> c.correction_id
		WHERE c.report_id = $1
		QUALIFY row_number() OVER (PARTITION BY c.correction_id ORDER BY a.correction_id) = 1
		ORDER BY c."at", c.correction_id`, reportID)
	if err != nil {
		return nil, fmt.Errorf("fact history of %s: %w", reportID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var e FactHistoryEntry
		var value, original sql.NullFloat64
		var carried sql.NullInt64
		if err := rows.Scan(&e.CorrectionID, &e.Action, &e.FactID, &e.ReportID, &e.Indicator, &value, &e.Quote, &e.Scope,
			&e.Author, &e.Reason, &e.At, &carried, &e.FactIndicator, &original); err != nil {
			return nil, fmt.Errorf("fact history of %s: %w", reportID, err)
		}
		if value.Valid {
			e.Value = &value.Float64
		}
		if original.Valid {
			e.Original = &original.Float64
		}
		if carried.Valid {
			e.CarriedFrom = &carried.Int64
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}
