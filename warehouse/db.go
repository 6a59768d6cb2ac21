package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// Sentinel errors that callers branch on.
var (
	// ErrNotFound: the requested report, fact or jurisdiction does not exist.
	ErrNotFound = readmodel.ErrNotFound
	// ErrInvalidQuery: the request or SQL text is malformed.
	ErrInvalidQuery = readmodel.ErrInvalidQuery
	// ErrQueryRejected: the SQL is well-formed but not allowed (file access
	// outside Config.AllowedDirectories).
	ErrQueryRejected = errors.New("query rejected")
	// ErrLocked: another process holds the warehouse file.
	ErrLocked = errors.New("warehouse is locked by another process")
)

// Config is what Open needs.
type Config struct {
	// Path of the .duckdb file; ":memory:" or "" for an in-memory warehouse.
	Path string
	// ReadOnly opens the file without write access (several readers may share it).
	ReadOnly bool
	// Threads and MemoryLimit tune DuckDB; zero values keep DuckDB's defaults.
	Threads     int
	MemoryLimit string
	// AllowedDirectories are the only directories SQL may read or write files
	// in (used by exports). Everything else on the file system and the network
	// stays closed to SQL: see DESIGN.md.
	AllowedDirectories []string
	// Log receives what the warehouse does on its own (the dashboards'
	// snapshot builds); nil means slog.Default().
	Log *slog.Logger
	// CheckpointThreshold is the size of the write-ahead log past which a
	// commit folds it into the file (DuckDB's checkpoint_threshold, 16MB by
	// default); a bulk ingest raises it, so that its large transactions are
	// not each followed by a checkpoint, and checkpoints once at its end
	// (FinishBulk). "" keeps DuckDB's.
	CheckpointThreshold string
	// MinConfidence is the extractor confidence a fact needs to be ranked
	// unless a person confirmed it (FAZHI_MIN_CONFIDENCE); 0 means
	// DefaultMinConfidence. A writer stores it in the warehouse (the table
	// ranking_cut, which headline_facts reads) and recomputes the headline
	// values when it changes; a read-only open uses the stored one.
	MinConfidence float64
}

// DefaultMinConfidence is the ranking cut of Config.MinConfidence: on the
// annotated real reports nineteen facts in twenty at or above it are right
// (README, "Figures").
const DefaultMinConfidence = 0.5

// DB is an open warehouse.
type DB struct {
	sql       *sql.DB
	connector *duckdb.Connector
	// path is the warehouse file, "" for an in-memory warehouse.
	path     string
	readOnly bool
	// file is the warehouse file as Publish reads it (publish.go: never
	// closed before DuckDB is, for the sake of DuckDB's lock).
	file *os.File
	// writeMu serialises writers: DuckDB allows one writer per process at a time
	// without conflicts, and loads are short.
	writeMu sync.Mutex
	// gen counts committed writes; snaps holds the dashboards' read model
	// of the latest generation (snapshot.go).
	gen atomic.Uint64
	// authWrites counts the writes of users and sessions: they want a new
	// published copy (replicas read sessions from it), not a new snapshot.
	authWrites atomic.Uint64
	snaps      dbSnapshots
	// note is what the write under way (holding writeMu) touched.
	note writeNote
	// written is closed by the next write (Written).
	written writeSignal
	log     *slog.Logger
	// stmts are the hot reads' prepared statements (prepared.go).
	stmts preparedStmts
	// minConfidence is Config.MinConfidence, defaulted.
	minConfidence float64
	// release forgets that this process holds the file (holdFile).
	release func()
}

//go:embed migrations/*.sql
var migrations embed.FS

// Open opens (creating if needed) the warehouse at cfg.Path and brings its
// schema up to date. A warehouse made by an older fazhi is upgraded in place.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	release, err := holdFile(dsnPath(cfg.Path))
	if err != nil {
		return nil, fmt.Errorf("open warehouse %s: %w", cfg.Path, err)
	}
	connector, err := newConnector(cfg)
	if err != nil {
		release()
		return nil, openError(cfg.Path, err)
	}
	db := &DB{sql: sql.OpenDB(connector), connector: connector, path: dsnPath(cfg.Path), readOnly: cfg.ReadOnly, log: cfg.Log, release: release}
	// The first connection attaches the file: a lock held by another
	// process shows here.
	if err := db.sql.PingContext(ctx); err != nil {
		db.sql.Close()
		connector.Close()
		release()
		return nil, openError(cfg.Path, err)
	}
	if db.log == nil {
		db.log = slog.Default()
	}
	db.minConfidence = cfg.MinConfidence
	if db.minConfidence == 0 {
		db.minConfidence = DefaultMinConfidence
	}
	// The settings are global to the DuckDB instance: run them once, before
	// any other statement, then lock them.
	for _, s := range sandboxSettings(cfg) {
		if _, err := db.sql.ExecContext(ctx, s); err != nil {
			db.Close()
			return nil, fmt.Errorf("open warehouse %s: %s: %w", cfg.Path, s, err)
		}
	}
	if !cfg.ReadOnly {
		if err := db.migrate(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open warehouse %s: %w", cfg.Path, err)
		}
		// A bulk ingest that stopped midway left headline values to refresh.
		if err := db.FinishBulk(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open warehouse %s: %w", cfg.Path, err)
		}
		if err := db.storeRankingCut(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open warehouse %s: %w", cfg.Path, err)
		}
	} else if err := db.readRankingCut(ctx, cfg.MinConfidence); err != nil {
		db.Close()
		return nil, fmt.Errorf("open warehouse %s: %w", cfg.Path, err)
	}
	return db, nil
}

