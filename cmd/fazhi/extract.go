package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest"
)

func runExtract(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	cfg.commonFlags(fs) // accepted for symmetry; extract touches no database
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi extract FILE...\n\nPrints one JSON object per report per line: file, title, jurisdiction, year, facts.\nFolders are read recursively. No database is touched.")
	}
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("extract: name at least one file")
	}
	inputs, err := ingest.Files(fs.Args())
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	reports, failed, err := extractAll(ctx, inputs)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, r := range reports {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	for _, err := range failed {
		fmt.Fprintln(stderr, "FAILED", err)
	}
	if len(failed) > 0 {
		return exitError(1)
	}
	return nil
}

// extractAll extracts every input in order; per-file failures are returned
// apart, so that one bad file does not hide the others.
func extractAll(ctx context.Context, inputs []ingest.Input) ([]ingest.Report, []error, error) {
	table, err := divisions.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("load division table: %w", err)
	}
	x := ingest.NewExtractor(table)
	var reports []ingest.Report
	var failed []error
	for _, in := range inputs {
		r, err := x.ExtractInput(ctx, in)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			failed = append(failed, err)
			continue
		}
		reports = append(reports, r)
	}
	return reports, failed, nil
}
