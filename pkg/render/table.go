package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/mrtrack/mrtrack/internal/parallel"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// tableWriter writes for a terminal: aligned columns without borders,
// fitted to the terminal's width (shorter derived cells, then shorter
// titles: fitWidths), colour when asked. Off a terminal it is the same
// table at its natural width.
type tableWriter struct{ opts Options }

// Write lays each block out into its own buffer, on every core
// (parallel.Each), drops the spaces that end its lines, and writes them in
// order through one buffer. Every block after the first starts with the line break that
// separates it from the one before, so trimming the parts trims the whole.
func (t tableWriter) Write(w io.Writer, doc *Document) error {
	parts := make([][]byte, len(doc.Blocks))
	errs := make([]error, len(doc.Blocks))
	parallel.Each(len(doc.Blocks), func(i int) {
		var buf bytes.Buffer
		if i > 0 {
			buf.WriteByte('\n')
		}
		errs[i] = t.block(&buf, doc.Blocks[i])
		parts[i] = trimLines(buf.Bytes())
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	out := bufio.NewWriterSize(w, 64<<10)
	for _, p := range parts {
		out.Write(p) // its error is Flush's
	}
	return out.Flush()
}

func (t tableWriter) block(buf *bytes.Buffer, b Block) error {
	switch b := b.(type) {
	case Heading:
		writeHeading(buf, t.paint(Strong, b.Text), t.opts.Width)
	case Line:
		for _, l := range termtext.Wrap(b.Text, t.opts.Width) {
			fmt.Fprintln(buf, t.paint(b.Style, l))
		}
	case Fields:
		t.fields(buf, b)
	case Text:
		fmt.Fprintln(buf, t.paint(Strong, b.Title))
		writeProse(buf, b.Body, "  ", t.opts.Width)
	case Table:
		return t.table(buf, b)
	}
	return nil
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
// colour codes, so colour changes no column. Each cell is cut, painted and
// measured once, and the lines are written into one buffer: a table of
// 20,000 rows is most of what status --overdue does after reading.
func (t tableWriter) table(w io.Writer, tb Table) error {
	widths, level, measured := fitWidths(&tb, t.opts.Width)
	n := len(tb.Columns)
	header := make([]laidCell, n)
	for i, c := range tb.Columns {
		header[i] = laid(form(c.Name, c.Shorter, level))
	}
	cells := make([]laidCell, len(tb.Rows)*n) // the body's cells, row after row
	for i, r := range tb.Rows {
		t.row(cells[i*n:(i+1)*n], r, widths, level, measured[i*n:(i+1)*n])
	}
	var total []laidCell
	if tb.Total != nil {
		total = make([]laidCell, n)
		t.row(total, Row{Cells: tb.Total.Cells, Group: true}, widths, level, measured[len(tb.Rows)*n:])
	}
	cols := make([]int, n)
	for _, r := range [][]laidCell{header, total, cells} {
		for i, c := range r {
			cols[i%n] = max(cols[i%n], c.width)
		}
	}
	// Into w itself when it is a buffer (Write's): a copy of 20,000 lines
	// less.
	out, direct := w.(*bytes.Buffer)
	if !direct {
		out = new(bytes.Buffer)
	}
	begin := out.Len()
	out.Grow((len(tb.Rows) + 3) * (sum(cols) + sum(cols)/4 + 8)) // a guess: accents and colour take bytes, not columns
	widest := 0
	line := func(r []laidCell) {
		start := out.Len()
		lineWidth, exact := 0, true
		first := true
		for i, c := range r {
			if widths[i] == hidden {
				continue
			}
			if !first {
				out.WriteString(spaces(gap))
				lineWidth += gap
			}
			first = false
			pad := spaces(cols[i] - c.width)
			if tb.Columns[i].Right {
				out.WriteString(pad)
				out.WriteString(c.text)
			} else {
				out.WriteString(c.text)
				out.WriteString(pad)
			}
			lineWidth += cols[i]
			exact = exact && !c.escaped
		}
		l := bytes.TrimRight(out.Bytes()[start:], " ")
		lineWidth -= out.Len() - start - len(l) // each space trimmed took a column
		out.Truncate(start + len(l))
		if !exact {
			// A cell's own escape character may swallow what follows
			// it: such a line is measured whole.
			lineWidth = width(string(l))
		}
		widest = max(widest, lineWidth)
		out.WriteByte('\n')
	}
	line(header)
	headEnd := out.Len()
	for i := range tb.Rows {
		line(cells[i*n : (i+1)*n])
	}
	bodyEnd := out.Len()
	if total != nil {
		line(total)
	}
	end := out.Len()
	if t.opts.Width > 0 {
		widest = min(widest, t.opts.Width) // a table too wide still keeps its rules on one line
	}
	// The rules go under the header and above the total, moving the
	// lines after them along.
	rule := strings.Repeat("─", widest) + "\n"
	rules := 1
	if total != nil {
		rules = 2
	}
	out.WriteString(strings.Repeat(rule, rules))
	b := out.Bytes()
	if total != nil {
		copy(b[bodyEnd+2*len(rule):], b[bodyEnd:end])
		copy(b[headEnd+len(rule):], b[headEnd:bodyEnd])
		copy(b[bodyEnd+len(rule):], rule)
	} else {
		copy(b[headEnd+len(rule):], b[headEnd:end])
	}
	copy(b[headEnd:], rule)
	if !direct {
		_, err := w.Write(b[begin:])
		return err
	}
	return nil
}

// laidCell is a cell as written, colour codes included, with the columns
// it takes; escaped when its text, colour aside, holds an escape
// character.
type laidCell struct {
	text    string
	width   int
	escaped bool
}

func laid(text string) laidCell {
	return laidCell{text: text, width: width(text), escaped: hasEscape(text)}
}

func hasEscape(s string) bool { return strings.IndexByte(s, '\x1b') >= 0 }

// spaces is n spaces, without allocating for the padding of usual widths.
func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:max(n, 0)]
	}
	return strings.Repeat(" ", n)
}

const blanks = "                                                                                                                                "

// row shortens and paints a row's cells into out, at a level of
// compactness, given their widths there (measured); a column left out, or
// a cell the row lacks, is empty.
func (t tableWriter) row(out []laidCell, r Row, widths []int, level int, measured []int) {
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
		text := oneLine(form(c.Text, c.Shorter, level))
		w := measured[i]
		if widths[i] > 0 && w > widths[i] {
			text = shorten(text, widths[i])
			w = width(text)
		}
		cell := laidCell{text: t.paint(style, text), width: w, escaped: hasEscape(text)}
		if cell.escaped {
			cell.width = width(cell.text) // colour codes next to the cell's own escape
		}
		out[i] = cell
	}
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
// a text, a painted last cell's padding. It works in place.
func trimLines(b []byte) []byte {
	out := b[:0]
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return append(out, bytes.TrimRight(b, " ")...)
		}
		out = append(append(out, bytes.TrimRight(b[:i], " ")...), '\n')
		b = b[i+1:]
	}
}
