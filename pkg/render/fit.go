package render

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// width is the number of terminal columns s takes, its colour codes aside:
// the sum of its runes' widths, East Asian ambiguous ones narrow, so output
// never depends on the locale.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == '\x1b' {
			i = skipEscape(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += displaywidth.Rune(r)
		i += size
	}
	return n
}

// skipEscape returns the index after the escape sequence at s[i]: a
// control sequence (ESC [ parameters, intermediates, final byte), as paint
// writes, or else the escape character alone.
func skipEscape(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return i + 1
	}
	for j := i + 2; j < len(s); j++ {
		if s[j] >= 0x40 && s[j] <= 0x7e {
			return j + 1
		}
	}
	return len(s)
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
				widths[i] = max(widths[i], width(oneLine(c.Text)))
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
