package main

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkIngest is the ingest benchmark on the real path (make
// bench-ingest): it writes FAZHI_BENCH_REPORTS synthetic report files
// (datasets/synth through `fazhi synth`, 10,000 by default; kept in
// FAZHI_BENCH_CORPUS when set) and runs the real binary on them:
//
//  1. `fazhi ingest` into a fresh warehouse (FAZHI_BENCH_DB when set, kept
//     for BenchmarkDashboardPages): files, MB, wall and CPU time, MB/s,
//     reports/s, peak RSS, warehouse size;
//  2. 1,500 other reports added to it, and the same 1,500 into an empty
//     warehouse;
//  3. the unchanged corpus ingested again;
//  4. `fazhi serve` on the warehouse and 1,000 other files uploaded with
//     `fazhi ingest --server`, then how long until the pages show them.
//
// Run it with -benchtime 1x; FAZHI_MEMORY_LIMIT and FAZHI_THREADS pass
// through to the binary.
func BenchmarkIngest(b *testing.B) {
	n := 10000
	if s := os.Getenv("FAZHI_BENCH_REPORTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("FAZHI_BENCH_REPORTS=%q: want a positive number of reports", s)
		}
		n = v
	}
	bin := fazhiBinary(b)
	tmp := b.TempDir()
	corpus := os.Getenv("FAZHI_BENCH_CORPUS")
	if corpus == "" {
		corpus = filepath.Join(tmp, "corpus")
	}
	corpus = filepath.Join(corpus, strconv.Itoa(n))
	// Other jurisdictions for the additions: the pool holds some 44,000.
	add, upload := filepath.Join(tmp, "add"), filepath.Join(tmp, "upload")
	years := 10
	for _, c := range []struct {
		dir         string
		n, offset   int
		keepIfThere bool
	}{{corpus, n, 0, true}, {add, 1500, n/years + 1, false}, {upload, 1000, n/years + 1 + 150, false}} {
		if _, err := os.Stat(filepath.Join(c.dir, "README.md")); err == nil && c.keepIfThere {
			continue
		}
		benchRun(b, bin, nil, "synth", "--out", c.dir, "--reports", strconv.Itoa(c.n), "--offset", strconv.Itoa(c.offset))
	}
	db := os.Getenv("FAZHI_BENCH_DB")
	if db == "" {
		db = filepath.Join(tmp, "bench.duckdb")
	}
	os.Remove(db)
	os.Remove(db + ".wal")
	for b.Loop() {
		fmt.Printf("\ningest benchmark: %d synthetic reports (%s), GOMAXPROCS of the machine, FAZHI_MEMORY_LIMIT=%q\n", n, corpus, os.Getenv("FAZHI_MEMORY_LIMIT"))
		fmt.Println("| run | files | MB | wall | CPU | MB/s | reports/s | peak RSS | warehouse |")
		fmt.Println("|---|---|---|---|---|---|---|---|---|")
		first := benchRun(b, bin, nil, "ingest", "--db", db, corpus)
		first.print("fresh warehouse", db)
		b.ReportMetric(first.mbps(), "MB/s")
		b.ReportMetric(float64(first.maxRSS)/(1<<20), "peak-RSS-MB")
		benchRun(b, bin, nil, "ingest", "--db", db, add).print("1,500 added", db)
		empty := filepath.Join(tmp, "empty.duckdb")
		benchRun(b, bin, nil, "ingest", "--db", empty, add).print("1,500 into an empty one", empty)
		again := benchRun(b, bin, nil, "ingest", "--db", db, corpus)
		again.print("unchanged re-ingest", db)
		b.ReportMetric(again.mbps(), "unchanged-MB/s")
		up, show := benchUpload(b, bin, db, upload)
		up.print("1,000-file upload (ingest --server)", db)
		fmt.Printf("pages show the uploaded reports %s after the upload ends\n", show.Round(time.Millisecond))
		b.ReportMetric(up.wall.Seconds(), "upload-s")
	}
}

// benchRunResult is one run of the binary.
type benchRunResult struct {
	files  int
	bytes  int64
	wall   time.Duration
	cpu    time.Duration
	maxRSS int64
}

// benchRun runs the binary, failing the benchmark on a non-zero exit.
func benchRun(b *testing.B, bin string, env []string, args ...string) benchRunResult {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	r := benchRunResult{wall: time.Since(start)}
	if err != nil {
		// The cause is at the end, after the per-file lines.
		b.Fatalf("fazhi %s: %v\n…%s", strings.Join(args, " "), err, out[max(0, len(out)-2000):])
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if args[0] == "ingest" {
		r.files, r.bytes = corpusSize(b, args[len(args)-1])
	}
	return r
}

// corpusSize counts the report files below dir and their bytes.
func corpusSize(b *testing.B, dir string) (int, int64) {
	var n int
	var size int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(path); ext == ".txt" || ext == ".html" {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n, size = n+1, size+info.Size()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return n, size
}

func (r benchRunResult) mbps() float64 { return float64(r.bytes) / 1e6 / r.wall.Seconds() }

// print writes the run as a row of the README's table.
func (r benchRunResult) print(name, db string) {
	var size int64
	for _, f := range []string{db, db + ".wal"} {
		if info, err := os.Stat(f); err == nil {
			size += info.Size()
		}
	}
	fmt.Printf("| %s | %d | %.0f | %.1f s | %.1f s | %.1f | %.0f | %d MB | %d MB |\n", name, r.files, float64(r.bytes)/1e6,
		r.wall.Seconds(), r.cpu.Seconds(), r.mbps(), float64(r.files)/r.wall.Seconds(), r.maxRSS>>20, size>>20)
}

// benchUpload serves the warehouse db and uploads the files in dir through
// `fazhi ingest --server`; it returns the upload's run and how long after
// it the first page takes (it waits for the data the upload wrote).
func benchUpload(b *testing.B, bin, db, dir string) (benchRunResult, time.Duration) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	const token = "bench-token-0123456789"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "serve", "--db", db, "--addr", addr, "--no-samples")
	srv.Env = append(os.Environ(), "FAZHI_TOKEN="+token, "FAZHI_LOG_LEVEL=warn")
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
	}()
	base := "http://" + addr
	waitHealthy(b, base)
	// The pages are in use: the snapshot is built before the upload.
	benchGet(b, base+"/overview")
	r := benchRun(b, bin, []string{"FAZHI_TOKEN=" + token}, "ingest", "--server", base, dir)
	// A page never answers from a snapshot older than the last write: the
	// first one after the upload waits for the snapshot that holds it.
	end := time.Now()
	benchGet(b, base+"/overview")
	return r, time.Since(end)
}

func benchGet(b *testing.B, url string) {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %s", url, resp.Status)
	}
}
