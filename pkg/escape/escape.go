// Package escape makes text that mrtrack did not write itself (record
// text, file names, YAML keys, git authors and subjects) safe for the
// program that reads mrtrack's output: one function per reader, a
// terminal or CI log (Line, Text), a GitHub workflow command (Data,
// Property), a spreadsheet (Cell) and Markdown (Markdown, MarkdownCell).
// It only rewrites strings; it knows nothing of records or formats, and
// never refuses anything: refusing belongs to the validator.
package escape

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line is text for one line of a terminal or a CI log: every control
// character, line breaks and tabs included, is written visibly (\n, \t,
// \x1b, \u009b), as are invalid UTF-8 bytes (\xff) and the characters
// that reorder or break lines on display (U+2028, U+202E…). The result is
// one line that no terminal acts on, and the Actions runner does not take
// it for a workflow command (see Text).
func Line(s string) string {
	if isPlain(s, false) && !hasCommand(s) {
		return s
	}
	return ciSafe(visible(s, false))
}

// Text is a passage for a terminal or a CI log: as Line, but line breaks
// and tabs are kept, so a multi-line description still reads as written.
// No line of it starts a GitHub workflow command: the runner takes a line
// starting with "::" (after white space) for a command, and "##["
// anywhere in a line for a command of the older syntax, so those are
// written "\x3a:" and "##\x5b".
func Text(s string) string {
	if isPlain(s, true) && !hasCommand(s) {
		return s
	}
	lines := strings.Split(visible(s, true), "\n")
	for i, l := range lines {
		lines[i] = ciSafe(l)
	}
	return strings.Join(lines, "\n")
}

// isPlain reports whether s holds nothing to escape (the common case,
// which then costs one pass and no allocation); newline and tab are
// plain when keepBreaks.
func isPlain(s string, keepBreaks bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !(keepBreaks && (c == '\n' || c == '\t')) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

func hasCommand(s string) bool {
	return strings.Contains(s, "::") || strings.Contains(s, "##[")
}

// visibleOnly is visible without the copy when there is nothing to do.
func visibleOnly(s string, keepBreaks bool) string {
	if isPlain(s, keepBreaks) {
		return s
	}
	return visible(s, keepBreaks)
}

// visible writes control characters, invalid bytes and display-reordering
// characters as escapes; keepBreaks keeps newline and tab.
func visible(s string, keepBreaks bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + hex2(s[i]))
		case keepBreaks && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x` + hex2(byte(r)))
		case unsafeRune(r):
			b.WriteString(`\u` + hex2(byte(r>>8)) + hex2(byte(r)))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports the non-ASCII characters a terminal or a viewer acts
// on: C1 controls (U+009B is CSI to many terminals), the line and
// paragraph separators, and the bidirectional overrides and isolates that
// make text display in another order than it reads ("Trojan Source").
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f,
		r == 0x2028, r == 0x2029,
		r >= 0x202a && r <= 0x202e,
		r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// ciSafe makes one line inert for the GitHub Actions runner.
func ciSafe(l string) string {
	if rest := strings.TrimLeftFunc(l, unicode.IsSpace); strings.HasPrefix(rest, "::") {
		l = l[:len(l)-len(rest)] + `\x3a` + rest[1:]
	}
	return strings.ReplaceAll(l, "##[", `##\x5b`)
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}
