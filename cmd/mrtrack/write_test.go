package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/internal/hostile"
	"github.com/mrtrack/mrtrack/pkg/cli"
	"github.com/mrtrack/mrtrack/pkg/store"
)

// The tests here run the real command in-process, on inputs too large
// for a script or with a file system that fails on cue (store.Fault), and
// check the exit code, the message and that no byte of data changed.

const writeRecord = `# yaml-language-server: $schema=../../schema/recommendation.schema.json
number: 1
title: Strengthen monitoring
text: Strengthen the monitoring.
response: agree
responsible:
  - Protection
actions:
  - number: 1
    title: First
    owner: Protection
    description: ""
    due: 2025-06-30
    status: not-started
    progress: ""
`

// writeData makes a data folder holding E-1 with one record, and returns
// the working folder above it.
func writeData(t *testing.T, record string) string {
	t.Helper()
	root := t.TempDir()
	writeFiles(t, filepath.Join(root, "data"), map[string]string{
		"E-1/evaluation.yaml": hostile.Evaluation,
		"E-1/rec-01.yaml":     record,
	})
	return root
}

func runIn(t *testing.T, dir string, stdin []byte, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &cli.Env{
		Stdin: bytes.NewReader(stdin), Stdout: &out, Stderr: &errOut, Cwd: dir,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC) },
	}
	code = cli.Main(args, env)
	return code, out.String(), errOut.String()
}

// snapshot is every file under dir with its bytes, to show nothing moved.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[strings.TrimPrefix(p, dir)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func assertUnchanged(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := snapshot(t, dir)
	for name, text := range before {
		if after[name] != text {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s appeared", name)
		}
	}
}

func assertRun(t *testing.T, code, want int, stderr string, wantErr ...string) {
	t.Helper()
	if code != want {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, want, head(stderr))
	}
	for _, w := range wantErr {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, head(stderr))
		}
	}
}

// Standard input over the read limit is refused, and so is a value that
// fits but would make the file larger than the reader accepts.
func TestSetRefusesWhatTheReaderWouldRefuse(t *testing.T) {
	dir := writeData(t, writeRecord)
	before := snapshot(t, dir)
	limit := int(store.DefaultLimits.MaxFileSize)

	code, _, stderr := runIn(t, dir, bytes.Repeat([]byte("x"), limit+1), "--data", "data", "set", "R1.1", "progress=-")
	assertRun(t, code, 2, stderr, "standard input is larger than the 2097152-byte limit on record files")
	assertUnchanged(t, dir, before)

	code, _, stderr = runIn(t, dir, bytes.Repeat([]byte("x"), limit-100), "--data", "data", "set", "R1.1", "progress=-")
	assertRun(t, code, 2, stderr, "data/E-1/rec-01.yaml would be 2097", "over the 2097152-byte limit on record files; nothing was written")
	assertUnchanged(t, dir, before)

	// Just under the limit is written, and read back.
	code, _, stderr = runIn(t, dir, bytes.Repeat([]byte("x"), limit-1000), "--data", "data", "set", "R1.1", "progress=-", "--no-stamp")
	assertRun(t, code, 0, stderr)
	if code, out, stderr := runIn(t, dir, nil, "--data", "data", "validate"); code != 0 {
		t.Errorf("validate after a set near the limit: exit %d\n%s%s", code, out, stderr)
	}
}

// fmt refuses a layout that would grow a file past the read limit: a long
// flow list becomes a line an item.
func TestFmtRefusesToGrowPastTheLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(strings.Replace(writeRecord, `    progress: ""`, `    progress: ""`+"\n    evidence: [", 1))
	for i := range 230_000 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("e")
	}
	b.WriteString("]\n")
	dir := writeData(t, b.String())
	before := snapshot(t, dir)
	for _, args := range [][]string{{"fmt"}, {"fmt", "--check"}} {
		code, _, stderr := runIn(t, dir, nil, append([]string{"--data", "data"}, append(args, "data/E-1/rec-01.yaml")...)...)
		assertRun(t, code, 1, stderr, "data/E-1/rec-01.yaml would be ", "over the 2097152-byte limit on record files")
		assertUnchanged(t, dir, before)
	}
}

