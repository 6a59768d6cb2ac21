package warehouse

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"sync"
	"time"
)

// The life of the dashboards' snapshot (snapshot.go): built on first use or
// at PrepareDashboards, rebuilt after every write once in use, one build at
// a time, readers waiting for the generation of the last write they could
// have seen.

// dbSnapshots is the DB's snapshot state.
type dbSnapshots struct {
	mu       sync.Mutex
	current  *snapshot
	building *snapshotBuild
	// wanted: a snapshot has been asked for, so writes rebuild at once.
	wanted bool
	// closed: the warehouse is closing; no build starts any more.
	closed bool
	// touched are the jurisdiction-years the writes since the last build
	// started changed; full says a write did not say which (the next build
	// reads everything).
	touched map[jurYear]bool
	full    bool
}

// jurYear is a jurisdiction-year: a key of report_jurisdictions and a year
// (0 for none).
type jurYear struct {
	key  string
	year int32
}

// writeNote is what one write touched: noted says it knows (the
// jurisdiction-years in keys; none for a write that left the headline as
// it was), else the next snapshot is built from scratch.
type writeNote struct {
	keys  []jurYear
	noted bool
}

// patchLimit is the share of the headline values past which a snapshot is
// rebuilt rather than patched: a patch re-reads the touched
// jurisdiction-years and keeps the other values of the last snapshot.
const patchLimit = 0.2

type snapshotBuild struct {
	gen  uint64
	done chan struct{}
	snap *snapshot
	err  error
}

// pinnedKey carries a pinned snapshot in a context (see Pin); it names the
// DB, so that a context pinned for one warehouse answers nothing of another.
type pinnedKey struct{ db *DB }

// Pin returns a context in which every dashboard read of db answers from
// the same snapshot, the current one, and that snapshot's version (as
// DataVersion writes it). A page computed from several reads then shows
// one generation of the data even if a write lands meanwhile, and a page
// cache can key the page by the version it was computed from.
func (db *DB) Pin(ctx context.Context) (context.Context, string, error) {
	s, err := db.snapshot(ctx)
	if err != nil {
		return ctx, "", err
	}
	return context.WithValue(ctx, pinnedKey{db}, s), strconv.FormatUint(s.gen, 10), nil
}

// snapshot returns the snapshot pinned in ctx, or the one of the current
// generation, building it (or waiting for the build under way) when the
// last one is older.
func (db *DB) snapshot(ctx context.Context) (*snapshot, error) {
	if s, ok := ctx.Value(pinnedKey{db}).(*snapshot); ok {
		return s, nil
	}
	for {
		gen := db.gen.Load()
		db.snaps.mu.Lock()
		db.snaps.wanted = true
		if s := db.snaps.current; s != nil && s.gen >= gen {
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
	base, touched := db.snaps.current, db.snaps.touched
	if db.snaps.full || base == nil || float64(len(touched)) > patchLimit*float64(len(base.juris)*max(1, len(base.years))) {
		base, touched = nil, nil
	}
	db.snaps.touched, db.snaps.full = nil, false
	go func() {
		start := time.Now()
		b.snap, b.err = db.buildSnapshotSafely(b.gen, base, touched)
		db.snaps.mu.Lock()
		db.snaps.building = nil
		if b.err == nil && (db.snaps.current == nil || db.snaps.current.gen < b.gen) {
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
		how := "built"
		if base != nil {
			how = "patched"
		}
		db.log.Info("dashboard snapshot "+how, "generation", b.gen, "values", len(b.snap.cells),
			"reports", len(b.snap.reports), "jurisdiction_years", len(touched), "took", time.Since(start).Round(time.Millisecond))
	}()
	return b
}

// PrepareDashboards starts building the dashboards' snapshot in the
// background and keeps it current after writes from now on, so that the
// first page does not wait for it (a few seconds at national scale).
func (db *DB) PrepareDashboards() {
	db.snaps.mu.Lock()
	defer db.snaps.mu.Unlock()
	db.snaps.wanted = true
	if s := db.snaps.current; !db.snaps.closed && (s == nil || s.gen != db.gen.Load()) {
		db.startBuildLocked()
	}
}

// buildSnapshotSafely is buildSnapshot with a panic turned into an error:
// a bug in a build must fail the pages that wait, not stop the server.
func (db *DB) buildSnapshotSafely(gen uint64, base *snapshot, touched map[jurYear]bool) (s *snapshot, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("dashboard snapshot: panic: %v\n%s", r, debug.Stack())
		}
	}()
	return db.buildSnapshot(db.closing, gen, base, touched)
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
	for _, k := range note.keys {
		if db.snaps.touched == nil {
			db.snaps.touched = map[jurYear]bool{}
		}
		db.snaps.touched[k] = true
	}
	if db.snaps.wanted && !db.snaps.closed {
		db.startBuildLocked()
	}
}

// DataVersion changes whenever what the dashboards show may have changed:
// after every write to the warehouse (reports stored or replaced,
// corrections, the catalog, the headline table rebuilt). Pages can cache
// their answers per version.
func (db *DB) DataVersion() string {
	return strconv.FormatUint(db.gen.Load(), 10)
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
