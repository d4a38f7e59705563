package termtext

import (
	"strings"

	"github.com/clipperhouse/uax29/v2/graphemes"
)

// Wrap breaks one line of prose into lines of at most width columns, at
// spaces, so no word is cut as a terminal's own wrapping cuts it
// ("déce" / "ntralisées"). Only a word wider than width is broken, and
// then between graphemes (UAX #29), never inside one: an accent or an
// emoji stays with its letter. ANSI colour codes take no columns and are
// never split. Spaces within a line are kept, and the first line keeps
// its indentation. width <= 0 returns s as one line.
func Wrap(s string, width int) []string {
	if width <= 0 || Width(s) <= width {
		return []string{s}
	}
	var lines []string
	var line strings.Builder
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
	}
	rest := strings.TrimLeft(s, " ")
	line.WriteString(s[:len(s)-len(rest)]) // the first line keeps its indentation
	used := Width(line.String())
	fresh := true // nothing but that indentation on the line yet
	for rest != "" {
		// The next word and the spaces before it: kept as they are within
		// a line ("R3  Title"), dropped where the line breaks.
		word := strings.TrimLeft(rest, " ")
		spaces := len(rest) - len(word)
		if i := strings.IndexByte(word, ' '); i >= 0 {
			word = word[:i]
		}
		rest = rest[spaces+len(word):]
		if word == "" {
			break // trailing spaces
		}
		w := Width(word)
		switch {
		case fresh:
		case used+spaces+w <= width:
			line.WriteString(strings.Repeat(" ", spaces))
			used += spaces
		default:
			flush()
			used = 0
		}
		fresh = false
		if w <= width-used {
			line.WriteString(word)
			used += w
			continue
		}
		// A word wider than a line: as much as fits, grapheme by grapheme.
		g := graphemes.FromString(word)
		g.AnsiEscapeSequences = true
		for g.Next() {
			gw := Width(g.Value())
			if used+gw > width && used > 0 {
				flush()
				used = 0
			}
			line.WriteString(g.Value())
			used += gw
		}
	}
	flush()
	return lines
}
