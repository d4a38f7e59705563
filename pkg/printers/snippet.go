package printers

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// Sources gives the text of the files findings name, so text output can
// quote the offending line under a finding, as compilers do. Read returns
// a file's bytes, or false when it cannot be read; each file is read once.
type Sources struct {
	Read  func(file string) ([]byte, bool)
	lines map[string][]string
}

// line is line n (1-based) of file, without its line break.
func (s *Sources) line(file string, n int) (string, bool) {
	if s == nil || s.Read == nil || n < 1 {
		return "", false
	}
	if s.lines == nil {
		s.lines = map[string][]string{}
	}
	lines, seen := s.lines[file]
	if !seen {
		if data, ok := s.Read(file); ok {
			lines = strings.Split(string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))), "\n")
		}
		s.lines[file] = lines
	}
	if n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

// snippetWidth is the most columns of source a snippet quotes: a record's
// titles and descriptions are single lines hundreds of characters long.
const snippetWidth = 72

// writeSnippet quotes the finding's line with a caret under its column:
//
//	13 |     due: 31/12/2024
//	   |          ^
func (s *Sources) writeSnippet(w io.Writer, f finding.Finding, paint func(string, ...string) string) {
	if f.Line < 1 || f.Col < 1 {
		return
	}
	src, ok := s.line(f.File, f.Line)
	if !ok {
		return
	}
	text, caret := snippet(src, f.Col)
	num := strconv.Itoa(f.Line)
	gutter := strings.Repeat(" ", 5-min(len(num), 4))
	fmt.Fprintf(w, "%s%s %s %s\n", gutter, paint(num, termtext.Dim), paint("|", termtext.Dim), text)
	fmt.Fprintf(w, "%s%s %s %s\n", gutter, strings.Repeat(" ", len(num)), paint("|", termtext.Dim), paint(strings.Repeat(" ", caret)+"^", termtext.Bold))
}

// snippet is the source line as it can be shown (control characters and
// tabs made visible as one column each, cut to snippetWidth around the
// column) and the number of columns before the caret. col counts
// characters, as yaml.v3 does. It costs the same on a line of a megabyte.
func snippet(src string, col int) (string, int) {
	runes := []rune(strings.TrimRight(src, " \t\r"))
	at := min(col-1, len(runes))
	lo, hi := max(0, at-snippetWidth), min(len(runes), at+snippetWidth)
	// sum[i] is the columns of runes[lo:lo+i].
	sum := make([]int, hi-lo+1)
	for i, r := range runes[lo:hi] {
		switch {
		case r == '\t':
			runes[lo+i] = '→'
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			runes[lo+i] = '�'
		}
		sum[i+1] = sum[i] + termtext.Width(string(runes[lo+i]))
	}
	cols := func(from, to int) int { return sum[to-lo] - sum[from-lo] }
	start, end := lo, hi
	// Keep the caret a third of the way in when the line must be cut.
	for start < at && cols(start, at) > snippetWidth/3 && cols(start, end) > snippetWidth-2 {
		start++
	}
	for end > at && cols(start, end) > snippetWidth-2 {
		end--
	}
	text := string(runes[start:end])
	caret := cols(start, at)
	if start > 0 {
		text, caret = "…"+text, caret+1
	}
	if end < len(runes) {
		text += "…"
	}
	return text, caret
}
