package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// The life of the dashboards' snapshot (readmodel.Snapshot): built on first
// use or at PrepareDashboards, rebuilt (or patched) after every write once in
// use, one build at a time, readers waiting for the generation of the last
// write they could have seen.

// dbSnapshots is the DB's snapshot state.
type dbSnapshots struct {
	mu       sync.Mutex
	current  *readmodel.Snapshot
	building *snapshotBuild
	// wanted: a snapshot has been asked for, so writes rebuild at once.
	wanted bool
	// closed: the warehouse is closing; no build starts any more.
	closed bool
	// touched are the jurisdiction-years the writes since the last build
	// started changed; full says a write did not say which (the next build
	// reads everything).
	touched map[readmodel.Key]bool
	full    bool
}

// writeNote is what one write touched: noted says it knows (the
// jurisdiction-years in keys; none for a write that left the headline as
// it was), else the next snapshot is built from scratch.
type writeNote struct {
	keys  []readmodel.Key
	noted bool
}

type snapshotBuild struct {
	gen uint64
	// cancel ends the build (Close).
	cancel context.CancelFunc
	done   chan struct{}
	snap   *readmodel.Snapshot
	err    error
}

// Snapshot returns the dashboards' snapshot of the current generation,
// building it (or waiting for the build under way) when the last one is
// older. A request takes one and passes it to every read it makes, so that
// a page computed from several reads shows one generation of the data even
// if a write lands meanwhile; a page cache keys the page by its Generation.
func (db *DB) Snapshot(ctx context.Context) (*readmodel.Snapshot, error) {
	for {
		gen := db.gen.Load()
		db.snaps.mu.Lock()
		db.snaps.wanted = true
		if s := db.snaps.current; s != nil && s.Generation() >= gen {
			db.snaps.mu.Unlock()
			return s, nil
		}
		if db.snaps.closed {
			db.snaps.mu.Unlock()
			return nil, errors.New("dashboard snapshot: the warehouse is closed")
		}
		b := db.startBuildLocked()
		db.snaps.mu.Unlock()
		select {
		case <-b.done:
		case <-ctx.Done():
			return nil, fmt.Errorf("dashboard snapshot: %w", ctx.Err())
		}
		if b.err != nil {
			return nil, b.err
		}
		if b.gen >= gen {
			return b.snap, nil
		}
		// That build was for an older generation: wait for the next.
	}
}

// startBuildLocked returns the build under way, or starts one for the
// current generation. db.snaps.mu must be held.
func (db *DB) startBuildLocked() *snapshotBuild {
	if b := db.snaps.building; b != nil {
		return b
	}
	b := &snapshotBuild{gen: db.gen.Load(), done: make(chan struct{})}
	db.snaps.building = b
	// Patch the current snapshot with what changed since it was built,
	// unless some write did not say what it changed.
	cfg := readmodel.BuildConfig{Generation: b.gen, MinConfidence: db.minConfidence, Base: db.snaps.current, Touched: db.snaps.touched}
	if db.snaps.full {
		cfg.Base, cfg.Touched = nil, nil
	}
	db.snaps.touched, db.snaps.full = nil, false
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	go func() {
		defer cancel()
		start := time.Now()
		b.snap, b.err = buildSafely(ctx, db.sql, cfg)
		db.snaps.mu.Lock()
		db.snaps.building = nil
		if b.err == nil && (db.snaps.current == nil || db.snaps.current.Generation() < b.gen) {
			db.snaps.current = b.snap
		}
		if b.err != nil {
			db.snaps.full = true // what this build was to patch in is lost
		}
		// Writes committed during the build need the next one.
		again := b.err == nil && db.gen.Load() != b.gen && !db.snaps.closed
		if again {
			db.startBuildLocked()
		}
		db.snaps.mu.Unlock()
		close(b.done)
		if b.err != nil {
			db.log.Warn("dashboard snapshot failed", "generation", b.gen, "err", b.err)
			return
		}
		if !again {
			// The pages' first trend of an indicator need not list them.
			go b.snap.ListTrends(func() bool {
				db.snaps.mu.Lock()
				defer db.snaps.mu.Unlock()
				return db.snaps.closed || db.gen.Load() != b.gen
			})
		}
		how, keys := "built", 0
		if b.snap.Patched() {
			how, keys = "patched", len(cfg.Touched)
		}
		if db.log.Enabled(context.Background(), slog.LevelDebug) {
			var steps []any
			for _, st := range b.snap.BuildSteps() {
				steps = append(steps, st.Name, st.Took.Round(time.Microsecond))
			}
			db.log.Debug("dashboard snapshot steps", steps...)
		}
		size := b.snap.Size()
		db.log.Info("dashboard snapshot "+how, "generation", b.gen, "values", size.Values,
			"reports", size.Reports, "jurisdiction_years", keys, "quote_bytes", size.QuoteBytes, "wasted_quote_bytes", size.WastedQuoteBytes,
			"took", time.Since(start).Round(time.Millisecond))
	}()
	return b
}

