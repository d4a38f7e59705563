package git

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// repo makes a repository with one commit per date given.
func repo(t *testing.T, dates ...string) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(env []string, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), append([]string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=A", "GIT_AUTHOR_EMAIL=a@example.org", "GIT_COMMITTER_NAME=A", "GIT_COMMITTER_EMAIL=a@example.org"}, env...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run(nil, "init", "-q", "-b", "main")
	for i, d := range dates {
		if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte{byte('a' + i)}, 0o644); err != nil {
			t.Fatal(err)
		}
		run(nil, "add", "f.txt")
		run([]string{"GIT_AUTHOR_DATE=" + d, "GIT_COMMITTER_DATE=" + d}, "commit", "-q", "-m", "c"+d)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A revision that looks like an option reaches git after --end-of-options:
// git refuses it as a revision and writes nothing.
func TestRevisionIsNeverAnOption(t *testing.T) {
	r := repo(t, "2025-01-10T10:00:00Z")
	out := filepath.Join(t.TempDir(), "pwned")
	rev := "--output=" + out
	if _, err := r.Resolve(rev); err == nil {
		t.Error("Resolve accepted an option as a revision")
	}
	if cs, err := r.Log(rev); err == nil && len(cs) > 0 {
		t.Errorf("Log read %d commits from an option", len(cs))
	}
	if _, err := r.Files(rev, "."); err == nil {
		t.Error("Files accepted an option as a revision")
	}
	for _, name := range []string{out, out + "^{commit}"} {
		if _, err := os.Stat(name); err == nil {
			t.Errorf("git wrote %s", name)
		}
	}
}

func TestLastBefore(t *testing.T) {
	r := repo(t, "2025-01-10T10:00:00Z", "2025-04-02T10:00:00Z")
	for _, c := range []struct {
		before time.Time
		want   string // the subject, "" for none
	}{
		{time.Date(2025, 1, 10, 10, 0, 0, 0, time.UTC), ""}, // strictly before
		{time.Date(2025, 1, 11, 0, 0, 0, 0, time.UTC), "c2025-01-10T10:00:00Z"},
		{time.Date(2025, 4, 3, 0, 0, 0, 0, time.UTC), "c2025-04-02T10:00:00Z"},
		// Past 2099, which git's own date parser cannot read.
		{time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), "c2025-04-02T10:00:00Z"},
		{time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), "c2025-04-02T10:00:00Z"},
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), ""},
	} {
		got, err := r.LastBefore(c.before)
		if err != nil {
			t.Fatal(err)
		}
		subject := ""
		if got != nil {
			subject = got.Subject
		}
		if subject != c.want {
			t.Errorf("LastBefore(%s) = %q, want %q", c.before, subject, c.want)
		}
	}
}

// Log gives each changed file's blob hash, and Read by hash returns the
// same bytes as by revision and path, a blob asked for twice included.
func TestLogBlobsRead(t *testing.T) {
	r := repo(t, "2025-01-10T10:00:00Z", "2025-04-02T10:00:00Z")
	commits, err := r.Log("", "f.txt")
	if err != nil || len(commits) != 2 {
		t.Fatalf("%d commits, %v", len(commits), err)
	}
	var blobs []Blob
	for _, c := range commits {
		if len(c.Files) != 1 || len(c.Blobs) != 1 || len(c.Blobs[0]) != 40 {
			t.Fatalf("commit %s: files %q, blobs %q", c.Short(), c.Files, c.Blobs)
		}
		blobs = append(blobs, Blob{Hash: c.Blobs[0]}, Blob{Rev: c.Hash, Path: c.Files[0]}, Blob{Hash: c.Blobs[0]})
	}
	data, err := r.Read(blobs)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"a", "a", "a", "b", "b", "b"} {
		if string(data[i]) != want {
			t.Errorf("blob %d (%+v) reads %q, want %q", i, blobs[i], data[i], want)
		}
	}
}

// LogFiles lists what Log lists and hands over the files it keeps, newest
// commit first, a blob that comes back read once and shared, a removed
// file without bytes; with nothing to list, it lists nothing.
func TestLogFiles(t *testing.T) {
	r := repo(t, "2025-01-10T10:00:00Z", "2025-02-10T10:00:00Z", "2025-03-10T10:00:00Z")
	// A fourth commit brings back the first version; a fifth removes the file.
	run := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = r.Root
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=A", "GIT_AUTHOR_EMAIL=a@example.org", "GIT_COMMITTER_NAME=A", "GIT_COMMITTER_EMAIL=a@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	if err := os.WriteFile(filepath.Join(r.Root, "f.txt"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(r.Root, "g.txt"), []byte("g"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", ".")
	run("commit", "-q", "-m", "back to a")
	run("rm", "-q", "f.txt")
	run("commit", "-q", "-m", "remove")
	want, err := r.Log("")
	if err != nil || len(want) != 5 {
		t.Fatalf("Log: %d commits, %v", len(want), err)
	}
	var got []string
	var shared [][]byte
	commits, err := r.LogFiles("", func(p string) bool { return p == "f.txt" }, func(f FileVersion) {
		got = append(got, fmt.Sprintf("%s %s %q", f.Commit.Subject, f.Commit.Files[f.Index], f.Data))
		if string(f.Data) == "a" {
			shared = append(shared, f.Data)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(commits, want) {
		t.Errorf("LogFiles listed other commits than Log")
	}
	wantGot := []string{`remove f.txt ""`, `back to a f.txt "a"`, `c2025-03-10T10:00:00Z f.txt "c"`, `c2025-02-10T10:00:00Z f.txt "b"`, `c2025-01-10T10:00:00Z f.txt "a"`}
	if !slices.Equal(got, wantGot) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantGot, "\n"))
	}
	if len(shared) != 2 || &shared[0][0] != &shared[1][0] {
		t.Errorf("the blob that came back was read twice")
	}

	// Where there is nothing to list, it says what Log says.
	empty := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", empty).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	for _, c := range []struct {
		r   *Repo
		rev string
	}{{&Repo{Root: empty}, ""}, {r, "no-such-branch"}} {
		cs, err := c.r.LogFiles(c.rev, func(string) bool { return true }, func(FileVersion) { t.Error("a file from no commit") })
		want, wantErr := c.r.Log(c.rev)
		if cs != nil || want != nil || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Errorf("LogFiles(%q) = %v, %v; Log: %v, %v", c.rev, cs, err, want, wantErr)
		}
	}
}
