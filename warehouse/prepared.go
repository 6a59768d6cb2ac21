package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// preparedStmts holds the prepared statements of the hot reads (the report
// page, a fact by id). DuckDB binds and optimises a query over the views
// (facts_corrected expands to corrections, added facts and retirements) in
// 5–10 ms, more than the index lookup that answers it; a prepared statement
// is planned once per connection.
type preparedStmts struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// prepared returns the prepared statement of q, preparing it on first use.
func (db *DB) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	db.stmts.mu.Lock()
	defer db.stmts.mu.Unlock()
	if st, ok := db.stmts.stmts[q]; ok {
		return st, nil
	}
	st, err := db.sql.PrepareContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	if db.stmts.stmts == nil {
		db.stmts.stmts = map[string]*sql.Stmt{}
	}
	db.stmts.stmts[q] = st
	return st, nil
}

// closeStmts closes the prepared statements (Close).
func (db *DB) closeStmts() error {
	db.stmts.mu.Lock()
	defer db.stmts.mu.Unlock()
	var err error
	for _, st := range db.stmts.stmts {
		err = errors.Join(err, st.Close())
	}
	db.stmts.stmts = nil
	return err
}

// queryRowPrepared is QueryRowContext through the prepared statement of q.
func (db *DB) queryRowPrepared(ctx context.Context, q string, args ...any) (*sql.Row, error) {
	st, err := db.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryRowContext(ctx, args...), nil
}
