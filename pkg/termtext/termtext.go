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
	"sync"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// Plural is a count with its noun: "1 file", "3 files".
func Plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + one + "s"
}

// Width is the number of terminal columns s takes, its colour codes
// aside: the sum of its runes' widths, East Asian ambiguous ones narrow, so
// output never depends on the locale.
func Width(s string) int {
	n := 0
	var tables *[2][]int8
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\x1b' {
			i = skipEscape(s, i)
			continue
		}
		if c < utf8.RuneSelf {
			n += int(asciiWidths[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if tables == nil {
			tables = runeTables()
		}
		n += tableWidth(tables, r)
		i += size
	}
	return n
}

// The widths displaywidth gives the runes tables of 20,000 rows are mostly
// made of, looked up rather than worked out rune by rune: ASCII, the Latin
// letters with their accents (French, Portuguese, Spanish), and general
// punctuation (dashes, quotes, "…"). Each entry is displaywidth's own
// answer, so a lookup never differs from asking it (FuzzWidthAgrees).
const (
	latinEnd   = 0x250  // the Latin blocks: U+0000 to U+024F
	punctStart = 0x2000 // general punctuation: U+2000 to U+206F
	punctEnd   = 0x2070
)

var asciiWidths = func() (t [utf8.RuneSelf]int8) {
	for r := range t {
		t[r] = int8(displaywidth.Rune(rune(r)))
	}
	return t
}()

// runeTables are built on the first rune past ASCII: most commands print
// ASCII only.
var runeTables = sync.OnceValue(func() *[2][]int8 {
	var t [2][]int8
	t[0] = make([]int8, latinEnd)
	for r := range t[0] {
		t[0][r] = int8(displaywidth.Rune(rune(r)))
	}
	t[1] = make([]int8, punctEnd-punctStart)
	for i := range t[1] {
		t[1][i] = int8(displaywidth.Rune(rune(punctStart + i)))
	}
	return &t
})

// tableWidth is displaywidth.Rune(r), from the tables where they hold r.
func tableWidth(t *[2][]int8, r rune) int {
	switch {
	case r < latinEnd:
		return int(t[0][r])
	case r >= punctStart && r < punctEnd:
		return int(t[1][r-punctStart])
	}
	return displaywidth.Rune(r)
}

// skipEscape returns the index after the escape sequence at s[i]: a
// control sequence (ESC [ parameters, intermediates, final byte) such as
// Paint writes, or else the escape character alone.
func skipEscape(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return i + 1
	}
	for j := i + 2; j < len(s); j++ {
		if s[j] >= 0x40 && s[j] <= 0x7e {
			return j + 1
		}
	}
	return len(s)
}

// Shorten cuts s to at most max columns, ending in "…" when cut. Before
// the "…" it drops any of the characters in trim that the cut left at the
// end ("" keeps the cut as it falls). Each rune is measured alone, an
// escape character as nothing.
func Shorten(s string, max int, trim string) string {
	if max <= 0 || Width(s) <= max {
		return s
	}
	used, cut := 0, 0
	tables := runeTables()
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return shortenInvalid(s, max, trim)
		}
		w := 0
		if r != '\x1b' {
			w = tableWidth(tables, r)
		}
		if used+w > max-1 {
			break
		}
		used += w
		cut = i + utf8.RuneLen(r)
	}
	return strings.TrimRight(s[:cut], trim) + "…"
}

// shortenInvalid is Shorten for a string that is not valid UTF-8: what it
// keeps of s has each invalid byte written as U+FFFD, as ranging over s
// reads it.
func shortenInvalid(s string, max int, trim string) string {
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
