package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrChanged reports a file that changed on disk after it was read.
var ErrChanged = errors.New("the file changed on disk since it was read; nothing was written: run the command again")

// Fault, when set, is asked before each file-system step of a write ("mkdir",
// "lock", "create", "write", "sync", "rename", "link") and an error it
// returns stands for that step failing. Tests set it to play a full disk or
// a failing device; the program leaves it nil.
var Fault func(op, path string) error

func fault(op, path string) error {
	if Fault == nil {
		return nil
	}
	if err := Fault(op, path); err != nil {
		return &fs.PathError{Op: op, Path: path, Err: err}
	}
	return nil
}

// beforeRename runs between the synced temporary file and the rename; tests
// use it to interrupt a write at the worst moment.
var beforeRename = func(tmp string) error { return nil }

// ReplaceError refuses to replace a file that a rename would not replace
// faithfully: a symbolic link (the caller resolves it first), a file with
// several hard links, which a rename would split in two, or one whose owner
// mrtrack cannot keep.
type ReplaceError struct {
	Path, Problem, Hint string
}

func (e *ReplaceError) Error() string { return e.Path + " " + e.Problem + "; nothing was written" }

// WriteFile replaces path with data atomically: the bytes go to a temporary
// file in the same folder (.NAME.NNN.tmp), which is synced, given the
// original's mode and owner and renamed over the original, so a crash
// leaves either the old file or the new one, never half of each. When
// expect is not nil the write is refused with ErrChanged if the file no
// longer holds exactly expect. The caller holds the file's Lock, so that
// another mrtrack cannot write between that check and the rename.
func WriteFile(path string, data, expect []byte) (err error) {
	mode := os.FileMode(0o644)
	var owner *fileOwner
	if fi, err := os.Lstat(path); err == nil {
		if err := replaceable(path, fi); err != nil {
			return err
		}
		mode, owner = fi.Mode().Perm(), ownerOf(fi)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	tmp, err := writeTemp(path, data, mode, owner)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if expect != nil {
		now, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(now, expect) {
			return ErrChanged
		}
	}
	if err := beforeRename(tmp); err != nil {
		return err
	}
	if err := fault("rename", path); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("replace %s: %w", filepath.Base(path), err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// replaceable refuses what a rename would not replace faithfully.
func replaceable(path string, fi fs.FileInfo) error {
	if fi.Mode()&fs.ModeSymlink != 0 {
		return &ReplaceError{path, "is a symbolic link", "give the path of the file it points to"}
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	if n := hardLinks(fi); n > 1 {
		return &ReplaceError{path, fmt.Sprintf("has %d hard links, and replacing it would leave the other names with the old text", n),
			"make it one file again (cp FILE FILE.new && mv FILE.new FILE), or edit it by hand"}
	}
	return nil
}

// writeTemp writes data to a new temporary file beside path, synced and
// with the given mode and owner, and returns its name.
func writeTemp(path string, data []byte, mode os.FileMode, owner *fileOwner) (name string, err error) {
	dir := filepath.Dir(path)
	if err := fault("create", path); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, tempPattern(filepath.Base(path)))
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := fault("write", path); err != nil {
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		return "", err
	}
	if err := fault("sync", path); err != nil {
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return "", err
	}
	if err := owner.give(tmp.Name(), path); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// CreateFile writes a new file atomically and refuses, with an error that
// matches fs.ErrExist, to replace one that exists, even one created a
// moment ago by another program: the synced temporary file is hard-linked
// to the new name, which fails if the name is taken. Where the file system
// has no hard links, the name is taken with O_EXCL first and the temporary
// file renamed over it. The caller holds the new name's Lock.
func CreateFile(path string, data []byte) (err error) {
	if _, err := os.Lstat(path); err == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	tmp, err := writeTemp(path, data, 0o644, nil)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := fault("link", path); err != nil {
		return err
	}
	err = os.Link(tmp, path)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		// No hard links here (some network and FAT file systems).
		var f *os.File
		if f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
			f.Close()
			if err = os.Rename(tmp, path); err != nil {
				os.Remove(path) // the empty file that held the name
			}
		}
	}
	if err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// MakeFolder creates dir and its parents where they are missing.
func MakeFolder(dir string) error {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return nil
	}
	if err := fault("mkdir", dir); err != nil {
		return err
	}
	return os.MkdirAll(dir, 0o755)
}

// syncDir makes a rename durable; where folders cannot be synced (Windows)
// it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
