package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestLoad is the load test of the README: 50 clients for 60 s against a
// real `fazhi serve` on loopback, over the pages, the JSON API, researchers'
// SQL and uploads. It runs only with FAZHI_LOAD_TEST=1 (FAZHI_LOAD_CLIENTS,
// FAZHI_LOAD_SECONDS change its size), is bounded in time and in requests
// per client, and fails on any error (a transport error or a status other
// than 2xx). It prints requests per second, p50 and p99 per kind of
// request, and the server's peak resident memory.
func TestLoad(t *testing.T) {
	if os.Getenv("FAZHI_LOAD_TEST") != "1" {
		t.Skip("SKIPPED: set FAZHI_LOAD_TEST=1 to run the load test (50 clients, 60 s)")
	}
	clients := envInt(t, "FAZHI_LOAD_CLIENTS", 50)
	duration := time.Duration(envInt(t, "FAZHI_LOAD_SECONDS", 60)) * time.Second
	const maxPerClient = 100_000

	bin := fazhiBinary(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	const token = "load-test-token-0123456789"
	serve := exec.Command(bin, "serve", "--db", filepath.Join(dir, "w.duckdb"), "--addr", addr)
	serve.Env = append(os.Environ(), "FAZHI_TOKEN="+token, "FAZHI_LOG_LEVEL=warn")
	var serveLog bytes.Buffer
	serve.Stderr = &serveLog
	must(t, serve.Start())
	t.Cleanup(func() { serve.Process.Signal(syscall.SIGTERM); serve.Wait() })
	base := "http://" + addr
	waitHealthy(t, base)

	var cmp struct {
		Rows []struct {
			ReportID         string `json:"report_id"`
			FactID           string `json:"fact_id"`
			JurisdictionCode string `json:"jurisdiction_code"`
			Year             int    `json:"year"`
		}
	}
	must(t, json.Unmarshal(httpGet(t, base+"/api/compare?indicator=mediation.cases_accepted"), &cmp))
	if len(cmp.Rows) == 0 {
		t.Fatal("no headline values to ask for")
	}
	row := cmp.Rows[0]
	gets := []struct{ kind, path string }{
		{"page", "/"},
		{"page", "/overview"},
		{"page", "/trend?indicator=mediation.cases_accepted"},
		{"page", "/mediation"},
		{"page", "/litigation"},
		{"page", "/publicity"},
		{"page", "/heatmap"},
		{"page", fmt.Sprintf("/brief?jurisdiction=%s&year=%d", row.JurisdictionCode, row.Year)},
		{"page", "/reports/" + row.ReportID},
		{"page", "/mediation?format=csv&chart=mediation-chart"},
		{"api", "/api/health"},
		{"api", "/api/indicators"},
		{"api", "/api/compare?indicator=mediation.cases_accepted"},
		{"api", "/api/compare?indicator=litigation.cases&limit=10"},
		{"api", fmt.Sprintf("/api/trend?indicator=mediation.cases_accepted&jurisdiction=%s", row.JurisdictionCode)},
		{"api", "/api/reports/" + row.ReportID},
		{"api", "/api/facts/" + row.FactID},
	}
	queries := []string{
		"SELECT count(*) FROM reports",
		"SELECT indicator, count(*) AS n FROM facts GROUP BY indicator ORDER BY n DESC",
		"SELECT jurisdiction_name, year, value FROM headline_facts WHERE indicator = 'mediation.cases_accepted' ORDER BY value DESC",
	}
	sample := sampleReport(t)

	httpc := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	type sampleT struct {
		kind string
		d    time.Duration
		err  string
	}
	results := make([][]sampleT, clients)
	deadline := time.Now().Add(duration)
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := 0; i < maxPerClient && time.Now().Before(deadline); i++ {
				var req *http.Request
				kind := ""
				switch n := c*7919 + i; {
				case n%97 == 0:
					kind, req = "upload", uploadRequest(t, base, token, c, i, sample)
				case n%13 == 0:
					kind = "sql"
					body, _ := json.Marshal(map[string]string{"sql": queries[n%len(queries)]})
					req, _ = http.NewRequest("POST", base+"/api/sql", bytes.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
				default:
					g := gets[n%len(gets)]
					kind = g.kind
					req, _ = http.NewRequest("GET", base+g.path, nil)
				}
				t0 := time.Now()
				resp, err := httpc.Do(req)
				s := sampleT{kind: kind}
				if err != nil {
					s.err = err.Error()
				} else {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode/100 != 2 {
						s.err = fmt.Sprintf("%s %s: %s", req.Method, req.URL.RequestURI(), resp.Status)
					}
				}
				s.d = time.Since(t0)
				results[c] = append(results[c], s)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	rss := peakRSS(t, serve.Process.Pid)

	byKind := map[string][]time.Duration{}
	var all []time.Duration
	errs := map[string]int{}
	nerr := 0
	for _, rs := range results {
		for _, s := range rs {
			all = append(all, s.d)
			byKind[s.kind] = append(byKind[s.kind], s.d)
			if s.err != "" {
				nerr++
				errs[s.err]++
			}
		}
	}
	var report strings.Builder
	fmt.Fprintf(&report, "load: %d clients, %v: %d requests, %.0f requests/s, %d errors; server peak RSS %d MB\n",
		clients, elapsed.Round(time.Second), len(all), float64(len(all))/elapsed.Seconds(), nerr, rss>>20)
	kinds := []string{"all"}
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds[1:])
	byKind["all"] = all
	for _, k := range kinds {
		ds := byKind[k]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		fmt.Fprintf(&report, "  %-7s %6d requests  p50 %8v  p99 %8v  max %8v\n", k, len(ds),
			quantile(ds, 0.50).Round(10*time.Microsecond), quantile(ds, 0.99).Round(10*time.Microsecond), ds[len(ds)-1].Round(time.Millisecond))
	}
	fmt.Print(report.String())
	t.Log("\n" + report.String())
	for e, n := range errs {
		t.Errorf("%d× %s", n, e)
	}
	if resp, err := http.Get(base + "/api/health"); err != nil || resp.StatusCode != 200 {
		t.Errorf("health after the load: %v %v\n%s", resp, err, serveLog.String())
	}
}

func uploadRequest(t *testing.T, base, token string, c, i int, sample []byte) *http.Request {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, err := mw.CreateFormFile("file", fmt.Sprintf("load/%d-%d.txt", c, i))
	if err != nil {
		t.Error(err)
	}
	// A report of its own each time: a new hash, stored, the pages rebuilt.
	w.Write(sample)
	fmt.Fprintf(w, "\n附:第%d-%d份,全年受理调解案件%d件。\n", c, i, 100+i)
	mw.Close()
	req, _ := http.NewRequest("POST", base+"/api/reports", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	return req
}

func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

// peakRSS reads the peak resident memory (VmHWM) of a running process.
func peakRSS(t *testing.T, pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Logf("peak RSS: %v", err)
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func envInt(t *testing.T, key string, def int) int {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive number", key, v)
	}
	return n
}
