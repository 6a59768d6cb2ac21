package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/datasets/synth"
)

// runSynth writes a synthetic report corpus for benchmarks (datasets/synth):
// report files of real divisions, marked synthetic, with their truth.
func runSynth(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	out := fs.String("out", "", "the folder to write the corpus into (created)")
	reports := fs.Int("reports", 10000, "how many report files")
	offset := fs.Int("offset", 0, "skip this many jurisdictions of the draw (a corpus of other jurisdictions, to add to a first one)")
	seed := fs.Uint64("seed", 1, "the generator's seed")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi synth --out DIR [--reports N] [--offset K] [--seed S]\n\nWrites N synthetic report files (marked synthetic, for benchmarks only) of real divisions\nover 2015–2024, with a truth.jsonl beside the files of each folder.")
		fs.PrintDefaults()
	}
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *reports <= 0 || *offset < 0 {
		fs.Usage()
		return errors.New("synth: give --out and a positive --reports")
	}
	table, err := divisions.Load()
	if err != nil {
		return err
	}
	cfg := synth.DefaultTextConfig(*reports)
	cfg.Seed, cfg.Offset = *seed, *offset
	start := time.Now()
	st, err := synth.WriteCorpus(*out, table, cfg)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	fmt.Fprintf(stdout, "%d synthetic report files, %.1f MB, %d facts in %s written to %s\n",
		st.Files, float64(st.Bytes)/1e6, st.Facts, time.Since(start).Round(time.Millisecond), *out)
	return ctx.Err()
}
