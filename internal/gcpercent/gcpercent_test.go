package gcpercent

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestPercentIsSet(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set: the collector keeps it")
	}
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	if old != Percent {
		t.Fatalf("the collector runs at %d%%, want %d%%", old, Percent)
	}
}
