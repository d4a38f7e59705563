package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/internal/hostile"
	"github.com/mrtrack/mrtrack/pkg/cli"
)

// TestHostileInputs runs the real validate command on every hostile case
// of internal/hostile: each ends with its finding on the file it is about and
// exit 1, or, for a trap set for the folder walk alone, a clean exit 0.
// Never a panic, and never a hang: that would fail at go test's timeout.
// How long each takes, and in how much memory, is what mrbench hostile
// prints.
func TestHostileInputs(t *testing.T) {
	for _, c := range hostile.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			if c.Unix && runtime.GOOS == "windows" {
				t.Skip("needs FIFOs and symbolic links")
			}
			if testing.Short() && strings.Contains(c.Name, "50 MB") {
				t.Skip("writes 50 MB")
			}
			root := t.TempDir()
			data := filepath.Join(root, "data")
			if err := os.Mkdir(data, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := c.Make(data); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			env := &cli.Env{
				Stdout: &stdout, Stderr: &stderr, Cwd: root,
				Getenv: func(string) string { return "" },
				Now:    func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) },
			}
			code := cli.Main([]string{"validate", "--data", "data"}, env)
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			out := stdout.String()
			if c.Rule == "" {
				if code != 0 || !strings.Contains(out, ": 0 errors") {
					t.Fatalf("exit %d, want 0 and no error; stdout:\n%s", code, head(out))
				}
				return
			}
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			want := "data/" + c.File + ":"
			for line := range strings.Lines(out) {
				if strings.HasPrefix(line, want) && strings.Contains(line, "["+c.Rule+"]") {
					return
				}
			}
			t.Errorf("no %s finding on %s; stdout:\n%s", c.Rule, want, head(out))
		})
	}
}

// head is the start of a long output, for a failure message.
func head(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "\n…"
	}
	return s
}
