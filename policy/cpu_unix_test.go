//go:build unix

package policy

import (
	"syscall"
	"testing"
)

// cpuMetric reports, when the benchmark ends, the CPU time of the whole
// process per op (user and system, every thread, GC included) as
// cpu-ms/op: on a machine shared with others' work, it moves much less
// than the wall time.
func cpuMetric(b *testing.B) func() {
	t0 := processCPU()
	return func() { b.ReportMetric(float64(processCPU()-t0)/1e6/float64(b.N), "cpu-ms/op") }
}

func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
