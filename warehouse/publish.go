package warehouse

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/duckdb/duckdb-go/v2"
)

// Copy is a published copy of the warehouse file: consistent (the file as
// of one moment between two writes) and never written again. Readers open
// it read-only, in processes of their own.
type Copy struct {
	// Path is the copy's file; its base name is the warehouse's.
	Path string
	// Version is the warehouse's write count when the copy was made.
	Version int64
	// At is when the copy was made, in UTC.
	At time.Time
	// Cloned: the copy shares the file's blocks (a reflink, where the file
	// system can: XFS, Btrfs), made in an instant; false when the bytes
	// were copied (ext4), which takes a while for a large warehouse and
	// holds back writes meanwhile.
	Cloned bool
}

// Publish writes a consistent copy of the warehouse file into dir and
// returns it. Under the writer lock (no write can land meanwhile) it
// checkpoints, so that the file holds every committed write and the
// write-ahead log nothing, then copies the file into a new directory of
// dir: written under a temporary name, synced, then renamed, so that a
// copy a reader finds is always whole. Writers wait while it runs
// (DESIGN.md has the cost per 100 MB).
func (db *DB) Publish(ctx context.Context, dir string) (Copy, error) {
	if db.path == "" || db.readOnly {
		return Copy{}, errors.New("publish: only a warehouse file open for writing can be published")
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if _, err := db.sql.ExecContext(ctx, `CHECKPOINT`); err != nil {
		var de *duckdb.Error
		if errors.As(err, &de) && de.Type == duckdb.ErrorTypeTransaction {
			return Copy{}, fmt.Errorf("publish: %w: %s", errCheckpointBusy, cleanDuckDBError(err))
		}
		return Copy{}, fmt.Errorf("publish: checkpoint: %w", err)
	}
	c := Copy{Version: int64(db.gen.Load()), At: time.Now().UTC()}
	var nonce [4]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return Copy{}, fmt.Errorf("publish: %w", err)
	}
	name := fmt.Sprintf("%d-%d-%s", c.Version, c.At.UnixNano(), hex.EncodeToString(nonce[:]))
	tmp := filepath.Join(dir, name+publishTemp)
	if err := os.Mkdir(tmp, 0o700); err != nil {
		return Copy{}, fmt.Errorf("publish: %w", err)
	}
	base := filepath.Base(db.path)
	cloned, err := db.copyFile(ctx, filepath.Join(tmp, base))
	if err != nil {
		return Copy{}, errors.Join(fmt.Errorf("publish: %w", err), os.RemoveAll(tmp))
	}
	c.Cloned = cloned
	final := filepath.Join(dir, name)
	if err := os.Rename(tmp, final); err != nil {
		return Copy{}, errors.Join(fmt.Errorf("publish: %w", err), os.RemoveAll(tmp))
	}
	if err := syncDir(dir); err != nil {
		return Copy{}, fmt.Errorf("publish: %w", err)
	}
	c.Path = filepath.Join(final, base)
	return c, nil
}

// errCheckpointBusy: DuckDB cannot checkpoint yet. A committed write keeps
// its checkpoint lock until no reader still needs the data before it (the
// dashboards' snapshot build reads in one long transaction), so right
// after a write the checkpoint may fail; a later attempt succeeds.
var errCheckpointBusy = errors.New("the warehouse cannot be checkpointed while a reader still uses an older version")

// publishTemp ends the name of a copy still being written.
const publishTemp = ".tmp"

// copyFile copies the warehouse file to a new file dst and syncs it: a
// reflink where the file system can (cloned), else in pieces so that ctx
// can stop a large copy (each piece goes through copy_file_range on Linux,
// without passing through this process). The caller holds writeMu.
//
// The file is read through one descriptor opened at the first publish and
// closed only after DuckDB (Close): DuckDB's lock on the file is a POSIX
// record lock, and closing any descriptor of the file in this process would
// release it, letting another process open the warehouse for writing.
func (db *DB) copyFile(ctx context.Context, dst string) (cloned bool, err error) {
	if db.file == nil {
		if db.file, err = os.Open(db.path); err != nil {
			return false, err
		}
	}
	in := db.file
	if _, err := in.Seek(0, io.SeekStart); err != nil {
		return false, err
	}
	src := db.path
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, err
	}
	defer func() { err = errors.Join(err, out.Close()) }()
	// A clone is whole or nothing: when refused, out is still empty.
	if cloneFile(out, in) == nil {
		return true, out.Sync()
	}
	for {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		n, err := io.CopyN(out, in, 64<<20)
		if errors.Is(err, io.EOF) || err == nil && n == 0 {
			break
		}
		if err != nil {
			return false, fmt.Errorf("copy %s: %w", src, err)
		}
	}
	return false, out.Sync()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
