//go:build unix

package main

import (
	"os"
	"syscall"
)

// pageFaults is how many pages a finished process faulted in (minor and
// major faults): what loading and running it touched.
func pageFaults(ps *os.ProcessState) float64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Minflt + ru.Majflt)
	}
	return 0
}
