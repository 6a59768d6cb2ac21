package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/api"
	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
)

// A read-only replica (`fazhi serve --read-only`) answers the pages, the
// read API and researchers' SQL from the last copy the writer published
// into FAZHI_PUBLISH_DIR, and switches to each new copy without dropping a
// request: requests that started on the old copy finish on it, the next
// ones go to the new one, and the old one is closed once nobody uses it.
// It writes nothing: corrections, uploads and logins go to the writer.
type replica struct {
	cfg       Config
	log       *slog.Logger
	loc       *time.Location
	from      string // the writer's directory of published copies
	own       string // this replica's links to the copies it uses
	exportDir string
	sandbox   *sqlbox.Pool
	// lock is held while the replica runs (lockReplicaDir): the directory
	// of a replica that died is found by it and removed.
	lock *os.File

	mu      sync.Mutex
	current *replicaCopy
}

// replicaCopy is one published copy as a replica serves it.
type replicaCopy struct {
	warehouse.Copy // Path is the replica's own link to the file
	db             *warehouse.DB
	handler        http.Handler
	users          int  // requests and SQL queries on it (replica.mu)
	retired        bool // a newer copy serves new requests (replica.mu)
}

// replicaPoll is how often a replica looks for a new copy.
const replicaPoll = 2 * time.Second

// serveReplica runs `fazhi serve --read-only` until ctx ends.
func serveReplica(ctx context.Context, cfg Config, log *slog.Logger, stdout io.Writer) error {
	r, err := newReplica(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer r.Close()
	followCtx, stop := context.WithCancel(ctx)
	followed := make(chan struct{})
	go func() { r.follow(followCtx); close(followed) }()
	defer func() { stop(); <-followed }()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("serving a read-only replica", slog.String("addr", ln.Addr().String()), slog.String("copies", r.from), slog.String("version", version))
	fmt.Fprintf(stdout, "fazhi serve --read-only: dashboards at %s (a replica of the copies in %s, stop with Ctrl+C)\n", serveURL(cfg.Addr, ln.Addr()), r.from)
	return serveOn(ctx, ln, r, log, cfg.SQLTimeout)
}

// newReplica waits for the writer's first copy (until ctx ends) and opens it.
func newReplica(ctx context.Context, cfg Config, log *slog.Logger) (*replica, error) {
	loc, err := cfg.location()
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	r := &replica{cfg: cfg, log: log, loc: loc, from: cfg.publishDir()}
	// The links live beside the copies: a hard link needs the same file
	// system, and the writer leaves directories of other names alone. A
	// replica may start before its writer has made the directory.
	if err := os.MkdirAll(r.from, 0o700); err != nil {
		return nil, fmt.Errorf("serve --read-only: %w", err)
	}
	if r.own, err = os.MkdirTemp(r.from, replicaDirPrefix); err != nil {
		return nil, fmt.Errorf("serve --read-only: %w (FAZHI_PUBLISH_DIR names the writer's directory of published copies)", err)
	}
	if r.lock, err = lockReplicaDir(r.own); err != nil {
		return nil, errors.Join(fmt.Errorf("serve --read-only: %w", err), os.RemoveAll(r.own))
	}
	removeDeadReplicas(r.from, log)
	if r.exportDir, err = os.MkdirTemp("", "fazhi-export-"); err != nil {
		return nil, errors.Join(fmt.Errorf("serve: export directory: %w", err), r.Close())
	}
	if err := r.startSandbox(); err != nil { // before the routes, which answer SQL with it
		return nil, errors.Join(err, r.Close())
	}
	// The writer may remove the copy just found (it keeps the last two):
	// then the next one is taken.
	for attempt := 1; ; attempt++ {
		first, err := r.waitForCopy(ctx)
		if err == nil {
			r.current, err = r.open(ctx, first)
		}
		if err == nil {
			log.Info("replica serving a published copy", "copy", first.Path, "version", first.Version, "published", first.At)
			return r, nil
		}
		if attempt == 3 || ctx.Err() != nil {
			return nil, errors.Join(err, r.Close())
		}
		log.Warn("replica: open the newest copy; trying again", "err", err)
	}
}

// waitForCopy returns the newest copy, waiting for the writer's first.
func (r *replica) waitForCopy(ctx context.Context) (warehouse.Copy, error) {
	said := false
	for {
		c, err := warehouse.NewestCopy(r.from)
		if !errors.Is(err, warehouse.ErrNoCopy) {
			return c, err
		}
		if !said {
			r.log.Info("waiting for the writer's first published copy", "dir", r.from)
			said = true
		}
		if !pause(ctx, replicaPoll) {
			return warehouse.Copy{}, fmt.Errorf("serve --read-only: no published copy in %s: %w", r.from, ctx.Err())
		}
	}
}

// open links a published copy into the replica's directory (the writer
// may remove its own once it has newer ones), opens it read-only and builds
// its dashboards before it serves a request.
func (r *replica) open(ctx context.Context, c warehouse.Copy) (*replicaCopy, error) {
	dir, err := os.MkdirTemp(r.own, "copy-")
	if err != nil {
		return nil, fmt.Errorf("replica: %w", err)
	}
	link := filepath.Join(dir, filepath.Base(c.Path))
	if err := linkOrCopy(c.Path, link); err != nil {
		return nil, errors.Join(fmt.Errorf("replica: take copy %s: %w", c.Path, err), os.RemoveAll(dir))
	}
	db, err := warehouse.Open(ctx, warehouse.Config{Path: link, ReadOnly: true, Threads: r.cfg.Threads, MemoryLimit: r.cfg.Memory,
		AllowedDirectories: []string{r.exportDir}, Log: r.log, MinConfidence: r.cfg.MinConfidence})
	if err != nil {
		return nil, errors.Join(fmt.Errorf("replica: open copy %s: %w", c.Path, err), os.RemoveAll(dir))
	}
	db.PrepareDashboards()
	if _, err := db.Snapshot(ctx); err != nil { // waits for the dashboards' snapshot
		return nil, errors.Join(fmt.Errorf("replica: copy %s: %w", c.Path, err), db.Close(), os.RemoveAll(dir))
	}
	rc := &replicaCopy{Copy: c, db: db}
	rc.Path = link
	rc.handler = r.routes(db)
	return rc, nil
}

// linkOrCopy makes dst a hard link to src, or a copy of it where the file
// system cannot link.
func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		return errors.Join(err, out.Close())
	}
	return errors.Join(out.Sync(), out.Close())
}