// snapshotBuilding returns a channel closed when the dashboards' snapshot
// build under way ends, or nil when none is.
func (db *DB) snapshotBuilding() <-chan struct{} {
	db.snaps.mu.Lock()
	defer db.snaps.mu.Unlock()
	if b := db.snaps.building; b != nil {
		return b.done
	}
	return nil
}

// PrepareDashboards starts building the dashboards' snapshot in the
// background and keeps it current after writes from now on, so that the
// first page does not wait for it (a few seconds at national scale).
func (db *DB) PrepareDashboards() {
	db.snaps.mu.Lock()
	defer db.snaps.mu.Unlock()
	db.snaps.wanted = true
	if s := db.snaps.current; !db.snaps.closed && (s == nil || s.Generation() != db.gen.Load()) {
		db.startBuildLocked()
	}
}

// buildSafely is readmodel.Build with a panic turned into an error: a bug
// in a build must fail the pages that wait, not stop the server.
func buildSafely(ctx context.Context, pool *sql.DB, cfg readmodel.BuildConfig) (s *readmodel.Snapshot, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("dashboard snapshot: panic: %v\n%s", r, debug.Stack())
		}
	}()
	return readmodel.Build(ctx, pool, cfg)
}

// changed records a committed write: the next reader needs a new snapshot,
// and if the dashboards are in use the build starts now.
func (db *DB) changed(note writeNote) {
	defer db.written.signal()
	db.snaps.mu.Lock()
	defer db.snaps.mu.Unlock()
	// The generation moves with what it changed, under the lock a build
	// starts under: else a reader between the two would start a patch for
	// the new generation without this write's keys, and the snapshot of
	// that generation would lack the write for good.
	db.gen.Add(1)
	if !note.noted {
		db.snaps.full = true
	}
	// With no snapshot yet the next build reads everything: the keys of a
	// bulk ingest (hundreds of thousands) need not be kept.
	for _, k := range note.keys {
		if db.snaps.current == nil && db.snaps.building == nil {
			break
		}
		if db.snaps.touched == nil {
			db.snaps.touched = map[readmodel.Key]bool{}
		}
		db.snaps.touched[k] = true
	}
	if db.snaps.wanted && !db.snaps.closed {
		db.startBuildLocked()
	}
}

// writeSignal is a channel closed by the next write, for those who wait
// for one (the publisher).
type writeSignal struct {
	mu sync.Mutex
	ch chan struct{}
}

func (s *writeSignal) wait() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ch == nil {
		s.ch = make(chan struct{})
	}
	return s.ch
}

func (s *writeSignal) signal() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ch != nil {
		close(s.ch)
		s.ch = nil
	}
}

// Written returns a channel that the next write to the warehouse closes
// (whether it commits or not: the data may have changed either way).
func (db *DB) Written() <-chan struct{} { return db.written.wait() }
