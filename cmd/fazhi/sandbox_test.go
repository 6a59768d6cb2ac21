package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mustServeSandbox starts the real app (publisher, SQL workers through the
// real sql-worker subcommand of this test binary) on a warehouse file with
// the samples, with small worker limits so that the blowups of issue 9 stop
// within a few hundred megabytes and seconds.
func mustServeSandbox(t *testing.T) (*app, *httptest.Server) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "fazhi.duckdb")
	cfg.Token = "0123456789abcdef-token"
	cfg.SQLMemory, cfg.SQLProcessLimit = 256<<20, 1<<30
	cfg.SQLTimeout = 3 * time.Second
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("newApp: %v", err)
	}
	srv := httptest.NewServer(a.handler)
	t.Cleanup(func() { srv.Close(); a.Close() })
	return a, srv
}

// postSQL sends one query and returns the status and the body.
func postSQL(t *testing.T, srv *httptest.Server, query, format string) (int, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"sql": query})
	target := srv.URL + "/api/sql"
	if format != "" {
		target += "?format=" + format
	}
	resp, err := http.Post(target, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /api/sql: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func healthy(t *testing.T, srv *httptest.Server) bool {
	t.Helper()
	var h struct{ Status string }
	return getJSON(t, srv.URL+"/api/health", &h) == 200 && h.Status == "ok"
}

// Every hostile query of issue 9 §1, through the real server: each is
// refused with a reason or stopped at a limit (400, or 504 past the time
// limit), never a 500, and /api/health answers 200 after each one.
func TestHostileSQL(t *testing.T) {
	a, srv := mustServeSandbox(t)
	kb := strings.Repeat("x", 1000)
	cases := []struct {
		name, sql string
		want      []int
		reason    string
	}{
		{"enable_logging to a file", `SELECT * FROM enable_logging(storage='file', storage_path='/nope')`, []int{400}, "table function enable_logging is not allowed"},
		{"enable_logging QueryLog", `SELECT * FROM enable_logging('QueryLog')`, []int{400}, "enable_logging"},
		{"CALL enable_logging", `CALL enable_logging('QueryLog')`, []int{400}, "only SELECT"},
		{"duckdb_logs", `SELECT * FROM duckdb_logs`, []int{400}, "table duckdb_logs is not allowed"},
		{"duckdb_logs()", `SELECT * FROM duckdb_logs()`, []int{400}, "duckdb_logs"},
		{"disable_logging", `SELECT * FROM disable_logging()`, []int{400}, "disable_logging"},
		{"checkpoint", `SELECT * FROM checkpoint()`, []int{400}, "table function checkpoint is not allowed"},
		{"force_checkpoint", `SELECT * FROM force_checkpoint()`, []int{400}, "force_checkpoint"},
		{"truncate_duckdb_logs", `SELECT * FROM truncate_duckdb_logs()`, []int{400}, "truncate_duckdb_logs"},
		{"quoted nextval", `SELECT "nextval"('correction_ids')`, []int{400}, "function nextval is not allowed"},
		{"commented nextval", `SELECT nextval/**/('correction_ids')`, []int{400}, "function nextval is not allowed"},
		{"setval", `SELECT setval('correction_ids', 99)`, []int{400}, "function setval"},
		{"repeat × range", `SELECT repeat('x',50000000) FROM range(200)`, []int{400, 504}, ""},
		{"repeat 500 MB", `SELECT repeat('` + kb + `', 500000)`, []int{400, 504}, ""},
		{"repeat 2 GB", `SELECT repeat('x',2000000000)`, []int{400, 504}, ""},
		{"lpad 2 GB", `SELECT lpad('x', 2000000000, 'y')`, []int{400, 504}, ""},
		{"string_agg 1e9", `SELECT length(string_agg('xxxxxxxxxx', '')) FROM range(1000000000)`, []int{400, 504}, ""},
		{"current_setting", `SELECT current_setting('allowed_directories')`, []int{400}, "function current_setting is not allowed in researchers' SQL"},
		{"duckdb_databases", `SELECT * FROM duckdb_databases()`, []int{400}, "table function duckdb_databases is not allowed"},
		{"duckdb_settings", `SELECT * FROM duckdb_settings()`, []int{400}, "duckdb_settings"},
		{"test_all_types", `SELECT * FROM test_all_types()`, []int{400}, "table function test_all_types is not allowed"},
		{"read_csv passwd", `SELECT * FROM read_csv('/etc/passwd')`, []int{400}, "table function read_csv is not allowed"},
		{"bare file", `SELECT * FROM '/etc/passwd'`, []int{400}, "table /etc/passwd is not allowed"},
		{"read_text", `SELECT * FROM read_text('/etc/passwd')`, []int{400}, "read_text"},
		{"copy to", `COPY (SELECT * FROM reports) TO '/tmp/fazhi-leak.csv'`, []int{400}, "only SELECT"},
		{"copy from", `COPY reports FROM '/etc/passwd'`, []int{400}, "only SELECT"},
		{"attach", `ATTACH '/tmp/fazhi-other.duckdb' AS other`, []int{400}, "only SELECT"},
		{"detach", `DETACH fazhi`, []int{400}, "only SELECT"},
		{"pragma", `PRAGMA database_list`, []int{400}, "only SELECT"},
		{"set", `SET enable_external_access = true`, []int{400}, "only SELECT"},
		{"set memory", `SET memory_limit = '100GB'`, []int{400}, "only SELECT"},
		{"install", `INSTALL httpfs`, []int{400}, "only SELECT"},
		{"export database", `EXPORT DATABASE '/tmp/fazhi-export'`, []int{400}, "only SELECT"},
		{"multi select", `SELECT 1; SELECT 2`, []int{400}, "exactly one statement"},
		{"multi drop", `SELECT 1; DROP TABLE facts`, []int{400}, "only SELECT"},
		{"drop", `DROP TABLE facts`, []int{400}, "only SELECT"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := postSQL(t, srv, tc.sql, "")
			ok := false
			for _, w := range tc.want {
				ok = ok || status == w
			}
			if !ok || !strings.Contains(body, tc.reason) || !strings.Contains(body, `"error"`) {
				t.Errorf("%s = %d %.300s; want %v naming %q", tc.sql, status, body, tc.want, tc.reason)
			}
			if !healthy(t, srv) {
				t.Fatalf("GET /api/health after %s: not 200 ok", tc.name)
			}
		})
	}
	status, body := postSQL(t, srv, `SELECT count(*) AS n FROM reports`, "")
	if status != 200 || !strings.Contains(body, `"rows":[[5]]`) {
		t.Errorf("ordinary query after the hostile ones = %d %s; want 5 reports", status, body)
	}
	if n := len(a.sandbox.PIDs()); n != 2 {
		t.Errorf("%d SQL workers after the hostile queries; want 2", n)
	}
	for _, f := range []string{"/tmp/fazhi-leak.csv", "/tmp/fazhi-other.duckdb", "/tmp/fazhi-export"} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s exists: a hostile query wrote it", f)
		}
	}
}