// routes are the writer's routes on a copy, writes refused. Logins happen
// on the writer; its sessions reach the copies with the next publish, so
// FAZHI_READ_AUTH holds here too, a few seconds late for a new login or a
// logout.
func (r *replica) routes(db *warehouse.DB) http.Handler {
	return routes(db, r.log, r.cfg, r.loc, api.Config{SQL: r.sandbox, ExportDir: r.exportDir}, refuseWrites)
}

// refuseWrites answers every request that would write with 403: a replica
// reads a copy. Researchers' SQL (POST /api/sql) only reads.
func refuseWrites(c *gin.Context) {
	switch m := c.Request.Method; {
	case m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions,
		m == http.MethodPost && c.Request.URL.Path == "/api/sql":
		c.Next()
		return
	}
	if strings.HasPrefix(c.Request.URL.Path, "/api/") {
		c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"code": "read_only_replica",
			"error": "this server is a read-only replica of the warehouse: send corrections and uploads to the writer"})
		return
	}
	c.Data(http.StatusForbidden, "text/html; charset=utf-8", []byte(`<!doctype html><html lang="zh-CN"><meta charset="utf-8">`+
		`<title>只读副本</title><p>本服务器是数据仓库的只读副本，不能更正、上传或登录。请在主服务器上操作。</p></html>`))
}

