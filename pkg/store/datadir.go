// Package store finds record files on disk and reads their bytes, within
// documented limits. It does not parse them.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// EnvData names the environment variable that points at the data folder.
const EnvData = "MRTRACK_DATA"

// DataDir decides which folder holds the records: flagDir when set, else
// $MRTRACK_DATA, else data/ at the root of the git checkout enclosing cwd,
// else ./data. It fails when the chosen folder does not exist.
func DataDir(flagDir, envDir, cwd string) (string, error) {
	var dir, from string
	switch {
	case flagDir != "":
		dir, from = flagDir, "--data"
	case envDir != "":
		dir, from = envDir, "$"+EnvData
	default:
		dir, from = filepath.Join(cwd, "data"), "./data"
		if root := gitRoot(cwd); root != "" {
			if fi, err := os.Stat(filepath.Join(root, "data")); err == nil && fi.IsDir() {
				dir, from = filepath.Join(root, "data"), "the git checkout"
			}
		}
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(cwd, dir)
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("data folder %s (from %s) does not exist", dir, from)
	case err != nil:
		return "", err
	case !fi.IsDir():
		return "", fmt.Errorf("data folder %s (from %s) is not a folder", dir, from)
	}
	return filepath.Clean(dir), nil
}

// gitRoot returns the nearest folder at or above dir that holds .git, or "".
func gitRoot(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// RepoRoot is the folder that holds the repository's own files (.github/)
// for the data folder dir: the git checkout enclosing it, else its parent.
func RepoRoot(dir string) string {
	if root := gitRoot(dir); root != "" {
		return root
	}
	return filepath.Dir(dir)
}
