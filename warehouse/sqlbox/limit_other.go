//go:build !linux

package sqlbox

import (
	"fmt"
	"runtime"
)

// limitData is not available: the sandbox's memory limit needs Linux
// (RLIMIT_DATA). Run the worker with ProcessLimit 0 elsewhere.
func limitData(bytes int64) error {
	return fmt.Errorf("a process memory limit needs Linux, not %s (set the limit to 0)", runtime.GOOS)
}

func dataInUse() (int64, error) {
	return 0, fmt.Errorf("memory in use: not available on %s", runtime.GOOS)
}
