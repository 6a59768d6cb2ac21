package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// benchRoutes are the pages and the data calls behind them (chart CSVs,
// the facts panel's sentence, the JSON API), with the selectors a user
// changes as placeholders: {year}, {prov} (a province code), {level},
// {ind} (an indicator), and {code}, {cyear}, {report}, {fact}: a
// jurisdiction with a report in year cyear, that report and one of its
// facts, sampled from the warehouse. The "cached" phase fills each route
// with the same values every time; the "uncached" phase draws new values
// for every request (see benchFill).
var benchRoutes = []struct{ name, path string }{
	{"overview", "/overview?year={year}"},
	{"overview csv", "/overview?format=csv&chart=overview-coverage"},
	{"trend", "/trend?indicator={ind}"},
	{"trend area", "/trend?indicator={ind}&parent={prov}&level={level}"},
	{"trend csv", "/trend?indicator={ind}&format=csv&chart=trend-chart"},
	{"mediation", "/mediation?year={year}"},
	{"mediation area", "/mediation?year={year}&parent={prov}&level={level}"},
	{"mediation csv", "/mediation?year={year}&format=csv&chart=mediation-chart"},
	{"litigation", "/litigation?year={year}&n=50"},
	{"litigation csv", "/litigation?year={year}&format=csv&chart=reconsideration-chart"},
	{"publicity", "/publicity?year={year}&level={level}"},
	{"publicity csv", "/publicity?format=csv&chart=publicity-years&level={level}&parent={prov}"},
	{"heatmap", "/heatmap?year={year}"},
	{"heatmap values", "/heatmap?mode=values&parent={prov}&year={year}"},
	{"heatmap csv", "/heatmap?format=csv&chart=heatmap-chart&year={year}&parent={prov}"},
	{"compare", "/?indicator={ind}&year={year}"},
	{"compare area", "/?indicator={ind}&year={year}&parent={prov}&level={level}"},
	{"compare default", "/?indicator={ind}"},
	{"brief", "/brief?jurisdiction={code}&year={cyear}"},
	{"report", "/reports/{report}"},
	{"api fact", "/api/facts/{fact}"},
	{"api compare", "/api/compare?indicator={ind}&year={year}&parent={prov}"},
	{"api compare page", "/api/compare?indicator={ind}&year={year}&limit=1000"},
	{"api trend", "/api/trend?indicator={ind}&jurisdiction={code}"},
}

// The values the placeholders take (the synthetic corpus has them all).
var (
	benchYears      = []string{"2024", "2023", "2022", "2021", "2020", "2019", "2018", "2017", "2016", "2015"}
	benchProvinces  = []string{"44", "33", "11", "51", "37", "65", "32", "42", "13", "50"}
	benchLevels     = []string{"镇", "街道", "乡"}
	benchIndicators = []string{"mediation.cases_accepted", "publicity.events", "litigation.cases", "mediation.success_rate",
		"reconsideration.received", "disclosure.proactive_items"}
)

// benchSample is a jurisdiction-year with a report and one of its facts.
type benchSample struct {
	code, year, report, fact string
}

// benchSamples takes jurisdiction-years of every year from the warehouse.
func benchSamples(ctx context.Context, b *testing.B, db *warehouse.DB) []benchSample {
	var out []benchSample
	for _, y := range benchYears {
		year, _ := strconv.Atoi(y)
		snap, err := db.Snapshot(ctx)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := snap.Compare(readmodel.CompareFilter{Indicator: benchIndicators[0], Year: year})
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < len(rows) && i < 2000; i += 100 {
			if r := rows[i]; r.JurisdictionCode != "" {
				out = append(out, benchSample{code: r.JurisdictionCode, year: y, report: r.ReportID, fact: r.FactID})
			}
		}
	}
	if len(out) == 0 {
		b.Fatal("the warehouse has no headline values to sample")
	}
	return out
}

// benchFill fills a route's placeholders with the n-th choice of each.
func benchFill(path string, n int, samples []benchSample) string {
	pick := func(l []string, salt int) string { return l[(n*7+salt*13+n/len(l))%len(l)] }
	s := samples[n%len(samples)]
	return strings.NewReplacer(
		"{year}", pick(benchYears, 1), "{prov}", pick(benchProvinces, 2), "{level}", url.QueryEscape(pick(benchLevels, 3)),
		"{ind}", pick(benchIndicators, 4), "{code}", s.code, "{cyear}", s.year, "{report}", s.report, "{fact}", s.fact,
	).Replace(path)
}

