package warehouse

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrNoCopy: the directory holds no published copy yet.
var ErrNoCopy = errors.New("no published copy of the warehouse yet")

// NewestCopy returns the last whole copy a Publisher wrote into dir
// (copies still being written are passed over), for readers in other
// processes: read-only replicas. It wraps ErrNoCopy when there is none.
func NewestCopy(dir string) (Copy, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return Copy{}, fmt.Errorf("published copies: %w", err)
	}
	var best Copy
	var bestNanos int64 = -1
	for _, e := range entries {
		if !e.IsDir() || !copyName.MatchString(e.Name()) || strings.HasSuffix(e.Name(), publishTemp) {
			continue
		}
		// By time of publishing: a writer that restarts counts its
		// versions from its own start again.
		version, nanos, ok := parseCopyName(e.Name())
		if !ok || nanos < bestNanos || nanos == bestNanos && version <= best.Version {
			continue
		}
		file, err := copyFileIn(filepath.Join(dir, e.Name()))
		if err != nil {
			continue // removed meanwhile, or not a copy
		}
		best, bestNanos = Copy{Path: file, Version: version, At: time.Unix(0, nanos).UTC()}, nanos
	}
	if bestNanos < 0 {
		return Copy{}, fmt.Errorf("%s: %w", dir, ErrNoCopy)
	}
	return best, nil
}

// parseCopyName reads a copy directory's name: version-nanos-nonce.
func parseCopyName(name string) (version, nanos int64, ok bool) {
	parts := strings.SplitN(name, "-", 3)
	if len(parts) != 3 {
		return 0, 0, false
	}
	v, err1 := strconv.ParseInt(parts[0], 10, 64)
	n, err2 := strconv.ParseInt(parts[1], 10, 64)
	return v, n, err1 == nil && err2 == nil
}

// copyFileIn returns the one warehouse file in a copy's directory.
func copyFileIn(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasSuffix(e.Name(), ".wal") {
			return filepath.Join(dir, e.Name()), nil
		}
	}
	return "", fmt.Errorf("%s: no warehouse file in it", dir)
}
