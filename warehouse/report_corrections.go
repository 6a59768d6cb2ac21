package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// The actions of a report correction.
const (
	// ReportJurisdiction sets the division a report is about (or declares
	// it unresolved).
	ReportJurisdiction = "jurisdiction"
	// ReportYear sets the year a report's figures belong to.
	ReportYear = "year"
	// ReportCounts chooses, of the reports for one jurisdiction-year, the
	// one whose figures count.
	ReportCounts = "counts"
)

// ReportCorrectionInput is what a person submits about a report.
type ReportCorrectionInput struct {
	ReportID string `json:"report_id"`
	// Action is ReportJurisdiction, ReportYear or ReportCounts.
	Action string `json:"action"`
	// JurisdictionCode is the division to set (ReportJurisdiction): one of
	// the report's candidates or any code of the division table; "" declares
	// the jurisdiction unresolved (the extracted code is wrong and the right
	// one is not known).
	JurisdictionCode string `json:"jurisdiction_code"`
	// Year is the year to set (ReportYear).
	Year int `json:"year"`
	// Author and Reason are required: who and why.
	Author string `json:"author"`
	Reason string `json:"reason"`
}

// ReportCorrection is one stored report correction.
type ReportCorrection struct {
	CorrectionID int64  `json:"correction_id"`
	ReportID     string `json:"report_id"`
	SHA256       string `json:"sha256"`
	Source       string `json:"source"`
	Action       string `json:"action"`
	// JurisdictionCode, Name and Level: the division set (empty: declared
	// unresolved), or for ReportCounts the jurisdiction the choice is for.
	JurisdictionCode  string `json:"jurisdiction_code"`
	JurisdictionName  string `json:"jurisdiction_name"`
	JurisdictionLevel string `json:"jurisdiction_level"`
	// Year set, or for ReportCounts the year the choice is for; 0 otherwise.
	Year   int       `json:"year"`
	Author string    `json:"author"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
	// CarriedFrom is the correction this one copies from an older version
	// of the report; nil when it was made on this version.
	CarriedFrom *int64 `json:"carried_from"`
}

// validate checks what can be checked without the database.
func (in ReportCorrectionInput) validate() error {
	var errs []string
	if strings.TrimSpace(in.Author) == "" {
		errs = append(errs, "author is required")
	}
	if strings.TrimSpace(in.Reason) == "" {
		errs = append(errs, "reason is required")
	}
	for name, s := range map[string]string{"author": in.Author, "reason": in.Reason} {
		if utf8.RuneCountInString(s) > maxCorrectionText {
			errs = append(errs, fmt.Sprintf("%s is longer than %d characters", name, maxCorrectionText))
		}
	}
	switch in.Action {
	case ReportJurisdiction:
		if in.Year != 0 {
			errs = append(errs, "a jurisdiction correction takes no year")
		}
		if c := in.JurisdictionCode; c != "" && (len(c) > 12 || strings.Trim(c, "0123456789") != "") {
			errs = append(errs, fmt.Sprintf("jurisdiction code %q is not a division code (digits)", c))
		}
	case ReportYear:
		if in.Year < 1990 || in.Year > 2100 {
			errs = append(errs, fmt.Sprintf("year must be a year between 1990 and 2100, not %d", in.Year))
		}
		if in.JurisdictionCode != "" {
			errs = append(errs, "a year correction takes no jurisdiction code")
		}
	case ReportCounts:
		if in.Year != 0 || in.JurisdictionCode != "" {
			errs = append(errs, "choosing the report that counts takes no code or year: it is for the report's own jurisdiction-year")
		}
	default:
		errs = append(errs, fmt.Sprintf("action must be jurisdiction, year or counts, not %q", in.Action))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %s", ErrInvalidQuery, strings.Join(errs, "; "))
	}
	return nil
}

// CorrectReport stores one correction of a report and refreshes, in the
// same transaction, report_jurisdictions and the headline values of the
// jurisdiction-years the report leaves and joins (and so every view and, at
// the next read, the dashboards' snapshot). An unknown report wraps ErrNotFound; an invalid
// correction (an unknown division code, a choice for a report that has no
// other report for its jurisdiction-year) wraps ErrInvalidQuery.
// Corrections are never deleted: the latest jurisdiction and the latest
// year per report win, and ReportCorrections lists the history.
func (db *DB) CorrectReport(ctx context.Context, in ReportCorrectionInput) (ReportCorrection, error) {
	if err := in.validate(); err != nil {
		return ReportCorrection{}, fmt.Errorf("correct report %s: %w", in.ReportID, err)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	var id int64
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		var err error
		if id, err = insertReportCorrection(ctx, conn, in); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE touched_reports AS SELECT $1::VARCHAR AS report_id`,
			in.ReportID); err != nil {
			return err
		}
		if err := refreshPlacements(ctx, conn); err != nil {
			return err
		}
		return db.refreshHeadline(ctx, conn)
	})
	if err != nil {
		return ReportCorrection{}, fmt.Errorf("correct report %s %s: %w", in.ReportID, in.Action, err)
	}
	return db.reportCorrection(ctx, id)
}

