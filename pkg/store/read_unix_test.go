//go:build unix

package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A file swapped for a FIFO, a folder or nothing between the listing and
// the read is refused at once: opening a FIFO would otherwise wait for a
// writer for ever.
func TestReadSwapped(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "dir.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"fifo.yaml": "no longer a regular file",
		"dir.yaml":  "no longer a regular file",
		"gone.yaml": "no such file",
	} {
		if _, err := Read(filepath.Join(dir, name), 1<<20); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Read(%s) = %v, want an error saying %q", name, err, want)
		}
	}
}

// The four-call read returns what package os reads, for empty, small and
// large files and at the size limit.
func TestReadAgreesWithOS(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 70000} {
		p := filepath.Join(dir, "f.yaml")
		if err := os.WriteFile(p, []byte(strings.Repeat("a", size)), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int64{int64(size), int64(size) - 1, 1 << 20} {
			fast, ferr := Read(p, limit)
			slow, serr := readOS(nil, p, limit)
			if string(fast) != string(slow) || fmt.Sprint(ferr) != fmt.Sprint(serr) {
				t.Errorf("size %d, limit %d: read %d bytes, %v; os %d bytes, %v", size, limit, len(fast), ferr, len(slow), serr)
			}
			// Into a buffer that held another file: too small, just
			// too small, and roomy.
			for _, room := range []int{size / 2, size, size + 1, 2*size + 10} {
				buf := []byte(strings.Repeat("z", room))
				into, ierr := ReadInto(buf, p, limit)
				if string(into) != string(fast) || fmt.Sprint(ierr) != fmt.Sprint(ferr) {
					t.Errorf("size %d, limit %d, room %d: ReadInto read %q, %v; Read %d bytes, %v", size, limit, room, into, ierr, len(fast), ferr)
				}
				if shared := len(into) > 0 && len(buf) > 0 && &into[0] == &buf[0]; size > 0 && shared != (cap(buf) > size && ierr == nil) {
					t.Errorf("size %d, room %d: ReadInto used the buffer: %v", size, room, shared)
				}
			}
		}
	}
}
