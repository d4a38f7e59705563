package escape

import "strings"

// Markdown is text for a Markdown document: control characters written
// visibly as Text does, and the characters that start HTML (< and &)
// written as entities, so a title holding <script> reads as text in
// every renderer, not only in those that sanitise HTML. Markdown itself
// (emphasis, lists, quotes) is kept: record text is written in it.
func Markdown(s string) string {
	return htmlEscaper.Replace(Text(s))
}

// MarkdownCell is text for a cell of a pipe table: as Markdown, with | escaped,
// which would end the cell.
func MarkdownCell(s string) string {
	return strings.ReplaceAll(Markdown(s), "|", `\|`)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;")
