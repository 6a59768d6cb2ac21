package warehouse

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestQueryReadOnlyRefusals(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	secret := filepath.Join(t.TempDir(), "secret.csv")
	if err := os.WriteFile(secret, []byte("a,b\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.parquet")
	cases := []struct {
		name string
		sql  string
		want error
	}{
		{"insert", `INSERT INTO indicators VALUES ('x','x','x','x','x','x','x')`, ErrQueryRejected},
		{"update", `UPDATE facts SET value = 0`, ErrQueryRejected},
		{"delete", `DELETE FROM reports`, ErrQueryRejected},
		{"drop", `DROP TABLE facts`, ErrQueryRejected},
		{"create", `CREATE TABLE t AS SELECT 1`, ErrQueryRejected},
		{"copy to", `COPY (SELECT * FROM indicators) TO '` + out + `' (FORMAT parquet)`, ErrQueryRejected},
		{"copy from", `COPY indicators FROM '` + secret + `'`, ErrQueryRejected},
		{"attach", `ATTACH '` + filepath.Join(t.TempDir(), "other.duckdb") + `' AS other`, ErrQueryRejected},
		{"detach", `DETACH memory`, ErrQueryRejected},
		{"install", `INSTALL httpfs`, ErrQueryRejected},
		{"load", `LOAD httpfs`, ErrQueryRejected},
		{"set", `SET enable_external_access = true`, ErrQueryRejected},
		{"reset", `RESET threads`, ErrQueryRejected},
		{"pragma", `PRAGMA database_list`, ErrQueryRejected},
		{"export", `EXPORT DATABASE '` + t.TempDir() + `'`, ErrQueryRejected},
		{"call", `CALL duckdb_settings()`, ErrQueryRejected},
		{"multi", `SELECT 1; DROP TABLE facts`, ErrQueryRejected},
		{"multi select", `SELECT 1; SELECT 2`, ErrQueryRejected},
		{"read_csv", `SELECT * FROM read_csv('` + secret + `')`, ErrQueryRejected},
		{"read_text", `SELECT * FROM read_text('/etc/passwd')`, ErrQueryRejected},
		{"read_blob", `SELECT * FROM read_blob('/etc/hostname')`, ErrQueryRejected},
		{"bare file", `SELECT * FROM '` + secret + `'`, ErrQueryRejected},
		{"glob", `SELECT * FROM glob('/etc/*')`, ErrQueryRejected},
		{"parquet", `SELECT * FROM read_parquet('/tmp/*.parquet')`, ErrQueryRejected},
		{"http", `SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')`, ErrQueryRejected},
		{"nextval", `SELECT nextval('correction_ids')`, ErrQueryRejected},
		{"setval", `SELECT * FROM (SELECT SetVal ('correction_ids', 99))`, ErrQueryRejected},
		{"too long", `SELECT '` + strings.Repeat("x", 30000) + `'`, ErrQueryRejected},
		{"syntax", `SELECT FROM WHERE 1`, ErrInvalidQuery},
		{"misspelt", `SELEC 1`, ErrQueryRejected},
		{"comment hides keyword", "/* SELECT */ DROP TABLE facts", ErrQueryRejected},
		{"unknown table", `SELECT * FROM nope`, ErrInvalidQuery},
		{"empty", `  `, ErrInvalidQuery},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.QueryReadOnly(ctx, tc.sql, DefaultReadOnlyLimits)
			if !errors.Is(err, tc.want) {
				t.Errorf("QueryReadOnly(%.60q) error = %v; want %v", tc.sql, err, tc.want)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("COPY TO wrote a file")
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM indicators`).Scan(&n); err != nil || n == 0 {
		t.Errorf("indicators after refusals: %d rows, %v; want the catalog still there", n, err)
	}
}

func TestQueryReadOnlyAnswers(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	res, err := db.QueryReadOnly(ctx, `WITH c AS (SELECT category, count(*) AS n FROM indicators GROUP BY ALL)
		SELECT category, n, [1, 2] AS l, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS t FROM c ORDER BY category`, DefaultReadOnlyLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(res.Columns, ","); got != "category,n,l,t" {
		t.Errorf("columns = %s; want category,n,l,t", got)
	}
	if len(res.Rows) == 0 || res.Truncated {
		t.Fatalf("rows = %d, truncated %v; want some, not truncated", len(res.Rows), res.Truncated)
	}
	if got := res.Rows[0][3]; got != "2024-01-02T03:04:05Z" {
		t.Errorf("timestamp = %v; want RFC 3339 UTC", got)
	}

	res, err = db.QueryReadOnly(ctx, `SELECT * FROM range(100)`, ReadOnlyLimits{MaxRows: 10})
	if err != nil || len(res.Rows) != 10 || !res.Truncated {
		t.Errorf("row cap: %d rows, truncated %v, %v; want 10, true", len(res.Rows), res.Truncated, err)
	}

	_, err = db.QueryReadOnly(ctx, `SELECT count(*) FROM range(10000000000) a`, ReadOnlyLimits{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("timeout: error = %v; want context.DeadlineExceeded", err)
	}
}

// Loads stage batches in temp tables; none may be left for the next user of
// a pooled connection, researchers' SQL included.
func TestNoStagingTablesSurviveALoad(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件。"
	mustLoad(t, db, report("a.txt", shaA, "110105019", "垡头街道", 2023, text, fact("mediation.cases_accepted", 374, "", 8, 11)))
	for i := 0; i < 4; i++ { // several pooled connections
		res, err := db.QueryReadOnly(ctx, `SELECT count(*) FROM duckdb_tables() WHERE temporary`, DefaultReadOnlyLimits)
		if err != nil {
			t.Fatal(err)
		}
		if n := res.Rows[0][0]; n != int64(0) {
			t.Fatalf("%v temp tables visible to researchers' SQL after a load; want 0", n)
		}
	}
}
