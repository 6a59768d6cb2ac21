package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/pipeline/*.golden from the current output")

// goldenSets are the folders of real and sample reports whose whole-pipeline
// output is kept: text only, as a folder ingest reads them (no manifest).
var goldenSets = []string{"reports", "realdev", "realpool/batchA", "realpool/batchB", "realpool/batchC"}

// TestPipelineGolden runs the whole pipeline — source reading, layout,
// jurisdiction and year, extraction with the level the pipeline found —
// over every report of the datasets and compares a summary of each with
// testdata/pipeline/<set>.golden: the jurisdiction and year, and every fact
// with its quote and flags. Confidences are left out (./fit moves them);
// ingest/extract's goldens hold them. Run with -update after a reviewed
// change.
func TestPipelineGolden(t *testing.T) {
	ref, err := LoadReference()
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range goldenSets {
		t.Run(strings.ReplaceAll(set, "/", "_"), func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join("..", "datasets", set, "*.txt"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no reports in datasets/%s (%v)", set, err)
			}
			var got bytes.Buffer
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				rep, err := x.Extract(context.Background(), filepath.Base(f), data, Meta{})
				if err != nil {
					t.Fatalf("extract %s: %v", f, err)
				}
				writeSummary(&got, rep)
			}
			path := filepath.Join("testdata", "pipeline", strings.ReplaceAll(set, "/", "_")+".golden")
			if *updateGolden {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if d := firstDifference(want, got.Bytes()); d != "" {
				t.Errorf("pipeline output for datasets/%s differs from %s:\n%s", set, path, d)
			}
		})
	}
}

// writeSummary writes one report as lines: the file, jurisdiction and year,
// then one line per fact.
func writeSummary(w *bytes.Buffer, rep Report) {
	j := rep.Jurisdiction
	fmt.Fprintf(w, "== %s | %s %s %s | %d\n", rep.Source, j.Code, j.Level, j.Name, rep.Year)
	for _, f := range rep.Facts {
		q, _ := json.Marshal(f.Quote)
		flags := strings.Join(f.Flags, ",")
		fmt.Fprintf(w, "%s=%g%s @%s [%s] %s\n", f.Indicator, f.Value, f.Unit, f.Scope, flags, q)
	}
}

// firstDifference returns the first differing line of want and got with
// its line number, or "".
func firstDifference(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var a, b string
		if i < len(wl) {
			a = wl[i]
		}
		if i < len(gl) {
			b = gl[i]
		}
		if a != b {
			return fmt.Sprintf("line %d\n want %s\n  got %s", i+1, a, b)
		}
	}
	return ""
}
