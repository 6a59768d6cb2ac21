package jurisdiction

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/datasets/synth"
	"github.com/fazhi/fazhi/ingest/internal/cpumeter"
	"github.com/fazhi/fazhi/ingest/layout"
	"github.com/fazhi/fazhi/ingest/reportyear"
	"github.com/fazhi/fazhi/ingest/source"
)

// BenchmarkResolve measures Resolve alone, in MB/s of normalised text, on
// the real reports of datasets/realdev and datasets/realpool and on
// synthetic ones from datasets/synth, each read and laid out beforehand
// as the pipeline does.
func BenchmarkResolve(b *testing.B) {
	r := mustResolver(b)
	b.Run("real", func(b *testing.B) { benchResolve(b, r, realInputs(b)) })
	b.Run("synth", func(b *testing.B) { benchResolve(b, r, synthInputs(b)) })
}

func benchResolve(b *testing.B, r *Resolver, ins []Input) {
	size := 0
	for _, in := range ins {
		size += len(in.Layout.Text)
	}
	b.SetBytes(int64(size / len(ins)))
	b.ReportAllocs()
	meter := cpumeter.Start()
	done := 0
	for i := 0; b.Loop(); i++ {
		in := ins[i%len(ins)]
		r.Resolve(in)
		done += len(in.Layout.Text)
	}
	// The machine may be shared: wall time counts other processes' turns,
	// the process's CPU time does not.
	meter.Report(b, int64(done))
}

func realInputs(b *testing.B) []Input {
	var ins []Input
	for _, g := range []string{"realdev/*.txt", "realpool/*/*.txt"} {
		paths, err := filepath.Glob(filepath.Join("..", "..", "datasets", g))
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			ins = append(ins, benchInput(b, filepath.Base(p), data))
		}
	}
	if len(ins) == 0 {
		b.Fatal("no real report texts in datasets/")
	}
	return ins
}

func synthInputs(b *testing.B) []Input {
	table, err := divisions.Load()
	if err != nil {
		b.Fatal(err)
	}
	var ins []Input
	for f := range synth.Texts(table, synth.DefaultTextConfig(200)) {
		ins = append(ins, benchInput(b, f.Path, f.Data))
	}
	return ins
}

// benchInput reads a report file as the pipeline does, up to Resolve.
func benchInput(b *testing.B, name string, data []byte) Input {
	doc, err := source.Read(context.Background(), name, data)
	if err != nil {
		b.Fatal(err)
	}
	l := layout.Read(doc.Text, doc.Title)
	year, _, _ := reportyear.Detect(l)
	return Input{Layout: l, URL: doc.URL, Path: name, Year: year}
}