// startSandbox starts the SQL workers on the copy being served.
func (r *replica) startSandbox() error {
	command, err := workerCommand(r.cfg)
	if err != nil {
		return err
	}
	r.sandbox, err = sqlbox.Start(sqlbox.Config{
		Command: command,
		Workers: 2,
		Limits:  r.cfg.sqlLimits(),
		Acquire: func(ctx context.Context) (sqlbox.Source, func(), error) {
			c, release := r.acquire()
			if c == nil {
				return sqlbox.Source{}, nil, errors.New("the replica has no copy open")
			}
			return sqlbox.Source{Path: c.Path, AsOf: c.At}, release, nil
		},
		Log: r.log,
	})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// acquire returns the copy new work goes to and the function to call when
// that work is done.
func (r *replica) acquire() (*replicaCopy, func()) {
	r.mu.Lock()
	c := r.current
	if c == nil { // not opened yet, or closed
		r.mu.Unlock()
		return nil, func() {}
	}
	c.users++
	r.mu.Unlock()
	var once sync.Once
	return c, func() {
		once.Do(func() {
			r.mu.Lock()
			c.users--
			done := c.retired && c.users == 0
			r.mu.Unlock()
			if done {
				r.closeCopy(c)
			}
		})
	}
}

// ServeHTTP serves the request on the current copy.
func (r *replica) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	c, release := r.acquire()
	defer release()
	if c == nil {
		http.Error(w, "只读副本正在关闭，请稍后再试。(the replica is closing)", http.StatusServiceUnavailable)
		return
	}
	c.handler.ServeHTTP(w, req)
}

// follow switches to each new copy the writer publishes until ctx ends.
func (r *replica) follow(ctx context.Context) {
	for pause(ctx, replicaPoll) {
		newest, err := warehouse.NewestCopy(r.from)
		r.mu.Lock()
		cur := r.current.Copy
		r.mu.Unlock()
		switch {
		case err != nil:
			r.log.Warn("replica: look for a new copy", "err", err)
			continue
		case !newest.At.After(cur.At):
			continue
		}
		c, err := r.open(ctx, newest)
		if err != nil {
			if ctx.Err() == nil {
				r.log.Error("replica: switch to a new copy", "err", err)
			}
			continue
		}
		r.mu.Lock()
		old := r.current
		r.current, old.retired = c, true
		done := old.users == 0
		r.mu.Unlock()
		if done {
			r.closeCopy(old)
		}
		r.log.Info("replica switched to a new copy", "version", newest.Version, "published", newest.At)
	}
}

// pause waits d; false when ctx ended first.
func pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// closeCopy closes a copy nobody uses any more and removes its link.
func (r *replica) closeCopy(c *replicaCopy) {
	if err := errors.Join(c.db.Close(), os.RemoveAll(filepath.Dir(c.Path))); err != nil {
		r.log.Warn("replica: close an old copy", "err", err)
	}
}

// Close stops the SQL workers, closes the copy and removes the links.
func (r *replica) Close() error {
	var errs []error
	if r.sandbox != nil {
		errs = append(errs, r.sandbox.Close())
	}
	r.mu.Lock()
	c := r.current
	r.current = nil
	r.mu.Unlock()
	if c != nil {
		errs = append(errs, c.db.Close())
	}
	for _, dir := range []string{r.own, r.exportDir} {
		if dir != "" {
			errs = append(errs, os.RemoveAll(dir))
		}
	}
	if r.lock != nil {
		errs = append(errs, r.lock.Close())
	}
	return errors.Join(errs...)
}

// replicaDirPrefix starts the names of the replicas' own directories in the
// writer's directory of copies.
const replicaDirPrefix = "replica-"

// lockReplicaDir takes an exclusive lock on dir/lock, held as long as the
// returned file is open (the process lives): a replica that dies, even by
// SIGKILL, leaves its directory unlocked.
func lockReplicaDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return nil, errors.Join(fmt.Errorf("lock %s: %w", f.Name(), err), f.Close())
	}
	return f, nil
}

// removeDeadReplicas removes the directories that replicas which died left
// in dir: their links would keep whole copies on disk. A directory is dead
// when its lock can be taken (a live replica holds it), or when it has no
// lock a minute after it was made (a replica that died starting).
func removeDeadReplicas(dir string, log *slog.Logger) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		log.Warn("replica: look for dead replicas' directories", "err", err)
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), replicaDirPrefix) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		f, err := os.OpenFile(filepath.Join(path, "lock"), os.O_RDWR, 0)
		if err != nil {
			if info, serr := e.Info(); serr != nil || time.Since(info.ModTime()) < time.Minute {
				continue
			}
		} else {
			locked := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
			f.Close()
			if !locked {
				continue // a live replica's
			}
		}
		if err := os.RemoveAll(path); err != nil {
			log.Warn("replica: remove a dead replica's directory", "dir", path, "err", err)
			continue
		}
		log.Info("replica: removed a dead replica's directory", "dir", path)
	}
}
