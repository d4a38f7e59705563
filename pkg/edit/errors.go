package edit

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/store"
)

// InvalidError: the changed file would not validate; its new errors are
// Findings, to print. Nothing was written.
type InvalidError struct {
	Path     string
	Findings []finding.Finding
}

func (e *InvalidError) Error() string {
	return e.Path + " would not validate after the change; nothing was written"
}

// TooLargeError: the changed file would be larger than the reader accepts.
type TooLargeError struct {
	Path        string
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s would be %d bytes, over the %d-byte limit on record files; nothing was written", e.Path, e.Size, e.Limit)
}

// LinkError: the file is reached through a symbolic link mrtrack does not
// follow.
type LinkError struct {
	Path, Target, Problem string
}

func (e *LinkError) Error() string { return e.Path + " " + e.Problem + "; nothing was written" }

// ExistsError: a file to create exists already.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string { return e.Path + " already exists; nothing was overwritten" }

func (e *ExistsError) Unwrap() error { return fs.ErrExist }

// WriteError: the file system refused a step (a full disk, a read-only
// folder, a failing device). Nothing was changed.
type WriteError struct {
	Path, Op string
	Err      error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("%s: cannot %s: %v; nothing was changed", e.Path, e.Op, e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// InternalError: the edit would have changed more than it was allowed to;
// a bug in the editor, caught before anything was written.
type InternalError struct{ Path string }

func (e *InternalError) Error() string {
	return "internal: the edit of " + e.Path + " would change more than the fields asked for; nothing was written (please report this)"
}

// writeError keeps the typed errors of store as they are and wraps the
// file system's.
func writeError(path string, err error) error {
	var locked *store.LockedError
	var replace *store.ReplaceError
	switch {
	case errors.As(err, &locked):
		named := *locked
		named.File = path
		if filepath.Base(locked.File) == filepath.Base(path) {
			named.Lock = filepath.Join(filepath.Dir(path), filepath.Base(locked.Lock))
		}
		return &named
	case errors.As(err, &replace):
		named := *replace
		named.Path = path
		return &named
	case errors.Is(err, store.ErrChanged):
		return fmt.Errorf("%s: %w", path, err)
	}
	return &WriteError{Path: path, Op: "write", Err: err}
}
