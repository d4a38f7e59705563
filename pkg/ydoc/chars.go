package ydoc

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// Record text is shown in terminals, CI logs and spreadsheets, so it must
// not carry what those read as commands: control characters (ESC starts a
// terminal escape, BEL ends one) and non-characters. Line breaks other than
// LF and CRLF are refused too: yaml.v3 counts NEL, LS, PS and a lone CR as
// breaks where git and most editors do not, so every later line number
// would be wrong. yaml.v3 itself rejects most of these with a position of
// 1:1 and no name; finding them first places and names them.

// Forbidden reports whether record text may not hold r: a C0 control
// other than tab and line feed, DEL, a C1 control (NEL included), the line
// and paragraph separators, or the non-characters U+FFFE and U+FFFF. It is
// the one test for values read from files and values given to set.
func Forbidden(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r < 0x7F:
		return false
	case r <= 0x9F:
		return true
	}
	return r == 0x2028 || r == 0x2029 || r == 0xFFFE || r == 0xFFFF
}

// IndexForbidden returns the byte index in s of the first rune Forbidden
// refuses, or -1.
func IndexForbidden(s string) int {
	for i, r := range s {
		if Forbidden(r) {
			return i
		}
	}
	return -1
}

// DescribeRune names a code point Forbidden refuses as people and Unicode
// do: "control character U+001B ESCAPE", "non-character U+FFFE",
// "line break U+2028 LINE SEPARATOR".
func DescribeRune(r rune) string {
	switch r {
	case 0xFFFE, 0xFFFF:
		return fmt.Sprintf("non-character U+%04X", r)
	case 0x85:
		return "line break U+0085 NEXT LINE"
	case 0x2028:
		return "line break U+2028 LINE SEPARATOR"
	case 0x2029:
		return "line break U+2029 PARAGRAPH SEPARATOR"
	}
	name := ""
	switch {
	case r < 0x20:
		name = c0Names[r]
	case r == 0x7F:
		name = "DELETE"
	case r >= 0x80 && r <= 0x9F:
		name = c1Names[r-0x80]
	}
	return fmt.Sprintf("control character U+%04X %s", r, name)
}

var c0Names = [32]string{"NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
	"ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED",
	"CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO",
	"DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
	"END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "FILE SEPARATOR",
	"GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR"}

var c1Names = [32]string{"PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX",
	"NEXT LINE", "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET",
	"CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET", "PARTIAL LINE FORWARD",
	"PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE", "DEVICE CONTROL STRING",
	"PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE", "CANCEL CHARACTER", "MESSAGE WAITING",
	"START OF GUARDED AREA", "END OF GUARDED AREA", "START OF STRING", "SINGLE GRAPHIC CHARACTER INTRODUCER",
	"SINGLE CHARACTER INTRODUCER", "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR", "OPERATING SYSTEM COMMAND",
	"PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND"}

// lineBreak reports whether r, found in a file's text, is a line break
// yaml.v3 counts and LF-counting tools do not. A CR is one only when no LF
// follows; a CRLF line ending is fine.
func lineBreak(r rune) bool { return r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029 }

