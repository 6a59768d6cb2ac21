package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/fazhi/fazhi/ingest"
)

func runExtract(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	cfg.commonFlags(fs) // accepted for symmetry; extract touches no database
	sel := addSelectionFlags(fs)
	ff := addFileFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi extract [--manifest FILE.csv] [--within CODE] FILE...\n\nPrints one JSON object per report per line: file, title, jurisdiction, year, facts.\nFolders are read recursively. No database is touched.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("extract: name at least one file")
	}
	inputs, _, err := listReports(cfg, ff, fs.Args(), stderr)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if err := sel.apply(inputs, stderr); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	reports, failed, err := extractAll(ctx, cfg.reportLimits(), inputs)
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
func extractAll(ctx context.Context, limits ingest.Limits, inputs []ingest.Input) ([]ingest.Report, []error, error) {
	ref, err := ingest.LoadReference()
	if err != nil {
		return nil, nil, fmt.Errorf("load reference data: %w", err)
	}
	x, err := ingest.NewExtractor(ref)
	if err != nil {
		return nil, nil, err
	}
	x = x.WithLimits(limits)
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

// selection holds the flags that tell what is known of the files from
// outside them: a manifest and the user's scope.
type selection struct {
	manifest, within *string
}

func addSelectionFlags(fs *flag.FlagSet) selection {
	return selection{
		manifest: fs.String("manifest", "", "CSV with the header file,url,jurisdiction_code,year: what is known of each file (all but file may be empty; file relative to the manifest's folder)"),
		within:   fs.String("within", "", "division code: only divisions under it are candidates (an office ingesting its own towns)"),
	}
}

// apply reads the manifest and sets every input's metadata; it warns about
// manifest rows that name no input.
func (s selection) apply(inputs []ingest.Input, stderr io.Writer) error {
	if *s.within != "" && !validCode(*s.within) {
		return fmt.Errorf("--within %q is not a division code (2, 4, 6 or 9 digits)", *s.within)
	}
	if *s.manifest == "" {
		ingest.Manifest{}.Apply(inputs, *s.within)
		return nil
	}
	m, err := ingest.ReadManifestFile(*s.manifest)
	if err != nil {
		return err
	}
	if n := m.Apply(inputs, *s.within); n < m.Len() {
		fmt.Fprintf(stderr, "manifest %s: %d of its %d files are not among the inputs\n", *s.manifest, m.Len()-n, m.Len())
	}
	return nil
}

func validCode(c string) bool {
	switch len(c) {
	case 2, 4, 6, 9:
	default:
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
