package render

import (
	"strings"

	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// width and shorten measure and cut as the rest of mrtrack does
// (termtext); a shortened title drops the spaces and punctuation the cut
// leaves before its "…".
func width(s string) int { return termtext.Width(s) }

func shorten(s string, max int) string { return termtext.Shorten(s, max, " ,;:.–—-") }

// oneLine makes a cell of text that may hold line breaks; other spaces
// are kept (they indent and align).
func oneLine(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == '\t' {
			return strings.TrimSpace(breaks.Replace(s))
		}
	}
	return s
}

var breaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// gap is the space between table columns.
const gap = 2

// How narrow a Fit column may become: comfortable while shorter forms
// are left to try, then minFit, then, for a table that fits no other
// way, lastFit.
const (
	comfortFit = 20
	minFit     = 12
	lastFit    = 5
)

// form is a text at a level of compactness: Text at 0, then its shorter
// forms in turn, the last one standing for every level past it.
func form(text string, shorter []string, level int) string {
	if level == 0 || len(shorter) == 0 {
		return text
	}
	return shorter[min(level, len(shorter))-1]
}

// fitWidths returns the width of each column and the level of compactness
// its cells and headers are written at, and the width of each cell at
// that level (cells, row after row, then the total's), before any cut. Off
// a terminal (total 0) it is the natural layout: each column as wide as its
// widest cell, capped by Max. On a terminal a table too wide takes, in
// turn, each level of shorter forms of its derived cells and headers,
// narrowing its Fit columns no further than comfortFit at each; then the
// Fit columns down to minFit; then it leaves out its Optional columns,
// right to left; and lastly narrows to lastFit. A column left out has the
// width hidden.
func fitWidths(t *Table, total int) (widths []int, level int, cells []int) {
	cells = make([]int, (len(t.Rows)+1)*len(t.Columns))
	widths = measure(t, 0, cells)
	if total <= 0 || sum(widths) <= total {
		return widths, 0, cells
	}
	levels := t.levels()
	for level = 1; level <= levels; level++ {
		widths = measure(t, level, cells)
		if narrow(t, widths, level, total, comfortFit) {
			return widths, level, cells
		}
	}
	level = levels
	widths = measure(t, level, cells)
	if narrow(t, widths, level, total, minFit) {
		return widths, level, cells
	}
	for i := len(t.Columns) - 1; i >= 0; i-- {
		if t.Columns[i].Optional {
			widths = measure(t, level, cells)
			for j := i; j < len(t.Columns); j++ {
				if t.Columns[j].Optional {
					widths[j] = hidden
				}
			}
			if narrow(t, widths, level, total, minFit) {
				return widths, level, cells
			}
		}
	}
	narrow(t, widths, level, total, lastFit)
	return widths, level, cells
}

// hidden is the width of a column left out.
const hidden = -1

// measure is each column's width at a level: its widest cell and its
// header, the cells capped by Max. It writes each cell's width into cells,
// n a row, the total's last.
func measure(t *Table, level int, cells []int) []int {
	n := len(t.Columns)
	widths := make([]int, n)
	of := func(r *Row, at []int) {
		for i, c := range r.Cells {
			if i < n {
				w := width(oneLine(form(c.Text, c.Shorter, level)))
				at[i] = w
				widths[i] = max(widths[i], w)
			}
		}
	}
	for i := range t.Rows {
		of(&t.Rows[i], cells[i*n:(i+1)*n])
	}
	if t.Total != nil {
		of(t.Total, cells[len(t.Rows)*n:])
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

// levels is how many levels of shorter forms the table's cells and
// headers have.
func (t *Table) levels() int {
	n := 0
	for _, c := range t.Columns {
		n = max(n, len(c.Shorter))
	}
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			n = max(n, len(c.Shorter))
		}
	}
	if t.Total != nil {
		for _, c := range t.Total.Cells {
			n = max(n, len(c.Shorter))
		}
	}
	return n
}

// narrow takes columns off the Fit columns' widths, a column at a time,
// until the table fits total or each is down to floor (or its header),
// and reports whether it fits. Widest first, and the first Fit column,
// the title, only once the others are at floor: the title has the space.
func narrow(t *Table, widths []int, level, total, floor int) bool {
	over := sum(widths) - total
	title := -1
	for i, c := range t.Columns {
		if c.Fit {
			title = i
			break
		}
	}
	room := func(i int) bool {
		c := t.Columns[i]
		return c.Fit && widths[i] != hidden && widths[i] > max(floor, width(form(c.Name, c.Shorter, level)))
	}
	for over > 0 {
		widest := -1
		for i := range t.Columns {
			if room(i) && i != title && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 && title >= 0 && room(title) {
			widest = title
		}
		if widest < 0 {
			return false
		}
		widths[widest]--
		over--
	}
	return true
}

// sum is the width of a table's line: its columns and the gaps between.
func sum(widths []int) int {
	s := -gap
	for _, w := range widths {
		if w != hidden {
			s += w + gap
		}
	}
	return max(s, 0)
}
