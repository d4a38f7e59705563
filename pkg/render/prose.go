package render

import (
	"io"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// writeHanging writes label then text, wrapped at word boundaries to
// width columns with the continuation lines indented under the text (a
// hanging indent), so a long value reads as a block beside its name. Each
// of text's own lines is wrapped the same way. width 0 (off a terminal)
// writes text as it is.
func writeHanging(w io.Writer, label, text string, width int) {
	indent := strings.Repeat(" ", termtext.Width(label))
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		lead := indent
		if i == 0 {
			lead = label
		}
		avail := 0
		if width > 0 {
			avail = max(width-len(indent), minProse)
		}
		for j, part := range termtext.Wrap(line, avail) {
			if j > 0 {
				lead = indent
			}
			b.WriteString(strings.TrimRight(lead+part, " "))
			b.WriteByte('\n')
		}
	}
	io.WriteString(w, b.String())
}

// writeProse writes a passage indented by indent, each of its lines
// wrapped to width columns; a wrapped line's continuation keeps the line's
// own indentation, so a list item "  (2) ..." stays a block.
func writeProse(w io.Writer, body, indent string, width int) {
	for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		own := line[:len(line)-len(strings.TrimLeft(line, " "))]
		writeHanging(w, indent+own, strings.TrimLeft(line, " "), width)
	}
}

// writeHeading writes a heading wrapped to width, a title's continuation
// under the title rather than under its id ("EVO-2024-03/R3.3  Title").
func writeHeading(w io.Writer, text string, width int) {
	if i := strings.Index(text, "  "); i > 0 {
		writeHanging(w, text[:i+2], strings.TrimLeft(text[i+2:], " "), width)
		return
	}
	writeHanging(w, "", text, width)
}

// minProse is the narrowest a wrapped text gets, however long its label:
// below it a terminal's own wrapping reads better than a column of words.
const minProse = 20
