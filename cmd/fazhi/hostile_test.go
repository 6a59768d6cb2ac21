package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// Hostile files: every test here runs the real fazhi binary in a process
// of its own, with a time limit, on files made at test time.

var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// fazhiBinary builds cmd/fazhi once for the tests of this file; TestMain
// removes it.
func fazhiBinary(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		if _, err := exec.LookPath("go"); err != nil {
			built.err = fmt.Errorf("go command not on PATH: %w", err)
			return
		}
		built.dir, built.err = os.MkdirTemp("", "fazhi-bin-")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "fazhi")
		out, err := exec.Command("go", "build", "-tags", "duckdb_arrow", "-o", built.bin, ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

func removeBuiltBinary() {
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
}

// fazhiRun is one finished run of the binary.
type fazhiRun struct {
	out    string
	code   int
	maxRSS int64 // peak resident memory, bytes
}

// runFazhi runs the binary with args and env (added to the environment)
// and fails the test when it does not end within limit.
func runFazhi(t *testing.T, limit time.Duration, env []string, args ...string) fazhiRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, fazhiBinary(t), args...)
	cmd.Env = append(os.Environ(), append([]string{"FAZHI_LOG_LEVEL=warn", "FAZHI_THREADS=1"}, env...)...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("fazhi %s did not end within %v\n%s", strings.Join(args, " "), limit, out)
	}
	r := fazhiRun{out: string(out)}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("fazhi %s: %v", strings.Join(args, " "), err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	return r
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func sampleReport(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(samplesDir, "000_4436622836a94dfb.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sqlCount runs `fazhi sql` and returns the single number it answers.
func sqlCount(t *testing.T, db, query string) string {
	t.Helper()
	r := runFazhi(t, time.Minute, nil, "sql", "--db", db, "--format", "csv", query)
	if r.code != 0 {
		t.Fatalf("fazhi sql %q: exit %d\n%s", query, r.code, r.out)
	}
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	return lines[len(lines)-1]
}

func wantLines(t *testing.T, what, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%s printed:\n%s\nwant a line with %q", what, out, w)
		}
	}
}

// TestIngestReadsRegularFilesOnly: a drop folder with a link to
// /etc/passwd, a FIFO named like a report, a device given on the command
// line, a spreadsheet and a hidden file. The FIFO used to hang ingest for
// ever; the link stored /etc/passwd as a report anyone could read.
func TestIngestReadsRegularFilesOnly(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "drop")
	writeFile(t, filepath.Join(in, "a.txt"), sampleReport(t))
	writeFile(t, filepath.Join(in, "table.xlsx"), []byte("PK not really"))
	writeFile(t, filepath.Join(in, ".DS_Store"), []byte("x"))
	must(t, os.Symlink("/etc/passwd", filepath.Join(in, "office-a.txt")))
	must(t, os.Symlink("a.txt", filepath.Join(in, "same.txt")))
	must(t, os.Symlink("/etc", filepath.Join(in, "etc")))
	must(t, syscall.Mkfifo(filepath.Join(in, "x.txt"), 0o644))
	db := filepath.Join(dir, "w.duckdb")

	r := runFazhi(t, 90*time.Second, nil, "ingest", "--db", db, in, "/dev/zero")
	if r.code != 1 {
		t.Errorf("ingest exit status %d; want 1 (files failed)\n%s", r.code, r.out)
	}
	wantLines(t, "ingest", r.out,
		"FAILED "+filepath.Join(in, "x.txt")+": read "+filepath.Join(in, "x.txt")+": not a regular file: named pipe (FIFO)",
		"FAILED /dev/zero: read /dev/zero: not a regular file: character device",
		"SKIPPED "+filepath.Join(in, "office-a.txt")+": symbolic link (not followed; use --follow-symlinks",
		"SKIPPED "+filepath.Join(in, "same.txt")+": symbolic link",
		"SKIPPED "+filepath.Join(in, "etc")+": symbolic link",
		"SKIPPED "+filepath.Join(in, "table.xlsx")+": not a report file type (.xlsx spreadsheet",
		"SKIPPED "+filepath.Join(in, ".DS_Store")+": hidden file",
		"3 files in", "1 stored", "2 failed", "5 skipped")

	r = runFazhi(t, 90*time.Second, nil, "ingest", "--follow-symlinks", "--db", db, in)
	wantLines(t, "ingest --follow-symlinks", r.out,
		"FAILED "+filepath.Join(in, "office-a.txt")+": read "+filepath.Join(in, "office-a.txt")+": not a regular file: symbolic link to /etc/passwd, outside the folders given",
		"SKIPPED "+filepath.Join(in, "same.txt")+": the same file as "+filepath.Join(in, "a.txt"),
		"FAILED "+filepath.Join(in, "etc")+": read "+filepath.Join(in, "etc")+": not a regular file: symbolic link to /etc, outside the folders given")
	if got := sqlCount(t, db, `SELECT count(*) FROM reports WHERE text LIKE '%root:%' OR source LIKE '%office-a%'`); got != "0" {
		t.Errorf("reports holding /etc/passwd: %s; want 0", got)
	}
	if got := sqlCount(t, db, `SELECT count(*) FROM reports`); got != "1" {
		t.Errorf("reports stored: %s; want 1 (a.txt)", got)
	}

	// A link inside the folder to a report inside it is read with the flag.
	in2 := filepath.Join(dir, "drop2")
	writeFile(t, filepath.Join(in2, "real", "b.txt"), sampleReport(t))
	must(t, os.Symlink(filepath.Join(in2, "real", "b.txt"), filepath.Join(in2, "link.txt")))
	r = runFazhi(t, 90*time.Second, nil, "extract", "--follow-symlinks", filepath.Join(in2, "link.txt"))
	if r.code != 0 || !strings.Contains(r.out, `"file":"`+filepath.Join(in2, "link.txt")) {
		t.Errorf("extract --follow-symlinks link.txt: exit %d\n%.400s; want its report", r.code, r.out)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestIngestStopsOnSIGTERM: a PDF converter that hangs (and leaves a child
// holding its output open) must not keep ingest from stopping on SIGTERM.
func TestIngestStopsOnSIGTERM(t *testing.T) {
	bin := fazhiBinary(t)
	dir := t.TempDir()
	tools := filepath.Join(dir, "bin")
	writeFile(t, filepath.Join(tools, "pdftotext"), []byte("#!/bin/sh\n( sleep 300 )\n"))
	must(t, os.Chmod(filepath.Join(tools, "pdftotext"), 0o755))
	writeFile(t, filepath.Join(dir, "in", "report.pdf"), []byte("%PDF-1.4\n%%EOF\n"))
	cmd := exec.Command(bin, "ingest", "--db", filepath.Join(dir, "w.duckdb"), filepath.Join(dir, "in"))
	cmd.Env = append(os.Environ(), "PATH="+tools+":/usr/bin:/bin", "FAZHI_THREADS=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	must(t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	time.Sleep(3 * time.Second) // the warehouse open, the converter started
	must(t, cmd.Process.Signal(syscall.SIGTERM))
	select {
	case <-done:
		if cmd.ProcessState.ExitCode() == 0 {
			t.Errorf("ingest stopped by SIGTERM exited 0; want a failure\n%s", out.String())
		}
		wantLines(t, "ingest stopped by SIGTERM", out.String(), "context canceled")
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("ingest did not stop within 15 s of SIGTERM\n%s", out.String())
	}
}

// docxBomb is a small .docx whose document.xml inflates to size bytes.
func docxBomb(t *testing.T, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	must(t, err)
	para := []byte(`<w:p><w:r><w:t>全年受理调解案件1件。</w:t></w:r></w:p>`)
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`))
	w.Write(bytes.Repeat(para, size/len(para)))
	w.Write([]byte(`</w:body></w:document>`))
	must(t, zw.Close())
	return buf.Bytes()
}

// TestIngestLimits: files past each limit are refused with the limit
// named, the others stored, and ingest's memory stays under the bound the
// README states. Before the limits, the .docx bomb alone took 4.1 GB and a
// 200 MB .txt 2.5 GB.
func TestIngestLimits(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "ok.txt"), sampleReport(t))
	// 60 MB of XML in a ~200 KB .docx.
	writeFile(t, filepath.Join(in, "bomb.docx"), docxBomb(t, 60<<20))
	// 2.2 million characters.
	writeFile(t, filepath.Join(in, "long.txt"), []byte("某街道2023年法治政府建设情况报告\n"+strings.Repeat("全年受理调解案件1件。", 220_000)))
	// 6,000 numbers in 90,000 characters.
	var facts strings.Builder
	facts.WriteString("某街道2023年法治政府建设情况报告\n")
	for i := range 6000 {
		fmt.Fprintf(&facts, "全年受理调解案件%d件。\n", 100+i)
	}
	writeFile(t, filepath.Join(in, "facts.txt"), []byte(facts.String()))
	// 200 MB, sparse: refused by its size, never read.
	f, err := os.Create(filepath.Join(in, "huge.txt"))
	must(t, err)
	must(t, f.Truncate(200<<20))
	f.Close()
	// 40 MB of text: refused before decoding.
	writeFile(t, filepath.Join(in, "big.txt"), bytes.Repeat([]byte("全年受理调解案件1件。\n"), 40<<20/31))

	db := filepath.Join(dir, "w.duckdb")
	r := runFazhi(t, 3*time.Minute, nil, "ingest", "--workers", "2", "--db", db, in)
	if r.code != 1 {
		t.Errorf("ingest exit status %d; want 1\n%s", r.code, r.out)
	}
	wantLines(t, "ingest", r.out,
		"6 files in", "1 stored", "5 failed",
		"bomb.docx: too large: docx word/document.xml would inflate",
		"refused as a zip bomb (at most 100 times)",
		"long.txt: too large: the text has 2420019 characters; the limit is 2000000 (FAZHI_MAX_REPORT_CHARS)",
		"facts.txt: too large: 6000 facts found; the limit is 5000 a report (FAZHI_MAX_REPORT_FACTS)",
		"huge.txt: too large: the file has 209715200 bytes; the limit is 67108864 (FAZHI_MAX_UPLOAD)",
		"big.txt: too large: the file has",
	)
	const bound = 900 << 20 // README: "Memory of an ingest"
	if r.maxRSS == 0 || r.maxRSS > bound {
		t.Errorf("ingest of the hostile folder peaked at %d MB; the README promises under %d MB", r.maxRSS>>20, bound>>20)
	}
	t.Logf("ingest of the hostile folder: peak RSS %d MB", r.maxRSS>>20)

	// The limits are the user's to set.
	r = runFazhi(t, time.Minute, []string{"FAZHI_MAX_REPORT_FACTS=10", "FAZHI_MAX_REPORT_CHARS=3000000"}, "extract", filepath.Join(in, "long.txt"), filepath.Join(in, "ok.txt"))
	wantLines(t, "extract with FAZHI_MAX_REPORT_FACTS=10", r.out, "the limit is 10 a report (FAZHI_MAX_REPORT_FACTS)")
	if strings.Contains(r.out, "FAZHI_MAX_REPORT_CHARS") {
		t.Errorf("extract with FAZHI_MAX_REPORT_CHARS=3000000 still refused long.txt for its length:\n%.2000s", r.out)
	}
}

// TestLongReportIsPaged: a report of 450,000 characters is answered a
// page at a time by the report page and GET /api/reports/{id}, never whole.
func TestLongReportIsPaged(t *testing.T) {
	dir := t.TempDir()
	var text strings.Builder
	text.WriteString("某街道2023年法治政府建设情况报告\n")
	for i, runes := 0, 0; runes < 450_000; i++ {
		line := fmt.Sprintf("第%d段:全年受理调解案件%d件,街道持续推进法治建设,不断完善工作机制,群众满意度稳步提升。\n", i, 100+i%4000)
		text.WriteString(line)
		runes += utf8.RuneCountInString(line)
	}
	writeFile(t, filepath.Join(dir, "long.txt"), []byte(text.String()))
	db := filepath.Join(dir, "w.duckdb")
	if r := runFazhi(t, 2*time.Minute, []string{"FAZHI_MAX_REPORT_FACTS=100000"}, "ingest", "--db", db, filepath.Join(dir, "long.txt")); r.code != 0 {
		t.Fatalf("ingest long.txt: exit %d\n%s", r.code, r.out)
	}
	id := sqlCount(t, db, "SELECT report_id FROM reports")
	chars := sqlCount(t, db, "SELECT chars FROM reports")
	nFacts := sqlCount(t, db, "SELECT count(*) FROM facts")

	addr := freeAddr(t)
	serve := exec.Command(fazhiBinary(t), "serve", "--db", db, "--addr", addr, "--no-samples")
	serve.Env = append(os.Environ(), "FAZHI_THREADS=1", "FAZHI_LOG_LEVEL=warn")
	must(t, serve.Start())
	t.Cleanup(func() { serve.Process.Signal(syscall.SIGTERM); serve.Wait() })
	base := "http://" + addr
	waitHealthy(t, base)

	var rep struct {
		Text           string `json:"text"`
		Chars          int    `json:"chars"`
		TextOffset     int    `json:"text_offset"`
		TextTruncated  bool   `json:"text_truncated"`
		Facts          []struct{ Start int }
		FactsTotal     int  `json:"facts_total"`
		FactsInReport  int  `json:"facts_in_report"`
		FactsTruncated bool `json:"facts_truncated"`
	}
	body := httpGet(t, base+"/api/reports/"+id)
	must(t, json.Unmarshal(body, &rep))
	if n := len([]rune(rep.Text)); n != 200_000 || !rep.TextTruncated || fmt.Sprint(rep.Chars) != chars {
		t.Errorf("GET /api/reports/{id}: %d characters of %d, truncated %v; want 200000 of %s, truncated", n, rep.Chars, rep.TextTruncated, chars)
	}
	if len(rep.Facts) != 1000 || !rep.FactsTruncated || fmt.Sprint(rep.FactsTotal) != nFacts {
		t.Errorf("GET /api/reports/{id}: %d facts of %d, truncated %v; want 1000 of %s", len(rep.Facts), rep.FactsTotal, rep.FactsTruncated, nFacts)
	}
	if len(body) > 2<<20 {
		t.Errorf("GET /api/reports/{id} answered %d bytes; want a page (under 2 MB)", len(body))
	}
	body = httpGet(t, base+"/api/reports/"+id+"?text_offset=400000&facts_offset=1000&facts_limit=10")
	must(t, json.Unmarshal(body, &rep))
	if rep.TextOffset != 400_000 || rep.TextTruncated || len(rep.Facts) != 10 || fmt.Sprint(rep.FactsInReport) != nFacts {
		t.Errorf("GET ?text_offset=400000&facts_offset=1000&facts_limit=10: offset %d, truncated %v, %d facts of %d in the report; want the last page, 10 facts of %s",
			rep.TextOffset, rep.TextTruncated, len(rep.Facts), rep.FactsInReport, nFacts)
	}
	if resp, err := http.Get(base + "/api/reports/" + id + "?text_limit=5000000"); err != nil || resp.StatusCode != 400 {
		t.Errorf("GET ?text_limit=5000000: %v %v; want 400", resp.Status, err)
	}

	page := string(httpGet(t, base+"/reports/"+id))
	if len(page) > 3<<20 || !strings.Contains(page, "第 1 / 5 页") || !strings.Contains(page, `href="/reports/`+id+`?from=100000"`) {
		t.Errorf("report page: %d bytes; want page 1 of 5 with a link to the next (under 3 MB)\n%.300s", len(page), page)
	}
	last := string(httpGet(t, base+"/reports/"+id+"?from=400000"))
	if !strings.Contains(last, "第 5 / 5 页") || !strings.Contains(last, "上一页") || strings.Contains(last, "下一页") {
		t.Errorf("report page ?from=400000: want page 5 of 5 with only a link back")
	}
	if resp, err := http.Get(base + "/reports/" + id + "?from=123"); err != nil || resp.StatusCode != 400 {
		t.Errorf("report page ?from=123: %v %v; want 400", resp.Status, err)
	}
}

func waitHealthy(t testing.TB, base string) {
	t.Helper()
	for deadline := time.Now().Add(90 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(base + "/api/health"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not answer /api/health within 90 s")
		}
	}
}

func httpGet(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s\n%.300s", url, resp.Status, b.String())
	}
	return b.Bytes()
}
