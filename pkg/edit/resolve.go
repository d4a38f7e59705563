package edit

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// resolve returns the path a transaction writes for f: f.Abs itself, or
// the target of a symbolic link, which must lie inside the data folder.
// A file named inside the data folder must resolve inside it too, whatever
// links lie on the way; a file named elsewhere may not be a link that
// leads out of it.
func resolve(f File) (string, error) {
	abs := filepath.Clean(f.Abs)
	real, err := filepath.EvalSymlinks(abs)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(abs); lerr == nil {
			return "", &LinkError{Path: f.Path, Problem: "is a symbolic link that points to nothing"}
		}
		// A new file: its folder is what must resolve.
		var dir string
		if dir, err = filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			real = filepath.Join(dir, filepath.Base(abs))
		}
	}
	if err != nil {
		return "", &WriteError{Path: f.Path, Op: "read", Err: err}
	}
	root := ""
	if f.Root != "" {
		if root, err = filepath.EvalSymlinks(f.Root); err != nil {
			return "", &WriteError{Path: f.Path, Op: "read", Err: err}
		}
	}
	insideRoot := root != "" && within(root, real)
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&fs.ModeSymlink != 0 && !insideRoot {
		return "", &LinkError{Path: f.Path, Target: real, Problem: "is a symbolic link to " + real + ", outside the data folder"}
	}
	if f.Root != "" && within(filepath.Clean(f.Root), abs) && !insideRoot {
		return "", &LinkError{Path: f.Path, Target: real, Problem: "leads through a symbolic link to " + real + ", outside the data folder"}
	}
	return real, nil
}

// within reports whether p is root or lies below it.
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
