//go:build !unix

package store

func read(path string, limit int64) ([]byte, error) { return readOS(path, limit) }
