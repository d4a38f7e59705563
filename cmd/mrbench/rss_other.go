//go:build !unix

package main

import "os"

// maxRSS is not measured here: the table shows no memory figure.
func maxRSS(*os.ProcessState) int64 { return 0 }

// selfRSS is not measured here.
func selfRSS() int64 { return 0 }
