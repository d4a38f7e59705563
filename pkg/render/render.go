// Package render turns what the query commands found into documents and
// writes them as a terminal table, Markdown, CSV or JSON. One small
// interface, Writer, and one file per format; the document builders
// (list.go, status.go, show.go) and the JSON contract (contract.go) say
// what each command shows. It does not select or count: package query does.
package render

import (
	"fmt"
	"io"
	"strings"
)

// Document is one command's output in the forms the formats need: Blocks
// for people (table and markdown), Sheet for spreadsheets (csv), Data for
// programs (json, the documented contract).
//
// The builders of list and status leave Sheet and Data to sheetOf and
// dataOf, which the csv and json writers call: each form of 20,000 actions
// costs a pass over them and as many allocations, and a command writes
// one form only.
type Document struct {
	Blocks []Block
	Sheet  *Sheet
	Data   any

	sheetOf func() *Sheet
	dataOf  func() any
}

// sheet is the document's csv form: Sheet, or sheetOf's when Sheet is nil.
func (d *Document) sheet() *Sheet {
	if d.Sheet == nil && d.sheetOf != nil {
		return d.sheetOf()
	}
	return d.Sheet
}

// data is the document's json form: Data, or dataOf's when Data is nil.
func (d *Document) data() any {
	if d.Data == nil && d.dataOf != nil {
		return d.dataOf()
	}
	return d.Data
}

// Block is a part of a document for people: Heading, Line, Fields, Text
// or Table.
type Block interface{ block() }

// Heading titles the document (level 1) or a section of it (level 2).
type Heading struct {
	Level int
	Text  string
}

// Line is a sentence on its own: a count, a note, an empty result.
type Line struct {
	Text  string
	Style Style
}

// Fields are named values, one a line.
type Fields []Field

// Field is a named value and, where the record keeps it, the source's
// wording of it.
type Field struct {
	Name    string
	Value   string
	Written string // the source wording; shown when it differs from Value
	Changed bool   // the value is no longer what the source wording says
	Style   Style
}

// Text is a titled passage kept as written (Markdown): a description,
// progress comments.
type Text struct {
	Title string
	Body  string
}

// Table is rows under named columns, with an optional total row.
type Table struct {
	Columns []Column
	Rows    []Row
	Total   *Row
}

// Column describes a table column.
type Column struct {
	Name  string
	Right bool // numbers: right-aligned
	Max   int  // cap on the width in table and markdown, 0 for none
	Fit   bool // may be shortened further to fit the terminal
	// Optional columns are left out of a table that fits a terminal no
	// other way (said elsewhere, as the days a due date gives).
	Optional bool
	// Shorter are shorter names for a table that does not fit the
	// terminal (see Cell.Shorter): "Done" for "Completed".
	Shorter []string
}

// Row is a table row; a Group row heads the rows below it.
type Row struct {
	Cells []Cell
	Group bool
}

// Cell is a table cell.
type Cell struct {
	Text  string
	Style Style
	// Shorter are shorter forms of a derived cell, each shorter than the
	// one before, that a terminal too narrow for the table takes in turn:
	// "183 days overdue (steps 1, 2, 4)", "183d late (steps 1,2,4)",
	// "183d late". Made of mrtrack's own words, dates and numbers only:
	// they are not escaped as Text is.
	Shorter []string
}

// Style is how a cell or line stands out on a colour terminal. Other
// formats ignore it.
type Style int

// The styles.
const (
	Plain  Style = iota
	Bad          // late
	Warn         // falling due soon
	Good         // done
	Dim          // secondary
	Strong       // headings, totals
)

// Sheet is the flat form of a document for csv: a header row and records.
type Sheet struct {
	Header []string
	Rows   [][]string
}

func (Heading) block() {}
func (Line) block()    {}
func (Fields) block()  {}
func (Text) block()    {}
func (Table) block()   {}

// Writer writes a document in one format.
type Writer interface {
	Write(w io.Writer, doc *Document) error
}

// Formats lists the -o values, in help order.
var Formats = []string{"text", "json", "csv", "markdown"}

// Options say what the output goes to.
type Options struct {
	Color bool // a terminal that wants colour (never with NO_COLOR)
	Width int  // the terminal's width; 0 off a terminal: never shorten to fit
}

// New returns the writer for a format name; "md" is accepted for markdown
// and "table", text's older name, for text.
func New(format string, opts Options) (Writer, error) {
	switch strings.ToLower(format) {
	case "text", "table":
		return terminal{tableWriter{opts}}, nil
	case "json":
		return jsonWriter{}, nil
	case "csv":
		return csvWriter{}, nil
	case "markdown", "md":
		return markdownWriter{}, nil
	}
	return nil, fmt.Errorf("unknown output format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// cells makes a row of plain cells.
func cells(texts ...string) []Cell {
	out := make([]Cell, len(texts))
	for i, t := range texts {
		out[i] = Cell{Text: t}
	}
	return out
}
