package extract

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_THREAD, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZCPU(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "golden", "report_*", "input.txt"))
	var reps []string
	size := 0
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		reps = append(reps, string(b))
		size += len(b)
	}
	Extract(reps[0], Options{})
	text := corpus(t, 8)
	for _, mode := range []string{"report"} {
		best := time.Hour
		for r := 0; r < 5; r++ {
			c0 := cpuNow()
			n := 0
			for i := 0; i < 200; i++ {
				if mode == "report" {
					for _, s := range reps {
						Extract(s, Options{})
					}
					n += size
				} else if i%8 == 0 {
					Extract(text, Options{Year: 2022})
					n += len(text)
				}
			}
			d := cpuNow() - c0
			if d < best {
				best = d
			}
			_ = n
		}
		bytes := 200 * size
		if mode == "concat" {
			bytes = 25 * len(text)
		}
		t.Logf("%s: %.1f MB/s (thread CPU time)", mode, float64(bytes)/best.Seconds()/1e6)
	}
}
