package warehousetest

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
)

// workerEnv, when set in a test binary's environment, makes it an SQL
// worker (the os/exec helper-process pattern): its value is the worker's
// configuration, "memory,processLimit" in bytes.
const workerEnv = "FAZHI_TEST_SQL_WORKER"

// TestWorker is the configuration of the workers tests start: small, so
// that a query that blows up stops within a few hundred megabytes.
var TestWorker = sqlbox.WorkerConfig{Memory: 256 << 20, ProcessLimit: 1 << 30}

// ServeWorkerIfAsked must be the first call of TestMain in a package whose
// tests start SQL workers: when the test binary was started as a worker
// (by WorkerCommand), it serves as one and exits.
func ServeWorkerIfAsked() {
	spec, ok := os.LookupEnv(workerEnv)
	if !ok {
		return
	}
	var cfg sqlbox.WorkerConfig
	mem, limit, _ := strings.Cut(spec, ",")
	cfg.Memory, _ = strconv.ParseInt(mem, 10, 64)
	cfg.ProcessLimit, _ = strconv.ParseInt(limit, 10, 64)
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := sqlbox.Serve(context.Background(), cfg, os.Stdin, os.Stdout, log); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// WorkerCommand starts this test binary as an SQL worker with cfg.
func WorkerCommand(cfg sqlbox.WorkerConfig) func() *exec.Cmd {
	return func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d,%d", workerEnv, cfg.Memory, cfg.ProcessLimit))
		return cmd
	}
}

// Sandbox publishes db (a file-backed warehouse) into a temporary directory
// and returns a pool of test workers querying that copy, under lim (zero:
// sqlbox.DefaultLimits). It is closed when the test ends.
func Sandbox(t testing.TB, db *warehouse.DB, lim sqlbox.Limits) *sqlbox.Pool {
	t.Helper()
	c, err := db.Publish(context.Background(), t.TempDir())
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	return Pool(t, sqlbox.Source{Path: c.Path, AsOf: c.At}, lim)
}

// Pool returns a pool of test workers querying the file src, under lim.
func Pool(t testing.TB, src sqlbox.Source, lim sqlbox.Limits) *sqlbox.Pool {
	t.Helper()
	p, err := sqlbox.Start(sqlbox.Config{
		Command: WorkerCommand(TestWorker),
		Limits:  lim,
		Acquire: func(context.Context) (sqlbox.Source, func(), error) { return src, func() {}, nil },
		Log:     slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		t.Fatalf("start sql sandbox: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// testWriter sends log lines to the test's log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// Eventually waits up to d for cond.
func Eventually(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cond()
}
