package sqlbox_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
	"github.com/fazhi/fazhi/warehouse/warehousetest"
)

func TestMain(m *testing.M) {
	warehousetest.ServeWorkerIfAsked()
	os.Exit(m.Run())
}

func TestQueryAnswers(t *testing.T) {
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	p := warehousetest.Sandbox(t, db, sqlbox.Limits{})
	ctx := context.Background()
	res, err := p.Query(ctx, `WITH c AS (SELECT category, count(*) AS n FROM indicators GROUP BY ALL)
		SELECT category, n, [1, 2] AS l, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS t, 12.50::DECIMAL(6,2) AS d,
		       170141183460469231731687303715884105727::HUGEINT AS h, -3 AS neg FROM c ORDER BY category;`)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(res.Columns, ","); got != "category,n,l,t,d,h,neg" {
		t.Errorf("columns = %s", got)
	}
	if got := strings.Join(res.Types, ","); !strings.HasPrefix(got, "VARCHAR,BIGINT,") {
		t.Errorf("types = %s; want VARCHAR,BIGINT,…", got)
	}
	if len(res.Rows) == 0 || res.Truncated || res.AsOf.IsZero() {
		t.Fatalf("%d rows, truncated %v, as of %v; want rows, not truncated, a publish time", len(res.Rows), res.Truncated, res.AsOf)
	}
	row := res.Rows[0]
	want := []any{json.Number("2024-01-02T03:04:05Z"), json.Number("12.50"), json.Number("170141183460469231731687303715884105727"), json.Number("-3")}
	got := []any{json.Number(row[3].(string)), row[4], row[5], row[6]}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("value %d = %#v; want %#v (exact, RFC 3339 UTC)", i, got[i], want[i])
		}
	}

	res, err = p.Query(ctx, `SELECT * FROM range(100)`)
	if err != nil || len(res.Rows) != 10000 && len(res.Rows) != 100 || res.Truncated {
		t.Errorf("range(100): %d rows, truncated %v, %v", len(res.Rows), res.Truncated, err)
	}
	res, err = p.Query(ctx, `SELECT count(*) FROM reports`)
	if err != nil || len(res.Rows) != 1 || res.Rows[0][0] != json.Number("5") {
		t.Errorf("count(*) FROM reports = %v, %v; want 5", res.Rows, err)
	}
}

func TestLimits(t *testing.T) {
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	p := warehousetest.Sandbox(t, db, sqlbox.Limits{Timeout: 10 * time.Second, MaxRows: 10, MaxBytes: 500, MaxCell: 100, MaxLength: 200})
	ctx := context.Background()
	res, err := p.Query(ctx, `SELECT * FROM range(1000000000000)`)
	if err != nil || len(res.Rows) != 10 || !res.Truncated || res.TruncatedBy != "rows" {
		t.Errorf("row cap: %d rows, truncated %v by %q, %v; want 10, by rows", len(res.Rows), res.Truncated, res.TruncatedBy, err)
	}
	res, err = p.Query(ctx, `SELECT repeat('x', 90) AS s FROM range(5)`)
	if err != nil || len(res.Rows) != 5 || res.Truncated {
		t.Errorf("under the byte cap: %d rows, truncated %v, %v; want 5", len(res.Rows), res.Truncated, err)
	}
	res, err = p.Query(ctx, `SELECT repeat('x', 90) || range AS s FROM range(10)`)
	if err != nil || len(res.Rows) >= 10 || !res.Truncated || res.TruncatedBy != "bytes" {
		t.Errorf("byte cap: %d rows, truncated %v by %q, %v; want fewer than 10, by bytes", len(res.Rows), res.Truncated, res.TruncatedBy, err)
	}
	res, err = p.Query(ctx, `SELECT repeat('字', 50) AS s, 'short' AS t`)
	if err != nil || res.CellsCut != 1 || len(res.Rows[0][0].(string)) != 99 || res.Rows[0][1] != "short" {
		t.Errorf("cell cap: %v, cut %d, %v; want the first cell cut to 33 characters (99 bytes)", res.Rows, res.CellsCut, err)
	}
	if _, err := p.Query(ctx, `SELECT '`+strings.Repeat("x", 300)+`'`); !errors.Is(err, sqlbox.ErrRejected) || !strings.Contains(err.Error(), "longer than 200") {
		t.Errorf("length cap: %v; want a refusal naming 200 characters", err)
	}
}

