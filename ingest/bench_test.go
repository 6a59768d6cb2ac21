package ingest_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/datasets/synth"
	"github.com/fazhi/fazhi/ingest"
)

// BenchmarkPipeline measures the per-file pipeline (decode, normalise,
// layout, year, jurisdiction, facts) on synthetic report files, in MB/s of
// file bytes; run it with -cpu 1 for the figure per core, and with
// -cpuprofile for the split between the stages.
func BenchmarkPipeline(b *testing.B) {
	table, err := divisions.Load()
	if err != nil {
		b.Fatal(err)
	}
	var files []synth.TextReport
	var size int64
	for r := range synth.Texts(table, synth.DefaultTextConfig(400)) {
		files = append(files, r)
		size += int64(len(r.Data))
	}
	ref, err := ingest.LoadReference()
	if err != nil {
		b.Fatal(err)
	}
	x, err := ingest.NewExtractor(ref)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(size / int64(len(files)))
	cpu0 := cpuTime()
	var done int64
	for i := 0; b.Loop(); i++ {
		f := files[i%len(files)]
		if _, err := x.Extract(ctx, f.Path, f.Data, ingest.Meta{}); err != nil {
			b.Fatal(err)
		}
		done += int64(len(f.Data))
	}
	// The machine is shared: wall time counts other processes' turns, the
	// process's CPU time does not.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(done)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
