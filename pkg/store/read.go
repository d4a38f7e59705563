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
func Read(path string, limit int64) ([]byte, error) {
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
		return nil, fmt.Errorf("is no longer a regular file")
	}
	if fi.Size() > limit {
		return nil, ErrTooLarge{limit}
	}
	// One allocation of the size the file had, one byte more to see the
	// end; a file growing meanwhile is read on, up to the limit.
	data := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
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
