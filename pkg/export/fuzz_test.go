package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/model"
)

// Whatever text a record holds, every part of the document stays
// well-formed XML, so Word and LibreOffice open it.
func FuzzDocxText(f *testing.F) {
	f.Add("Title", "para one\n\n- item\n- item\n1. numbered", "</w:t><w:p>")
	f.Add("&amp; \"q\" 'a'", "]]>\r\n<![CDATA[\n\n\n- ", "\x00\x1b[31m\uFFFE\xff")
	base := english(f)
	f.Fuzz(func(t *testing.T, title, text, owner string) {
		e := *base
		r := *e.Recommendations[0]
		a := *r.Actions[0]
		e.Title, r.Text, a.Description, a.Progress, a.Owner = title, text, text, text, owner
		r.Actions = append([]*model.Action{&a}, r.Actions[1:]...)
		e.Recommendations = append([]*model.Recommendation{&r}, e.Recommendations[1:]...)
		var buf bytes.Buffer
		if err := Docx(&buf, &e, Options{AsOf: asOf}); err != nil {
			t.Fatal(err)
		}
		parts, _ := readParts(t, buf.Bytes())
		for name, data := range parts {
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
		}
	})
}

// BenchmarkDocxMali writes the Mali response (9 recommendations, 34
// actions) as a Word document.
func BenchmarkDocxMali(b *testing.B) {
	e := mali(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Docx(io.Discard, e, Options{AsOf: asOf}); err != nil {
			b.Fatal(err)
		}
	}
}
