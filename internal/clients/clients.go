// Package clients finds the real programs that tests open mrtrack's output
// in (Chromium for HTML, LibreOffice for .docx and .xlsx, pdftoppm, pre-commit).
// A test without the program skips on a developer's machine and fails under
// CI=true, where .ci/run installs them: a missing install step must not pass
// as a skipped test. It holds no test logic of its own.
package clients

import (
	"os"
	"os/exec"
	"testing"
)

// Path returns the path of the first of names found on PATH. When none is
// found it skips t, or fails it when the CI variable is set.
func Path(t testing.TB, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%v not installed: .ci/run installs it (apt-get) before the tests", names)
	}
	t.Skipf("%v not installed (Debian: see .ci/run); skipping", names)
	return ""
}
