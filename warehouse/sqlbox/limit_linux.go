//go:build linux

package sqlbox

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// limitData sets RLIMIT_DATA, the limit of the process's data memory
// (heap and private anonymous mappings, which is where DuckDB's and Go's
// allocations go). An allocation past it fails: DuckDB answers "Out of
// Memory Error", the Go runtime dies with "out of memory". Unlike RLIMIT_AS
// it does not count the address space the Go runtime only reserves (some
// 1.6 GB at start, measured).
func limitData(bytes int64) error {
	lim := syscall.Rlimit{Cur: uint64(bytes), Max: uint64(bytes)}
	if err := syscall.Setrlimit(syscall.RLIMIT_DATA, &lim); err != nil {
		return fmt.Errorf("limit data memory to %d bytes: %w", bytes, err)
	}
	return nil
}

// dataInUse is the process's data memory now (VmData).
func dataInUse() (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmData:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("VmData: %w", err)
			}
			return kb << 10, nil
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("no VmData in /proc/self/status")
}