// benchPerClient is the passes over benchRoutes per client and iteration.
const benchPerClient = 3

// benchReports is FAZHI_BENCH_REPORTS (default 20,000): the size of the
// synthetic warehouse. The figures in README.md are for 400000.
func benchReports(b *testing.B) int {
	n := 20000
	if s := os.Getenv("FAZHI_BENCH_REPORTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("FAZHI_BENCH_REPORTS=%q: want a positive number of reports", s)
		}
		n = v
	}
	return n
}

// serverTimes records how long the handler took per route, as the server
// sees it (the X-Bench-Route header names the route).
type serverTimes struct {
	mu    sync.Mutex
	times map[string][]time.Duration
}

func (st *serverTimes) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h.ServeHTTP(w, r)
		d := time.Since(start)
		st.mu.Lock()
		st.times[r.Header.Get("X-Bench-Route")] = append(st.times[r.Header.Get("X-Bench-Route")], d)
		st.mu.Unlock()
	})
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// BenchmarkDashboardPages serves the real app on a warehouse the real
// ingest built, and runs benchClients concurrent clients over every page and
// data call; it prints the server time's p50/p95/p99 per route. The
// warehouse is FAZHI_BENCH_DB when that file exists (e.g. the one `make
// bench-ingest` kept with the same FAZHI_BENCH_DB), else FAZHI_BENCH_REPORTS
// synthetic report files are written (`fazhi synth`) and ingested (`fazhi
// ingest`) into it first. FAZHI_BENCH_CLIENTS changes the number of
// clients, FAZHI_BENCH_THREADS DuckDB's threads. Each iteration is a
// bounded number of requests:
//
//	FAZHI_BENCH_REPORTS=400000 FAZHI_BENCH_DB=/data/bench.duckdb make bench-ingest
//	FAZHI_BENCH_DB=/data/bench.duckdb go test -tags duckdb_arrow -run '^$' -bench DashboardPages -benchtime 3x ./cmd/fazhi
func BenchmarkDashboardPages(b *testing.B) {
	ctx := context.Background()
	var err error
	n := benchReports(b)
	benchClients := 8
	if s := os.Getenv("FAZHI_BENCH_CLIENTS"); s != "" {
		if benchClients, err = strconv.Atoi(s); err != nil || benchClients <= 0 {
			b.Fatalf("FAZHI_BENCH_CLIENTS=%q: want a positive number", s)
		}
	}
	cfg := DefaultConfig()
	if s := os.Getenv("FAZHI_BENCH_THREADS"); s != "" {
		if cfg.Threads, err = strconv.Atoi(s); err != nil || cfg.Threads < 0 {
			b.Fatalf("FAZHI_BENCH_THREADS=%q: want DuckDB's number of threads (0: all cores)", s)
		}
	}
	// FAZHI_BENCH_DB keeps the warehouse in a file of one's choosing:
	// ingested the first time, reused (and migrated) after that.
	cfg.DB = os.Getenv("FAZHI_BENCH_DB")
	reuse := false
	if cfg.DB == "" {
		cfg.DB = filepath.Join(b.TempDir(), "bench.duckdb")
	} else if _, err := os.Stat(cfg.DB); err == nil {
		reuse = true
	}
	start := time.Now()
	if !reuse {
		bin, corpus := fazhiBinary(b), filepath.Join(b.TempDir(), "corpus")
		benchRun(b, bin, nil, "synth", "--out", corpus, "--reports", strconv.Itoa(n))
		benchRun(b, bin, nil, "ingest", "--db", cfg.DB, corpus)
	}
	cfg.NoSamples = true
	a, err := newApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatalf("newApp: %v", err)
	}
	defer a.Close()
	h, err := a.db.Health(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if reuse {
		b.Logf("reused %s: %d reports, %d facts", cfg.DB, h.Reports, h.Facts)
	} else {
		b.Logf("wrote and ingested %d synthetic report files: %d reports, %d facts in %s", n, h.Reports, h.Facts, time.Since(start).Round(time.Millisecond))
	}

	st := &serverTimes{times: map[string][]time.Duration{}}
	srv := httptest.NewServer(st.wrap(a.handler))
	defer srv.Close()
	client := srv.Client()
	get := func(name, path string) error {
		req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if err != nil {
			return err
		}
		req.Header.Set("X-Bench-Route", name)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		// A chart's CSV answers 404 when the selection has no such chart
		// (no 乡 with values in that province, say): a small corpus has
		// such selections.
		emptyChart := resp.StatusCode == http.StatusNotFound && strings.Contains(path, "format=csv")
		if resp.StatusCode != http.StatusOK && !emptyChart || len(body) == 0 {
			return fmt.Errorf("GET %s = %d", path, resp.StatusCode)
		}
		return nil
	}
	// The first dashboard read builds the snapshot the pages read.
	start = time.Now()
	if _, err := a.db.Snapshot(ctx); err != nil {
		b.Fatal(err)
	}
	built := time.Since(start)
	runtime.GC()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	samples := benchSamples(ctx, b, a.db)
	// One pass to warm DuckDB's caches (and build the dashboards'
	// snapshot); it is not counted.
	for i, r := range benchRoutes {
		if err := get("warmup", benchFill(r.path, i, samples)); err != nil {
			b.Fatal(err)
		}
	}
	// Two phases: "cached" requests the same URLs again and again, as users
	// mostly do (the pages keep their answers until the data changes, see
	// dashboards/cache.go); "uncached" fills every request's selectors anew
	// and makes every URL unique, so that every request computes its page.
	var counter atomic.Int64
	phase := func(label string, unique bool) {
		for range b.N {
			var wg sync.WaitGroup
			errs := make(chan error, benchClients)
			for c := range benchClients {
				wg.Go(func() {
					for p := range benchPerClient * len(benchRoutes) {
						k := (c*5 + p) % len(benchRoutes) // clients start at different routes
						r := benchRoutes[k]
						path := benchFill(r.path, k, samples)
						if unique {
							n := int(counter.Add(1))
							path = benchFill(r.path, n, samples)
							sep := "?"
							if strings.Contains(path, "?") {
								sep = "&"
							}
							path += sep + "nocache=" + strconv.Itoa(n)
						}
						if err := get(label+" "+r.name, path); err != nil {
							errs <- err
							return
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	phase("cached", false)
	phase("uncached", true)
	b.StopTimer()

	// After a write the next page waits for the snapshot's rebuild (pages
	// never show figures older than the last write): the one wait a user
	// sees. The write is a correction that confirms a value: it changes no
	// figure (a kept FAZHI_BENCH_DB collects these confirmations).
	var afterWrite []time.Duration
	for i := range 3 {
		s := samples[i%len(samples)]
		snap, err := a.db.Snapshot(ctx)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := snap.Trend(benchIndicators[0], s.code)
		if err != nil || len(rows) == 0 {
			b.Fatalf("trend of %s: %v", s.code, err)
		}
		v := rows[0].Value
		if _, err := a.db.Correct(ctx, warehouse.CorrectionInput{Action: warehouse.ActionSet, FactID: rows[0].FactID, Value: &v,
			Author: "bench", Reason: "benchmark: first page after a write"}); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := get("after write", "/overview?nocache=w"+strconv.Itoa(i)); err != nil {
			b.Fatal(err)
		}
		afterWrite = append(afterWrite, time.Since(start))
	}

	var out strings.Builder
	fmt.Fprintf(&out, "\ndashboard snapshot of %d reports: built in %s; Go heap after it %d MB\n",
		h.Reports, built.Round(time.Millisecond), mem.HeapAlloc>>20)
	slices.Sort(afterWrite)
	fmt.Fprintf(&out, "first page after a write (a correction), 3 writes: %s\n", afterWrite)
	var worst time.Duration
	for _, label := range []string{"cached", "uncached"} {
		fmt.Fprintf(&out, "\n%s: server time per route, %d reports, %d concurrent clients\n", label, h.Reports, benchClients)
		fmt.Fprintf(&out, "%-16s %6s %9s %9s %9s\n", "route", "n", "p50", "p95", "p99")
		for _, r := range benchRoutes {
			ts := slices.Clone(st.times[label+" "+r.name])
			slices.Sort(ts)
			p95 := percentile(ts, .95)
			if label == "uncached" {
				worst = max(worst, p95)
			}
			fmt.Fprintf(&out, "%-16s %6d %9s %9s %9s\n", r.name, len(ts), percentile(ts, .50).Round(10*time.Microsecond),
				p95.Round(10*time.Microsecond), percentile(ts, .99).Round(10*time.Microsecond))
		}
	}
	// Printed rather than logged: go test shortens a benchmark's log.
	fmt.Print(out.String())
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-uncached-p95-ms")
}
