package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestCollectorSetBeforeDependencies: internal/gcpercent's init runs
// before that of the dependencies that allocate megabytes in theirs, or
// the collector's setting comes too late to spare a collection at start.
func TestCollectorSetBeforeDependencies(t *testing.T) {
	if os.Getenv("MRTRACK_INITTRACE_CHILD") != "" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCollectorSetBeforeDependencies$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "MRTRACK_INITTRACE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	trace := string(out)
	at := strings.Index(trace, "init github.com/mrtrack/mrtrack/internal/gcpercent ")
	if at < 0 {
		t.Fatalf("no init trace of internal/gcpercent:\n%s", trace)
	}
	for _, later := range []string{"init github.com/santhosh-tekuri/jsonschema/v5 ", "init github.com/xuri/excelize/v2 "} {
		switch i := strings.Index(trace, later); {
		case i < 0:
			t.Errorf("no init trace of %s", strings.TrimSpace(later))
		case i < at:
			t.Errorf("%s runs before internal/gcpercent's", strings.TrimSpace(later))
		}
	}
}
