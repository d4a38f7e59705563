//go:build !unix

package store

func read(buf []byte, path string, limit int64) ([]byte, error) { return readOS(buf, path, limit) }
