package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/escape"
)

// markdownWriter writes GitHub-flavoured Markdown for pull requests and
// reports: headings, bullet fields, pipe tables. Long text keeps its own
// Markdown; every text is escaped for Markdown readers (escape.Markdown:
// no raw HTML, no control characters, no | inside a cell).
type markdownWriter struct{}

func (markdownWriter) Write(w io.Writer, doc *Document) error {
	var b strings.Builder
	for i, blk := range doc.Blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch blk := blk.(type) {
		case Heading:
			fmt.Fprintf(&b, "%s %s\n", strings.Repeat("#", blk.Level+1), inline(blk.Text))
		case Line:
			fmt.Fprintln(&b, inline(blk.Text))
		case Fields:
			for _, f := range blk {
				v := inline(f.Value)
				if note := f.sourceNote(); note != "" {
					v += " " + inline(note)
				}
				fmt.Fprintf(&b, "- **%s:** %s\n", inline(f.Name), v)
			}
		case Text:
			fmt.Fprintf(&b, "**%s**\n\n%s\n", inline(blk.Title), escape.Markdown(strings.TrimRight(blk.Body, "\n")))
		case Table:
			markdownTable(&b, blk)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func markdownTable(b *strings.Builder, t Table) {
	// Markdown has no width: cells are never shortened, whatever a
	// column's Max says for a terminal.
	row := func(r Row) {
		b.WriteString("|")
		for i := range t.Columns {
			text := ""
			if i < len(r.Cells) {
				text = escape.MarkdownCell(strings.TrimSpace(oneLine(r.Cells[i].Text)))
			}
			if r.Group && text != "" {
				text = "**" + text + "**"
			}
			b.WriteString(" " + text + " |")
		}
		b.WriteString("\n")
	}
	names := make([]Cell, len(t.Columns))
	rule := "|"
	for i, c := range t.Columns {
		names[i] = Cell{Text: c.Name}
		if c.Right {
			rule += " ---: |"
		} else {
			rule += " --- |"
		}
	}
	row(Row{Cells: names})
	b.WriteString(rule + "\n")
	for _, r := range t.Rows {
		row(r)
	}
	if t.Total != nil {
		row(Row{Cells: t.Total.Cells, Group: true})
	}
}

// inline makes text one line of Markdown.
func inline(s string) string { return escape.Markdown(oneLine(s)) }
