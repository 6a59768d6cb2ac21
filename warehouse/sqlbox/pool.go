package sqlbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Source is the database file a query runs on, and when its data was
// published.
type Source struct {
	Path string
	AsOf time.Time
}

// Config is what a Pool needs.
type Config struct {
	// Command returns the command that starts one worker, a process that
	// runs Serve on its stdin and stdout (`fazhi sql-worker`, or a test
	// binary). The pool sets its stdin, stdout and stderr.
	Command func() *exec.Cmd
	// Workers is how many queries run at once; 0 means 2.
	Workers int
	// Limits bound each query; a zero Limits means DefaultLimits.
	Limits Limits
	// Acquire returns the file the next query runs on, and a function to
	// call once no worker uses that file any more.
	Acquire func(ctx context.Context) (Source, func(), error)
	// Log gets the pool's events and the workers' own log lines.
	Log *slog.Logger
}

// Pool runs researchers' queries in worker processes, never in the
// calling process: a query that runs past its time limit has its worker
// killed (SIGKILL), a worker that dies is replaced, and nothing a query
// does reaches the caller but its answer.
type Pool struct {
	cfg   Config
	slots chan *slot
	mu    sync.Mutex
	live  map[*worker]bool
	// closed: Close was called; no worker starts any more.
	closed bool
}

// slot is one of the pool's places for a worker; w is nil until one is started.
type slot struct{ w *worker }

