package importer

import (
	"strings"
	"unicode"

	"github.com/mrtrack/mrtrack/pkg/docx"
)

// joinInto appends the blocks of a continuation cell to a cell's: the
// paragraph the page break cut, one whose text does not end a sentence,
// goes on with the first paragraph of the next row, after a space.
func joinInto(dst *[]docx.Block, next []docx.Block) string {
	last := lastParagraph(*dst)
	first := -1
	for i, b := range next {
		if b.Paragraph != nil && strings.TrimSpace(b.Paragraph.Text) != "" {
			first = i
			break
		}
	}
	if last < 0 || first < 0 || endsSentence((*dst)[last].Paragraph.Text) {
		*dst = append(*dst, next...)
		return "added as the next paragraph"
	}
	p := *(*dst)[last].Paragraph
	q := next[first].Paragraph
	p.Text = strings.TrimRightFunc(p.Text, unicode.IsSpace) + " " + strings.TrimLeftFunc(q.Text, unicode.IsSpace)
	p.Markdown = strings.TrimRightFunc(p.Markdown, unicode.IsSpace) + " " + strings.TrimLeftFunc(q.Markdown, unicode.IsSpace)
	joined := append([]docx.Block{}, (*dst)[:last]...)
	joined = append(joined, docx.Block{Paragraph: &p})
	joined = append(joined, (*dst)[last+1:]...)
	joined = append(joined, next[first+1:]...)
	*dst = joined
	return "the cut sentence joined with a space"
}

func lastParagraph(blocks []docx.Block) int {
	for i := len(blocks) - 1; i >= 0; i-- {
		if p := blocks[i].Paragraph; p != nil && strings.TrimSpace(p.Text) != "" {
			return i
		}
	}
	return -1
}

// endsSentence reports whether a paragraph's text ends a sentence, so a
// continuation starts a new paragraph rather than finishing this one.
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	r := []rune(s)
	return strings.ContainsRune(".!?:;…»\"”", r[len(r)-1])
}
