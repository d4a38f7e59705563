package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "rec-01.yaml")
	orig := []byte("number: 1\n")
	if err := os.WriteFile(p, orig, 0o600); err != nil {
		t.Fatal(err)
	}

	// Interrupted after the temporary file is written, before the rename:
	// the original is intact and no temporary file is left behind.
	crash := errors.New("power cut")
	beforeRename = func(string) error { return crash }
	err := WriteFile(p, []byte("number: 2\n"), orig)
	beforeRename = func(string) error { return nil }
	if !errors.Is(err, crash) {
		t.Fatalf("err = %v, want the interruption", err)
	}
	assertFile(t, p, "number: 1\n")
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// Changed on disk since it was read: refused.
	if err := WriteFile(p, []byte("number: 3\n"), []byte("number: 0\n")); !errors.Is(err, ErrChanged) {
		t.Errorf("err = %v, want ErrChanged", err)
	}
	assertFile(t, p, "number: 1\n")

	// A normal write replaces the content and keeps the mode.
	if err := WriteFile(p, []byte("number: 4\n"), orig); err != nil {
		t.Fatal(err)
	}
	assertFile(t, p, "number: 4\n")
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", fi.Mode().Perm())
	}

	if err := CreateFile(p, []byte("x")); err == nil {
		t.Error("CreateFile overwrote an existing file")
	}
	assertFile(t, p, "number: 4\n")
}

func assertFile(t *testing.T, p, want string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil || string(b) != want {
		t.Errorf("%s = %q, %v; want %q", p, b, err, want)
	}
}

func TestCreateFileIsExclusive(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "rec-02.yaml")
	if err := CreateFile(p, []byte("number: 2\n")); err != nil {
		t.Fatal(err)
	}
	if err := CreateFile(p, []byte("number: 3\n")); !errors.Is(err, os.ErrExist) {
		t.Errorf("err = %v, want one matching fs.ErrExist", err)
	}
	assertFile(t, p, "number: 2\n")
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

func TestLockIsExclusive(t *testing.T) {
	p := filepath.Join(t.TempDir(), "rec-01.yaml")
	l, err := Acquire(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := (&Lock{l.path}).try(); !errors.Is(err, os.ErrExist) {
		t.Errorf("second lock: err = %v, want it taken", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	l, err = Acquire(p)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l.Release()
}
