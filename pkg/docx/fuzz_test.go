package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead feeds Read arbitrary input: a whole file when it starts like a
// zip, else the text of word/document.xml in a valid archive beside a
// numbering part, so the parser itself is fuzzed. Read must return a
// document or an *Error, never panic.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"mali-EVO-2024-03.docx", "english-EVO-2025-07.docx"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<w:document ` + ns + `><w:body>` + item(2, 1, "x") + `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Add([]byte(`<w:document ` + ns + `><w:body><w:p><w:r><w:fldChar w:fldCharType="end"/><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK</w:instrText></w:r></w:p></w:body></w:document>`))
	f.Add([]byte(`<w:document ` + ns + `><w:body><w:p><w:hyperlink r:id="rId9"><w:sdt><w:sdtPr><w14:checkbox/></w:sdtPr></w:sdt></w:hyperlink></w:p></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		file := in
		if !bytes.HasPrefix(in, []byte("PK")) {
			file = pack(t, map[string]string{"word/document.xml": string(in), "word/numbering.xml": numberingXML,
				"word/styles.xml": stylesXML}, zip.Store)
		}
		d, err := Read(bytes.NewReader(file), int64(len(file)))
		var de *Error
		switch {
		case err != nil && !errors.As(err, &de):
			t.Fatalf("error of type %T: %v", err, err)
		case err == nil:
			_ = Markdown(d.Blocks)
		}
	})
}
