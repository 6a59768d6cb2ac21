package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
)

func runIngest(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	cfg.commonFlags(fs)
	workers := fs.Int("workers", 0, "reports extracted in parallel (0 = all cores)")
	server := fs.String("server", "", "send the files to a running `fazhi serve` at this URL (POST /api/reports) instead of opening the warehouse")
	fs.StringVar(&cfg.Token, "token", cfg.Token, "the server's write token, with --server (env FAZHI_TOKEN)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file (to see where its time goes)")
	sel := addSelectionFlags(fs)
	ff := addFileFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: fazhi ingest [--db PATH] [--workers N] [--follow-symlinks] [--manifest FILE.csv] [--within CODE] PATH...\n       fazhi ingest --server URL [--token T] PATH...\n\nLoads report files, or every report file in folders (recursively), into the warehouse,\ndirectly or through a running server (which holds the warehouse while it runs).")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("ingest: name at least one file or folder")
	}
	inputs, skipped, err := listReports(cfg, ff, fs.Args(), stdout)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if len(inputs) == 0 {
		return fmt.Errorf("ingest: no report files (%s) in %v; %d skipped", strings.Join(ingest.ReportExtensions(), " "), fs.Args(), len(skipped))
	}
	if err := sel.apply(inputs, stderr); err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if *server != "" {
		return ingestRemote(ctx, *server, cfg.Token, inputs, stdout, stderr)
	}
	boundIngestMemory(&cfg)
	// Checkpoints once, at the end (FinishBulk), not after each batch.
	db, err := openWarehouseWith(ctx, cfg, newLogger(cfg, stderr), bulkCheckpointThreshold)
	if err != nil {
		return err
	}
	defer db.Close()
	ref, err := prepareReference(ctx, db)
	if err != nil {
		return err
	}
	x, err := ingest.NewExtractor(ref)
	if err != nil {
		return err
	}
	sum, err := ingestInputs(ctx, db, x.WithLimits(cfg.reportLimits()), inputs, *workers, newProgress(stderr, inputs))
	sum.Skipped = len(skipped)
	sum.print(stdout)
	if err != nil && !errors.Is(err, ingest.ErrFilesFailed) {
		return err // the walk itself stopped (warehouse error, interrupt)
	}
	if len(sum.Failed) > 0 {
		return exitError(1)
	}
	return nil
}

// ingestSummary is what an ingest did: one summary line, then a line per
// failed file and per warning.
type ingestSummary struct {
	Files    int
	Load     warehouse.LoadCounts
	Failed   []ingest.FileResult
	Warnings []fileWarning
	Skipped  int // folder entries passed over, each printed with its reason
	Duration time.Duration
}

// fileWarning is something a person should know about a stored file.
type fileWarning struct {
	Path, Message string
}

// add counts one Load and keeps its reports' warnings.
func (s *ingestSummary) add(res warehouse.LoadResult) {
	s.Load.Add(res.LoadCounts)
	for _, r := range res.Reports {
		for _, w := range r.Warnings {
			s.Warnings = append(s.Warnings, fileWarning{Path: r.Source, Message: w.Message})
		}
	}
}

func (s ingestSummary) String() string {
	l := s.Load
	line := fmt.Sprintf("%d files in %s: %d stored (%d replaced an older version, %d extracted anew by this fazhi, %d beside a report from the same source about another jurisdiction or year, %d for a jurisdiction-year that already had a report), %d unchanged, %d failed; %d facts stored",
		s.Files, s.Duration.Round(time.Millisecond), l.Stored, l.Replaced, l.Reextracted, l.KeptBeside, l.Duplicates, l.Unchanged, len(s.Failed), l.Facts)
	if s.Skipped > 0 {
		line += fmt.Sprintf("; %d skipped (listed above)", s.Skipped)
	}
	if n := l.CarriedCorrections + l.CarriedReportCorrections; n > 0 {
		line += fmt.Sprintf("; %d analysts' corrections carried over to the new versions", n)
	}
	if l.NoFacts+l.NoYear+l.Unresolved+l.LowConfidence > 0 {
		line += fmt.Sprintf("; stored with no facts: %d, with no year: %d, with an unresolved jurisdiction: %d, with a low-confidence one: %d (see the WARN lines and GET /api/review)",
			l.NoFacts, l.NoYear, l.Unresolved, l.LowConfidence)
	}
	return line
}

