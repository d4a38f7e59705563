package render

import (
	"io"
	"strings"
)

// plainLimit is the number of rows above which a table without colour is
// laid out by plainTable rather than tablewriter: a status of a system-wide
// repository lists thousands of overdue actions, and tablewriter costs
// about 80 µs a row. TestPlainMatchesTablewriter holds the two to the same
// bytes. Coloured tables always go through tablewriter, whose escape codes
// differ in details no one sees.
const plainLimit = 500

// plainTable writes a table exactly as table does through tablewriter
// (columns gap apart, the last unpadded, a rule under the header and above
// the total, no trailing spaces), in one pass over precomputed widths.
func (t tableWriter) plainTable(w io.Writer, tb Table, widths []int) error {
	n := len(tb.Columns)
	header := make([]string, n)
	for i, c := range tb.Columns {
		header[i] = c.Name
	}
	rows := make([][]string, 0, len(tb.Rows)+2)
	rows = append(rows, header)
	for _, r := range tb.Rows {
		rows = append(rows, t.row(r, widths))
	}
	if tb.Total != nil {
		rows = append(rows, t.row(Row{Cells: tb.Total.Cells, Group: true}, widths))
	}
	cols := make([]int, n)
	for _, r := range rows {
		for i, c := range r {
			cols[i] = max(cols[i], width(c))
		}
	}
	var b strings.Builder
	widest := 0
	line := func(r []string) {
		var l strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", cols[i]-width(c))
			if tb.Columns[i].Right {
				l.WriteString(pad + c)
			} else {
				l.WriteString(c + pad)
			}
			if i < n-1 {
				l.WriteString(strings.Repeat(" ", gap))
			}
		}
		s := strings.TrimRight(l.String(), " ")
		widest = max(widest, width(s))
		b.WriteString(s)
		b.WriteByte('\n')
	}
	var out strings.Builder
	line(rows[0])
	head := b.String()
	b.Reset()
	for _, r := range rows[1 : len(rows)-boolInt(tb.Total != nil)] {
		line(r)
	}
	body := b.String()
	b.Reset()
	if tb.Total != nil {
		line(rows[len(rows)-1])
	}
	rule := strings.Repeat("─", widest) + "\n"
	out.WriteString(head + rule + body)
	if tb.Total != nil {
		out.WriteString(rule + b.String())
	}
	_, err := io.WriteString(w, out.String())
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
