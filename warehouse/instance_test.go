package warehouse

import (
	"context"
	"errors"
	"testing"
)

// The server's own DuckDB instance runs no researcher SQL (the sandbox's
// workers do, on a published copy), and still reads no file but its own.
func TestInstanceReadsNoFiles(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	for _, q := range []string{
		`SELECT * FROM read_text('/etc/passwd')`,
		`SELECT * FROM read_csv('/etc/passwd')`,
		`SELECT * FROM glob('/etc/*')`,
		`SELECT * FROM '/etc/passwd'`,
		`SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')`,
	} {
		// A bare file name is no table at all once file access is closed.
		_, err := db.sql.ExecContext(ctx, q)
		if err = translate(ctx, err); !errors.Is(err, ErrQueryRejected) && !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("%s on the server's instance: %v; want it refused", q, err)
		}
	}
	if _, err := db.sql.ExecContext(ctx, `SET enable_external_access = true`); err == nil {
		t.Error("SET enable_external_access = true succeeded; want the configuration locked")
	}
}

// Loads stage batches in temp tables; none may be left for the next user of
// a pooled connection.
func TestNoStagingTablesSurviveALoad(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件。"
	mustLoad(t, db, report("a.txt", shaA, "110105019", "垡头街道", 2023, text, fact("mediation.cases_accepted", 374, "", 8, 11)))
	for i := 0; i < 4; i++ { // several pooled connections
		var n int
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM duckdb_tables() WHERE temporary`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("%d temp tables visible after a load; want 0", n)
		}
	}
}
