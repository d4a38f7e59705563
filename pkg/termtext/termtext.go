// Package termtext holds the few rules for text that people read in a
// terminal: a count with its noun, the columns a string takes, cutting a
// string to a number of columns, and ANSI colour. The findings printers,
// the query renderer and the commands share them, so a count, a cut or a
// colour reads the same everywhere. It must not know about records,
// findings or output formats, nor decide when colour is on: its callers do.
package termtext

import (
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Plural is a count with its noun: "1 file", "3 files".
func Plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + one + "s"
}

// Width is the number of terminal columns s takes. East Asian ambiguous
// widths are narrow, so output never depends on the locale.
func Width(s string) int {
	return twwidth.WidthWithOptions(s, twwidth.Options{})
}

// Shorten cuts s to at most max columns, ending in "…" when cut. Before
// the "…" it drops any of the characters in trim that the cut left at the
// end ("" keeps the cut as it falls).
func Shorten(s string, max int, trim string) string {
	if max <= 0 || Width(s) <= max {
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := Width(string(r))
		if used+w > max-1 {
			break
		}
		b.WriteRune(r)
		used += w
	}
	return strings.TrimRight(b.String(), trim) + "…"
}

// ANSI colour codes for Paint.
const (
	Bold   = "1"
	Dim    = "2"
	Red    = "31"
	Green  = "32"
	Yellow = "33"
)

// Paint wraps text in the escape codes that colour it, then resets; with
// no code it returns text as it is.
func Paint(text string, codes ...string) string {
	if len(codes) == 0 {
		return text
	}
	return "\x1b[" + strings.Join(codes, ";") + "m" + text + "\x1b[0m"
}