// A query past its time limit is answered 504 with the reason, and the
// worker that ran it is gone: killed, reaped, replaced.
func TestSQLTimeoutKillsItsWorker(t *testing.T) {
	a, srv := mustServeSandbox(t)
	before := a.sandbox.PIDs()
	start := time.Now()
	status, body := postSQL(t, srv, `SELECT count(*) FROM range(1000000000000) a, range(1000) b`, "")
	if status != 504 || !strings.Contains(body, "time limit of 3s") {
		t.Fatalf("endless query = %d %s; want 504 naming the 3s limit", status, body)
	}
	if d := time.Since(start); d > 6*time.Second {
		t.Errorf("endless query answered after %s; want about 3s", d)
	}
	now := map[int]bool{}
	for _, pid := range a.sandbox.PIDs() {
		now[pid] = true
	}
	var gone []int
	for _, pid := range before {
		if !now[pid] {
			gone = append(gone, pid)
		}
	}
	if len(gone) != 1 || len(now) != 2 {
		t.Fatalf("workers %v before, %v after; want exactly one replaced", before, a.sandbox.PIDs())
	}
	if err := syscall.Kill(gone[0], 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("the timed-out worker %d still exists (kill 0: %v)", gone[0], err)
	}
	if !healthy(t, srv) {
		t.Error("GET /api/health after the timeout: not 200 ok")
	}
}

// A report uploaded under a formula's name (issue 9 §5) is text in every
// CSV: neutralised in /api/sql?format=csv and /api/export, with the
// byte-order mark, and the copy researchers query is published within a
// second or two of the upload, its time in as_of.
func TestUploadedFormulaInCSV(t *testing.T) {
	a, srv := mustServeSandbox(t)
	_ = a
	const evil = `=cmd|'/C calc'!A0.txt`
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, evil))
	part, _ := w.CreatePart(h)
	sample, _ := os.ReadFile(filepath.Join(samplesDir, "004_3f536242070f5f00.txt"))
	part.Write(append(sample, "\n补充。"...))
	w.Close()
	_, before := postSQL(t, srv, `SELECT 1`, "")
	req, _ := http.NewRequest("POST", srv.URL+"/api/reports", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer 0123456789abcdef-token")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("upload = %d", resp.StatusCode)
	}
	uploaded := time.Now()
	query := `SELECT source, -5 AS n FROM reports WHERE source LIKE '%calc%'`
	var got string
	for time.Since(uploaded) < 5*time.Second {
		if _, got = postSQL(t, srv, query, "csv"); strings.Contains(got, "calc") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if d := time.Since(uploaded); d > 3*time.Second {
		t.Errorf("the upload reached researchers' SQL after %s; want a publish within about a second", d)
	}
	if want := "\ufeffsource,n\n'=cmd|'/C calc'!A0.txt,-5\n"; got != want {
		t.Errorf("POST /api/sql?format=csv = %q; want %q", got, want)
	}
	_, after := postSQL(t, srv, `SELECT 1`, "")
	var b4, af struct {
		AsOf time.Time `json:"as_of"`
	}
	json.Unmarshal([]byte(before), &b4)
	json.Unmarshal([]byte(after), &af)
	if !af.AsOf.After(b4.AsOf) {
		t.Errorf("as_of %v after the upload, %v before; want a newer copy", af.AsOf, b4.AsOf)
	}
	resp, err = http.Get(srv.URL + "/api/export/reports.csv")
	if err != nil {
		t.Fatal(err)
	}
	exp, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.HasPrefix(exp, []byte("\ufeff")) || !bytes.Contains(exp, []byte(",'=cmd|")) || bytes.Contains(exp, []byte(",=cmd|")) {
		t.Errorf("GET /api/export/reports.csv: BOM %v, neutralised %v; want both", bytes.HasPrefix(exp, []byte("\ufeff")), bytes.Contains(exp, []byte(",'=cmd|")))
	}
}
