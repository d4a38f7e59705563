//go:build unix

package hostile

import (
	"path/filepath"
	"syscall"
)

func mkfifo(name string) func(dir, outside string) error {
	return func(dir, _ string) error { return syscall.Mkfifo(filepath.Join(dir, name), 0o644) }
}
