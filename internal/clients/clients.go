// Package clients finds and runs the real programs that tests open mrtrack's output
// in (Chromium for HTML, LibreOffice for .docx and .xlsx, pdftoppm, pre-commit).
// A test without the program skips on a developer's machine and fails under
// CI=true, where .ci/run installs them: a missing install step must not pass
// as a skipped test. It holds no test logic of its own.
package clients

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
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

// Convert has LibreOffice convert files into outdir (soffice --convert-to
// to), with a profile of its own so that tests running at once do not
// share one, and fails t when it fails. extra are options placed before
// --convert-to, such as an --infilter.
func Convert(t testing.TB, to, outdir string, files []string, extra ...string) {
	t.Helper()
	soffice := Path(t, "soffice", "libreoffice")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(t.TempDir()), "--headless"}, extra...)
	args = append(append(args, "--convert-to", to, "--outdir", outdir), files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
	}
}
