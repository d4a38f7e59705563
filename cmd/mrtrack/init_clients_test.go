package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/internal/clients"
	"github.com/mrtrack/mrtrack/pkg/cli"
)

// initRepo runs mrtrack init into a new folder and returns it.
func initRepo(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "records")
	var out, errs bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Getenv: func(string) string { return "" },
		Cwd: filepath.Dir(dir), Now: time.Now}
	if code := cli.Main(append([]string{"init", "records", "--from-release", "v0.1.0"}, args...), env); code != 0 {
		t.Fatalf("mrtrack init: exit %d\n%s", code, errs.String())
	}
	return dir
}

// runClient runs a client program in dir and returns its output, failing the
// test unless it exits with want.
func runClient(t *testing.T, dir string, want int, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	got := 0
	if ee, ok := err.(*exec.ExitError); ok {
		got = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got != want {
		t.Fatalf("%s %s: exit %d, want %d\n%s", name, strings.Join(args, " "), got, want, out)
	}
	return string(out)
}

// The workflows init writes pass actionlint (with shellcheck on their
// run: scripts when it is installed, as .ci/run installs it); a workflow
// actionlint rejects is caught, so the check can fail.
func TestInitWorkflowsActionlint(t *testing.T) {
	actionlint := clients.Path(t, "actionlint")
	dir := initRepo(t, "--organization", "my-office")
	workflows := filepath.Join(dir, ".github", "workflows")
	runClient(t, dir, 0, nil, actionlint, "-no-color", filepath.Join(workflows, "validate.yml"), filepath.Join(workflows, "follow-up.yml"))

	broken := filepath.Join(t.TempDir(), "broken.yml")
	b, _ := os.ReadFile(filepath.Join(workflows, "follow-up.yml"))
	os.WriteFile(broken, bytes.Replace(b, []byte("issues: write"), []byte("issues: writ"), 1), 0o644)
	if out := runClient(t, dir, 1, nil, actionlint, "-no-color", broken); !strings.Contains(out, "issues") {
		t.Errorf("actionlint on a bad permission says:\n%s", out)
	}
}

// pre-commit accepts the configuration init writes, and the hook it names
// (this checkout's .pre-commit-hooks.yaml, built with Go as pre-commit
// builds it) passes good records and stops bad ones. try-repo builds
// mrtrack offline, from the module cache the tests already use.
func TestInitPreCommit(t *testing.T) {
	preCommit := clients.Path(t, "pre-commit")
	dir := initRepo(t, "--organization", "my-office")
	runClient(t, dir, 0, nil, preCommit, "validate-config", ".pre-commit-config.yaml")
	runClient(t, dir, 0, nil, preCommit, "validate-manifest", mustAbs(t, filepath.Join(repoRoot, ".pre-commit-hooks.yaml")))
	if testing.Short() {
		t.Skip("-short: pre-commit try-repo builds mrtrack (about a minute)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	if err := os.CopyFS(filepath.Join(dir, "data", "EVO-2024-03"), os.DirFS(filepath.Join(repoRoot, "data", "EVO-2024-03"))); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "data", "EVO-2024-03", "rec-10.yaml"), []byte("number: ten\n"), 0o644)
	git := []string{"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org"}
	runClient(t, dir, 0, git, "git", "init", "-q")
	runClient(t, dir, 0, git, "git", "add", ".")
	gomodcache := strings.TrimSpace(runClient(t, dir, 0, nil, "go", "env", "GOMODCACHE"))
	offline := []string{"PRE_COMMIT_HOME=" + t.TempDir(), "GOMODCACHE=" + gomodcache, "GOPROXY=off", "GOFLAGS=-mod=mod"}
	hooks := mustAbs(t, repoRoot)
	good := runClient(t, dir, 0, offline, preCommit, "try-repo", hooks, "mrtrack-validate", "--files", "data/EVO-2024-03/evaluation.yaml", "data/EVO-2024-03/rec-01.yaml")
	if !strings.Contains(good, "mrtrack validate....") || !strings.Contains(good, "Passed") {
		t.Errorf("try-repo on good records:\n%s", good)
	}
	bad := runClient(t, dir, 1, offline, preCommit, "try-repo", hooks, "mrtrack-validate", "--files", "data/EVO-2024-03/rec-10.yaml")
	if !strings.Contains(bad, `rec-10.yaml:1:9: error: number must be a whole number, not text "ten" [wrong-type]`) {
		t.Errorf("try-repo on a bad record:\n%s", bad)
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
