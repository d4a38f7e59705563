//go:build unix

package store

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// fileOwner is the user and group of a file being replaced.
type fileOwner struct{ uid, gid int }

func ownerOf(fi fs.FileInfo) *fileOwner {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return &fileOwner{int(st.Uid), int(st.Gid)}
	}
	return nil
}

func hardLinks(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// give makes tmp belong to the owner of the file it replaces. A rename
// would otherwise hand the record to whoever ran mrtrack; when that cannot
// be helped (only root may give a file away), the write is refused.
func (o *fileOwner) give(tmp, orig string) error {
	if o == nil {
		return nil
	}
	fi, err := os.Lstat(tmp)
	if err != nil {
		return err
	}
	if now := ownerOf(fi); now != nil && *now == *o {
		return nil
	}
	if err := os.Lchown(tmp, o.uid, o.gid); err != nil {
		return &ReplaceError{orig, fmt.Sprintf("belongs to user %d and group %d, which mrtrack cannot keep when it replaces the file", o.uid, o.gid),
			"run mrtrack as the file's owner"}
	}
	return nil
}
