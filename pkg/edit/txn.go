package edit

import (
	"bytes"
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/mrtrack/mrtrack/pkg/diff"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/store"
)

// File names the record file a writer changes or creates.
type File struct {
	Path string // as the user sees it, for messages and diffs
	Abs  string // absolute
	// Root is the data folder. A symbolic link is followed only to a file
	// inside it; with no Root, links are refused.
	Root string
	// DryRun computes and checks the change but writes nothing and takes
	// no lock.
	DryRun bool
}

// Result is what a transaction did to a file.
type Result struct {
	Path          string
	Before, After []byte
	// Findings are the warnings Apply's change added (errors refuse it).
	Findings []finding.Finding
}

// Changed reports whether the file's bytes changed (or, in a dry run,
// would change).
func (r *Result) Changed() bool { return !bytes.Equal(r.Before, r.After) }

// Diff is the change as a unified diff.
func (r *Result) Diff() string { return diff.Unified("a/"+r.Path, "b/"+r.Path, r.Before, r.After) }

// MaxSize is the largest file a transaction writes: the size the reader
// accepts, so nothing mrtrack writes drops out of its own answers.
var MaxSize = store.DefaultLimits.MaxFileSize

// Rewrite is the one write path of every command that changes a file: it
// takes the file's lock (see store.Lock), removes temporaries killed
// writers left, reads the file, hands its bytes to change, checks the
// result's size and replaces the file atomically, refusing if it changed
// on disk meanwhile. A symbolic link inside the data folder is written
// through: its target is replaced, the link stays. The errors it returns
// are typed: *TooLargeError, *LinkError, *WriteError, *store.LockedError,
// *store.ReplaceError, store.ErrChanged, or what change returned.
func Rewrite(f File, change func(old []byte) ([]byte, error)) (*Result, error) {
	real, err := resolve(f)
	if err != nil {
		return nil, err
	}
	if !f.DryRun {
		lock, err := store.Acquire(real)
		if err != nil {
			return nil, writeError(f.Path, err)
		}
		defer lock.Release()
		lock.RemoveStaleTemps()
	}
	old, err := store.Read(real, store.DefaultLimits.MaxFileSize)
	if err != nil {
		return nil, &WriteError{Path: f.Path, Op: "read", Err: err}
	}
	out, err := change(old)
	if err != nil {
		return nil, err
	}
	res := &Result{Path: f.Path, Before: old, After: out}
	if int64(len(out)) > MaxSize {
		return nil, &TooLargeError{Path: f.Path, Size: int64(len(out)), Limit: MaxSize}
	}
	if f.DryRun || !res.Changed() {
		return res, nil
	}
	if err := store.WriteFile(real, out, old); err != nil {
		return nil, writeError(f.Path, err)
	}
	return res, nil
}

// Create writes a new file, creating its folder if need be, under the new
// name's lock and with exclusive semantics: if the name is taken, even a
// moment ago by another writer, nothing is written and the error matches
// fs.ErrExist.
func Create(f File, data []byte) error {
	if int64(len(data)) > MaxSize {
		return &TooLargeError{Path: f.Path, Size: int64(len(data)), Limit: MaxSize}
	}
	if err := mkdirInRoot(f); err != nil {
		return err
	}
	real, err := resolve(f)
	if err != nil {
		return err
	}
	lock, err := store.Acquire(real)
	if err != nil {
		return writeError(f.Path, err)
	}
	defer lock.Release()
	lock.RemoveStaleTemps()
	if err := store.CreateFile(real, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &ExistsError{Path: f.Path}
		}
		return writeError(f.Path, err)
	}
	return nil
}

// mkdirInRoot makes the file's folder, refusing a folder outside Root.
func mkdirInRoot(f File) error {
	dir := filepath.Dir(f.Abs)
	if f.Root != "" && !within(f.Root, dir) {
		return &LinkError{Path: f.Path, Problem: "is outside the data folder " + f.Root}
	}
	if err := store.MakeFolder(dir); err != nil {
		return writeError(f.Path, err)
	}
	return nil
}
