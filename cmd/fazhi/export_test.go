package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fazhi/fazhi/ingest"
)

func TestExportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.duckdb")
	if out, _, err := runCLI(t, "ingest", "--db", db, samplesDir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "export")
	out, _, err := runCLI(t, "export", "--db", db, "--out", dir)
	if err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	for _, table := range []string{"facts", "headline_facts", "reports", "jurisdictions"} {
		if !strings.Contains(out, table) {
			t.Errorf("export printed %q; want a line for %s", out, table)
		}
	}
	parts, _ := filepath.Glob(filepath.Join(dir, "facts", "year=*", "*.parquet"))
	if len(parts) < 3 {
		t.Errorf("facts partitions = %v; want one per sample year", parts)
	}
	if _, err := os.Stat(filepath.Join(dir, "jurisdictions", "data_0.parquet")); err != nil {
		t.Errorf("jurisdictions: %v", err)
	}
	out, _, err = runCLI(t, "export", "--db", db, "--format", "csv", "--out", dir)
	if err != nil {
		t.Fatalf("export csv: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "reports.csv"))
	if err != nil || !strings.HasPrefix(string(b), "\ufeffreport_id,sha256,source") {
		t.Errorf("reports.csv = %.60q, %v; want a header", b, err)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--db", db}, "--out"},
		{[]string{"export", "--db", db, "--format", "xlsx", "--out", dir}, "parquet or csv"},
		{[]string{"export", "--db", filepath.Join(t.TempDir(), "none.duckdb"), "--out", dir}, "no warehouse"},
	} {
		if _, _, err := runCLI(t, tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("fazhi %v: error %v; want %q", tc.args, err, tc.want)
		}
	}
}

// TestServeWiresWritesAndExports: the real app passes the token, the
// upload pipeline and its export directory to the API, and removes the
// directory when it closes.
func TestServeWiresWritesAndExports(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "fazhi.duckdb")
	cfg.NoSamples = true
	cfg.Token = "0123456789abcdef-token"
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	sample, _ := os.ReadFile(filepath.Join(samplesDir, "004_3f536242070f5f00.txt"))
	ans, err := upload(context.Background(), http.DefaultClient, srv.URL+"/api/reports", cfg.Token, []ingest.Input{{Name: writeTemp(t, sample)}}, [][]byte{sample})
	if err != nil || len(ans.Files) != 1 || ans.Files[0].Load.Stored != 1 {
		t.Fatalf("upload = %+v, %v; want 1 stored", ans, err)
	}
	if _, err := upload(context.Background(), http.DefaultClient, srv.URL+"/api/reports", "wrong-token-0123456", []ingest.Input{{Name: writeTemp(t, sample)}}, [][]byte{sample}); err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("upload with a wrong token: error %v; want 401", err)
	}
	resp, err := http.Get(srv.URL + "/api/export/facts.parquet")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("PAR1")) {
		t.Errorf("GET /api/export/facts.parquet = %d; want Parquet", resp.StatusCode)
	}
	dir := a.exportDir
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("export directory %s still there after Close: %v", dir, err)
	}
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "report.txt")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// buildFazhi is the fazhi binary for the tests that need a second
// process, built once (hostile_test.go).
func buildFazhi(t *testing.T) string {
	t.Helper()
	return fazhiBinary(t)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestIngestWhileServing runs two real fazhi processes on one warehouse
// file: while `fazhi serve` holds it, a direct `fazhi ingest` (and `sql`,
// `export`, `report set`) stops at once and says how to go through the
// server; `fazhi ingest --server` stores the reports through it, with what
// a manifest and --within state of them, and warns about what it stored;
// after the server stops, the file holds exactly what was sent, and `fazhi
// report set|show` fix a report and show its history.
func TestIngestWhileServing(t *testing.T) {
	bin := buildFazhi(t)
	db := filepath.Join(t.TempDir(), "w.duckdb")
	addr := freeAddr(t)
	const token = "two-process-token-0123"
	environ := append(os.Environ(), "FAZHI_TOKEN="+token, "FAZHI_THREADS=1", "FAZHI_LOG_LEVEL=warn")
	var serveErr bytes.Buffer
	serve := exec.Command(bin, "serve", "--db", db, "--addr", addr, "--no-samples")
	serve.Env = environ
	serve.Stderr = &serveErr
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		serve.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- serve.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve exited with %v\n%s", err, serveErr.String())
			}
		case <-time.After(20 * time.Second):
			serve.Process.Kill()
			t.Error("serve did not stop on SIGTERM within 20s")
		}
	}
	t.Cleanup(stop)
	base := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/api/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not answer /api/health within 60s\n%s", serveErr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}

	run := func(args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env = environ
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"ingest", "--db", db, samplesDir}, []string{"locked", "fazhi ingest --server"}},
		{[]string{"sql", "--db", db, "SELECT 1"}, []string{"locked", "/sql"}},
		{[]string{"export", "--db", db, "--out", t.TempDir()}, []string{"locked", "/api/export/"}},
		{[]string{"report", "set", "--db", db, "--year", "2022", "--author", "李明", "--reason", "x", "0123456789abcdef"},
			[]string{"locked", "PUT /api/reports/0123456789abcdef/jurisdiction"}},
	} {
		start := time.Now()
		out, err := run(tc.args...)
		if err == nil {
			t.Errorf("fazhi %s while serve holds the file: succeeded; want a refusal\n%s", tc.args[0], out)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("fazhi %s while serving printed %q; want %q in it", tc.args[0], out, w)
			}
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("fazhi %s took %v to refuse; want at once", tc.args[0], d)
		}
	}
	out, err := run("ingest", "--server", base, "--token", "wrong-token-000000", samplesDir)
	if err == nil || !strings.Contains(out, "401") {
		t.Errorf("ingest --server with a wrong token = %v\n%s; want a 401 refusal", err, out)
	}
	out, err = run("ingest", "--server", base, samplesDir)
	if err != nil || !strings.Contains(out, "5 files") || !strings.Contains(out, "5 stored") {
		t.Fatalf("ingest --server = %v\n%s; want 5 stored", err, out)
	}
	var health struct{ Reports, Facts int }
	resp, err := http.Get(base + "/api/health")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if health.Reports != 5 {
		t.Errorf("health after ingest --server = %+v; want 5 reports", health)
	}
	// A manifest and --within travel with the files; the summary warns.
	dir := t.TempDir()
	for name, variant := range map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"} {
		os.WriteFile(filepath.Join(dir, name), gucheng(variant), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "m.csv"), []byte("file,url,jurisdiction_code,year\na.txt,,130284002,2022\n"), 0o644)
	out, err = run("ingest", "--server", base, "--manifest", filepath.Join(dir, "m.csv"), "--within", "11",
		filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"))
	if err != nil || !strings.Contains(out, "2 files") || !strings.Contains(out, "2 stored") || strings.Contains(out, "WARN") {
		t.Errorf("ingest --server --manifest --within = %v\n%s; want 2 stored, no warnings", err, out)
	}
	for name, want := range map[string]string{"a.txt": `"jurisdiction_code":"130284002"`, "b.txt": `"jurisdiction_code":"110107004"`} {
		resp, err := http.Get(base + "/api/reports/" + reportIDOf(gucheng(name[:1])))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), want) {
			t.Errorf("GET /api/reports/(%s) lacks %s: the manifest or --within did not reach the server", name, want)
		}
	}
	// Two files of one name in two folders go in one request; only the
	// first has a manifest row: the second must not take it.
	for _, sub := range []string{"one", "two"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		os.WriteFile(filepath.Join(dir, sub, "附件1.txt"), gucheng("附件 "+sub), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "m2.csv"), []byte("file,url,jurisdiction_code,year\none/附件1.txt,,130284002,2022\n"), 0o644)
	out, err = run("ingest", "--server", base, "--manifest", filepath.Join(dir, "m2.csv"),
		filepath.Join(dir, "one", "附件1.txt"), filepath.Join(dir, "two", "附件1.txt"))
	if err != nil || !strings.Contains(out, "2 stored") {
		t.Errorf("ingest --server of two 附件1.txt = %v\n%s; want 2 stored", err, out)
	}
	for sub, stated := range map[string]bool{"one": true, "two": false} {
		resp, err := http.Get(base + "/api/reports/" + reportIDOf(gucheng("附件 "+sub)))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if got := strings.Contains(string(body), `"jurisdiction_code":"130284002"`); got != stated {
			t.Errorf("%s/附件1.txt has the manifest's code: %v; want %v (the row names one/附件1.txt only)", sub, got, stated)
		}
	}
	cPath := filepath.Join(dir, "c.txt")
	out, err = run("ingest", "--server", base, cPath)
	if err != nil || !strings.Contains(out, "with an unresolved jurisdiction: 1") || !strings.Contains(out, "WARN "+cPath+": its jurisdiction is unresolved") {
		t.Errorf("ingest --server of an unresolved report = %v\n%s; want the count and a WARN line", err, out)
	}
	stop()
	out, err = run("sql", "--db", db, "--format", "csv", "SELECT count(*) AS n, (SELECT count(*) FROM facts JOIN reports r USING (report_id) WHERE r.source NOT LIKE '"+dir+"%') AS f FROM reports WHERE source NOT LIKE '"+dir+"%'")
	if want := fmt.Sprintf("\ufeffn,f\n5,%d\n", health.Facts); err != nil || out != want {
		t.Errorf("sql after serve stopped = %q, %v; want %q", out, err, want)
	}
	// With the server stopped, a person fixes the report on the command line.
	cID := reportIDOf(gucheng("c"))
	out, err = run("report", "set", "--db", db, "--jurisdiction", "110107004", "--year", "2022", "--author", "李明", "--reason", "原网页是石景山区", cID)
	if err != nil || !strings.Contains(out, "jurisdiction set to 110107004 古城街道") || !strings.Contains(out, "year set to 2022") {
		t.Errorf("report set = %v\n%s", err, out)
	}
	out, err = run("report", "show", "--db", db, cID)
	for _, want := range []string{"110107004 北京市 › 石景山区 › 古城街道  (set by a person; extracted: unresolved 古城街道", "2022  (set by a person; extracted: 2023)",
		"by 李明: 原网页是石景山区"} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("report show = %v\n%s\nwant %q in it", err, out, want)
		}
	}
	out, err = run("report", "show", "--db", db, "--format", "json", cID)
	if err != nil || !strings.Contains(out, `"jurisdiction_corrected": true`) || !strings.Contains(out, `"action": "year"`) {
		t.Errorf("report show --format json = %v\n%s", err, out)
	}
	out, err = run("sql", "--db", db, "--format", "csv", "SELECT jurisdiction_code, year FROM headline WHERE report_id = '"+cID+"' LIMIT 1")
	if err != nil || out != "\ufeffjurisdiction_code,year\n110107004,2022\n" {
		t.Errorf("headline after report set = %q, %v; want the corrected place and year", out, err)
	}
	if out, err := run("report", "set", "--db", db, "--jurisdiction", "110107999", "--author", "李明", "--reason", "x", cID); err == nil ||
		!strings.Contains(out, "not a code of the division table") {
		t.Errorf("report set with an unknown code = %v\n%s; want a refusal naming it", err, out)
	}
}

