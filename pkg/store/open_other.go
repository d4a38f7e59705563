//go:build !unix

package store

// openFlags adds nothing where FIFOs do not block an open.
const openFlags = 0
