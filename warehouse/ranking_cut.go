package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The ranking cut (Config.MinConfidence) decides two things that must
// agree: which fact a jurisdiction-year shows when an unsure one competes
// with a sure one (the view headline_facts, in SQL), and which values the
// pages mark 待核实 and leave out of rankings (the snapshot, in Go). It
// lives in the warehouse (ranking_cut, migration 13) so that both, the
// replicas and researchers' SQL read one value.

// storeRankingCut makes the warehouse's cut db.minConfidence: when it
// changes, the headline values are recomputed under the new cut.
func (db *DB) storeRankingCut(ctx context.Context) error {
	var stored float64
	if err := db.sql.QueryRowContext(ctx, `SELECT min_confidence FROM ranking_cut`).Scan(&stored); err != nil {
		return fmt.Errorf("ranking cut: %w", err)
	}
	if stored == db.minConfidence {
		return nil
	}
	db.log.Info("ranking cut changed: recomputing the headline values", "from", stored, "to", db.minConfidence)
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		if _, err := conn.ExecContext(ctx, `UPDATE ranking_cut SET min_confidence = $1`, db.minConfidence); err != nil {
			return err
		}
		if err := rebuildHeadline(ctx, conn); err != nil {
			return err
		}
		return rebuildWide(ctx, conn)
	})
	if err != nil {
		return fmt.Errorf("ranking cut %g: %w", db.minConfidence, err)
	}
	return nil
}

// readRankingCut makes db.minConfidence the cut a read-only warehouse was
// written with: its headline values were picked under that cut, and its
// pages must mark what that cut says is unsure. A file of a schema older
// than version 13 has none, and the configured cut stays.
func (db *DB) readRankingCut(ctx context.Context, configured float64) error {
	var stored sql.NullFloat64
	err := db.sql.QueryRowContext(ctx, `SELECT (SELECT min_confidence FROM ranking_cut)
		WHERE EXISTS (SELECT 1 FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'ranking_cut')`).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !stored.Valid {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ranking cut: %w", err)
	}
	if configured != 0 && configured != stored.Float64 {
		db.log.Warn("FAZHI_MIN_CONFIDENCE differs from the cut the warehouse was written with; the warehouse's is used",
			"configured", configured, "warehouse", stored.Float64)
	}
	db.minConfidence = stored.Float64
	return nil
}
