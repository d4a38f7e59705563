package store

import (
	"fmt"
	"io"
	"os"
)

// ErrTooLarge reports a file over the size limit.
type ErrTooLarge struct{ Limit int64 }

func (e ErrTooLarge) Error() string {
	return fmt.Sprintf("file is larger than the %d-byte limit", e.Limit)
}

// Read returns the bytes of a regular file, refusing files over limit bytes
// and anything that stopped being a regular file since it was listed. The
// file is opened without blocking (openFlags), so a FIFO put in its place
// after the listing is refused rather than waited on for ever.
func Read(path string, limit int64) ([]byte, error) { return read(nil, path, limit) }

// ReadInto is Read into buf's memory when the file fits in it, for a
// caller that reads file after file and keeps none of them.
func ReadInto(buf []byte, path string, limit int64) ([]byte, error) { return read(buf, path, limit) }

// errNotRegular is what Read says of a file that became something else.
var errNotRegular = fmt.Errorf("is no longer a regular file")

// readOS is Read through package os, where the system has no faster way.
func readOS(buf []byte, path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errNotRegular
	}
	return readAll(buf, f.Read, fi.Size(), limit)
}

// readAll reads through read a file that had size bytes when opened: into
// buf when it has room, else one allocation of that size, one byte more to
// see the end; a file growing meanwhile is read on, up to the limit.
func readAll(buf []byte, read func([]byte) (int, error), size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, ErrTooLarge{limit}
	}
	data := buf[:0]
	if int64(cap(data)) < size+1 {
		data = make([]byte, 0, size+1)
	}
	for {
		n, err := read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, ErrTooLarge{limit}
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