// rowGroupRows is the row group size of a warehouse file open for writing
// (DuckDB's default is 122,880 rows). Each checkpoint rewrites the last
// row group of a table that rows were appended to, and a row group of
// reports holds its texts: at 400,000 reports that was 0.7–2 GB rewritten
// for 1,500 reports added (a 2.3–3.4 s checkpoint); with row groups of
// 16,384 rows, at most 330 MB of texts (0.2–0.6 s measured; 2,048 rows
// made the file of 100,000 reports 4.0 GB instead of 2.2). An older file
// keeps its row groups; appends after the first checkpoint go to new ones.
const rowGroupRows = 16384

// attachedName is the name the warehouse file is attached under when open
// for writing; every connection uses it.
const attachedName = "warehouse"

// newConnector returns the DuckDB connector of cfg. A file open for writing
// is attached to an in-memory DuckDB (ATTACH is the only way to set its
// row group size, rowGroupRows) by the first connection, which every
// connection then uses; a read-only file (replicas, the SQL sandbox) and an
// in-memory warehouse open directly.
func newConnector(cfg Config) (*duckdb.Connector, error) {
	path := dsnPath(cfg.Path)
	if path == "" {
		return duckdb.NewConnector("", nil)
	}
	if cfg.ReadOnly {
		return duckdb.NewConnector(path+"?access_mode=READ_ONLY", nil)
	}
	var mu sync.Mutex
	attached := false
	// A connection is made when the pool needs one, long after Open's
	// context may have ended.
	ctx := context.Background()
	return duckdb.NewConnector("", func(ex driver.ExecerContext) error {
		mu.Lock()
		defer mu.Unlock()
		if !attached {
			q := fmt.Sprintf(`ATTACH %s AS %s (ROW_GROUP_SIZE %d)`, quote(path), attachedName, rowGroupRows)
			if _, err := ex.ExecContext(ctx, q, nil); err != nil {
				return err
			}
			attached = true
		}
		_, err := ex.ExecContext(ctx, `USE `+attachedName, nil)
		return err
	})
}

// heldFiles are the warehouse files open in this process. DuckDB's lock on
// a file is a POSIX record lock, which another process sees but this one
// does not: two DuckDB databases of this process could attach one file and
// write it at once. One *DB per file, then.
var heldFiles = struct {
	sync.Mutex
	paths map[string]bool
}{paths: map[string]bool{}}

// holdFile records that the warehouse file at path is open in this process
// and returns the function that forgets it; an error when it is open
// already. An in-memory warehouse ("") holds nothing.
func holdFile(path string) (release func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	key, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(key)); err == nil {
		key = filepath.Join(dir, filepath.Base(key))
	}
	if real, err := filepath.EvalSymlinks(key); err == nil {
		key = real
	}
	heldFiles.Lock()
	defer heldFiles.Unlock()
	if heldFiles.paths[key] {
		return nil, fmt.Errorf("the file is open in this process already: open it once and share the *DB")
	}
	heldFiles.paths[key] = true
	var once sync.Once
	return func() {
		once.Do(func() {
			heldFiles.Lock()
			delete(heldFiles.paths, key)
			heldFiles.Unlock()
		})
	}, nil
}

// openError wraps an error of opening the warehouse at path: ErrLocked
// when another process holds the file.
func openError(path string, err error) error {
	if strings.Contains(err.Error(), "Could not set lock on file") {
		return fmt.Errorf("open warehouse %s: %w", path, ErrLocked)
	}
	return fmt.Errorf("open warehouse %s: %w", path, err)
}

// dsnPath is the file of a configured path, "" for an in-memory warehouse.
func dsnPath(p string) string {
	if p == ":memory:" {
		return ""
	}
	return p
}

