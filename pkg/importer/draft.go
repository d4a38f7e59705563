// Package importer turns management responses kept in other formats (the
// Word template, spreadsheets, CSV) into drafts of mrtrack records, and
// lists every judgment call it made so a reviewer can check it against the
// source. It reads and normalises; it never writes a file itself: the
// import command writes a draft through pkg/edit.
package importer

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Draft is a management response read from a source file: the records it
// becomes, and the notes a reviewer needs.
type Draft struct {
	// ID is the evaluation id (EVO-2024-03), "" when the source does not
	// give one and the command must (--id).
	ID string
	// Evaluation is the mapping of evaluation.yaml. Keys may come in any
	// order: the writer puts them in the canonical one.
	Evaluation *yaml.Node
	// Recommendations are the mappings of the rec-NN.yaml files, in source
	// order; each holds its number.
	Recommendations []*yaml.Node
	// Notes are the judgment calls and the values that need a person.
	Notes []Note
}

// Note is one judgment call (a normalised date or status, a shifted
// column, an inferred year, sub-items matched by position) or one value
// import could not read.
type Note struct {
	At Location
	// Field names what the note is about the way messages name records:
	// "R4.2 due", "R1 response", "evaluation approved_on".
	Field string
	// Raw is the source's text, verbatim.
	Raw string
	// Message says what import did and why: "read as 2024-12-31".
	Message string
	// Review is set when the records cannot be right without a person:
	// a placeholder was written, or a value could not be read.
	Review bool
}

// Location is where a text is in the source: a Word table cell or header
// paragraph, a spreadsheet cell, or a CSV line.
type Location struct {
	Table, Row, Column int    // Word tables, 1-based; Row 0 with Paragraph for text outside tables
	Paragraph          int    // Word body paragraphs outside tables, 1-based
	Sheet, Cell        string // spreadsheets: "Actions", "D7"
	Line               int    // CSV: the record's first line, 1-based (with Column: the field's place)
}

// String names the location the way a reviewer finds it in the source.
func (l Location) String() string {
	switch {
	case l.Sheet != "":
		return l.Sheet + "!" + l.Cell
	case l.Line > 0 && l.Column > 0:
		return fmt.Sprintf("line %d, column %d", l.Line, l.Column)
	case l.Line > 0:
		return fmt.Sprintf("line %d", l.Line)
	case l.Table > 0:
		return fmt.Sprintf("table %d, row %d, column %d", l.Table, l.Row, l.Column)
	case l.Paragraph > 0:
		return fmt.Sprintf("paragraph %d", l.Paragraph)
	}
	return "the document"
}

// NeedsReview reports whether any note asks for a person.
func (d *Draft) NeedsReview() bool {
	for _, n := range d.Notes {
		if n.Review {
			return true
		}
	}
	return false
}

// Options are what the command line tells a reader.
type Options struct {
	ID   string // --id: the evaluation id when the source lacks it, or to override it
	Lang string // --lang fr|en: the source's language, "" to detect it
	// Map are --map COLUMN=FIELD pairs for spreadsheet columns whose
	// header import does not know.
	Map map[string]string
}

// SourceError is a source that is not a management response, or that
// cannot be read as one: it names where and what, and how to fix it.
type SourceError struct {
	File string
	At   Location
	Msg  string
	Hint string
}

func (e *SourceError) Error() string {
	if e.At == (Location{}) {
		return e.File + ": " + e.Msg
	}
	return e.File + ": " + e.At.String() + ": " + e.Msg
}
