package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

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

// MemoryInput is an input whose bytes are already in memory (an uploaded
// file): name becomes its source.
func MemoryInput(name string, data []byte, meta Meta) Input {
	return Input{Name: name, Size: int64(len(data)), Meta: meta, read: func() ([]byte, error) { return data, nil }}
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
	// Unchanged: the file's content was stored already by this extractor
	// (WalkConfig.Stored said so), so it was neither decoded nor extracted.
	Unchanged bool
	// ReportID, Facts, Jurisdiction and Year describe the extracted report
	// when Err is nil and the file was not Unchanged.
	ReportID     string
	Facts        int
	Jurisdiction Jurisdiction
	Year         int
	Err          error
}

// WalkConfig tunes Walk.
type WalkConfig struct {
	// Workers extracting in parallel; 0 means GOMAXPROCS.
	Workers int
	// BatchSize is the most reports per Arrow batch; 0 means 64.
	BatchSize int
	// BatchBytes bounds the text and quotes of one batch; 0 means 32 MB.
	BatchBytes int
	// Allocator for the batches; nil means the Go allocator.
	Allocator memory.Allocator
	// OnFile, if set, is called once per file as it completes, from one
	// goroutine at a time.
	OnFile func(FileResult)
	// Stored, if set, says which contents (sha256 digests, hex) are stored
	// already: files are read and hashed a chunk at a time, Stored is
	// asked once per chunk, and the files it names are reported Unchanged
	// without being decoded or extracted.
	Stored func(ctx context.Context, sha256s []string) (map[string]bool, error)
}

// Chunks of files hashed before one Stored lookup: at most this many files
// or bytes.
const (
	hashChunkFiles = 2048
	hashChunkBytes = 32 << 20
)