// insertReportCorrection checks the correction against the warehouse and
// stores it.
func insertReportCorrection(ctx context.Context, conn *sql.Conn, in ReportCorrectionInput) (int64, error) {
	var code string
	var year sql.NullInt32
	var duplicates int
	err := conn.QueryRowContext(ctx, `SELECT jurisdiction_code, year, duplicates FROM report_jurisdictions WHERE report_id = $1`,
		in.ReportID).Scan(&code, &year, &duplicates)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("report %q: %w", in.ReportID, ErrNotFound)
	}
	if err != nil {
		return 0, err
	}
	var name, level sql.NullString
	setCode, setYear := sql.NullString{String: in.JurisdictionCode, Valid: in.JurisdictionCode != ""}, sql.NullInt32{}
	switch in.Action {
	case ReportJurisdiction:
		if setCode.Valid {
			err := conn.QueryRowContext(ctx, `SELECT name, `+levelWordSQL+` FROM jurisdictions WHERE code = $1`, setCode.String).
				Scan(&name, &level)
			if errors.Is(err, sql.ErrNoRows) {
				return 0, fmt.Errorf("%w: %s is not a code of the division table (统计用区划代码)", ErrInvalidQuery, setCode.String)
			}
			if err != nil {
				return 0, err
			}
		}
	case ReportYear:
		setYear = sql.NullInt32{Int32: int32(in.Year), Valid: true}
	case ReportCounts:
		if code == "" || !year.Valid {
			return 0, fmt.Errorf("%w: report %s has no settled jurisdiction and year to count for: set them first", ErrInvalidQuery, in.ReportID)
		}
		if duplicates == 0 {
			return 0, fmt.Errorf("%w: report %s is the only report for %s %d: there is nothing to choose", ErrInvalidQuery, in.ReportID, code, year.Int32)
		}
		setCode, setYear = sql.NullString{String: code, Valid: true}, year
	}
	var id int64
	err = conn.QueryRowContext(ctx, `INSERT INTO report_corrections (correction_id, report_id, sha256, source, action,
		    jurisdiction_code, jurisdiction_name, jurisdiction_level, year, author, reason, "at")
		SELECT nextval('report_correction_ids'), report_id, sha256, source, $2, $3, $4, $5, $6, $7, $8, now()
		FROM reports WHERE report_id = $1
		RETURNING correction_id`,
		in.ReportID, in.Action, setCode, name, level, setYear, strings.TrimSpace(in.Author), strings.TrimSpace(in.Reason)).Scan(&id)
	return id, err
}

