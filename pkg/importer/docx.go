package importer

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/docx"
)

// ReadDocx reads a management response written in the UNHCR Word
// template: the header block (title, reference, who commissioned it, due
// date, coordinator, approver, approval date, general comments) and per
// recommendation its rows (the text, the response checkboxes, reasons,
// the unit responsible) and its table of planned actions, whose columns
// are found by their header text. Rows a page break split are joined
// back; sub-items numbered (1), (2) … in the date and status cells become
// steps. Every judgment call is a note of the draft. A document that is
// not a management response is a *SourceError.
func ReadDocx(name string, r io.ReaderAt, size int64, o Options) (*Draft, error) {
	doc, err := docx.Read(r, size)
	if err != nil {
		var de *docx.Error
		if errors.As(err, &de) {
			return nil, &SourceError{File: name, Msg: de.Error(), Hint: de.Hint}
		}
		return nil, &SourceError{File: name, Msg: err.Error(), Hint: "save it from Word as a .docx and try again"}
	}
	im := &docxImport{file: name, opt: o, above: map[[2]int]docx.Cell{}, exported: doc.Application == ExportApplication}
	im.rows = docxRows(doc)
	if err := im.walk(); err != nil {
		return nil, err
	}
	return im.draft(), nil
}

// docxRow is one row of one of the document's tables.
type docxRow struct {
	table, row int // 1-based
	// para is the body paragraph a "Label: value" line of the header
	// block comes from, when it is not in a table; its cells are the
	// label and the value.
	para  int
	cells []docx.Cell
}

func (r docxRow) at(c docx.Cell) Location {
	if r.para > 0 {
		return Location{Paragraph: r.para}
	}
	return Location{Table: r.table, Row: r.row, Column: c.Col + 1}
}

// text is a cell's plain text on one line.
func cellLine(c docx.Cell) string { return oneLine(c.Text()) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// label is the row's first cell as a label key; "" for an empty cell.
func (r docxRow) label() string {
	if len(r.cells) == 0 {
		return ""
	}
	return labelKey(cellLine(r.cells[0]))
}

// rest are the cells after the first that say something.
func (r docxRow) rest() []docx.Cell {
	var out []docx.Cell
	for i, c := range r.cells {
		if i > 0 && strings.TrimSpace(c.Text()) != "" {
			out = append(out, c)
		}
	}
	return out
}

func (r docxRow) empty() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c.Text()) != "" {
			return false
		}
	}
	return true
}

// labelKey folds a label for matching: lower case, accents and the
// closing colon dropped, spaces collapsed.
func labelKey(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ": ")
	return oneLine(labelFold.Replace(strings.ToLower(s)))
}

var labelFold = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "à", "a", "â", "a", "ç", "c", "ô", "o", "î", "i", "û", "u", "’", "'", "*", "")

// docxImport is the state of one import.
type docxImport struct {
	file  string
	opt   Options
	rows  []docxRow
	notes []Note
	eval  docxEval
	recs  []*docxRec
	// above is the last cell of each table and grid column that was not
	// a vertical-merge continuation, for the cells that continue it.
	above map[[2]int]docx.Cell
	// exported is set for a document mrtrack export wrote: an action's
	// date and status cells are its record's due_text and status_text, so
	// a status word under the date is not a sign that the columns moved.
	exported bool
}

// ExportApplication is the Application property (docProps/app.xml) of
// the documents mrtrack export docx writes.
const ExportApplication = "mrtrack"

func (im *docxImport) note(at Location, field, raw, msg string, review bool) {
	im.notes = append(im.notes, Note{At: at, Field: field, Raw: raw, Message: msg, Review: review})
}

// docxRows lists the rows of the body's tables in reading order, and
// before the first table the paragraphs that read as a header field
// ("Evaluation title: …"), for a header block written as lines. Tables
// inside cells stay in their cell.
func docxRows(doc *docx.Document) []docxRow {
	var rows []docxRow
	tables, paras := 0, 0
	for _, b := range doc.Blocks {
		if p := b.Paragraph; p != nil {
			paras++
			if r, ok := headerLine(p, paras); ok && tables == 0 {
				rows = append(rows, r)
			}
			continue
		}
		tables++
		for i, r := range b.Table.Rows {
			rows = append(rows, docxRow{table: tables, row: i + 1, cells: r.Cells})
		}
	}
	return rows
}

// headerLine reads a paragraph "Label: value" whose label is a header
// field's as a row of two cells.
func headerLine(p *docx.Paragraph, n int) (docxRow, bool) {
	label, value, ok := strings.Cut(p.Text, ":")
	if !ok || headerField(labelKey(label)) == "" {
		return docxRow{}, false
	}
	md := value
	if _, v, ok := strings.Cut(p.Markdown, ":"); ok {
		md = v
	}
	cell := func(col int, text, md string) docx.Cell {
		return docx.Cell{Col: col, Span: 1, Blocks: []docx.Block{{Paragraph: &docx.Paragraph{Text: strings.TrimSpace(text), Markdown: strings.TrimSpace(md)}}}}
	}
	return docxRow{para: n, cells: []docx.Cell{cell(0, label, label), cell(1, value, md)}}, true
}

var recRowRE = lazyregexp.New(`^(?:recommendation|recommandation)\s*(?:n[o°]\.?\s*)?#?\s*(\d{1,3})\s*[:.]?$`)

// recNumberOf is the number of a "RECOMMENDATION 3:" row, 0 for others.
func recNumberOf(r docxRow) int {
	m := recRowRE.FindStringSubmatch(r.label())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// walk reads the rows: the header block until the first recommendation,
// then each recommendation's rows.
func (im *docxImport) walk() error {
	i := 0
	for ; i < len(im.rows) && recNumberOf(im.rows[i]) == 0; i++ {
		im.headerRow(im.rows[i])
	}
	if i == len(im.rows) {
		return &SourceError{File: im.file, Msg: "not a management response: no table row starts with \"RECOMMENDATION 1:\"",
			Hint: "import reads the UNHCR management response template: a row per recommendation (\"RECOMMENDATION n:\") above its planned actions"}
	}
	for i < len(im.rows) {
		rec := newDocxRec(im, im.rows[i])
		for _, prev := range im.recs {
			if prev.number == rec.number {
				return &SourceError{File: im.file, At: im.rows[i].at(im.rows[i].cells[0]),
					Msg:  fmt.Sprintf("recommendation %d appears twice", rec.number),
					Hint: "number the recommendations 1, 2, 3 … in the document and import it again"}
			}
		}
		i++
		for ; i < len(im.rows) && recNumberOf(im.rows[i]) == 0; i++ {
			rec.row(im.rows[i])
		}
		im.recs = append(im.recs, rec)
	}
	return nil
}

// draft assembles the records.
func (im *docxImport) draft() *Draft {
	d := &Draft{}
	d.ID, d.Evaluation = im.evaluation()
	for _, r := range im.recs {
		d.Recommendations = append(d.Recommendations, r.node())
	}
	// In document order, so a reviewer reads the report beside the source.
	sort.SliceStable(im.notes, func(i, j int) bool {
		a, b := im.notes[i].At, im.notes[j].At
		return a.Table < b.Table || a.Table == b.Table && (a.Row < b.Row || a.Row == b.Row && a.Column < b.Column)
	})
	d.Notes = im.notes
	return d
}
