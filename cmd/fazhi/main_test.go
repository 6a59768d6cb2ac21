package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/datasets/synth"
)

// testWorkerEnv marks this test binary, started again by the app's own
// worker command (os.Executable() sql-worker …), as an SQL worker: the
// os/exec helper-process pattern, through the real subcommand.
const testWorkerEnv = "FAZHI_TEST_RUN_AS_FAZHI"

func TestMain(m *testing.M) {
	if os.Getenv(testWorkerEnv) == "1" {
		err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "fazhi:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	// Children the tests start through workerCommand inherit it.
	os.Setenv(testWorkerEnv, "1")
	gin.SetMode(gin.TestMode)
	code := m.Run()
	removeBuiltBinary()
	os.Exit(code)
}

// samplesDir is the bundled sample reports, as a folder on disk.
const samplesDir = "../../datasets/reports"

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// runCLI runs fazhi with args and returns stdout, stderr and the error.
func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, env(nil), nil, &out, &errb)
	return out.String(), errb.String(), err
}

// mustServe starts the real app on a temp warehouse (samples loaded) behind
// a real HTTP server on loopback.
func mustServe(t *testing.T) *httptest.Server {
	t.Helper()
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "fazhi.duckdb")
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("newApp: %v", err)
	}
	srv := httptest.NewServer(a.handler)
	t.Cleanup(func() { srv.Close(); a.Close() })
	return srv
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: decode: %v", url, err)
	}
	return resp.StatusCode
}

func TestServeLoadsSamplesIntoEmptyWarehouse(t *testing.T) {
	srv := mustServe(t)
	var health struct {
		Status         string
		Reports, Facts int
	}
	if code := getJSON(t, srv.URL+"/api/health", &health); code != 200 || health.Status != "ok" || health.Reports != 5 || health.Facts == 0 {
		t.Fatalf("GET /api/health = %d %+v; want 200, ok, 5 reports, some facts", code, health)
	}
	var cmp struct {
		Indicator string
		Rows      []struct {
			JurisdictionCode string  `json:"jurisdiction_code"`
			JurisdictionName string  `json:"jurisdiction_name"`
			Year             int     `json:"year"`
			Value            float64 `json:"value"`
			FactID           string  `json:"fact_id"`
		}
	}
	if code := getJSON(t, srv.URL+"/api/compare?indicator=mediation.cases_accepted", &cmp); code != 200 || len(cmp.Rows) < 3 {
		t.Fatalf("GET /api/compare = %d with %d rows; want 200 and the sample towns", code, len(cmp.Rows))
	}
	for _, r := range cmp.Rows {
		if r.FactID == "" || r.Year == 0 || r.Value <= 0 || r.JurisdictionName == "" {
			t.Errorf("compare row %+v lacks provenance or value", r)
		}
	}
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `id="compare-chart"`) {
		t.Errorf("GET / = %d; want 200 with the compare chart", resp.StatusCode)
	}
}

func TestIngestCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.duckdb")
	out, _, err := runCLI(t, "ingest", "--db", db, samplesDir)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	if !strings.Contains(out, "5 files") || !strings.Contains(out, "5 stored") {
		t.Errorf("first ingest printed %q; want 5 files, 5 stored", out)
	}
	out, _, err = runCLI(t, "ingest", "--db", db, samplesDir)
	if err != nil || !strings.Contains(out, "0 stored") || !strings.Contains(out, "5 unchanged") {
		t.Errorf("second ingest = %q, %v; want 5 unchanged, 0 stored", out, err)
	}

	// A broken file fails alone: the good one is stored, the exit status is 1.
	dir := t.TempDir()
	good, _ := os.ReadFile(filepath.Join(samplesDir, "004_3f536242070f5f00.txt"))
	os.WriteFile(filepath.Join(dir, "good.txt"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "broken.txt"), []byte{0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x81, 0x00, 0xfe}, 0o644)
	db2 := filepath.Join(t.TempDir(), "w2.duckdb")
	out, _, err = runCLI(t, "ingest", "--db", db2, dir)
	var exit exitError
	if !errors.As(err, &exit) || exit != 1 {
		t.Errorf("ingest with a broken file: error %v; want exit status 1", err)
	}
	if !strings.Contains(out, "1 stored") || !strings.Contains(out, "FAILED "+filepath.Join(dir, "broken.txt")) {
		t.Errorf("ingest with a broken file printed %q; want 1 stored and a FAILED line naming it", out)
	}

	out, _, err = runCLI(t, "sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM reports")
	if err != nil || out != "\ufeffn\n5\n" {
		t.Errorf("sql = %q, %v; want n=5", out, err)
	}
	_, _, err = runCLI(t, "sql", "--db", db, "DROP TABLE facts")
	if err == nil || !strings.Contains(err.Error(), "only SELECT") {
		t.Errorf("sql DROP: error %v; want a refusal", err)
	}
}