func TestIngestServerAndTokenRefusals(t *testing.T) {
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"ingest", "--server", "http://127.0.0.1:1", samplesDir}, "--token or FAZHI_TOKEN"},
		{nil, []string{"ingest", "--server", "http://127.0.0.1:1", "--token", "0123456789abcdef-x", samplesDir}, "127.0.0.1:1"},
		{map[string]string{"FAZHI_TOKEN": "short"}, []string{"ingest", "--server", "http://127.0.0.1:1", samplesDir}, "at least 16"},
		{map[string]string{"FAZHI_MAX_UPLOAD": "lots"}, []string{"serve"}, "FAZHI_MAX_UPLOAD"},
	}
	for _, tc := range cases {
		var out, errb bytes.Buffer
		err := run(context.Background(), tc.args, env(tc.env), nil, &out, &errb)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("fazhi %v (env %v): error %v; want %q", tc.args, tc.env, err, tc.want)
		}
	}
}

// TestWarehouseSurvivesAKill kills `fazhi serve` (SIGKILL: no shutdown, no
// checkpoint) right after it created a warehouse and loaded the samples;
// the next process must open the file and find the reports. DuckDB 1.5
// cannot replay some schema changes from its write-ahead log (a column
// comment on a table with a default such as now()), so the migrations are
// checkpointed into the file at once.
func TestWarehouseSurvivesAKill(t *testing.T) {
	bin := buildFazhi(t)
	db := filepath.Join(t.TempDir(), "w.duckdb")
	addr := freeAddr(t)
	serve := exec.Command(bin, "serve", "--db", db, "--addr", addr)
	serve.Env = append(os.Environ(), "FAZHI_THREADS=1", "FAZHI_LOG_LEVEL=warn")
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer serve.Process.Kill()
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/api/health"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not answer /api/health within 60s")
		}
	}
	serve.Process.Kill()
	serve.Wait()
	out, err := exec.Command(bin, "sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM reports").CombinedOutput()
	if err != nil || string(out) != "\ufeffn\n5\n" {
		t.Errorf("sql after serve was killed = %q, %v; want the 5 sample reports", out, err)
	}
}
