package printers

import (
	"fmt"
	"io"

	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// Text writes findings as path:line:col: severity: message [rule], the
// field path when there is one, the source line with a caret under the
// column when Sources can read it, a hint line, and the summary.
type Text struct {
	Color   bool
	Sources *Sources
}

func (t Text) paint(s string, codes ...string) string {
	if !t.Color {
		return s
	}
	return termtext.Paint(s, codes...)
}

// Write implements Writer.
func (t Text) Write(w io.Writer, fs []finding.Finding, st load.Stats) error {
	t.Findings(w, fs)
	_, err := fmt.Fprintln(w, Summary(st))
	return err
}

// Findings writes the findings alone, without the summary line.
func (t Text) Findings(w io.Writer, fs []finding.Finding) {
	for _, f := range fs {
		f = visibleFinding(f)
		sev := t.paint("error", termtext.Bold, termtext.Red)
		if f.Severity == finding.Warning {
			sev = t.paint("warning", termtext.Bold, termtext.Yellow)
		}
		line := fmt.Sprintf("%s:%s %s: %s %s", f.File, position(f), sev, f.Message, t.paint("["+f.Rule+"]", termtext.Dim))
		if f.Field != "" && f.Field != "$" {
			line += " " + t.paint(f.Field, termtext.Dim)
		}
		fmt.Fprintln(w, line)
		t.Sources.writeSnippet(w, f, t.paint)
		if f.Hint != "" {
			fmt.Fprintf(w, "    hint: %s\n", f.Hint)
		}
	}
}

func position(f finding.Finding) string {
	if f.Line == 0 {
		return ""
	}
	return fmt.Sprintf("%d:%d:", f.Line, f.Col)
}

// visibleFinding is f made safe for a terminal or a CI log: its path,
// message, field path and hint may hold what the data holds (a file name,
// a YAML key with a line break or an escape sequence), so each becomes one
// line with its control characters written visibly.
func visibleFinding(f finding.Finding) finding.Finding {
	f.File, f.Message, f.Field, f.Hint, f.Rule = escape.Line(f.File), escape.Line(f.Message), escape.Line(f.Field), escape.Line(f.Hint), escape.Line(f.Rule)
	return f
}