func TestExtractCommandContract(t *testing.T) {
	out, _, err := runCLI(t, "extract", filepath.Join(samplesDir, "002_d513238c1e646e12.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var rep map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("extract output is not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"file", "title", "jurisdiction", "year", "facts"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("extract output lacks %q", k)
		}
	}
	var j map[string]json.RawMessage
	json.Unmarshal(rep["jurisdiction"], &j)
	for _, k := range []string{"name", "level", "code", "path"} {
		if _, ok := j[k]; !ok {
			t.Errorf("extract jurisdiction lacks %q", k)
		}
	}
	var facts []map[string]json.RawMessage
	json.Unmarshal(rep["facts"], &facts)
	if len(facts) == 0 {
		t.Fatal("extract found no facts in a sample report")
	}
	for _, k := range []string{"indicator", "value", "unit", "raw_unit", "approx", "scope", "quote", "start", "end", "derived", "flags"} {
		if _, ok := facts[0][k]; !ok {
			t.Errorf("extract fact lacks %q", k)
		}
	}
	if string(facts[0]["flags"]) == "null" {
		t.Error(`extract fact has "flags": null; want []`)
	}
}

func TestConfigValidation(t *testing.T) {
	_, _, err := runCLI(t, "sql", "--db", "", "SELECT 1")
	if err == nil || !strings.Contains(err.Error(), "--db") {
		t.Errorf("empty --db: error %v; want it named", err)
	}
	var out, errb bytes.Buffer
	err = run(context.Background(), []string{"sql", "SELECT 1"}, env(map[string]string{"FAZHI_SQL_TIMEOUT": "soon"}), nil, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "FAZHI_SQL_TIMEOUT") {
		t.Errorf("bad FAZHI_SQL_TIMEOUT: error %v; want it named", err)
	}
	_, _, err = runCLI(t, "sql", "--db", filepath.Join(t.TempDir(), "none.duckdb"), "SELECT 1")
	if err == nil || !strings.Contains(err.Error(), "no warehouse") {
		t.Errorf("sql on a missing warehouse: error %v; want 'no warehouse'", err)
	}
}

// A comparison of more jurisdictions than a page can show ranks the first
// maxCompareRows and says how many there are.
func TestComparePageCapsRows(t *testing.T) {
	ctx := context.Background()
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "many.duckdb")
	cfg.NoSamples = true
	// One year of 300 real divisions' synthetic reports, through the real ingest.
	divs, err := divisions.Load()
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "corpus")
	if _, err := synth.WriteCorpus(corpus, divs, synth.TextConfig{Seed: 1, Reports: 300, FirstYear: 2024, LastYear: 2024}); err != nil {
		t.Fatal(err)
	}
	if err := runIngest(ctx, cfg, []string{"--db", cfg.DB, corpus}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	a, err := newApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/?indicator=mediation.cases_accepted&year=latest&level=all")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	page := string(body)
	table := page[max(strings.Index(page, `<table class="facts ranking">`), 0):]
	table = table[:max(strings.Index(table, "</table>"), 0)]
	rows := strings.Count(table, "<tr>") - 1 // minus the header
	if resp.StatusCode != 200 || rows != 100 || !strings.Contains(page, "这里只显示前100个") {
		t.Errorf("compare page over 300 reports: status %d, %d table rows, note %v; want 100 rows and the note",
			resp.StatusCode, rows, strings.Contains(page, "这里只显示前"))
	}
}

// From the sentence to the page: 近500件 is shown as at most 500, 约300件 as
// about 300, 60余场次 as at least 60, never all as ≥.
func TestApproximateValuesLeanTheWayTheReportSays(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "w.duckdb")
	text := "北京市朝阳区垡头街道2023年法治政府建设情况报告\n\n2023年，垡头街道深入推进法治政府建设。" +
		"全年共受理各类矛盾纠纷近500件，调解成功约300件，开展法治宣传活动60余场次。\n"
	if err := os.WriteFile(filepath.Join(dir, "r.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _, err := runCLI(t, "ingest", "--db", db, dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	cfg := DefaultConfig()
	cfg.DB, cfg.NoSamples = db, true
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	for indicator, want := range map[string]string{
		"mediation.cases_accepted": "≤500件", "mediation.cases_resolved": "≈300件", "publicity.events": "≥60次",
	} {
		resp, err := http.Get(srv.URL + "/?indicator=" + indicator + "&year=2023")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("compare page of %s: status %d; want the value shown as %s", indicator, resp.StatusCode, want)
		}
	}
}
