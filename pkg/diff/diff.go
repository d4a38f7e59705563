// Package diff writes the unified diff of two versions of a text file, as
// git diff and patch read it, for fmt --diff and set --dry-run. It must not
// decide what changes: it only shows two versions it is given.
//
// The edit script is go-udiff's, which exports the Myers diff of
// golang.org/x/tools (gopls uses it): time and memory grow with the size
// of the files times a bounded number of edits, never with their product,
// so a 2 MiB record that fmt rewrites on every line takes tens of
// milliseconds and some 85 MB (BenchmarkUnified), where the
// longest-common-subsequence table this package built before needed over 40 GB.
// The price of the bound: past about fifty separate changes the middle of
// the file shows as one replaced block, still a correct patch.
package diff

import (
	udiff "github.com/aymanbagabas/go-udiff"
)

// context is the number of unchanged lines shown around each change, as
// git and diff -u show by default.
const context = 3

// Unified returns the unified diff from old to new with three lines of
// context, or "" when they are equal. Names label the --- and +++ lines.
// Line endings (CRLF too) show exactly as they are, and a last line
// without one is marked "\ No newline at end of file".
func Unified(oldName, newName string, old, new []byte) string {
	a, b := string(old), string(new)
	if a == b {
		return ""
	}
	out, err := udiff.ToUnified(oldName, newName, a, udiff.Lines(a, b), context)
	if err != nil {
		// Lines makes its edits from a itself, so they always apply to it.
		panic("diff: inconsistent edits from udiff.Lines: " + err.Error())
	}
	return out
}
