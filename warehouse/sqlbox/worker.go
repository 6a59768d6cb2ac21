package sqlbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"
)

// WorkerConfig bounds one worker process.
type WorkerConfig struct {
	// Memory is DuckDB's memory_limit, in bytes.
	Memory int64
	// ProcessLimit is the operating system's limit on the worker's data
	// memory (RLIMIT_DATA), in bytes: DuckDB's and Go's allocations
	// together. It must leave room above Memory for the answer DuckDB
	// copies out of its result and Go converts (DESIGN.md: about twice
	// Memory plus 512 MB). Zero sets no limit.
	ProcessLimit int64
}

// DefaultWorkerConfig is the worker of `fazhi serve` and `fazhi sql` by default.
var DefaultWorkerConfig = WorkerConfig{Memory: 1 << 30, ProcessLimit: 3 << 30}

// nearLimit is the share of ProcessLimit past which a finished query's
// answer is not trusted (see Serve).
const nearLimit = 0.9

// Serve is the worker: it limits its own memory, says hello, then answers
// requests from in on out, one line of JSON each, until in ends or ctx is
// done. It opens the file each request names read-only, and reopens when
// the name changes. It never writes anything but answers to out; log gets
// the rest (the pool forwards a worker's stderr to its own log).
func Serve(ctx context.Context, cfg WorkerConfig, in io.Reader, out io.Writer, log *slog.Logger) error {
	if cfg.ProcessLimit > 0 {
		// Before DuckDB allocates anything: it starts at the first open.
		if err := limitData(cfg.ProcessLimit); err != nil {
			return fmt.Errorf("sql worker: %w", err)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go exitWithParent(ctx, log)
	if err := writeLine(out, hello{PID: os.Getpid()}); err != nil {
		return fmt.Errorf("sql worker: %w", err)
	}
	lr := newLineReader(in, maxRequest)
	var cur *openCopy
	defer func() {
		if cur != nil {
			cur.close()
		}
	}()
	for ctx.Err() == nil {
		var req request
		if err := lr.read(&req); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("sql worker: read request: %w", err)
		}
		if cur != nil && cur.path != req.Path {
			if err := cur.close(); err != nil {
				log.Warn("close copy", "path", cur.path, "err", err)
			}
			cur = nil
		}
		var ans answer
		if cur == nil {
			c, err := open(ctx, req.Path, cfg)
			if err != nil {
				ans = failed(err)
			}
			cur = c
		}
		if cur != nil {
			ans = cur.run(ctx, req)
			if ans.Error == nil && cfg.ProcessLimit > 0 {
				ans = trustworthy(ans, cfg.ProcessLimit, log)
			}
		}
		if cur != nil {
			ans.Holding = cur.path
		}
		if err := writeLine(out, ans); err != nil {
			return fmt.Errorf("sql worker: %w", err)
		}
	}
	return ctx.Err()
}

// trustworthy turns a finished answer into a memory error when the process
// came close to its limit: duckdb-go ends a result silently, as if it were
// complete, when DuckDB cannot allocate the next chunk of it, and near the
// limit that may be what happened.
func trustworthy(ans answer, limit int64, log *slog.Logger) answer {
	used, err := dataInUse()
	if err != nil {
		log.Warn("read memory in use", "err", err)
		return ans
	}
	if float64(used) < nearLimit*float64(limit) {
		return ans
	}
	return failed(fmt.Errorf("%w: the query used %d MB of the sandbox's %d MB, so its answer may be incomplete; ask for less (fewer rows, shorter text)",
		ErrMemory, used>>20, limit>>20))
}

// exitWithParent ends the process when the process that started it dies
// (a server killed with SIGKILL closes no pipe before a running query
// ends): the worker is then adopted by another process, and its parent
// id changes. It returns when ctx ends.
func exitWithParent(ctx context.Context, log *slog.Logger) {
	parent := os.Getppid()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if os.Getppid() != parent {
				log.Warn("the server that started this sql worker is gone: exiting")
				os.Exit(3)
			}
		}
	}
}
