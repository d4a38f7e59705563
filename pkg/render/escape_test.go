package render

import (
	"strings"
	"testing"
)

// Whatever the text holds, no writer prints a control character that a
// terminal acts on (ESC, BEL, C1 CSI), and none starts a line with a
// workflow command: the validator refuses such text in records, but git
// authors, file names and old versions reach the writers too.
func TestWritersEscapeControlCharacters(t *testing.T) {
	hostile := "\x1b]0;pwned\a\x1b[31mRED\u009b2J"
	doc := &Document{
		Blocks: []Block{
			Heading{Level: 1, Text: "R1 " + hostile},
			Line{Text: "::stop-commands::tok"},
			Fields{{Name: "Owner", Value: hostile, Written: hostile}},
			Text{Title: "Progress", Body: "line one\n::error::INJ\n" + hostile},
			Table{Columns: []Column{{Name: "ID"}, {Name: "AUTHOR"}}, Rows: []Row{{Cells: cells("R1.1", hostile)}}},
		},
		Sheet: &Sheet{Header: []string{"id", "author"}, Rows: [][]string{{"R1.1", hostile}}},
		Data:  map[string]string{"author": hostile},
	}
	for _, format := range Formats {
		w, err := New(format, Options{Color: true})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := w.Write(&b, doc); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if format == "text" {
			out = strings.NewReplacer("\x1b[1m", "", "\x1b[0m", "").Replace(out) // its own colours
		}
		if i := strings.IndexAny(out, "\x1b\a\u009b"); i >= 0 {
			t.Errorf("-o %s prints a control character at %d:\n%q", format, i, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "::") {
				t.Errorf("-o %s starts a line with a workflow command: %q", format, line)
			}
		}
		if format != "json" && !strings.Contains(out, `\x1b]0;pwned\x07\x1b[31mRED\u009b2J`) {
			t.Errorf("-o %s does not show the escapes visibly:\n%s", format, out)
		}
	}
}

// BenchmarkVisibleDocument measures the terminal pass over a table of
// 10,000 rows of plain French text, the size of a system-wide status:
//
//	go test -run '^$' -bench VisibleDocument -benchmem ./pkg/render
func BenchmarkVisibleDocument(b *testing.B) {
	t := Table{Columns: []Column{{Name: "ID"}, {Name: "TITLE"}, {Name: "OWNER"}, {Name: "DUE"}, {Name: "STATUS"}}}
	for i := range 10000 {
		t.Rows = append(t.Rows, Row{Cells: cells("R1."+string(rune('0'+i%10)), "Renforcement de l'identification, l'orientation et la protection", "Protection – Bamako", "2025-12-31", "in-progress")})
	}
	doc := &Document{Blocks: []Block{Heading{Level: 1, Text: "Overdue"}, t}}
	b.ReportAllocs()
	for b.Loop() {
		visibleDocument(doc)
	}
}
