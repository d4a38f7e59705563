package docx

import "strings"

// Markdown writes blocks as Markdown the way mrtrack records hold prose:
// paragraphs separated by a blank line, the items of a list one a line
// ("- " for bullets, Word's own marker for numbered items: "1.", "(1)"),
// nested levels indented, hyperlinks as [text](target). Emphasis is
// dropped and the text is not escaped: records keep the source's
// characters. Empty paragraphs are skipped; a nested table's cells become
// paragraphs.
func Markdown(blocks []Block) string {
	var out strings.Builder
	prevList := false
	for _, p := range paragraphs(blocks) {
		text := strings.TrimSpace(p.Markdown)
		if text == "" {
			continue
		}
		isList := p.List != nil
		if out.Len() > 0 {
			if isList && prevList {
				out.WriteString("\n")
			} else {
				out.WriteString("\n\n")
			}
		}
		if isList {
			indent := strings.Repeat("  ", p.List.Level)
			text = indent + p.List.Marker + " " + strings.ReplaceAll(text, "\n", "\n"+indent+"  ")
		}
		out.WriteString(text)
		prevList = isList
	}
	return out.String()
}

// paragraphs flattens blocks into their paragraphs, nested tables' cells
// in reading order.
func paragraphs(blocks []Block) []*Paragraph {
	var out []*Paragraph
	for _, b := range blocks {
		switch {
		case b.Paragraph != nil:
			out = append(out, b.Paragraph)
		case b.Table != nil:
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					out = append(out, paragraphs(c.Blocks)...)
				}
			}
		}
	}
	return out
}
