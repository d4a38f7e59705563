package render

import (
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// width is the number of terminal columns s takes. East Asian ambiguous
// widths are narrow, so output never depends on the locale.
func width(s string) int {
	return twwidth.WidthWithOptions(s, twwidth.Options{})
}

// shorten cuts s to at most max columns, ending in "…" when cut.
func shorten(s string, max int) string {
	if max <= 0 || width(s) <= max {
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := width(string(r))
		if used+w > max-1 {
			break
		}
		b.WriteRune(r)
		used += w
	}
	return strings.TrimRight(b.String(), " ,;:.–—-") + "…"
}

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
