// Package report writes validation findings for people and machines: one
// file per format behind one small interface. It does not decide what is
// wrong, only how to say it.
package report

import (
	"fmt"
	"io"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
)

// Writer writes the findings and the summary of one validation run.
type Writer interface {
	Write(w io.Writer, findings []finding.Finding, stats load.Stats) error
}

// Formats lists the -o values of validate, in help order.
var Formats = []string{"text", "json"}

// New returns the writer for a format name.
func New(format string, color bool) (Writer, error) {
	switch format {
	case "text":
		return Text{Color: color}, nil
	case "json":
		return JSON{}, nil
	}
	return nil, fmt.Errorf("unknown output format %q: use one of %v", format, Formats)
}

// Summary is the one-line count that ends text output.
func Summary(st load.Stats) string {
	return fmt.Sprintf("%s, %s, %s: %s, %s",
		plural(st.Files, "file"), plural(st.Recommendations, "recommendation"), plural(st.Actions, "action"),
		plural(st.Errors, "error"), plural(st.Warnings, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
