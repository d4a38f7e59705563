package printers

import (
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/termtext"
)

func TestSnippet(t *testing.T) {
	long := "title: " + strings.Repeat("abcdefghij", 30)
	for _, tc := range []struct {
		name, src string
		col       int
		text      string
		caret     int
	}{
		{"short line", "    due: 31/12/2024", 10, "    due: 31/12/2024", 9},
		{"tab shown", "\towner: P", 1, "→owner: P", 0},
		{"control character", "a: \x1b[31mred", 4, "a: �[31mred", 3},
		{"past the end", "a: 1", 9, "a: 1", 4},
		{"long line, column at start", long, 1, long[:70] + "…", 0},
		{"long line, column inside", long, 200, "…" + long[175:245] + "…", 25},
		{"wide characters", "title: 漢字漢字: x", 13, "title: 漢字漢字: x", 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, caret := snippet(tc.src, tc.col)
			if text != tc.text || caret != tc.caret {
				t.Errorf("snippet = %q, %d; want %q, %d", text, caret, tc.text, tc.caret)
			}
			if w := termtext.Width(text); w > snippetWidth {
				t.Errorf("snippet is %d columns, more than %d", w, snippetWidth)
			}
		})
	}
}

// A line of a megabyte costs no more than a short one.
func BenchmarkSnippetLongLine(b *testing.B) {
	line := strings.Repeat("é", 1<<20)
	for b.Loop() {
		snippet(line, 1<<19)
	}
}