// Start returns a pool with its workers started.
func Start(cfg Config) (*Pool, error) {
	if cfg.Command == nil || cfg.Acquire == nil || cfg.Log == nil {
		return nil, errors.New("sql sandbox: Command, Acquire and Log are required")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	p := &Pool{cfg: cfg, slots: make(chan *slot, cfg.Workers), live: map[*worker]bool{}}
	for range cfg.Workers {
		w, err := p.start()
		if err != nil {
			return nil, errors.Join(err, p.Close())
		}
		p.slots <- &slot{w: w}
	}
	return p, nil
}

// Query runs one researcher's query. It waits for a free worker (or ctx).
// Refusals and DuckDB's errors wrap ErrRejected or ErrInvalid; a query past
// the time limit ends with ErrTimeout, one that ran out of memory with
// ErrMemory, one that killed its worker otherwise with ErrCrashed.
func (p *Pool) Query(ctx context.Context, text string) (Result, error) {
	lim := p.cfg.Limits
	if strings.TrimSpace(text) == "" {
		return Result{}, fmt.Errorf("%w: empty query", ErrInvalid)
	}
	if lim.MaxLength > 0 && utf8.RuneCountInString(text) > lim.MaxLength {
		return Result{}, refuse(RefuseLength, strconv.Itoa(lim.MaxLength), "the query is longer than %d characters", lim.MaxLength)
	}
	var s *slot
	select {
	case s = <-p.slots:
	case <-ctx.Done():
		return Result{}, fmt.Errorf("sql sandbox: wait for a worker: %w", ctx.Err())
	}
	defer func() { p.slots <- s }()
	// The time limit covers waiting for a copy too (none may be published yet).
	actx, cancel := context.WithTimeout(ctx, lim.Timeout)
	src, release, err := p.cfg.Acquire(actx)
	cancel()
	if err != nil {
		return Result{}, fmt.Errorf("sql sandbox: %w: %w", ErrTimeout, err)
	}
	w, err := p.ready(s)
	if err != nil {
		release()
		return Result{}, err
	}
	req := request{Path: src.Path, SQL: text, MaxRows: lim.MaxRows, MaxBytes: lim.MaxBytes, MaxCell: lim.MaxCell}
	if err := w.send(req); err != nil {
		release()
		return Result{}, p.died(s, err)
	}
	timer := time.NewTimer(lim.Timeout)
	defer timer.Stop()
	select {
	case a, ok := <-w.answers:
		if !ok {
			release()
			return Result{}, p.died(s, w.readErr())
		}
		w.holds(a.Holding, src, release)
		if a.Error != nil {
			err := a.Error.err()
			if errors.Is(err, ErrMemory) {
				// DuckDB keeps what it allocated: a fresh worker starts small.
				p.replace(s, "recycled after running out of memory")
			}
			return Result{}, err
		}
		return result(a, src)
	case <-timer.C:
		release()
		p.replace(s, "killed at the time limit")
		return Result{}, fmt.Errorf("%w of %s; the worker running it was killed", ErrTimeout, lim.Timeout)
	case <-ctx.Done():
		release()
		p.replace(s, "killed: the caller gave up")
		return Result{}, fmt.Errorf("sql sandbox: %w", ctx.Err())
	}
}

// ready returns the slot's worker, starting one if the slot has none.
func (p *Pool) ready(s *slot) (*worker, error) {
	if s.w != nil && !s.w.exited() {
		return s.w, nil
	}
	if s.w != nil {
		s.w.stop()
		p.forget(s.w)
		s.w = nil
	}
	w, err := p.start()
	if err != nil {
		return nil, err
	}
	s.w = w
	return w, nil
}

// died handles a worker that died running a query: it is replaced, and the
// error says why it died as far as can be told.
func (p *Pool) died(s *slot, cause error) error {
	w := s.w
	w.stop()
	status := w.exitStatus()
	memory := w.log.sawOutOfMemory() || w.killedFromOutside()
	p.cfg.Log.Warn("sql worker died", "pid", w.pid, "status", status, "out_of_memory", memory, "cause", cause, "output", w.log.head())
	p.forget(w)
	s.w = p.restart()
	if p.isClosed() {
		return ErrClosed
	}
	if memory {
		return fmt.Errorf("%w: the query needed more memory than the sandbox allows", ErrMemory)
	}
	return fmt.Errorf("%w: the worker running the query died (%s)", ErrCrashed, status)
}

// replace kills the slot's worker and starts a fresh one.
func (p *Pool) replace(s *slot, why string) {
	s.w.kill()
	s.w.stop()
	p.cfg.Log.Info("sql worker replaced", "pid", s.w.pid, "why", why)
	p.forget(s.w)
	s.w = p.restart()
}

// restart starts a worker for a slot, or leaves the slot empty (to start
// at the next query) if that fails.
func (p *Pool) restart() *worker {
	w, err := p.start()
	if err != nil {
		p.cfg.Log.Error("start sql worker", "err", err)
		return nil
	}
	return w
}

// start starts one worker and waits for its hello.
func (p *Pool) start() (*worker, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, ErrClosed
	}
	w, err := startWorker(p.cfg.Command(), p.cfg.Limits.MaxBytes, p.cfg.Log)
	if err != nil {
		return nil, err
	}
	p.live[w] = true
	return w, nil
}

func (p *Pool) isClosed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}

func (p *Pool) forget(w *worker) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.live, w)
}

// PIDs lists the process ids of the running workers (for monitoring and tests).
func (p *Pool) PIDs() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	var pids []int
	for w := range p.live {
		pids = append(pids, w.pid)
	}
	return pids
}

// Close kills every worker and waits for them to exit. Queries still
// running end with an error.
func (p *Pool) Close() error {
	p.mu.Lock()
	p.closed = true
	ws := make([]*worker, 0, len(p.live))
	for w := range p.live {
		ws = append(ws, w)
	}
	p.mu.Unlock()
	for _, w := range ws {
		w.kill()
	}
	for _, w := range ws {
		w.stop()
	}
	return nil
}

// err is the error an answer's failure stands for.
func (e *answerError) err() error {
	if e.Kind == kindRejected && e.Reason != "" {
		return &Refusal{Reason: e.Reason, Subject: e.Subject, Message: e.Message}
	}
	for _, k := range kinds {
		if e.Kind == k.kind {
			return fmt.Errorf("%w: %s", k.err, e.Message)
		}
	}
	return fmt.Errorf("sql worker: %s", e.Message)
}
