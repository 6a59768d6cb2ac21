// Package cpumeter measures the ingest benchmarks in bytes per CPU second:
// the development machine is shared, and wall time counts other
// processes' turns, the process's CPU time does not. For benchmarks only.
package cpumeter

import (
	"syscall"
	"testing"
	"time"
)

// Meter is started before a benchmark's loop and reports after it.
type Meter struct{ start time.Duration }

// Start begins measuring the process's CPU time.
func Start() Meter { return Meter{start: used()} }

// Report adds the metric MB/cpu-s to b: bytes processed since Start over
// the CPU time spent.
func (m Meter) Report(b *testing.B, bytes int64) {
	if cpu := used() - m.start; cpu > 0 {
		b.ReportMetric(float64(bytes)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// used is the CPU time (user and system) the process has used.
func used() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
