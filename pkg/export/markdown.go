package export

import "strings"

// markdown turns a record's Markdown text into paragraphs the way import
// reads them back: blocks between blank lines are paragraphs, "- " lines
// are bulleted list items (Word numbering), and the other lines of a
// block stay one paragraph with a line break between them (the seed's
// "(1) …" and "1. …" items keep their own numbers). Inline Markdown is
// left as written: the records hold the source's text verbatim.
func markdown(text string) []para {
	var out []para
	for _, block := range strings.Split(strings.TrimRight(text, "\n"), "\n\n") {
		var lines []string
		flush := func() {
			if len(lines) > 0 {
				out = append(out, para{Runs: []run{{Text: strings.Join(lines, "\n")}}})
				lines = nil
			}
		}
		for _, line := range strings.Split(block, "\n") {
			if item, ok := strings.CutPrefix(line, "- "); ok {
				flush()
				out = append(out, para{Bullet: true, Runs: []run{{Text: item}}})
				continue
			}
			lines = append(lines, line)
		}
		flush()
	}
	if len(out) == 1 && out[0].Runs[0].Text == "" {
		return nil
	}
	return out
}