// print writes the summary line, a FAILED line per failed file and a WARN
// line per warning.
func (s ingestSummary) print(w io.Writer) {
	fmt.Fprintln(w, s)
	for _, f := range s.Failed {
		fmt.Fprintf(w, "FAILED %s: %v\n", f.Input.Name, f.Err)
	}
	for _, x := range s.Warnings {
		fmt.Fprintf(w, "WARN %s: %s\n", x.Path, x.Message)
	}
}

// bulkCheckpointThreshold lets a bulk ingest's write-ahead log grow this
// large before DuckDB folds it into the file.
const bulkCheckpointThreshold = "1GB"

// A bulk ingest's memory, unless FAZHI_MEMORY_LIMIT or GOMEMLIMIT say
// otherwise: DuckDB's limit, and the Go heap's soft limit (the heap holds
// the batches being extracted and stored, some 350 MB live). Measured on
// 100,000 synthetic reports (1.7 GB) on 2 cores: DuckDB's own default (80%
// of RAM) peaked at 2.75 GB resident in 98 s; these peak at 1.3 GB in 85 s
// (README, "Ingesting many reports").
const (
	ingestDuckDBMemory = "512MB"
	ingestGoMemory     = 450 << 20
)

// boundIngestMemory applies the ingest's memory defaults.
func boundIngestMemory(cfg *Config) {
	if cfg.Memory == "" {
		cfg.Memory = ingestDuckDBMemory
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestGoMemory)
	}
}

// Bulk ingest batches: a transaction stores at most this many reports or
// bytes of text (large transactions load fastest; a few of them in memory
// at a time bound what an ingest takes, whatever the corpus size).
const (
	ingestBatchReports = 8192
	ingestBatchBytes   = 48 << 20
)

// storedSetFiles is the number of files from which an ingest reads every
// stored content's digest at once (warehouse.StoredContents) rather than
// asking for each chunk of files: the one read costs about as much as
// eight chunks' lookups.
const storedSetFiles = 16384

// ingestInputs extracts inputs and loads them into db: the files whose
// content is stored already are skipped by their hash before they are
// decoded, the others are stored in large transactions while extraction
// goes on, and the headline values are refreshed once at the end.
func ingestInputs(ctx context.Context, db *warehouse.DB, x *ingest.Extractor, inputs []ingest.Input, workers int, onFile func(ingest.FileResult)) (ingestSummary, error) {
	start := time.Now()
	sum := ingestSummary{Files: len(inputs)}
	stored := db.Stored
	if len(inputs) >= storedSetFiles {
		set, err := db.StoredContents(ctx)
		if err != nil {
			return sum, err
		}
		stored = set.Stored
	}
	// OnFile runs on the walk's goroutine, the load on its loader's.
	var mu sync.Mutex
	err := x.Walk(ctx, inputs, ingest.WalkConfig{
		Workers:    workers,
		BatchSize:  ingestBatchReports,
		BatchBytes: ingestBatchBytes,
		Stored:     stored,
		OnFile: func(fr ingest.FileResult) {
			mu.Lock()
			if fr.Err != nil {
				sum.Failed = append(sum.Failed, fr)
			}
			if fr.Unchanged {
				sum.Load.Unchanged++
			}
			mu.Unlock()
			if onFile != nil {
				onFile(fr)
			}
		},
	}, func(ctx context.Context, b *ingest.Batch) error {
		res, err := db.BulkLoad(ctx, b)
		mu.Lock()
		sum.add(res)
		mu.Unlock()
		return err
	})
	// What was stored gets its headline values, even when the walk stopped.
	if ferr := db.FinishBulk(context.WithoutCancel(ctx)); ferr != nil {
		ferr = fmt.Errorf("refresh the headline values (they are refreshed at the next open): %w", ferr)
		if err == nil || errors.Is(err, ingest.ErrFilesFailed) {
			err = ferr // the failed files are listed in sum; this must not pass for them
		} else {
			err = errors.Join(err, ferr)
		}
	}
	sum.Duration = time.Since(start)
	return sum, err
}

// newProgress shows a progress bar on stderr when it is a terminal; else nothing
// (the summary line says it all).
func newProgress(stderr io.Writer, inputs []ingest.Input) func(ingest.FileResult) {
	f, ok := stderr.(*os.File)
	if !ok || !isTerminal(f) {
		return nil
	}
	var total int64
	for _, in := range inputs {
		total += in.Size
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return func(fr ingest.FileResult) {
		bar.Add64(fr.Input.Size)
		if fr.Err != nil {
			bar.Clear()
			fmt.Fprintf(f, "FAILED %s: %v\n", fr.Input.Name, fr.Err)
		}
	}
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