// Walk extracts every input with x and hands the reports to emit in Arrow
// batches. The stages overlap: one goroutine reads files (with
// WalkConfig.Stored, Workers goroutines read and hash a chunk while the one
// before is looked up, and the files stored already are skipped), Workers
// extract them, one gathers batches, and emit runs on a goroutine of its
// own, so extraction goes on while a batch is stored. The channels between
// them are bounded: at most a few batches are in memory, whatever the
// number of inputs. A file that fails is reported through OnFile and in the returned error
// (ErrFilesFailed wrapping all per-file errors) but does not stop the
// others; an error from emit, or ctx ending, stops the walk and is
// returned alone.
func (x *Extractor) Walk(ctx context.Context, inputs []Input, cfg WalkConfig, emit func(context.Context, *Batch) error) error {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := cfg.BatchSize
	if size <= 0 {
		size = 64
	}
	maxBytes := cfg.BatchBytes
	if maxBytes <= 0 {
		maxBytes = maxBatchBytes
	}
	mem := cfg.Allocator
	if mem == nil {
		mem = memory.NewGoAllocator()
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		in     Input
		data   []byte
		digest string
		err    error
	}
	type result struct {
		in        Input
		rep       Report
		unchanged bool
		err       error
	}
	jobs := make(chan job, workers)
	results := make(chan result, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				var r result
				if j.err != nil {
					r = result{in: j.in, err: j.err}
				} else {
					rep, err := x.extract(ctx, j.in.Name, j.data, j.in.Meta, j.digest)
					r = result{in: j.in, rep: rep, err: err}
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	// The reader: files in order, read (and hashed, a chunk at a time, when
	// Stored is set: see readAndHash) before the workers get them.
	var readErr error
	wg.Go(func() {
		defer close(jobs)
		send := func(j job) bool {
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		if cfg.Stored == nil {
			for _, in := range inputs {
				data, err := in.read()
				if !send(job{in: in, data: data, err: err}) {
					return
				}
			}
			return
		}
		dispatch := func(chunk []job) bool {
			var digests []string
			for _, j := range chunk {
				if j.err == nil {
					digests = append(digests, j.digest)
				}
			}
			known, err := cfg.Stored(ctx, digests)
			if err != nil {
				readErr = err
				cancel()
				return false
			}
			for _, j := range chunk {
				if j.err == nil && known[j.digest] {
					select {
					case results <- result{in: j.in, unchanged: true}:
					case <-ctx.Done():
						return false
					}
					continue
				}
				if !send(j) {
					return false
				}
			}
			return true
		}
		// The next chunk is read and hashed (on as many goroutines as
		// there are workers) while this one is looked up and dispatched;
		// unbuffered, so that at most two chunks' bytes are held besides
		// what the workers have.
		chunks := make(chan []job)
		go func() {
			defer close(chunks)
			for start := 0; start < len(inputs); {
				end := chunkEnd(inputs, start)
				chunk := make([]job, end-start)
				readAndHash(ctx, inputs[start:end], workers, func(i int, data []byte, digest string, err error) {
					chunk[i] = job{in: inputs[start+i], data: data, digest: digest, err: err}
				})
				if ctx.Err() != nil {
					return // the chunk is not whole
				}
				select {
				case chunks <- chunk:
				case <-ctx.Done():
					return
				}
				start = end
			}
		}()
		for chunk := range chunks {
			if !dispatch(chunk) {
				return
			}
		}
	})
	go func() { wg.Wait(); close(results) }()

	// The loader: emit, one batch at a time, beside the extraction. The
	// channel holds one batch waiting while another is stored.
	loads := make(chan *Batch, 1)
	var loadErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		for b := range loads {
			if loadErr == nil {
				if err := emit(ctx, b); err != nil {
					loadErr = err
					cancel()
				}
			}
			b.Release()
		}
	}()

	var fileErrs []error
	var pending []Report
	var pendingBytes int
	var fatal error
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		b, err := NewBatch(mem, pending)
		if err != nil {
			return err
		}
		pending, pendingBytes = nil, 0
		select {
		case loads <- b:
			return nil
		case <-ctx.Done():
			b.Release()
			return ctx.Err()
		}
	}
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
		fr := FileResult{Input: r.in, Err: r.err, Unchanged: r.unchanged}
		switch {
		case r.err != nil:
			fileErrs = append(fileErrs, r.err)
		case r.unchanged:
		default:
			fr.ReportID, fr.Facts, fr.Jurisdiction, fr.Year = r.rep.ID, len(r.rep.Facts), r.rep.Jurisdiction, r.rep.Year
			pending = append(pending, r.rep)
			pendingBytes += r.rep.size()
			if len(pending) >= size || pendingBytes >= maxBytes {
				if err := flush(); err != nil {
					fatal = err
					cancel()
				}
			}
		}
		if cfg.OnFile != nil {
			cfg.OnFile(fr)
		}
	}
	if fatal == nil {
		fatal = flush()
	}
	close(loads)
	<-loaded
	if loadErr != nil {
		fatal = loadErr
	} else if readErr != nil {
		fatal = readErr
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
// batch by default, so that a few reports near the size limit do not make a
// batch of hundreds of megabytes.
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

// chunkEnd is the end of the chunk of inputs that starts at start: at most
// hashChunkFiles files or hashChunkBytes bytes by their listed sizes (at
// least one file).
func chunkEnd(inputs []Input, start int) int {
	end, bytes := start, int64(0)
	for end < len(inputs) && end-start < hashChunkFiles && (end == start || bytes+inputs[end].Size <= hashChunkBytes) {
		bytes += inputs[end].Size
		end++
	}
	return end
}

// readAndHash reads the inputs on up to n goroutines and hands each one's
// bytes and sha256 (hex; empty when the read failed) to done with its index,
// from the goroutine that read it. It returns when all are done, or stops
// reading when ctx ends (done is then not called for the rest).
func readAndHash(ctx context.Context, inputs []Input, n int, done func(i int, data []byte, digest string, err error)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, len(inputs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(inputs) || ctx.Err() != nil {
					return
				}
				data, err := inputs[i].read()
				var digest string
				if err == nil {
					sum := sha256.Sum256(data)
					digest = hex.EncodeToString(sum[:])
				}
				done(i, data, digest, err)
			}
		})
	}
	wg.Wait()
}
