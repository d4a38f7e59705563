package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	platform := " " + runtime.GOOS + "/" + runtime.GOARCH
	checkout := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/mrtrack/mrtrack", Version: "(devel)"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-11-28T20:15:00Z"},
			{Key: "vcs.modified", Value: "true"},
		}}
	tests := []struct {
		name          string
		v, c, d       string
		bi            *debug.BuildInfo
		want, version string
	}{
		{"release build", "v1.2.3", "0123456789abcdef0123456789abcdef01234567", "2026-11-28T20:15:00Z", checkout,
			"v1.2.3 (commit 0123456789ab, 2026-11-28T20:15:00Z, go1.26.0" + platform + ")", "v1.2.3"},
		{"go install from the proxy", "", "", "",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/mrtrack/mrtrack", Version: "v0.1.0"}},
			"v0.1.0 (go1.26.0" + platform + ")", "v0.1.0"},
		{"go build in a checkout", "", "", "", checkout,
			"devel (commit 0123456789ab+modified, 2026-11-28T20:15:00Z, go1.26.0" + platform + ")", "devel"},
		{"pseudo-version from the toolchain", "", "", "",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.1.1-0.20261128201500-0123456789ab+dirty"}},
			"v0.1.1-0.20261128201500-0123456789ab+dirty (go1.26.0" + platform + ")", "v0.1.1-0.20261128201500-0123456789ab+dirty"},
		{"no build info", "", "", "", nil, "devel", "devel"},
		{"release values win over build info", "v2.0.0", "abc", "", checkout,
			"v2.0.0 (commit abc, go1.26.0" + platform + ")", "v2.0.0"},
	}
	for _, tt := range tests {
		b := describeBuild(tt.v, tt.c, tt.d, tt.bi)
		if got := b.String(); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		if b.Version != tt.version {
			t.Errorf("%s: version %q, want %q", tt.name, b.Version, tt.version)
		}
	}
}