const reportCorrectionColumns = `correction_id, report_id, sha256, source, action, coalesce(jurisdiction_code, ''),
	coalesce(jurisdiction_name, ''), coalesce(jurisdiction_level, ''), coalesce(year, 0), author, reason, "at", carried_from`

func scanReportCorrection(sc interface{ Scan(...any) error }) (ReportCorrection, error) {
	var c ReportCorrection
	var carried sql.NullInt64
	if err := sc.Scan(&c.CorrectionID, &c.ReportID, &c.SHA256, &c.Source, &c.Action, &c.JurisdictionCode,
		&c.JurisdictionName, &c.JurisdictionLevel, &c.Year, &c.Author, &c.Reason, &c.At, &carried); err != nil {
		return c, err
	}
	if carried.Valid {
		c.CarriedFrom = &carried.Int64
	}
	c.At = c.At.UTC()
	return c, nil
}

func (db *DB) reportCorrection(ctx context.Context, id int64) (ReportCorrection, error) {
	c, err := scanReportCorrection(db.sql.QueryRowContext(ctx,
		`SELECT `+reportCorrectionColumns+` FROM report_corrections WHERE correction_id = $1`, id))
	if err != nil {
		return c, fmt.Errorf("report correction %d: %w", id, err)
	}
	return c, nil
}

// ReportCorrections returns the history of a report's corrections, oldest
// first, including those carried from older versions of it (CarriedFrom
// names the original). An unknown report with no history wraps ErrNotFound.
func (db *DB) ReportCorrections(ctx context.Context, reportID string) ([]ReportCorrection, error) {
	out, err := db.reportCorrections(ctx, reportID)
	if err != nil || len(out) > 0 {
		return out, err
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE report_id = $1`, reportID).Scan(&n); err != nil {
		return nil, fmt.Errorf("corrections of report %q: %w", reportID, err)
	}
	if n == 0 {
		return nil, fmt.Errorf("report %q: %w", reportID, ErrNotFound)
	}
	return out, nil
}

// reportCorrections is ReportCorrections without the look for the report
// when it has no history.
func (db *DB) reportCorrections(ctx context.Context, reportID string) ([]ReportCorrection, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+reportCorrectionColumns+` FROM report_corrections
		WHERE report_id = $1 ORDER BY "at", correction_id`, reportID)
	if err != nil {
		return nil, fmt.Errorf("corrections of report %q: %w", reportID, err)
	}
	defer rows.Close()
	out := []ReportCorrection{}
	for rows.Next() {
		c, err := scanReportCorrection(rows)
		if err != nil {
			return nil, fmt.Errorf("corrections of report %q: %w", reportID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corrections of report %q: %w", reportID, err)
	}
	return out, nil
}

// carryReportCorrections copies, inside Load's transaction, the whole
// correction history of each report that a new version replaces
// (replaced_reports) onto the new version, keeping author, time and reason
// and naming the original in carried_from. A report extracted anew keeps
// its id, and so its corrections, as they are.
func carryReportCorrections(ctx context.Context, conn *sql.Conn) (int, error) {
	r, err := conn.ExecContext(ctx, `INSERT INTO report_corrections (correction_id, report_id, sha256, source, action,
		    jurisdiction_code, jurisdiction_name, jurisdiction_level, year, author, reason, "at", carried_from)
		SELECT nextval('report_correction_ids'), s.report_id, s.sha256, s.source, c.action, c.jurisdiction_code,
		       c.jurisdiction_name, c.jurisdiction_level, c.year, c.author, c.reason, c."at", c.correction_id
		FROM report_corrections c
		JOIN replaced_reports p ON p.old_report_id = c.report_id AND p.new_report_id <> p.old_report_id
		JOIN staged_reports s ON s.report_id = p.new_report_id
		ORDER BY c.correction_id`)
	if err != nil {
		return 0, fmt.Errorf("carry report corrections: %w", err)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("carry report corrections: %w", err)
	}
	return int(n), nil
}
