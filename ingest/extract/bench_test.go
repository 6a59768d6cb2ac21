package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest/internal/cpumeter"
	"github.com/fazhi/fazhi/ingest/layout"
)

// corpus returns the golden report inputs concatenated n times. Each report
// is cut before its own plans section, so that the first report's plans
// heading does not end the extraction of all that follows: every byte of
// the corpus goes through the whole extractor.
func corpus(tb testing.TB, n int) string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "golden", "report_*", "input.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("glob golden reports: %v (%d files)", err, len(paths))
	}
	var b strings.Builder
	for range n {
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			text := string(data)
			b.WriteString(text[:layout.Read(text, "").PlansStart()])
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// BenchmarkExtract measures throughput over the five sample reports
// concatenated eight times (about 700 KB).
//
// The layout is read once beforehand, as the pipeline does (the resolver
// reads it too): this is the fact extractor's own cost. The layout's is
// layout.BenchmarkRead's; BenchmarkExtractWithLayout measures both.
func BenchmarkExtract(b *testing.B) {
	text := corpus(b, 8)
	benchExtract(b, text, Options{Year: 2022, Layout: layout.Read(text, "")})
}

// benchExtract extracts text with opt b.N times, reporting MB/s and MB per
// CPU second.
func benchExtract(b *testing.B, text string, opt Options) {
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	defer reportCPU(b, len(text))()
	for b.Loop() {
		Extract(text, opt)
	}
}

// BenchmarkExtractWithLayout is BenchmarkExtract reading the layout too.
func BenchmarkExtractWithLayout(b *testing.B) {
	benchExtract(b, corpus(b, 8), Options{Year: 2022})
}

// BenchmarkExtractReport measures one report at a time, the ingest case.
func BenchmarkExtractReport(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("testdata", "golden", "report_*", "input.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("glob golden reports: %v (%d files)", err, len(paths))
	}
	var reports []string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		reports = append(reports, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	defer reportCPU(b, size)()
	for b.Loop() {
		for _, r := range reports {
			Extract(r, Options{})
		}
	}
}

// reportCPU returns a func that reports MB/cpu-s: bytes per iteration over
// the process's CPU time since reportCPU was called. The machine is shared:
// wall time counts other processes' turns, the process's CPU time does not.
func reportCPU(b *testing.B, bytes int) func() {
	meter := cpumeter.Start()
	return func() { meter.Report(b, int64(b.N)*int64(bytes)) }
}

// BenchmarkUnpunctuated reads a text of 16 KB with no sentence end, a
// figure every ten characters (as a PDF's table flattened into one line
// comes out): every number's sentence is the longest the reader allows,
// and each of its words is weighed for every number. The counts of runes
// and the title marks between a word and its number go on from the last
// word's; before, such a text took half a minute.
func BenchmarkUnpunctuated(b *testing.B) {
	text := "一、主要工作\n" + strings.Repeat("开展法治宣传活动12场发放资料300份调解纠纷5件受理", 640) + "\n"
	benchExtract(b, text, Options{Year: 2022, Layout: layout.Read(text, "")})
}
