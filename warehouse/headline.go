package warehouse

import (
	"context"
	"database/sql"
	"fmt"
)

// refreshHeadline recomputes the headline rows of the jurisdiction-years
// listed in the temp table touched_keys (jurisdiction_key, year), inside the
// caller's transaction on conn. Rows it adds go to the end of the table;
// RebuildHeadline restores the sort order.
func refreshHeadline(ctx context.Context, conn *sql.Conn) error {
	for _, q := range []string{
		`DELETE FROM headline WHERE (jurisdiction_key, year) IN (SELECT (jurisdiction_key, year) FROM touched_keys)`,
		`INSERT INTO headline SELECT * FROM headline_facts
		 WHERE (jurisdiction_key, year) IN (SELECT (jurisdiction_key, year) FROM touched_keys)`,
		`DROP TABLE touched_keys`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("refresh headline: %w", err)
		}
	}
	return nil
}

// RebuildHeadline recomputes the whole headline table from the facts and
// writes it sorted by indicator and year, the order every dashboard query
// filters on. Run it after large ingests; Load keeps the table correct in
// between, only less well ordered.
func (db *DB) RebuildHeadline(ctx context.Context) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		for _, q := range []string{
			`DELETE FROM headline`,
			`INSERT INTO headline SELECT * FROM headline_facts ORDER BY indicator, year, value DESC`,
		} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("rebuild headline: %w", err)
	}
	return nil
}
