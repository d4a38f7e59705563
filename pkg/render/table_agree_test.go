package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// referenceTable is the table layout as it was before each cell was laid
// out once (tableWriter.table): every cell measured at each step, every
// line built as a string. The one in use must write what it wrote, byte
// for byte, for every table and width.
func referenceTable(t tableWriter, w io.Writer, tb Table) error {
	widths, level, _ := fitWidths(&tb, t.opts.Width)
	n := len(tb.Columns)
	header := make([]string, n)
	for i, c := range tb.Columns {
		header[i] = form(c.Name, c.Shorter, level)
	}
	row := func(r Row) []string {
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
	body := make([][]string, len(tb.Rows))
	for i, r := range tb.Rows {
		body[i] = row(r)
	}
	var total []string
	if tb.Total != nil {
		total = row(Row{Cells: tb.Total.Cells, Group: true})
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
		widest = min(widest, t.opts.Width)
	}
	rule := strings.Repeat("─", widest) + "\n"
	text := head + rule + out.String()
	if total != nil {
		text += rule + foot
	}
	_, err := io.WriteString(w, text)
	return err
}

// referenceMeasure is measure as it was, each column's width at a level
// without the cells' widths: fitWidths must give the same columns.
func referenceMeasure(t *Table, level int) []int {
	widths := make([]int, len(t.Columns))
	of := func(r *Row) {
		for i, c := range r.Cells {
			if i < len(widths) {
				widths[i] = max(widths[i], width(oneLine(form(c.Text, c.Shorter, level))))
			}
		}
	}
	for i := range t.Rows {
		of(&t.Rows[i])
	}
	if t.Total != nil {
		of(t.Total)
	}
	for i, c := range t.Columns {
		name := width(form(c.Name, c.Shorter, level))
		if c.Max > 0 {
			widths[i] = min(widths[i], c.Max)
		}
		widths[i] = max(widths[i], name)
	}
	return widths
}

func referenceTrimLines(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " ")
	}
	return bytes.Join(lines, []byte("\n"))
}

// agreeWidths are the terminal widths the layouts are compared at: off a
// terminal, and from too narrow for anything to wide.
var agreeWidths = []int{0, 10, 20, 30, 40, 50, 60, 72, 80, 100, 120, 200}

// tableAgrees fails when the two layouts of tb differ at any width, in
// colour or not, written to a buffer (as Write does) or to another writer.
func tableAgrees(t *testing.T, name string, tb Table) {
	t.Helper()
	for _, width := range agreeWidths {
		for _, color := range []bool{false, true} {
			tw := tableWriter{Options{Width: width, Color: color}}
			var want, got bytes.Buffer
			want.WriteString("before\n")
			got.WriteString("before\n")
			if err := referenceTable(tw, &want, tb); err != nil {
				t.Fatal(err)
			}
			if err := tw.table(&got, tb); err != nil {
				t.Fatal(err)
			}
			var other strings.Builder
			if err := tw.table(&other, tb); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() || "before\n"+other.String() != want.String() {
				t.Fatalf("%s, width %d, colour %v:\ngot:\n%q\nwant:\n%q", name, width, color, got.String(), want.String())
			}
		}
	}
}

// Every table the commands make of the corpus is laid out as before.
func TestTableAgreesWithReference(t *testing.T) {
	for i, tb := range corpus(t) {
		tableAgrees(t, fmt.Sprintf("corpus table %d", i), tb)
		for level := 0; level <= tb.levels()+1; level++ {
			cells := make([]int, (len(tb.Rows)+1)*len(tb.Columns))
			if got, want := measure(&tb, level, cells), referenceMeasure(&tb, level); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("corpus table %d, level %d: measure %v, want %v", i, level, got, want)
			}
		}
	}
	for i, tb := range hostileTables() {
		tableAgrees(t, fmt.Sprintf("hostile table %d", i), tb)
	}
}

