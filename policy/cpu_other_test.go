//go:build !unix

package policy

import "testing"

// cpuMetric reports nothing where the process's CPU time is not read.
func cpuMetric(*testing.B) func() { return func() {} }