// sandboxSettings are run on every new connection. External access is closed
// before any user SQL can run, and the configuration is locked so that SQL
// cannot open it again.
func sandboxSettings(cfg Config) []string {
	var s []string
	if cfg.Threads > 0 {
		s = append(s, "SET threads = "+strconv.Itoa(cfg.Threads))
	}
	if cfg.MemoryLimit != "" {
		s = append(s, "SET memory_limit = "+quote(cfg.MemoryLimit))
	}
	if cfg.CheckpointThreshold != "" {
		s = append(s, "SET checkpoint_threshold = "+quote(cfg.CheckpointThreshold))
	}
	s = append(s,
		"SET autoinstall_known_extensions = false",
		"SET autoload_known_extensions = false",
	)
	if len(cfg.AllowedDirectories) > 0 {
		dirs := make([]string, len(cfg.AllowedDirectories))
		for i, d := range cfg.AllowedDirectories {
			dirs[i] = quote(strings.TrimSuffix(d, "/") + "/")
		}
		s = append(s, "SET allowed_directories = ["+strings.Join(dirs, ", ")+"]")
	}
	s = append(s,
		"SET enable_external_access = false",
		"SET lock_configuration = true",
	)
	return s
}

// querier is what a query needs of a connection.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// placeholders returns "$n, $n+1, ..." for vals appended to args.
func placeholders(args []any, vals []string) ([]any, string) {
	ph := make([]string, len(vals))
	for i, v := range vals {
		args = append(args, v)
		ph[i] = fmt.Sprintf("$%d", len(args))
	}
	return args, strings.Join(ph, ", ")
}

// quote renders s as a SQL string literal.
func quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Close closes the warehouse.
func (db *DB) Close() error {
	db.snaps.mu.Lock()
	db.snaps.closed = true
	if b := db.snaps.building; b != nil {
		b.cancel()
	}
	db.snaps.mu.Unlock()
	for {
		// A build holds a connection and a transaction until it ends.
		db.snaps.mu.Lock()
		b := db.snaps.building
		db.snaps.mu.Unlock()
		if b == nil {
			break
		}
		<-b.done
	}
	var err error
	if !db.readOnly {
		// Write everything into the file: nothing is left for a WAL replay.
		if _, cerr := db.sql.ExecContext(context.Background(), `CHECKPOINT`); cerr != nil {
			err = fmt.Errorf("close warehouse: checkpoint: %w", cerr)
		}
	}
	err = errors.Join(err, db.closeStmts(), db.sql.Close(), db.connector.Close())
	db.release()
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if db.file != nil {
		err = errors.Join(err, db.file.Close())
		db.file = nil
	}
	return err
}

// migrate applies the embedded migrations the warehouse has not seen yet,
// each in its own transaction, and records them in schema_version.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	var current int
	if err := db.sql.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return fmt.Errorf("read schema_version: %w", err)
	}
	steps, err := migrationSteps()
	if err != nil {
		return err
	}
	if n := len(steps); current > n {
		return fmt.Errorf("warehouse schema version %d is newer than this fazhi knows (%d): use a newer fazhi", current, n)
	}
	for _, step := range steps[current:] {
		if err := db.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, step.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name) VALUES (?, ?)`, step.version, step.name)
			return err
		}); err != nil {
			return fmt.Errorf("migration %s: %w", step.name, err)
		}
	}
	if current < len(steps) {
		// The schema changes go into the file at once rather than wait in
		// the write-ahead log: DuckDB 1.5 cannot replay a column comment on
		// a table with a default such as now() (schema_version), and a crash
		// before the first checkpoint would leave a warehouse it cannot open.
		if _, err := db.sql.ExecContext(ctx, `CHECKPOINT`); err != nil {
			return fmt.Errorf("checkpoint after migrations: %w", err)
		}
	}
	return nil
}

type migration struct {
	version int
	name    string
	sql     string
}

// migrationSteps reads migrations/NNNN_name.sql in order; versions must be 1..n with no gap.
func migrationSteps() ([]migration, error) {
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	var steps []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %s: name must be NNNN_name.sql", e.Name())
		}
		b, err := migrations.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		steps = append(steps, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(steps, func(i, j int) bool { return steps[i].version < steps[j].version })
	for i, s := range steps {
		if s.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", s.name, i+1)
		}
	}
	return steps, nil
}

// SchemaVersion reports the version of the warehouse schema.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.sql.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// writes counts every committed write, of data or of users and sessions:
// what the publisher follows.
func (db *DB) writes() uint64 { return db.gen.Load() + db.authWrites.Load() }

func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}
