package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fazhi/fazhi/datasets/synth"
	"github.com/fazhi/fazhi/warehouse"
)

// benchRoutes are the dashboard pages and their data calls (CSV), with the
// selectors a user changes. Years, areas and indicators exist in the
// synthetic corpus (datasets/synth: 2015–2024, every province).
var benchRoutes = []struct{ name, path string }{
	{"overview", "/overview"},
	{"overview 2019", "/overview?year=2019"},
	{"overview csv", "/overview?format=csv&chart=overview-coverage"},
	{"trend", "/trend?indicator=mediation.cases_accepted"},
	{"trend area", "/trend?indicator=publicity.events&parent=33"},
	{"trend csv", "/trend?indicator=litigation.cases&format=csv&chart=trend-chart"},
	{"mediation", "/mediation"},
	{"mediation area", "/mediation?year=2020&parent=44&level=镇"},
	{"mediation csv", "/mediation?format=csv&chart=mediation-chart"},
	{"litigation", "/litigation?n=50"},
	{"litigation csv", "/litigation?format=csv&chart=reconsideration-chart"},
	{"publicity", "/publicity"},
	{"publicity csv", "/publicity?format=csv&chart=publicity-years"},
	{"heatmap", "/heatmap"},
	{"heatmap values", "/heatmap?mode=values&parent=11&year=2018"},
	{"heatmap csv", "/heatmap?format=csv&chart=heatmap-chart"},
}

// benchOtherRoutes are the pages and calls that came before these
// dashboards (the compare page and its API); they run in a phase of their
// own so that their cost does not hide the others'.
var benchOtherRoutes = []struct{ name, path string }{
	{"compare", "/?indicator=mediation.cases_accepted&year=2024"},
	{"api compare", "/api/compare?indicator=publicity.events&year=2023"},
	{"api trend", "/api/trend?indicator=mediation.cases_accepted&jurisdiction=330101001"},
}

const (
	benchPerClient = 3 // passes over benchRoutes per client and iteration
	benchBatch     = 20000
)

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

// synthBatches groups the synthetic corpus into LoadSynthetic's batches.
func synthBatches(cfg synth.Config, size int) iter.Seq[warehouse.SyntheticBatch] {
	return func(yield func(warehouse.SyntheticBatch) bool) {
		var b warehouse.SyntheticBatch
		for r, hs := range cfg.All() {
			b.Reports = append(b.Reports, warehouse.SyntheticReport(r))
			for _, h := range hs {
				b.Headlines = append(b.Headlines, warehouse.SyntheticHeadline(h))
			}
			if len(b.Reports) == size {
				if !yield(b) {
					return
				}
				b = warehouse.SyntheticBatch{}
			}
		}
		if len(b.Reports) > 0 {
			yield(b)
		}
	}
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

// BenchmarkDashboardPages loads a synthetic warehouse (FAZHI_BENCH_REPORTS
// reports), serves the real app, and runs benchClients concurrent clients
// over every page and data call; it prints the server time's p50/p95/p99
// per route (FAZHI_BENCH_CLIENTS changes the number of clients,
// FAZHI_BENCH_THREADS DuckDB's threads, FAZHI_BENCH_DB keeps the warehouse
// file for the next run). Each iteration is a bounded number
// of requests:
//
//	FAZHI_BENCH_REPORTS=400000 go test -tags duckdb_arrow -run '^$' -bench DashboardPages -benchtime 3x ./cmd/fazhi
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
	// FAZHI_BENCH_DB keeps the synthetic warehouse in a file of one's
	// choosing: loaded the first time, reused (and migrated) after that.
	cfg.DB = os.Getenv("FAZHI_BENCH_DB")
	reuse := false
	if cfg.DB == "" {
		cfg.DB = filepath.Join(b.TempDir(), "bench.duckdb")
	} else if _, err := os.Stat(cfg.DB); err == nil {
		reuse = true
	}
	cfg.NoSamples = true
	a, err := newApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatalf("newApp: %v", err)
	}
	defer a.Close()
	start := time.Now()
	if !reuse {
		if err := a.db.LoadSynthetic(ctx, synthBatches(synth.DefaultConfig(n), benchBatch)); err != nil {
			b.Fatal(err)
		}
	}
	h, err := a.db.Health(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if reuse {
		b.Logf("reused %s: %d synthetic reports, %d facts/headline values", cfg.DB, h.Reports, h.Facts)
	} else {
		b.Logf("loaded %d synthetic reports, %d facts/headline values in %s", h.Reports, h.Facts, time.Since(start).Round(time.Millisecond))
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
		if resp.StatusCode != http.StatusOK || len(body) == 0 {
			return fmt.Errorf("GET %s = %d", path, resp.StatusCode)
		}
		return nil
	}
	// One pass to warm DuckDB's caches; it is not counted.
	for _, r := range append(slices.Clone(benchRoutes), benchOtherRoutes...) {
		if err := get("warmup", r.path); err != nil {
			b.Fatal(err)
		}
	}
	// Two phases: "cached" requests the same URLs again and again, as users
	// mostly do (the pages keep their answers until the data changes, see
	// dashboards/cache.go); "uncached" makes every URL unique, so that every
	// request computes its page from the warehouse.
	var counter atomic.Int64
	phase := func(label string, routes []struct{ name, path string }, unique bool) {
		for range b.N {
			var wg sync.WaitGroup
			errs := make(chan error, benchClients)
			for c := range benchClients {
				wg.Go(func() {
					for p := range benchPerClient * len(routes) {
						r := routes[(c*5+p)%len(routes)] // clients start at different routes
						path := r.path
						if unique {
							sep := "?"
							if strings.Contains(path, "?") {
								sep = "&"
							}
							path += sep + "nocache=" + strconv.FormatInt(counter.Add(1), 10)
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
	phase("cached", benchRoutes, false)
	phase("uncached", benchRoutes, true)
	phase("other", benchOtherRoutes, false)
	b.StopTimer()

	var out strings.Builder
	var worst time.Duration
	for _, label := range []string{"cached", "uncached", "other"} {
		routes := benchRoutes
		if label == "other" {
			routes = benchOtherRoutes
		}
		fmt.Fprintf(&out, "\n%s: server time per route, %d reports, %d concurrent clients\n", label, h.Reports, benchClients)
		fmt.Fprintf(&out, "%-16s %6s %9s %9s %9s\n", "route", "n", "p50", "p95", "p99")
		for _, r := range routes {
			ts := slices.Clone(st.times[label+" "+r.name])
			slices.Sort(ts)
			p95 := percentile(ts, .95)
			if label == "cached" {
				worst = max(worst, p95)
			}
			fmt.Fprintf(&out, "%-16s %6d %9s %9s %9s\n", r.name, len(ts), percentile(ts, .50).Round(10*time.Microsecond),
				p95.Round(10*time.Microsecond), percentile(ts, .99).Round(10*time.Microsecond))
		}
	}
	// Printed rather than logged: go test shortens a benchmark's log.
	fmt.Print(out.String())
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-cached-p95-ms")
}
