package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrChanged reports a file that changed on disk after it was read.
var ErrChanged = errors.New("the file changed on disk since it was read; nothing was written: run the command again")

// beforeRename runs between the synced temporary file and the rename; tests
// use it to interrupt a write at the worst moment.
var beforeRename = func(tmp string) error { return nil }

// WriteFile replaces path with data atomically: the bytes go to a temporary
// file in the same folder, which is synced, given the original's mode and
// renamed over the original, so a crash leaves either the old file or the
// new one, never half of each. When expect is not nil the write is refused
// with ErrChanged if the file no longer holds exactly expect.
func WriteFile(path string, data, expect []byte) (err error) {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	if expect != nil {
		now, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(now, expect) {
			return ErrChanged
		}
	}
	if err := beforeRename(tmp.Name()); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", filepath.Base(path), err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// CreateFile writes a new file atomically and refuses to replace one that
// exists.
func CreateFile(path string, data []byte) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; nothing was overwritten", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return WriteFile(path, data, nil)
}

// syncDir makes a rename durable; where folders cannot be synced (Windows)
// it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
