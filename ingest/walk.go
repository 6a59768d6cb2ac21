package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Input is one report file to read.
type Input struct {
	// Name is the file's path as given by the user; it becomes Report.Source.
	Name string
	// Size in bytes, for progress reporting.
	Size int64
	// Meta is what a manifest or an upload tells about the report.
	Meta Meta
	read func() ([]byte, error)
}

// FilesFS lists the report files below dir in fsys (e.g. the embedded
// sample reports); names are prefixed with prefix.
func FilesFS(fsys fs.FS, dir, prefix string) ([]Input, error) {
	var out []Input
	err := fs.WalkDir(fsys, dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !reportExtensions[strings.ToLower(filepath.Ext(path))] {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, Input{Name: prefix + path, Size: info.Size(), read: func() ([]byte, error) { return fs.ReadFile(fsys, path) }})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// FileResult tells how one file went.
type FileResult struct {
	Input Input
	// Facts, Jurisdiction and Year describe the extracted report when Err is nil.
	Facts        int
	Jurisdiction Jurisdiction
	Year         int
	Err          error
}

// WalkConfig tunes Walk.
type WalkConfig struct {
	// Workers extracting in parallel; 0 means GOMAXPROCS.
	Workers int
	// BatchSize is the number of reports per Arrow batch; 0 means 64.
	BatchSize int
	// Allocator for the batches; nil means the Go allocator.
	Allocator memory.Allocator
	// OnFile, if set, is called once per file as it completes, from one
	// goroutine at a time.
	OnFile func(FileResult)
}

// Walk extracts every input with x and hands the reports to emit in Arrow
// batches. A file that fails is reported through OnFile and in the returned
// error (ErrFilesFailed wrapping all per-file errors) but does not stop the
// others; an error from emit, or ctx ending, stops the walk and is returned
// alone.
func (x *Extractor) Walk(ctx context.Context, inputs []Input, cfg WalkConfig, emit func(context.Context, *Batch) error) error {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := cfg.BatchSize
	if size <= 0 {
		size = 64
	}
	mem := cfg.Allocator
	if mem == nil {
		mem = memory.NewGoAllocator()
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		in  Input
		rep Report
		err error
	}
	jobs := make(chan Input)
	results := make(chan result)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for in := range jobs {
				rep, err := x.ExtractInput(ctx, in)
				select {
				case results <- result{in, rep, err}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, in := range inputs {
			select {
			case jobs <- in:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var fileErrs []error
	var pending []Report
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		b, err := NewBatch(mem, pending)
		if err != nil {
			return err
		}
		defer b.Release()
		pending = pending[:0]
		return emit(ctx, b)
	}
	var fatal error
	var pendingBytes int
loop:
	for {
		var r result
		var ok bool
		select {
		case r, ok = <-results:
		case <-parent.Done():
			// Stop at once, even while a worker is stuck in a read (a
			// slow disk, a hung tool): what was emitted stays stored.
			fatal = parent.Err()
			break loop
		}
		if !ok {
			break loop
		}
		if fatal != nil {
			continue // drain
		}
		fr := FileResult{Input: r.in, Err: r.err}
		if r.err != nil {
			fileErrs = append(fileErrs, r.err)
		} else {
			fr.Facts, fr.Jurisdiction, fr.Year = len(r.rep.Facts), r.rep.Jurisdiction, r.rep.Year
			pending = append(pending, r.rep)
			pendingBytes += r.rep.size()
			if len(pending) >= size || pendingBytes >= maxBatchBytes {
				if err := flush(); err != nil {
					fatal = err
					cancel()
				}
				pendingBytes = 0
			}
		}
		if cfg.OnFile != nil {
			cfg.OnFile(fr)
		}
	}
	if fatal == nil {
		fatal = flush()
	}
	if fatal == nil {
		fatal = ctx.Err()
	}
	if fatal != nil {
		return fmt.Errorf("ingest stopped: %w", fatal)
	}
	if len(fileErrs) > 0 {
		return fmt.Errorf("%w: %w", ErrFilesFailed, errors.Join(fileErrs...))
	}
	return nil
}

// maxBatchBytes bounds the text and quotes of the reports waiting in one
// batch, so that a few reports near the size limit do not make a batch of
// hundreds of megabytes.
const maxBatchBytes = 32 << 20

// size is about the bytes a report's strings take in a batch.
func (r Report) size() int {
	n := len(r.Text) + len(r.Title) + len(r.Source)
	for _, f := range r.Facts {
		n += len(f.Quote) + 64
	}
	return n
}

// ErrFilesFailed marks a Walk that went through to the end but could not
// read some files; the others were emitted. Any other error from Walk means
// it stopped early.
var ErrFilesFailed = errors.New("some report files failed")

// Read returns the input's bytes: for a file, read only if it is a regular
// file within the size limit (see List).
func (in Input) Read() ([]byte, error) { return in.read() }

// ExtractInput reads and extracts one input.
func (x *Extractor) ExtractInput(ctx context.Context, in Input) (Report, error) {
	data, err := in.read()
	if err != nil {
		return Report{}, err
	}
	return x.Extract(ctx, in.Name, data, in.Meta)
}