// hostileTables hold what a layout that adds widths up could get wrong:
// escape characters of the cells' own (whole sequences, cut ones, a lone
// one), bytes that are not UTF-8, line breaks and tabs, wide and zero-width
// runes, cells ending in spaces, rows shorter or longer than the columns,
// columns left out, capped, fitted, shortened.
func hostileTables() []Table {
	texts := []string{
		"plain", "", "   ", "ends in spaces   ", "\x1b[31mred\x1b[0m", "cut \x1b[3", "lone \x1b", "\x1b", "x\x1b]0;title\a",
		"caf\xc3", "\xa9t\xc3\xa9", "\xff\xfe", "two\nlines", "tab\there", "\r\nbreaks\r\n", "日本語のテキスト", "e\u0301te\u0301",
		"Développement d'une stratégie nationale de protection sociale – phase 2", "👍🏽", "\u200b\u200bzero width",
	}
	cols := []Column{
		{Name: "ID"}, {Name: "Title", Fit: true, Max: 30}, {Name: "Owner", Fit: true, Optional: true},
		{Name: "Count", Right: true, Shorter: []string{"N"}}, {Name: "Note", Optional: true, Shorter: []string{"N."}},
	}
	cell := func(i int) Cell {
		c := Cell{Text: texts[i%len(texts)], Style: Style(i % 6)}
		if i%3 == 0 {
			c.Shorter = []string{texts[(i+1)%len(texts)], texts[(i+2)%len(texts)]}
		}
		return c
	}
	var tables []Table
	for k := range len(texts) {
		tb := Table{Columns: cols}
		for r := range 12 {
			var cells []Cell
			for c := range (r+k)%7 + 1 { // from one cell to more than the columns
				cells = append(cells, cell(k*31+r*7+c))
			}
			tb.Rows = append(tb.Rows, Row{Cells: cells, Group: r%4 == 0})
		}
		if k%2 == 0 {
			tb.Total = &Row{Cells: []Cell{cell(k), cell(k + 1), {}, cell(k + 3)}}
		}
		tables = append(tables, tb)
	}
	tables = append(tables, Table{Columns: cols}, Table{Columns: []Column{{Name: "\x1b[1mhead"}, {Name: "right", Right: true}}, Rows: []Row{{Cells: cells("a\x1b", "b")}}})
	return tables
}

func FuzzTableAgrees(f *testing.F) {
	f.Add("Développement d'une stratégie", "R1.6", "\x1b[31m", 40, uint8(3))
	f.Add("tab\there  ", "日本語", "caf\xc3", 0, uint8(0))
	f.Fuzz(func(t *testing.T, a, b, c string, width int, shape uint8) {
		cols := []Column{{Name: "ID"}, {Name: "Title", Fit: true, Max: int(shape % 50)}, {Name: c, Optional: shape&1 == 0, Right: shape&2 == 0, Shorter: []string{b}}}
		tb := Table{Columns: cols}
		for r := range int(shape%5) + 1 {
			tb.Rows = append(tb.Rows, Row{Group: r == 0, Cells: []Cell{{Text: a, Style: Style(r % 6)}, {Text: b + a, Shorter: []string{c, a}}, {Text: c}}[:r%3+1]})
		}
		if shape&4 != 0 {
			tb.Total = &Row{Cells: cells(c, a)}
		}
		width %= 300
		for _, color := range []bool{false, true} {
			tw := tableWriter{Options{Width: max(width, 0), Color: color}}
			var want, got bytes.Buffer
			if err := referenceTable(tw, &want, tb); err != nil {
				t.Fatal(err)
			}
			if err := tw.table(&got, tb); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("width %d, colour %v:\ngot:\n%q\nwant:\n%q", width, color, got.String(), want.String())
			}
		}
		if got, want := trimLines([]byte(a+"  \n"+b+" \n\n"+c)), referenceTrimLines([]byte(a+"  \n"+b+" \n\n"+c)); !bytes.Equal(got, want) {
			t.Fatalf("trimLines: %q, want %q", got, want)
		}
	})
}
