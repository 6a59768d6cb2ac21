package warehouse

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"
)

// Publisher keeps a published copy of the warehouse current: it publishes
// at once, then after writes, and removes old copies once nobody uses them.
// Readers in other processes (the SQL sandbox's workers, later read-only
// replicas) Acquire the newest copy.
type Publisher struct {
	db  *DB
	dir string
	log *slog.Logger
	// Quiet is how long after the last write a publish starts, MaxDelay
	// how long a stream of writes may put it off.
	quiet, maxDelay time.Duration

	mu sync.Mutex
	// copies are the published copies, oldest first.
	copies []*published
	ready  chan struct{}
}

// published is a copy and how many readers use it.
type published struct {
	Copy
	users int
}

// Publisher timing.
const (
	publishQuiet    = time.Second
	publishMaxDelay = 10 * time.Second
	// keepCopies is how many of the newest copies stay while unused.
	keepCopies = 2
)

// NewPublisher returns a publisher of db's copies into dir, which it owns:
// copies left there by an earlier run are removed when Run starts.
func NewPublisher(db *DB, dir string, log *slog.Logger) *Publisher {
	return &Publisher{db: db, dir: dir, log: log, quiet: publishQuiet, maxDelay: publishMaxDelay, ready: make(chan struct{})}
}

// Run publishes a copy at once, then a new one when writes have come: it
// starts once no write has come for a second (at most ten seconds after the
// first unpublished write) and the dashboards' snapshot is built (at most
// ten seconds more), one publish at a time. It returns when ctx ends,
// after removing the copies nobody uses.
func (p *Publisher) Run(ctx context.Context) error {
	if err := p.removeLeftovers(); err != nil {
		return err
	}
	defer p.removeUnused(true)
	var last uint64
	published := false
	for {
		written := p.db.Written()
		if published && p.db.writes() == last {
			select {
			case <-written:
			case <-ctx.Done():
				return nil
			}
		}
		if published && !p.settle(ctx) {
			return nil
		}
		if !p.afterDashboards(ctx) {
			return nil
		}
		gen := p.db.writes()
		start := time.Now()
		c, err := p.db.Publish(ctx, p.dir)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			if errors.Is(err, errCheckpointBusy) {
				p.log.Info("publishing postponed", "reason", err)
			} else {
				p.log.Error("publish the warehouse", "err", err)
			}
			if !sleep(ctx, p.quiet) {
				return nil
			}
			continue
		}
		p.add(c)
		last, published = gen, true
		p.log.Info("warehouse published", "path", c.Path, "version", c.Version, "cloned", c.Cloned, "took", time.Since(start).Round(time.Millisecond))
	}
}

// settle waits until no write has come for p.quiet, or p.maxDelay has
// passed; false when ctx ended.
func (p *Publisher) settle(ctx context.Context) bool {
	deadline := time.Now().Add(p.maxDelay)
	for {
		written := p.db.Written()
		wait := min(p.quiet, time.Until(deadline))
		if wait <= 0 {
			return true
		}
		t := time.NewTimer(wait)
		select {
		case <-written:
			t.Stop()
		case <-t.C:
			return true
		case <-ctx.Done():
			t.Stop()
			return false
		}
	}
}

// afterDashboards waits while the dashboards' snapshot is being built, for
// at most p.maxDelay: the pages wait for that build, and a publish would
// slow it (a copy reads and writes the whole file where the file system
// cannot clone it) or fail (DuckDB cannot checkpoint while the build reads
// the data before the last write). False when ctx ended.
func (p *Publisher) afterDashboards(ctx context.Context) bool {
	deadline := time.NewTimer(p.maxDelay)
	defer deadline.Stop()
	for {
		building := p.db.snapshotBuilding()
		if building == nil {
			return true
		}
		select {
		case <-building:
		case <-deadline.C:
			return true
		case <-ctx.Done():
			return false
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// Acquire returns the newest copy, waiting for the first, and the function
// to call once the caller no longer uses it (the copy stays until then).
func (p *Publisher) Acquire(ctx context.Context) (Copy, func(), error) {
	select {
	case <-p.ready:
	case <-ctx.Done():
		return Copy{}, nil, fmt.Errorf("wait for the first published copy: %w", ctx.Err())
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.copies[len(p.copies)-1]
	c.users++
	var once sync.Once
	return c.Copy, func() {
		once.Do(func() {
			p.mu.Lock()
			c.users--
			p.mu.Unlock()
			p.removeUnused(false)
		})
	}, nil
}

// add records a new copy and removes the old ones nobody uses.
func (p *Publisher) add(c Copy) {
	p.mu.Lock()
	p.copies = append(p.copies, &published{Copy: c})
	if len(p.copies) == 1 {
		close(p.ready)
	}
	p.mu.Unlock()
	p.removeUnused(false)
}

// removeUnused removes the unused copies but the newest keepCopies (all
// unused ones when all is set).
func (p *Publisher) removeUnused(all bool) {
	p.mu.Lock()
	var gone []string
	kept := p.copies[:0]
	for i, c := range p.copies {
		old := all || i < len(p.copies)-keepCopies
		if old && c.users == 0 {
			gone = append(gone, filepath.Dir(c.Path))
			continue
		}
		kept = append(kept, c)
	}
	p.copies = kept
	p.mu.Unlock()
	for _, dir := range gone {
		if err := os.RemoveAll(dir); err != nil {
			p.log.Warn("remove a published copy", "dir", dir, "err", err)
		}
	}
}

// copyName is the name of a copy's directory (and of one being written).
var copyName = regexp.MustCompile(`^[0-9]+-[0-9]+-[0-9a-f]+(\.tmp)?$`)

// removeLeftovers removes copies an earlier run left in p.dir.
func (p *Publisher) removeLeftovers() error {
	entries, err := os.ReadDir(p.dir)
	if err != nil {
		return fmt.Errorf("publisher: %w", err)
	}
	var errs []error
	for _, e := range entries {
		if e.IsDir() && copyName.MatchString(e.Name()) {
			errs = append(errs, os.RemoveAll(filepath.Join(p.dir, e.Name())))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("publisher: remove old copies: %w", err)
	}
	return nil
}

// Copies lists the copies on disk now, oldest first (for tests and monitoring).
func (p *Publisher) Copies() []Copy {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Copy, len(p.copies))
	for i, c := range p.copies {
		out[i] = c.Copy
	}
	return out
}