// Invalid UTF-8 in a value is a usage error, and the message repeats a
// short prefix of the value, not all of it.
func TestInvalidUTF8IsUsageError(t *testing.T) {
	dir := writeData(t, writeRecord)
	before := snapshot(t, dir)
	value := string(bytes.Repeat([]byte{0xff, 'a', 0xc3}, 100_000))
	for _, args := range [][]string{
		{"set", "R1.1", "title=" + value},
		{"new", "action", "R1", "--title", value},
		{"new", "recommendation", "--evaluation", "E-1", "--text", value},
	} {
		code, _, stderr := runIn(t, dir, nil, append([]string{"--data", "data"}, args...)...)
		assertRun(t, code, 2, stderr, `not UTF-8 text: "\xffa\xc3`, "(300000 bytes)")
		if len(stderr) > 300 {
			t.Errorf("%s: stderr is %d bytes:\n%s", args[0], len(stderr), head(stderr))
		}
		assertUnchanged(t, dir, before)
	}
}

// Every writer meets a full disk, or a device failing, with exit 3, a hint
// that fits, and the data as it was: no half file, no temporary, no lock.
func TestWritersOnAFailingDisk(t *testing.T) {
	unformatted := strings.Replace(writeRecord, "title: First", "title:   First", 1)
	cases := []struct {
		name string
		op   string
		err  error
		args []string
		hint string
	}{
		{"set, disk full", "write", syscall.ENOSPC, []string{"set", "R1.1", "status=completed"}, "hint: the disk is full"},
		{"set, rename fails", "rename", syscall.EIO, []string{"set", "R1.1", "status=completed"}, "hint: the disk or file system failed"},
		{"new action, disk full", "sync", syscall.ENOSPC, []string{"new", "action", "R1"}, "hint: the disk is full"},
		{"new recommendation, disk full", "write", syscall.ENOSPC, []string{"new", "recommendation", "--evaluation", "E-1"}, "hint: the disk is full"},
		{"new recommendation, no hard links and full", "link", syscall.ENOSPC, []string{"new", "recommendation", "--evaluation", "E-1"}, "hint: the disk is full"},
		{"new evaluation, no room for the folder", "mkdir", syscall.ENOSPC, []string{"new", "evaluation", "E-2"}, "hint: the disk is full"},
		{"new evaluation, read-only", "lock", syscall.EROFS, []string{"new", "evaluation", "E-2"}, "hint: the file system is read-only"},
		{"fmt, disk full", "create", syscall.ENOSPC, []string{"fmt"}, "hint: the disk is full"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeData(t, unformatted)
			before := snapshot(t, dir)
			store.Fault = func(op, path string) error {
				if op == c.op {
					return c.err
				}
				return nil
			}
			defer func() { store.Fault = nil }()
			code, _, stderr := runIn(t, dir, nil, append([]string{"--data", "data"}, c.args...)...)
			assertRun(t, code, 3, stderr, c.hint, "nothing was changed")
			if strings.Contains(stderr, "pick another id") {
				t.Errorf("a write failure is not a taken id:\n%s", stderr)
			}
			if errors.Is(c.err, syscall.ENOSPC) && !strings.Contains(stderr, "no space left on device") {
				t.Errorf("stderr does not name the error:\n%s", stderr)
			}
			assertUnchanged(t, dir, before)
		})
	}
}

// Replacing a file keeps its mode and, where mrtrack may set it, its owner.
func TestWriteKeepsModeAndOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	dir := writeData(t, writeRecord)
	p := filepath.Join(dir, "data", "E-1", "rec-01.yaml")
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(p, 1234, 5678); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runIn(t, dir, nil, "--data", "data", "set", "R1.1", "status=completed")
	assertRun(t, code, 0, stderr)
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if fi.Mode().Perm() != 0o640 || st.Uid != 1234 || st.Gid != 5678 {
		t.Errorf("mode %v, owner %d:%d; want 0640, 1234:5678", fi.Mode().Perm(), st.Uid, st.Gid)
	}
}