// cleanText reports whether data is valid UTF-8 without a NUL, a
// code point Forbidden refuses or a carriage return: what nearly every
// record is, so Parse skips the encoding and character scans, which place
// problems, for one pass that only answers. Eight bytes of printable ASCII
// are taken at a time; the rest byte by byte. A false says nothing: the
// scans then decide (a CRLF file is fine, and goes the long way).
func cleanText(data []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for i < len(data) {
		for i+8 <= len(data) {
			w := binary.LittleEndian.Uint64(data[i:])
			// A high bit for each byte that is not printable ASCII: set (a
			// byte from 0x80), 0x7F (adding 1 sets it) or below 0x20 (adding
			// 0x60 does not set it). A carry only runs from such a byte to
			// those after it, so the lowest bit marks the first one exactly.
			if odd := (w | (w + ones) | ^(w + 0x60*ones)) & highs; odd != 0 {
				i += bits.TrailingZeros64(odd) / 8
				break
			}
			i += 8
		}
		if i >= len(data) {
			break
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		if c >= 0xC3 && c <= 0xDF && i+1 < len(data) && data[i+1]&0xC0 == 0x80 {
			i += 2 // é, à, ç: the two-byte letters, none of them refused
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || Forbidden(r) {
			return false
		}
		i += size
	}
	return true
}

// mayHoldForbidden is a byte-level pass that passes nearly every file at
// memory speed: it stops at any byte that could start a refused code point
// (a control byte, or the lead bytes of the two- and three-byte forms) and
// only then looks at what follows. data is valid UTF-8.
func mayHoldForbidden(data []byte) bool {
	for i, c := range data {
		if !suspect[c] {
			continue
		}
		next := data[i+1:]
		switch c {
		case '\r':
			if len(next) == 0 || next[0] != '\n' {
				return true
			}
		case 0xC2: // U+0080 to U+009F
			if len(next) > 0 && next[0] <= 0x9F {
				return true
			}
		case 0xE2: // U+2028, U+2029
			if len(next) > 1 && next[0] == 0x80 && (next[1] == 0xA8 || next[1] == 0xA9) {
				return true
			}
		case 0xEF: // U+FFFE, U+FFFF
			if len(next) > 1 && next[0] == 0xBF && next[1] >= 0xBE {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// suspect marks the bytes mayHoldForbidden looks at twice.
var suspect = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n'
	}
	t[0x7F], t[0xC2], t[0xE2], t[0xEF] = true, true, true, true
	return t
}()

// checkCharacters reports the code points of data, valid UTF-8, that
// Forbidden refuses, and the line breaks LF-counting tools miss: the first
// of each code point with its line and column (lines counted by LF,
// columns in characters), and how many more there are.
func checkCharacters(data []byte) []Problem {
	if !mayHoldForbidden(data) {
		return nil
	}
	var probs []Problem
	first := map[rune]int{} // index in probs
	more := map[rune]int{}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			r, size = '\n', 2
		}
		if r != '\n' && Forbidden(r) {
			if _, seen := first[r]; seen {
				more[r]++
			} else {
				first[r] = len(probs)
				probs = append(probs, characterProblem(r, line, col))
			}
		}
		i += size
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	for r, n := range more {
		probs[first[r]].Message += fmt.Sprintf(" (and %d more in this file)", n)
	}
	return probs
}

func characterProblem(r rune, line, col int) Problem {
	if lineBreak(r) {
		msg := DescribeRune(r) + ": YAML starts a new line here, git and most editors do not"
		if r == '\r' {
			msg = "carriage return (U+000D) without a line feed: YAML starts a new line here, git and most editors do not"
		}
		return Problem{Line: line, Col: col, Rule: finding.RuleLineBreak, Message: msg,
			Hint: "end lines with LF (or CRLF) only; replace the character with a line feed or a space"}
	}
	return Problem{Line: line, Col: col, Rule: finding.RuleControlCharacter,
		Message: DescribeRune(r) + " is not allowed in record text",
		Hint:    "delete it: it is invisible in most editors, and terminals and CI logs read it as a command"}
}

// escapedProblem reports a refused code point that a double-quoted scalar
// writes as an escape ("\e", "\x1b", "\u2028"), placed on the escape.
func escapedProblem(data []byte, n *yaml.Node) Problem {
	r, _ := utf8.DecodeRuneInString(n.Value[IndexForbidden(n.Value):])
	line, col, written := findEscape(data, n.Line, n.Column)
	if written == "" {
		line, col = n.Line, n.Column
	} else {
		written = ", written " + written + ","
	}
	return Problem{Line: line, Col: col, Rule: finding.RuleControlCharacter,
		Message: DescribeRune(r) + written + " is not allowed in record text",
		Hint:    "remove the escape: terminals and CI logs read the character as a command"}
}

// findEscape scans the double-quoted scalar whose opening quote is at
// line:col of data for the first escape that stands for a refused code
// point, and returns where it is and how it is written; "" when none is.
func findEscape(data []byte, line, col int) (int, int, string) {
	i := offset(data, line, col)
	if i < 0 || i >= len(data) || data[i] != '"' {
		return 0, 0, ""
	}
	for i, col = i+1, col+1; i < len(data) && data[i] != '"'; {
		if data[i] == '\\' && i+1 < len(data) {
			if r, size := unescape(data[i+1:]); r >= 0 && Forbidden(r) {
				return line, col, string(data[i : i+1+size])
			} else if data[i+1] != '\n' && data[i+1] != '\r' {
				i, col = i+1+size, col+1+size // escapes are ASCII
				continue
			}
			i, col = i+1, col+1 // an escaped line break: the break is counted below
		}
		r, size := utf8.DecodeRune(data[i:])
		i += size
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return 0, 0, ""
}

// unescape reads the escape after a backslash: the code point it stands
// for and its length, or -1 for an escaped line break or an invalid one.
func unescape(b []byte) (rune, int) {
	if r, ok := simpleEscapes[b[0]]; ok {
		return r, 1
	}
	digits := hexEscapes[b[0]]
	if digits == 0 || len(b) < 1+digits {
		return -1, 1
	}
	var r rune
	for _, c := range b[1 : 1+digits] {
		v := bytes.IndexByte([]byte("0123456789abcdef"), c|0x20)
		if v < 0 {
			return -1, 1
		}
		r = r<<4 | rune(v)
	}
	return r, 1 + digits
}

// The escapes of YAML 1.2's double-quoted style, as yaml.v3 reads them.
var (
	simpleEscapes = map[byte]rune{'0': 0, 'a': 7, 'b': 8, 't': 9, '\t': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13, 'e': 0x1B,
		' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xA0, 'L': 0x2028, 'P': 0x2029}
	hexEscapes = map[byte]int{'x': 2, 'u': 4, 'U': 8}
)

// offset is the byte offset of line:col (columns in characters) in data,
// or -1.
func offset(data []byte, line, col int) int {
	i := 0
	for ; line > 1; line-- {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	for ; col > 1 && i < len(data); col-- {
		_, size := utf8.DecodeRune(data[i:])
		i += size
	}
	return i
}