func TestTimeoutKillsTheWorker(t *testing.T) {
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	lim := sqlbox.DefaultLimits
	lim.Timeout = 500 * time.Millisecond
	p := warehousetest.Sandbox(t, db, lim)
	before := p.PIDs()
	start := time.Now()
	_, err := p.Query(context.Background(), `SELECT count(*) FROM range(1000000000000) a, range(1000) b`)
	if !errors.Is(err, sqlbox.ErrTimeout) {
		t.Fatalf("long query: %v; want ErrTimeout", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("long query answered after %s; want about the 500ms limit", d)
	}
	after := map[int]bool{}
	for _, pid := range p.PIDs() {
		after[pid] = true
	}
	gone := 0
	for _, pid := range before {
		if !after[pid] {
			gone++
			if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
				t.Errorf("worker %d still exists after the timeout (kill 0: %v)", pid, err)
			}
		}
	}
	if gone != 1 || len(after) != len(before) {
		t.Errorf("workers %v before, %v after; want one replaced", before, p.PIDs())
	}
	if res, err := p.Query(context.Background(), `SELECT 42`); err != nil || res.Rows[0][0] != json.Number("42") {
		t.Errorf("query after the timeout: %v, %v; want 42", res.Rows, err)
	}
}

// The process limits hold against the functions that build huge values:
// they stay allowed, and end in a memory error, not a dead server.
func TestMemoryBlowupsStopAtTheLimit(t *testing.T) {
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	p := warehousetest.Sandbox(t, db, sqlbox.Limits{Timeout: 20 * time.Second, MaxRows: 10000, MaxBytes: 16 << 20, MaxCell: 64 << 10, MaxLength: 20000})
	ctx := context.Background()
	kb := strings.Repeat("x", 1000) // repeat copies a long string fast, a short one slowly
	for _, q := range []string{
		`SELECT repeat('x', 50000000) FROM range(200)`,
		`SELECT repeat('` + kb + `', 500000)`,
		`SELECT repeat('x', 2000000000)`,
		`SELECT rpad('x', 300000000, '` + kb[:100] + `')`,
		`SELECT length(string_agg('xxxxxxxxxxxxxxxxxxxx', '')) FROM range(1000000000)`,
		`SELECT list(repeat('` + kb + `', 100)) FROM range(100000)`,
	} {
		start := time.Now()
		_, err := p.Query(ctx, q)
		if !errors.Is(err, sqlbox.ErrMemory) {
			t.Errorf("%.60s: %v; want ErrMemory", q, err)
		}
		t.Logf("%.60s: %v in %s", q, err, time.Since(start).Round(time.Millisecond))
		if res, err := p.Query(ctx, `SELECT count(*) FROM facts`); err != nil || len(res.Rows) != 1 {
			t.Fatalf("after %s: %v; want the sandbox to answer", q, err)
		}
	}
	// A large value that fits is cut, not refused.
	res, err := p.Query(ctx, `SELECT repeat('x', 50000000) AS big`)
	if err != nil || res.CellsCut != 1 || len(res.Rows[0][0].(string)) != 64<<10 {
		t.Errorf("50 MB cell: cut %d, %v; want it cut to 64 KB", res.CellsCut, err)
	}
}

// test_all_types() is refused by name; the types themselves, built by
// hand, are all answered (as text where the driver has no Go value).
func TestEveryTypeIsAnswered(t *testing.T) {
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	p := warehousetest.Sandbox(t, db, sqlbox.Limits{})
	ctx := context.Background()
	if _, err := p.Query(ctx, `SELECT * FROM test_all_types()`); !errors.Is(err, sqlbox.ErrRejected) {
		t.Errorf("test_all_types(): %v; want ErrRejected", err)
	}
	res, err := p.Query(ctx, `SELECT '12:00'::TIME_NS AS t, 1 AS n, 'POINT(1 2)'::GEOMETRY AS g, '\xAA'::BLOB AS b,
		'1 day'::INTERVAL AS i, MAP {1: 'a'} AS m, 1::UNION(a INTEGER, b VARCHAR) AS u, '101'::BIT AS bits, '8f7d4ba4-4ad3-4d50-9d4d-6ae4a1b8c0a2'::UUID AS id`)
	if err != nil {
		t.Fatalf("every type: %v", err)
	}
	if res.Rows[0][0] != "12:00:00" {
		t.Errorf("TIME_NS = %#v; want it as text", res.Rows[0][0])
	}
}

