package cli

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"

	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/store"
)

// editFailed turns an error of an edit transaction into the command's exit
// code and hint. Invalid results print their findings and exit 1; a result
// over the size limit exits tooLarge (2 where the user's value made it so,
// 1 where it is a finding about the file); everything the file system or
// another writer refused exits 3.
func editFailed(env *Env, err error, tooLarge int) error {
	var (
		invalid  *edit.InvalidError
		big      *edit.TooLargeError
		link     *edit.LinkError
		exists   *edit.ExistsError
		number   *edit.NumberError
		write    *edit.WriteError
		locked   *store.LockedError
		replace  *store.ReplaceError
		internal *edit.InternalError
	)
	switch {
	case errors.As(err, &invalid):
		printers.Text{}.Findings(env.Stderr, invalid.Findings)
		return &exitError{code: ExitFindings, err: err}
	case errors.As(err, &big):
		return &exitError{code: tooLarge, err: withHint(err, "split the text, or keep long documents outside the record and link to them")}
	case errors.As(err, &link):
		return cannotRun(withHint(err, "copy the file into the data folder instead of linking to it"))
	case errors.As(err, &exists):
		return cannotRun(withHint(err, "pick another id, or edit the existing file"))
	case errors.As(err, &number):
		return cannotRun(withHint(err, "renumber the items, or rename a file whose name holds a number past that"))
	case errors.As(err, &locked):
		return cannotRun(withHint(err, "run the command again once the other one is done; if no mrtrack is running, remove "+locked.Lock))
	case errors.As(err, &replace):
		return cannotRun(withHint(err, replace.Hint))
	case errors.As(err, &internal):
		return cannotRun(err)
	case errors.As(err, &write):
		return cannotRun(withHint(err, ioHint(write)))
	}
	return cannotRun(err)
}

// ioHint says what to do about a file system error.
func ioHint(e *edit.WriteError) string {
	dir := filepath.Dir(e.Path)
	switch {
	case errors.Is(e.Err, syscall.ENOSPC), errors.Is(e.Err, syscall.EDQUOT):
		return "the disk is full (or the quota used up): free some space, then run the command again"
	case errors.Is(e.Err, syscall.EROFS):
		return "the file system is read-only: work in a writable checkout"
	case errors.Is(e.Err, fs.ErrPermission):
		return "check that you may write to " + dir
	case errors.Is(e.Err, fs.ErrNotExist):
		return "check the path; the folder may have been moved or removed"
	}
	return "the disk or file system failed: check it, then run the command again"
}
