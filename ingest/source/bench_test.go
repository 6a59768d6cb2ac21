package source

import (
	"context"
	"testing"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/datasets/synth"
	"github.com/fazhi/fazhi/ingest/internal/cpumeter"
)

// BenchmarkRead measures Read (decode, HTML, normalise) on synthetic report
// files of datasets/synth (web pages and texts, UTF-8 and GB18030), in MB
// of file bytes per CPU-second.
func BenchmarkRead(b *testing.B) {
	table, err := divisions.Load()
	if err != nil {
		b.Fatal(err)
	}
	var files []synth.TextReport
	size := 0
	for f := range synth.Texts(table, synth.DefaultTextConfig(200)) {
		files = append(files, f)
		size += len(f.Data)
	}
	ctx := context.Background()
	b.SetBytes(int64(size / len(files)))
	b.ReportAllocs()
	meter := cpumeter.Start()
	done := 0
	for i := 0; b.Loop(); i++ {
		f := files[i%len(files)]
		if _, err := Read(ctx, f.Path, f.Data); err != nil {
			b.Fatal(err)
		}
		done += len(f.Data)
	}
	// The machine may be shared: wall time counts other processes' turns,
	// the process's CPU time does not.
	meter.Report(b, int64(done))
}
