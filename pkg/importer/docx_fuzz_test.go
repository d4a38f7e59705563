package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/docx"
)

// FuzzReadDocx imports arbitrary documents: a whole file when the input
// starts like a zip, else the input as word/document.xml. ReadDocx must
// return a draft or a *SourceError, never panic; a draft's nodes must
// decode.
func FuzzReadDocx(f *testing.F) {
	for _, name := range []string{"mali-EVO-2024-03.docx", "english-EVO-2025-07.docx"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", name)); err == nil {
			f.Add(b)
		}
	}
	w := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>`
	row := func(cells ...string) string {
		s := "<w:tr>"
		for _, c := range cells {
			s += "<w:tc><w:p><w:r><w:t>" + c + "</w:t></w:r></w:p></w:tc>"
		}
		return s + "</w:tr>"
	}
	f.Add([]byte(w + row("RECOMMENDATION 1:", "Text") + row("Management response:", "☒ Agree") +
		row("Action", "By whom", "Date", "Status") + row("1", "x", "(1) 2024 (2) 2025", "(3) En cours") + row("", "", "", "") + `</w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		file := in
		if !bytes.HasPrefix(in, []byte("PK")) {
			var b bytes.Buffer
			z := zip.NewWriter(&b)
			wr, _ := z.Create("word/document.xml")
			wr.Write(in)
			z.Close()
			file = b.Bytes()
		}
		d, err := ReadDocx("fuzz.docx", bytes.NewReader(file), int64(len(file)), Options{})
		var se *SourceError
		if err != nil {
			if !errors.As(err, &se) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, n := range append(d.Recommendations, d.Evaluation) {
			var v map[string]any
			if err := n.Decode(&v); err != nil {
				t.Fatalf("a node does not decode: %v", err)
			}
		}
	})
}

// Every row of the Mali document taken out in turn (a header row, a
// response row, a continuation, a sub-header): import still returns a
// draft whose records decode, or a *SourceError, and never panics.
func TestDocxWithoutEachRow(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", "mali-EVO-2024-03.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := docx.Read(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	all := docxRows(doc)
	for i := range all {
		im := &docxImport{file: "mali.docx", above: map[[2]int]docx.Cell{}}
		im.rows = append(append([]docxRow{}, all[:i]...), all[i+1:]...)
		if err := im.walk(); err != nil {
			var se *SourceError
			if !errors.As(err, &se) {
				t.Fatalf("without row %d: error of type %T", i, err)
			}
			continue
		}
		d := im.draft()
		for _, n := range append(d.Recommendations, d.Evaluation) {
			var v map[string]any
			if err := n.Decode(&v); err != nil {
				t.Fatalf("without row %d: %v", i, err)
			}
		}
	}
}
