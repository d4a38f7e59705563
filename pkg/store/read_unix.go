//go:build unix

package store

import (
	"io"
	"os"
	"syscall"
)

// read is Read in four system calls (open, fstat, read, close) rather
// than the six of package os, which also offers the descriptor to its
// poller and reads again to see the end: on 10,000 files the calls are a
// sixth of validate's time. Errors are os's, so messages stay the same.
func read(buf []byte, path string, limit int64) ([]byte, error) {
	fd, err := open(path)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, errNotRegular
	}
	size := st.Size
	// A read that fills less than the space left on a regular file has met
	// its end: no second read to be told so.
	short := false
	return readAll(buf, func(b []byte) (int, error) {
		if short {
			return 0, io.EOF
		}
		n, err := readFD(fd, b)
		switch {
		case err != nil:
			return 0, &os.PathError{Op: "read", Path: path, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		short = n < len(b)
		return n, nil
	}, size, limit)
}

func open(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|openFlags, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

func readFD(fd int, b []byte) (int, error) {
	for {
		n, err := syscall.Read(fd, b)
		if err != syscall.EINTR {
			return n, err
		}
	}
}
