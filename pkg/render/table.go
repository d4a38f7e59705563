package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// tableWriter writes for a terminal: aligned columns without borders
// (tablewriter), titles shortened to the terminal's width, colour when
// asked. Off a terminal it is the same table at its natural width.
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
			fmt.Fprintln(&buf, t.paint(b.Style, b.Text))
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

func (t tableWriter) table(w io.Writer, tb Table) error {
	widths := fitWidths(&tb, t.opts.Width)
	if len(tb.Rows) > plainLimit && !t.opts.Color {
		return t.plainTable(w, tb, widths)
	}
	return t.tablewriter(w, tb, widths)
}

// tablewriter lays a table out with tablewriter.
func (t tableWriter) tablewriter(w io.Writer, tb Table, widths []int) error {
	aligns := make([]tw.Align, len(tb.Columns))
	padding := make([]tw.Padding, len(tb.Columns))
	header := make([]string, len(tb.Columns))
	for i, c := range tb.Columns {
		aligns[i] = tw.AlignLeft
		if c.Right {
			aligns[i] = tw.AlignRight
		}
		padding[i] = tw.Padding{Right: strings.Repeat(" ", gap), Overwrite: true}
		header[i] = c.Name
	}
	padding[len(padding)-1] = tw.PaddingNone
	// Header, rows and total alike: as given (no upper-casing, no
	// wrapping: cells are already shortened), aligned per column, gap
	// columns apart.
	section := tw.CellConfig{
		Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
		Alignment:  tw.CellAlignment{Global: tw.AlignLeft, PerColumn: aligns},
		Padding:    tw.CellPadding{Global: tw.Padding{Right: strings.Repeat(" ", gap), Overwrite: true}, PerColumn: padding},
	}
	var buf bytes.Buffer
	table := tablewriter.NewTable(&buf,
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleLight),
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.On, ShowFooterLine: tw.On},
			},
		})),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithHeaderConfig(section),
		tablewriter.WithRowConfig(section),
		tablewriter.WithFooterConfig(section),
	)
	table.Header(header)
	for _, r := range tb.Rows {
		if err := table.Append(t.row(r, widths)); err != nil {
			return err
		}
	}
	if tb.Total != nil {
		table.Footer(t.row(Row{Cells: tb.Total.Cells, Group: true}, widths))
	}
	if err := table.Render(); err != nil {
		return err
	}
	_, err := w.Write(trimRules(trimLines(buf.Bytes())))
	return err
}

// trimRules cuts the header and total rules to the width of the table:
// tablewriter draws them over the padding of the last column.
func trimRules(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	widest := 0
	for _, l := range lines {
		if !isRule(l) {
			widest = max(widest, width(l))
		}
	}
	for i, l := range lines {
		if isRule(l) && width(l) > widest {
			lines[i] = strings.Repeat("─", widest)
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

func isRule(l string) bool { return l != "" && strings.Trim(l, "─") == "" }

// row shortens and paints a row's cells; tablewriter measures the width
// of painted text without its colour codes.
func (t tableWriter) row(r Row, widths []int) []string {
	out := make([]string, len(widths))
	for i, c := range r.Cells {
		if i >= len(out) {
			break
		}
		style := c.Style
		if r.Group && style == Plain {
			style = Strong
		}
		out[i] = t.paint(style, shorten(oneLine(c.Text), widths[i]))
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

// trimLines drops the spaces tablewriter pads the last column with.
func trimLines(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " ")
	}
	return bytes.Join(lines, []byte("\n"))
}
