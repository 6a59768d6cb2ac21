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

// ErrRetired: the report is retired (it is not found on any page or in
// any view until it is restored); it wraps ErrNotFound.
var ErrRetired = fmt.Errorf("report retired: %w", ErrNotFound)

// Retirement is one retirement (Retired) or restoration of a report.
type Retirement struct {
	RetirementID int64     `json:"retirement_id"`
	ReportID     string    `json:"report_id"`
	Retired      bool      `json:"retired"`
	Author       string    `json:"author"`
	Reason       string    `json:"reason"`
	At           time.Time `json:"at"`
}

// RetireReport retires a report (retire true) or restores it, with author
// and reason, and refreshes in the same transaction report_jurisdictions
// and the headline values of its jurisdiction-year and of the reports
// beside it, as a report correction does. Retiring a retired report, or
// restoring one that is not, wraps ErrInvalidQuery; an unknown report
// ErrNotFound. Nothing is deleted.
func (db *DB) RetireReport(ctx context.Context, reportID string, retire bool, author, reason string) (Retirement, error) {
	author, reason = strings.TrimSpace(author), strings.TrimSpace(reason)
	op := "restore"
	if retire {
		op = "retire"
	}
	if author == "" || reason == "" || utf8.RuneCountInString(author) > maxCorrectionText || utf8.RuneCountInString(reason) > maxCorrectionText {
		return Retirement{}, fmt.Errorf("%s report %s: %w: author and reason are required (at most %d characters)", op, reportID, ErrInvalidQuery, maxCorrectionText)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	var out Retirement
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		var sha, source string
		var retired bool
		err := conn.QueryRowContext(ctx, `SELECT sha256, source, report_id IN (SELECT report_id FROM retired_reports)
			FROM reports WHERE report_id = $1`, reportID).Scan(&sha, &source, &retired)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if retired == retire {
			if retire {
				return fmt.Errorf("%w: the report is retired already", ErrInvalidQuery)
			}
			return fmt.Errorf("%w: the report is not retired", ErrInvalidQuery)
		}
		if err := conn.QueryRowContext(ctx, `INSERT INTO report_retirements
			VALUES (nextval('report_retirement_ids'), $1, $2, $3, $4, $5, $6, now())
			RETURNING retirement_id, report_id, retired, author, reason, "at"`, reportID, sha, source, retire, author, reason).
			Scan(&out.RetirementID, &out.ReportID, &out.Retired, &out.Author, &out.Reason, &out.At); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE touched_reports AS SELECT $1::VARCHAR AS report_id`, reportID); err != nil {
			return err
		}
		if err := refreshPlacements(ctx, conn); err != nil {
			return err
		}
		return db.refreshHeadline(ctx, conn)
	})
	if err != nil {
		return Retirement{}, fmt.Errorf("%s report %s: %w", op, reportID, err)
	}
	out.At = out.At.UTC()
	return out, nil
}

// Retirements lists a report's retirements and restorations, oldest first.
func (db *DB) Retirements(ctx context.Context, reportID string) ([]Retirement, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT retirement_id, report_id, retired, author, reason, "at"
		FROM report_retirements WHERE report_id = $1 ORDER BY "at", retirement_id`, reportID)
	if err != nil {
		return nil, fmt.Errorf("retirements of %s: %w", reportID, err)
	}
	defer rows.Close()
	out := []Retirement{}
	for rows.Next() {
		var r Retirement
		if err := rows.Scan(&r.RetirementID, &r.ReportID, &r.Retired, &r.Author, &r.Reason, &r.At); err != nil {
			return nil, fmt.Errorf("retirements of %s: %w", reportID, err)
		}
		r.At = r.At.UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}
