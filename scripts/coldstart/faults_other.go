//go:build !unix

package main

import "os"

// pageFaults is not measured where getrusage does not count faults.
func pageFaults(*os.ProcessState) float64 { return 0 }
