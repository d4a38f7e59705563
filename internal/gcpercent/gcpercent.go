// Package gcpercent sets the collector's percentage of mrtrack's process
// when GOGC does not say, in its init: imported by cmd/mrtrack for that
// alone. Go initializes packages in the order of their import paths once
// their own imports are, so this one, which needs only os, runs before the
// dependencies whose init allocates megabytes (jsonschema/v5, excelize),
// and the default setting no longer collects during start-up.
package gcpercent

import (
	"os"
	"runtime/debug"
)

// Percent is the collector's setting when GOGC does not say. A run reads
// every record, keeps the model and ends: Go's default of 100 collects
// while most of the heap is the model it keeps, and 400 saves about a
// tenth of validate's CPU on 10,000 files for some 15% more memory
// (docs/performance.md).
const Percent = 400

func init() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(Percent)
	}
}
