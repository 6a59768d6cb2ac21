package sqlbox

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// helloTimeout bounds a worker's start: exec, the Go runtime, its limits.
const helloTimeout = 15 * time.Second

// worker is one worker process, seen from the pool.
type worker struct {
	cmd   *exec.Cmd
	pid   int
	stdin io.WriteCloser
	// answers gets each answer the worker writes; it is closed when its
	// stdout ends (the process exited or was killed), readErr says why.
	answers chan answer
	errMu   sync.Mutex
	err     error
	log     *workerLog
	// readers counts the goroutines reading the worker's pipes.
	readers sync.WaitGroup
	// killed: the pool sent SIGKILL.
	killed   bool
	killMu   sync.Mutex
	stopOnce sync.Once
	// quit is closed by stop: nobody reads answers any more.
	quit    chan struct{}
	done    chan struct{}
	waitErr error
	// holding is the file the worker has open and its release function;
	// released for good once the worker is stopped.
	holdMu      sync.Mutex
	holding     Source
	releaseHeld func()
	stopped     bool
}

// startWorker starts cmd as a worker and waits for its hello. maxBytes is
// the pool's byte cap of an answer's rows; an answer much longer than that
// is not read (the worker is broken or not ours).
func startWorker(cmd *exec.Cmd, maxBytes int, log *slog.Logger) (*worker, error) {
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start sql worker: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start sql worker: %w", err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("start sql worker: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start sql worker: %w", err)
	}
	w := &worker{cmd: cmd, pid: cmd.Process.Pid, stdin: stdin, answers: make(chan answer),
		log:  &workerLog{log: log.With("sql_worker", cmd.Process.Pid)},
		quit: make(chan struct{}), done: make(chan struct{}), releaseHeld: func() {}}
	limit := maxBytes + 4<<20
	if maxBytes <= 0 {
		limit = 1 << 30
	}
	lr := newLineReader(stdout, limit)
	hellos := make(chan error, 1)
	w.readers.Add(2)
	go func() {
		defer w.readers.Done()
		w.log.copy(stderr)
	}()
	go func() {
		defer w.readers.Done()
		defer close(w.answers)
		var h hello
		if err := lr.read(&h); err != nil {
			hellos <- err
			w.setErr(err)
			return
		}
		hellos <- nil
		for {
			var a answer
			if err := lr.read(&a); err != nil {
				w.setErr(err)
				if !errors.Is(err, io.EOF) {
					// An answer too long or not JSON: the worker is broken.
					w.kill()
					io.Copy(io.Discard, stdout)
				}
				return
			}
			select {
			case w.answers <- a:
			case <-w.quit:
				io.Copy(io.Discard, stdout)
				return
			}
		}
	}()
	timer := time.NewTimer(helloTimeout)
	defer timer.Stop()
	select {
	case err := <-hellos:
		if err == nil {
			return w, nil
		}
		w.kill()
		w.stop()
		return nil, fmt.Errorf("start sql worker: no hello (%s): %w; it wrote: %s", w.exitStatus(), err, w.log.head())
	case <-timer.C:
		w.kill()
		w.stop()
		return nil, fmt.Errorf("start sql worker: no hello within %s", helloTimeout)
	}
}

// send writes one request.
func (w *worker) send(req request) error {
	return writeLine(w.stdin, req)
}

// holds records the file the worker says it holds after a request for src:
// the file it held before is released if it changed, and src's reference
// (release) is kept while the worker holds src, dropped otherwise.
func (w *worker) holds(path string, src Source, release func()) {
	w.holdMu.Lock()
	defer w.holdMu.Unlock()
	switch {
	case w.stopped:
		release()
	case path == "" || path != src.Path:
		w.releaseHeld()
		w.holding, w.releaseHeld = Source{}, func() {}
		release()
	case w.holding.Path == src.Path:
		release()
	default:
		w.releaseHeld()
		w.holding, w.releaseHeld = src, release
	}
}

// exited reports whether the worker's output has ended (it died).
func (w *worker) exited() bool {
	select {
	case <-w.done:
		return true
	default:
	}
	w.errMu.Lock()
	defer w.errMu.Unlock()
	return w.err != nil
}

func (w *worker) setErr(err error) {
	w.errMu.Lock()
	defer w.errMu.Unlock()
	if w.err == nil {
		w.err = err
	}
}

// readErr says why the answers ended.
func (w *worker) readErr() error {
	w.errMu.Lock()
	defer w.errMu.Unlock()
	if w.err == nil || errors.Is(w.err, io.EOF) {
		return errors.New("the worker's output ended")
	}
	return w.err
}

// kill sends SIGKILL (once the process has exited it does nothing).
func (w *worker) kill() {
	w.killMu.Lock()
	defer w.killMu.Unlock()
	if w.killed {
		return
	}
	w.killed = true
	w.cmd.Process.Kill()
}

// stop waits for the process to end (the caller has killed it, or its
// output ended), reaps it and releases the file it held. It may be called
// more than once and from several goroutines.
func (w *worker) stop() {
	w.stopOnce.Do(func() {
		close(w.quit)
		w.stdin.Close()
		w.readers.Wait()
		w.waitErr = w.cmd.Wait()
		w.holdMu.Lock()
		w.stopped = true
		w.releaseHeld()
		w.holdMu.Unlock()
		close(w.done)
	})
	<-w.done
}

// exitStatus describes how the process ended (after stop).
func (w *worker) exitStatus() string {
	if w.waitErr == nil {
		return "exit status 0"
	}
	return w.waitErr.Error()
}

// killedFromOutside: the process died of SIGKILL that the pool did not
// send, which on Linux is the kernel's out-of-memory killer.
func (w *worker) killedFromOutside() bool {
	w.killMu.Lock()
	killed := w.killed
	w.killMu.Unlock()
	var ee *exec.ExitError
	if killed || !errors.As(w.waitErr, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// workerLog forwards a worker's stderr to the pool's log (its first lines:
// a crash writes thousands) and remembers whether it ran out of memory.
type workerLog struct {
	log   *slog.Logger
	mu    sync.Mutex
	first []string
	oom   bool
}

// maxForwarded is how many lines of a worker's stderr reach the log.
const maxForwarded = 20

func (l *workerLog) copy(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := sc.Text()
		l.mu.Lock()
		if outOfMemory(line) {
			l.oom = true
		}
		forward := len(l.first) < maxForwarded
		if forward {
			l.first = append(l.first, line)
		}
		l.mu.Unlock()
		if forward {
			l.log.Warn("sql worker says", "line", line)
		}
	}
	io.Copy(io.Discard, r)
}

// outOfMemory recognises the Go runtime's and C++'s last words.
func outOfMemory(line string) bool {
	l := strings.ToLower(line)
	return strings.Contains(l, "out of memory") || strings.Contains(l, "bad_alloc") || strings.Contains(l, "cannot allocate memory")
}

func (l *workerLog) sawOutOfMemory() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.oom
}

// head is the start of what the worker wrote to stderr.
func (l *workerLog) head() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := min(len(l.first), 3)
	return strings.Join(l.first[:n], " | ")
}
