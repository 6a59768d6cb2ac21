package ingest_test

import (
	"context"
	"testing"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/datasets/synth"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/ingest/internal/cpumeter"
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
	meter := cpumeter.Start()
	var done int64
	for i := 0; b.Loop(); i++ {
		f := files[i%len(files)]
		if _, err := x.Extract(ctx, f.Path, f.Data, ingest.Meta{}); err != nil {
			b.Fatal(err)
		}
		done += int64(len(f.Data))
	}
	meter.Report(b, done)
}
