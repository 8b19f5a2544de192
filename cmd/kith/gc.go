package main

import (
	"math"
	"runtime/debug"
)

// What kith runs, as far as the garbage collector is concerned.
type gcUse int

const (
	gcVerb   gcUse = iota // one command
	gcTUI                 // the friend browser
	gcImport              // an import, inside its command
)

// tuneGC sets the collector for u and returns what restores the settings
// before. Every GC setting of kith is here, with what it was measured to
// buy (kith demo --friends 100000: 1M asks; 2 cores, medians):
//
//   - a verb: GOGC 400. kith who --sector takes 582 ms against 664 with
//     the default, kith due 888 against 953; kith list is the same (624
//     against 631); peak memory is the same (the records are live).
//   - the TUI: Go's defaults, GOGC 100 and no memory limit. The TUI holds
//     what its screens show and runs for long; with GOGC 400 and a soft
//     limit of 180 MB below its heap, the collector ran all the time while
//     it loaded: a filter typed on the first frame took 361 ms to find
//     its friend at 100k (scripts/vs-abook, medians of 5) and the peak
//     was 284 MiB. With the defaults (and the filter's haystacks), in
//     alternating runs against GOGC 400 without a limit (load average
//     6-7): the filter 158 and 97 ms against 195 and 211, the first frame
//     0.66-0.68× abook's against 0.55-0.57× (noisy), the peak 224-235 MiB
//     against 176-214 once loaded: the heap is live data (every friend,
//     every ask's facts), which no setting here shrinks.
//   - an import: GOGC 50, no limit. Importing 100,000 vCards into a new
//     database holds up to 300 MB live (the records while they are
//     planned, then bbolt's values and pages until the commit): with the
//     former soft limit of 256 MB the collector never stopped (16-18 s of
//     CPU); without it, GOGC 100 peaks at 631 MB resident, GOGC 50 at
//     498 MB, GOGC 25 at 441 MB (medians of 3, load 4; CPU 5.7, 6.2 and
//     6.4 s; wall 5.8, 5.2 and 8.0 s).
func tuneGC(u gcUse) (restore func()) {
	percent, limit := 400, int64(math.MaxInt64)
	switch u {
	case gcTUI:
		percent = 100
	case gcImport:
		percent = 50
	}
	oldPercent := debug.SetGCPercent(percent)
	oldLimit := debug.SetMemoryLimit(limit)
	return func() {
		debug.SetMemoryLimit(oldLimit)
		debug.SetGCPercent(oldPercent)
	}
}
