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
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.TrimSpace(breaks.Replace(s))
}

var breaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// gap is the space between table columns.
const gap = 2

// minFit is how narrow a column that fits the terminal may become.
const minFit = 12

// fitWidths returns the width of each column: its widest cell, capped by
// Max, and, when the table is wider than total (a terminal's width), the
// Fit columns narrowed, widest first, until it fits or they reach minFit.
func fitWidths(t *Table, total int) []int {
	widths := make([]int, len(t.Columns))
	measure := func(r *Row) {
		for i, c := range r.Cells {
			if i < len(widths) {
				widths[i] = max(widths[i], width(c.Text))
			}
		}
	}
	for i, c := range t.Columns {
		widths[i] = width(c.Name)
	}
	for i := range t.Rows {
		measure(&t.Rows[i])
	}
	if t.Total != nil {
		measure(t.Total)
	}
	for i, c := range t.Columns {
		if c.Max > 0 {
			widths[i] = min(widths[i], max(c.Max, width(c.Name)))
		}
	}
	if total <= 0 {
		return widths
	}
	sum := gap * (len(widths) - 1)
	for _, w := range widths {
		sum += w
	}
	for sum > total {
		widest := -1
		for i, c := range t.Columns {
			if c.Fit && widths[i] > max(minFit, width(c.Name)) && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		widths[widest]--
		sum--
	}
	return widths
}
