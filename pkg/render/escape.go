package render

import (
	"io"

	"github.com/mrtrack/mrtrack/internal/parallel"
	"github.com/mrtrack/mrtrack/pkg/escape"
)

// terminal writes a document for a terminal or a CI log through the
// writer it wraps, its text first made safe (escape.Text): a title, an
// owner or a git author can hold an escape sequence that would recolour,
// retitle or clear the terminal, or a line that the Actions runner takes
// for a command. It works on the document, before any layout, so widths
// are measured on what is printed.
type terminal struct{ Writer }

func (t terminal) Write(w io.Writer, doc *Document) error {
	return t.Writer.Write(w, visibleDocument(doc))
}

// visibleDocument is doc with every text of its blocks passed through
// escape.Text; its Sheet and Data, for other readers, are left alone.
func visibleDocument(doc *Document) *Document {
	out := *doc
	out.Blocks = make([]Block, len(doc.Blocks))
	parallel.Each(len(doc.Blocks), func(i int) { out.Blocks[i] = visibleBlock(doc.Blocks[i]) })
	return &out
}

func visibleBlock(b Block) Block {
	switch b := b.(type) {
	case Heading:
		b.Text = escape.Text(b.Text)
		return b
	case Line:
		b.Text = escape.Text(b.Text)
		return b
	case Fields:
		out := make(Fields, len(b))
		for i, f := range b {
			f.Name, f.Value, f.Written = escape.Text(f.Name), escape.Text(f.Value), escape.Text(f.Written)
			out[i] = f
		}
		return out
	case Text:
		b.Title, b.Body = escape.Text(b.Title), escape.Text(b.Body)
		return b
	case Table:
		b.Columns = append([]Column(nil), b.Columns...)
		for i := range b.Columns {
			b.Columns[i].Name = escape.Text(b.Columns[i].Name)
		}
		b.Rows = visibleRows(b.Rows)
		if b.Total != nil {
			total := visibleRows([]Row{*b.Total})[0]
			b.Total = &total
		}
		return b
	}
	return b
}

// visibleRows escapes the rows' cells, copying only what changes: a
// table of thousands of plain rows costs one scan of each cell.
func visibleRows(rows []Row) []Row {
	out := rows
	for i, r := range rows {
		for j, c := range r.Cells {
			e := escape.Text(c.Text)
			if e == c.Text {
				continue
			}
			if &out[0] == &rows[0] {
				out = append([]Row(nil), rows...)
			}
			if &out[i].Cells[0] == &rows[i].Cells[0] {
				out[i].Cells = append([]Cell(nil), r.Cells...)
			}
			out[i].Cells[j].Text = e
		}
	}
	return out
}
