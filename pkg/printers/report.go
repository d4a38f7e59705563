// Package printers writes validation findings for people and machines: one
// file per format behind one small interface. It does not decide what is
// wrong, only how to say it.
package printers

import (
	"fmt"
	"io"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// Writer writes the findings and the summary of one validation run.
type Writer interface {
	Write(w io.Writer, findings []finding.Finding, stats load.Stats) error
}

// Formats lists the -o values of validate, in help order.
var Formats = []string{"text", "json", "github", "sarif", "junit"}

// Options carry what some formats need beyond the findings.
type Options struct {
	// Color paints text output with ANSI colours.
	Color bool
	// Files are the files that were read, for formats that list passing
	// files too (junit); files with findings are listed whatever it holds.
	Files []string
	// Strict says warnings fail the run (validate --strict), so formats
	// that have pass and fail (junit) count them as failures.
	Strict bool
	// Version is mrtrack's version, for formats that name the tool (sarif).
	Version string
	// Sources lets text output quote the lines findings are on.
	Sources *Sources
}

// New returns the writer for a format name.
func New(format string, o Options) (Writer, error) {
	switch format {
	case "text":
		return Text{Color: o.Color, Sources: o.Sources}, nil
	case "json":
		return JSON{}, nil
	case "github":
		return GitHub{}, nil
	case "sarif":
		return SARIF{Version: o.Version}, nil
	case "junit":
		return JUnit{Files: o.Files, Strict: o.Strict}, nil
	}
	return nil, fmt.Errorf("unknown output format %q: use one of %v", format, Formats)
}

// Summary is the one-line count that ends text output. It counts every
// finding, and says how many a file had past what it lists.
func Summary(st load.Stats) string {
	return fmt.Sprintf("%s, %s, %s: %s, %s",
		termtext.Plural(st.Files, "file"), termtext.Plural(st.Recommendations, "recommendation"), termtext.Plural(st.Actions, "action"),
		termtext.Plural(st.Errors, "error")+notShown(st.ErrorsNotShown), termtext.Plural(st.Warnings, "warning")+notShown(st.WarningsNotShown))
}

func notShown(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d not shown)", n)
}

// longMessage is a finding's message for formats that show one finding
// at a time (annotations, SARIF): the message, then the field path and the
// hint on lines of their own.
func longMessage(f finding.Finding) string {
	msg := f.Message
	if f.Field != "" && f.Field != "$" {
		msg += "\nat " + f.Field
	}
	if f.Hint != "" {
		msg += "\nhint: " + f.Hint
	}
	return msg
}