// A worker that dies under a query is replaced; SIGKILL from outside (the
// kernel's out-of-memory killer) reads as lack of memory, another death as
// a crash.
func TestDeadWorkersAreReplaced(t *testing.T) {
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	p := warehousetest.Sandbox(t, db, sqlbox.Limits{Timeout: 20 * time.Second, MaxRows: 10, MaxBytes: 1 << 20, MaxCell: 1 << 10, MaxLength: 1000})
	for _, tc := range []struct {
		sig  syscall.Signal
		want error
	}{{syscall.SIGKILL, sqlbox.ErrMemory}, {syscall.SIGABRT, sqlbox.ErrCrashed}} {
		errc := make(chan error, 1)
		go func() {
			_, err := p.Query(context.Background(), `SELECT count(*) FROM range(1000000000000) a, range(1000) b`)
			errc <- err
		}()
		time.Sleep(500 * time.Millisecond) // the query is running
		for _, pid := range p.PIDs() {
			syscall.Kill(pid, tc.sig)
		}
		if err := <-errc; !errors.Is(err, tc.want) {
			t.Errorf("worker killed by %v: %v; want %v", tc.sig, err, tc.want)
		}
		// The other worker died idle: the next query starts a fresh one.
		for range 3 {
			if res, err := p.Query(context.Background(), `SELECT 1`); err != nil || len(res.Rows) != 1 {
				t.Errorf("query after %v: %v", tc.sig, err)
			}
		}
	}
}

// The worker reopens when the published copy changes, and lets go of the
// old one (its release is called) once it has.
func TestWorkersFollowTheNewestCopy(t *testing.T) {
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	ctx := context.Background()
	a, err := db.Publish(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.Publish(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	cur, users := a, map[string]int{}
	p, err := sqlbox.Start(sqlbox.Config{
		Command: warehousetest.WorkerCommand(warehousetest.TestWorker),
		Workers: 1,
		Acquire: func(context.Context) (sqlbox.Source, func(), error) {
			mu.Lock()
			defer mu.Unlock()
			c := cur
			users[c.Path]++
			return sqlbox.Source{Path: c.Path, AsOf: c.At}, func() { mu.Lock(); users[c.Path]--; mu.Unlock() }, nil
		},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	count := func(path string) int { mu.Lock(); defer mu.Unlock(); return users[path] }
	for range 2 {
		if _, err := p.Query(ctx, `SELECT count(*) FROM reports`); err != nil {
			t.Fatal(err)
		}
	}
	if count(a.Path) != 1 {
		t.Errorf("copy A users = %d after two queries on it; want 1 (the worker holds it)", count(a.Path))
	}
	mu.Lock()
	cur = b
	mu.Unlock()
	res, err := p.Query(ctx, `SELECT count(*) FROM reports`)
	if err != nil || !res.AsOf.Equal(b.At) {
		t.Fatalf("query on copy B: as of %v, %v; want %v", res.AsOf, err, b.At)
	}
	if count(a.Path) != 0 || count(b.Path) != 1 {
		t.Errorf("users after the switch: A %d, B %d; want 0 and 1", count(a.Path), count(b.Path))
	}
	p.Close()
	if count(b.Path) != 0 {
		t.Errorf("copy B users after Close = %d; want 0", count(b.Path))
	}
}

// fazhi sql on a warehouse that fazhi serve holds: the worker cannot open
// it, and says so.
func TestLockedWarehouse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fazhi.duckdb")
	warehousetest.Open(t, warehouse.Config{Path: path}) // held open by this process
	p := warehousetest.Pool(t, sqlbox.Source{Path: path}, sqlbox.Limits{})
	if _, err := p.Query(context.Background(), `SELECT 1`); !errors.Is(err, sqlbox.ErrLocked) {
		t.Errorf("query on a held warehouse: %v; want ErrLocked", err)
	}
}

// Waiting for a copy to query counts against the time limit: a server
// whose first publish has not come holds no slot for ever.
func TestNoCopyTimesOut(t *testing.T) {
	lim := sqlbox.DefaultLimits
	lim.Timeout = 300 * time.Millisecond
	p, err := sqlbox.Start(sqlbox.Config{
		Command: warehousetest.WorkerCommand(warehousetest.TestWorker),
		Workers: 1,
		Limits:  lim,
		Acquire: func(ctx context.Context) (sqlbox.Source, func(), error) {
			<-ctx.Done()
			return sqlbox.Source{}, nil, ctx.Err()
		},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	start := time.Now()
	if _, err := p.Query(context.Background(), `SELECT 1`); !errors.Is(err, sqlbox.ErrTimeout) || time.Since(start) > 2*time.Second {
		t.Errorf("query with no copy: %v after %s; want ErrTimeout after 300ms", err, time.Since(start))
	}
}
