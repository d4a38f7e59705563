package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// tableWriter writes for a terminal: aligned columns without borders,
// fitted to the terminal's width (shorter derived cells, then shorter
// titles: fitWidths), colour when asked. Off a terminal it is the same
// table at its natural width.
type tableWriter struct{ opts Options }

func (t tableWriter) Write(w io.Writer, doc *Document) error {
	var buf bytes.Buffer
	for i, b := range doc.Blocks {
		if i > 0 {
			buf.WriteByte('\n')
		}
		switch b := b.(type) {
		case Heading:
			writeHeading(&buf, t.paint(Strong, b.Text), t.opts.Width)
		case Line:
			for _, l := range termtext.Wrap(b.Text, t.opts.Width) {
				fmt.Fprintln(&buf, t.paint(b.Style, l))
			}
		case Fields:
			t.fields(&buf, b)
		case Text:
			fmt.Fprintln(&buf, t.paint(Strong, b.Title))
			writeProse(&buf, b.Body, "  ", t.opts.Width)
		case Table:
			if err := t.table(&buf, b); err != nil {
				return err
			}
		}
	}
	_, err := w.Write(trimLines(buf.Bytes()))
	return err
}

func (t tableWriter) fields(w io.Writer, fs Fields) {
	names := 0
	for _, f := range fs {
		names = max(names, width(f.Name))
	}
	for _, f := range fs {
		v := t.paint(f.Style, f.Value)
		if note := f.sourceNote(); note != "" {
			v += t.paint(Dim, " "+note)
		}
		writeHanging(w, f.Name+strings.Repeat(" ", names-width(f.Name))+"  ", v, t.opts.Width)
	}
}

// table lays a table out in one pass over precomputed widths: columns gap
// apart, left or right aligned, the last unpadded, a rule under the header
// and above the total, no trailing spaces. Cells are measured without their
// colour codes, so colour changes no column.
func (t tableWriter) table(w io.Writer, tb Table) error {
	widths, level := fitWidths(&tb, t.opts.Width)
	n := len(tb.Columns)
	header := make([]string, n)
	for i, c := range tb.Columns {
		header[i] = form(c.Name, c.Shorter, level)
	}
	body := make([][]string, len(tb.Rows))
	for i, r := range tb.Rows {
		body[i] = t.row(r, widths, level)
	}
	var total []string
	if tb.Total != nil {
		total = t.row(Row{Cells: tb.Total.Cells, Group: true}, widths, level)
	}
	cols := make([]int, n)
	for _, r := range append([][]string{header, total}, body...) {
		for i, c := range r {
			cols[i] = max(cols[i], width(c))
		}
	}
	widest := 0
	line := func(r []string) string {
		var l strings.Builder
		first := true
		for i, c := range r {
			if widths[i] == hidden {
				continue
			}
			if !first {
				l.WriteString(strings.Repeat(" ", gap))
			}
			first = false
			pad := strings.Repeat(" ", cols[i]-width(c))
			if tb.Columns[i].Right {
				l.WriteString(pad + c)
			} else {
				l.WriteString(c + pad)
			}
		}
		s := strings.TrimRight(l.String(), " ")
		widest = max(widest, width(s))
		return s + "\n"
	}
	var out strings.Builder
	head := line(header)
	for _, r := range body {
		out.WriteString(line(r))
	}
	foot := ""
	if total != nil {
		foot = line(total)
	}
	if t.opts.Width > 0 {
		widest = min(widest, t.opts.Width) // a table too wide still keeps its rules on one line
	}
	rule := strings.Repeat("─", widest) + "\n"
	text := head + rule + out.String()
	if total != nil {
		text += rule + foot
	}
	_, err := io.WriteString(w, text)
	return err
}

// row shortens and paints a row's cells, at a level of compactness.
func (t tableWriter) row(r Row, widths []int, level int) []string {
	out := make([]string, len(widths))
	for i, c := range r.Cells {
		if i >= len(out) {
			break
		}
		if widths[i] == hidden {
			continue
		}
		style := c.Style
		if r.Group && style == Plain {
			style = Strong
		}
		out[i] = t.paint(style, shorten(oneLine(form(c.Text, c.Shorter, level)), widths[i]))
	}
	return out
}

var ansi = map[Style]string{Bad: termtext.Red, Warn: termtext.Yellow, Good: termtext.Green, Dim: termtext.Dim, Strong: termtext.Bold}

func (t tableWriter) paint(s Style, text string) string {
	code, ok := ansi[s]
	if !t.opts.Color || !ok || text == "" {
		return text
	}
	return termtext.Paint(text, code)
}

// trimLines drops the spaces that end lines: the indent of a blank line in
// a text, a painted last cell's padding.
func trimLines(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " ")
	}
	return bytes.Join(lines, []byte("\n"))
}
