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
// and anything that stopped being a regular file since it was listed.
func Read(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
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
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, ErrTooLarge{limit}
	}
	return data, nil
}
