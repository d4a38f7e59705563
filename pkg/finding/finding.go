// Package finding holds what validation reports: a finding with its file,
// line and column, and the catalogue of rule ids. It knows nothing of YAML,
// schemas or output formats.
package finding

import (
	"cmp"
	"slices"
)

// Severity says whether a finding fails validation.
type Severity int

// Severities, most severe first.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Finding is one problem in one file. Line and Col are 1-based; 0 means the
// finding is about the whole file.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	// Field is the JSONPath-like path of the value ($.actions[2].due), when
	// the finding is about one value.
	Field string `json:"field,omitempty"`
	// Hint says how to fix it, when there is something to say.
	Hint string `json:"hint,omitempty"`
}

// Sort orders findings by file, line, column, then rule, so output is
// stable whatever order files were read in.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of errors and warnings in fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
