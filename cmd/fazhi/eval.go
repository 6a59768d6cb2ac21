package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/ingest/goldeval"
)

func runEval(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	cfg.commonFlags(fs)
	goldPath := fs.String("gold", "", "gold facts, one JSON object per line (file, indicator, value, ...)")
	reportsPath := fs.String("reports", "", "expected jurisdiction and year per file (default: reports.jsonl beside --gold, if present)")
	verbose := fs.Bool("v", false, "also list every missed and every spurious fact, and every report whose jurisdiction is not right")
	sel := addSelectionFlags(fs)
	ff := addFileFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi eval --gold FILE.jsonl [--reports reports.jsonl] [--manifest FILE.csv] [--within CODE] [-v] DIR\n\nExtracts every report in DIR and scores the facts against the gold:\nprecision, recall and F1 per indicator, per category and overall, plus jurisdiction and year accuracy.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if *goldPath == "" || fs.NArg() != 1 {
		fs.Usage()
		return errors.New("eval: give --gold FILE and one folder of reports")
	}
	gold, err := readJSONLines(*goldPath, goldeval.ReadGold)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if *reportsPath == "" {
		if p := filepath.Join(filepath.Dir(*goldPath), "reports.jsonl"); fileExists(p) {
			*reportsPath = p
		}
	}
	inputs, _, err := listReports(cfg, ff, fs.Args(), stderr)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if err := sel.apply(inputs, stderr); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	reports, failed, err := extractAll(ctx, cfg.reportLimits(), inputs)
	if err != nil {
		return err
	}
	got := map[string][]ingest.Fact{}
	var gotReports []goldeval.Report
	for _, r := range reports {
		file := filepath.Base(r.Source)
		got[file] = r.Facts
		gotReports = append(gotReports, goldeval.Report{File: file, Jurisdiction: r.Jurisdiction.Name,
			Level: r.Jurisdiction.Level, DivisionCode: r.Jurisdiction.Code, Path: r.Jurisdiction.Path, Year: r.Year,
			Confidence: r.Jurisdiction.Confidence, Reason: r.Jurisdiction.Reason})
	}
	scores := goldeval.Score(gold, got)
	scores.ScoreRanked(gold, got, cfg.MinConfidence)
	if *reportsPath != "" {
		want, err := readJSONLines(*reportsPath, goldeval.ReadReports)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		scores.CompareReports(want, gotReports)
	}
	if err := scores.WriteTable(stdout); err != nil {
		return err
	}
	if *verbose {
		for _, m := range scores.Missed {
			fmt.Fprintf(stdout, "MISSED   %s %s=%g «%s»\n", m.File, m.Indicator, m.Value, m.Quote)
		}
		for _, m := range scores.Spurious {
			fmt.Fprintf(stdout, "SPURIOUS %s %s=%g (%.2f) «%s»\n", m.File, m.Indicator, m.Value, m.Confidence, m.Quote)
		}
		for _, m := range scores.RankedWrong {
			fmt.Fprintf(stdout, "RANKED WRONG %s %s=%g (%.2f) «%s»\n", m.File, m.Indicator, m.Value, m.Confidence, m.Quote)
		}
		for _, m := range scores.JurisdictionMisses {
			kind := "UNRESOLVED"
			if m.WrongCode {
				kind = "WRONG    "
			}
			fmt.Fprintf(stdout, "%s %s want %s %s, got %s %s (%.2f) %s\n", kind, m.File, m.Want.Jurisdiction, m.Want.DivisionCode,
				m.Got.Jurisdiction, m.Got.DivisionCode, m.Got.Confidence, m.Got.Reason)
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

func readJSONLines[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
