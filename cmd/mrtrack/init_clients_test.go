package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/internal/clients"
	"github.com/mrtrack/mrtrack/pkg/cli"
	"github.com/mrtrack/mrtrack/pkg/store"
	"go.yaml.in/yaml/v3"
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
	all, _ := filepath.Glob(filepath.Join(workflows, "*.yml"))
	if len(all) != 3 {
		t.Fatalf("workflows written: %v", all)
	}
	runClient(t, dir, 0, nil, actionlint, append([]string{"-no-color"}, all...)...)

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
	// The git identity too: try-repo commits the checkout's uncommitted changes
	// to a shadow repository, and a fresh CI machine has none configured.
	offline := append([]string{"PRE_COMMIT_HOME=" + t.TempDir(), "GOMODCACHE=" + gomodcache, "GOPROXY=off", "GOFLAGS=-mod=mod"}, git...)
	hooks := mustAbs(t, repoRoot)
	good := runClient(t, dir, 0, offline, preCommit, "try-repo", hooks, "mrtrack-validate", "--files", "data/owners.yaml", "data/EVO-2024-03/evaluation.yaml", "data/EVO-2024-03/rec-01.yaml")
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

// The install step of the generated workflows, run by bash as Actions
// runs it, against a release served by a fake curl: it downloads the
// pinned version's archive and checksums.txt from the release, installs
// the binary when the archive matches, and stops before installing when
// it does not.
func TestInitInstallStep(t *testing.T) {
	dir := initRepo(t)
	b, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "validate.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Name string            `yaml:"name"`
				Env  map[string]string `yaml:"env"`
				Run  string            `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	script, version := "", ""
	for _, s := range wf.Jobs["validate"].Steps {
		if strings.HasPrefix(s.Name, "Install mrtrack") {
			script, version = s.Run, s.Env["MRTRACK_VERSION"]
		}
	}
	if script == "" || version != "0.1.0" {
		t.Fatalf("no install step of 0.1.0 in validate.yml:\n%s", b)
	}
	for _, tampered := range []bool{false, true} {
		release, bin, work := t.TempDir(), t.TempDir(), t.TempDir()
		archive := "mrtrack_0.1.0_linux_amd64.tar.gz"
		data := tarGz(t, "mrtrack", "#!/bin/sh\necho mrtrack v0.1.0 \\(fake\\)\n")
		sum := sha256.Sum256(data)
		os.WriteFile(filepath.Join(release, "checksums.txt"), fmt.Appendf(nil, "%x  %s\n%x  mrtrack_0.1.0_darwin_arm64.tar.gz\n", sum, archive, sha256.Sum256(nil)), 0o644)
		if tampered {
			data = tarGz(t, "mrtrack", "#!/bin/sh\necho evil\n")
		}
		os.WriteFile(filepath.Join(release, archive), data, 0o644)
		// curl -fsSL --retry 3 -o FILE URL, from the release folder; sudo
		// install SRC DEST into bin.
		os.WriteFile(filepath.Join(bin, "curl"), []byte(`#!/bin/sh
while [ $# -gt 0 ]; do case "$1" in -o) out=$2; shift;; http*) url=$1;; esac; shift; done
echo "$url" >> "$RELEASE/urls.log"
cp "$RELEASE/${url##*/}" "$out"
`), 0o755)
		os.WriteFile(filepath.Join(bin, "sudo"), []byte("#!/bin/sh\n[ \"$1\" = install ] && exec install \"$2\" \"$BIN/${3##*/}\"\nexit 1\n"), 0o755)
		cmd := exec.Command("bash", "-e", "-c", script)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "RELEASE="+release, "BIN="+bin, "MRTRACK_VERSION="+version)
		out, err := cmd.CombinedOutput()
		urls, _ := os.ReadFile(filepath.Join(release, "urls.log"))
		wantURLs := "https://github.com/mrtrack/mrtrack/releases/download/v0.1.0/" + archive + "\nhttps://github.com/mrtrack/mrtrack/releases/download/v0.1.0/checksums.txt\n"
		if string(urls) != wantURLs {
			t.Errorf("downloaded:\n%s\nwant:\n%s", urls, wantURLs)
		}
		_, installed := os.Stat(filepath.Join(bin, "mrtrack"))
		switch {
		case !tampered && (err != nil || !strings.HasSuffix(string(out), "mrtrack v0.1.0 (fake)\n")):
			t.Errorf("install: %v\n%s", err, out)
		case tampered && (err == nil || installed == nil || !strings.Contains(string(out), archive+": FAILED")):
			t.Errorf("a tampered archive: %v, installed %v\n%s", err, installed == nil, out)
		}
	}
}

// tarGz is a .tar.gz archive of one executable file.
func tarGz(t *testing.T, name, content string) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(content))}); err != nil {
		t.Fatal(err)
	}
	tw.Write([]byte(content))
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

// A write that fails half-way (a full disk at the fourth file) takes back
// what init had written: exit 3, and the folder it made is gone again.
func TestInitFailsWhole(t *testing.T) {
	store.Fault = func(op, path string) error {
		if op == "write" && strings.HasSuffix(path, "validate.yml") {
			return syscall.ENOSPC
		}
		return nil
	}
	defer func() { store.Fault = nil }()
	root := t.TempDir()
	var out, errs bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Getenv: func(string) string { return "" }, Cwd: root, Now: time.Now}
	if code := cli.Main([]string{"init", "records", "--from-release", "v0.1.0"}, env); code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, errs.String())
	}
	if !strings.Contains(errs.String(), "hint: the disk is full") {
		t.Errorf("stderr:\n%s", errs.String())
	}
	if entries, _ := os.ReadDir(root); len(entries) > 0 {
		t.Errorf("left behind in %s: %v", root, entries)
	}
}
