package export

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"io"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// The package parts of the .docx, in the order they are stored. Parts
// with placeholders are text/template files; the others are copied.
//
//go:embed all:docx
var parts embed.FS

var partNames = []string{
	"[Content_Types].xml",
	"_rels/.rels",
	"docProps/core.xml",
	"docProps/app.xml",
	"word/_rels/document.xml.rels",
	"word/document.xml",
	"word/styles.xml",
	"word/numbering.xml",
	"word/settings.xml",
}

// templates holds every part parsed as a template. Text reaches the XML
// only through x, which escapes it, and lines, which cuts it at line
// breaks (the run template writes a w:br between the pieces).
// They are parsed on first use, not at every start of every command.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("docx").Funcs(template.FuncMap{
		"x":     escapeText,
		"lines": func(s string) []string { return strings.Split(s, "\n") },
	}).ParseFS(parts, "docx/*.xml", "docx/_rels/.rels", "docx/word/*.xml", "docx/word/_rels/*.rels", "docx/docProps/*.xml"))
})

// escapeText escapes s for XML character data; characters XML cannot
// hold become U+FFFD (records cannot hold them in the first place).
func escapeText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// Options say what a document is measured against.
type Options struct {
	// AsOf is the day of the progress columns' "update on implementation
	// as of".
	AsOf civil.Date
}

// zipTime is the modification time of every part: the zip epoch, so the
// same records and day always give the same bytes.
var zipTime = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

// Docx writes e's management response as a Word document to w.
func Docx(w io.Writer, e *model.Evaluation, o Options) error {
	doc := layout(e, o)
	z := zip.NewWriter(w)
	for _, name := range partNames {
		var buf bytes.Buffer
		if err := templates().ExecuteTemplate(&buf, baseName(name), doc); err != nil {
			return err
		}
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := f.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return z.Close()
}

// baseName is the name text/template gives a part: its file name.
func baseName(path string) string { return path[strings.LastIndex(path, "/")+1:] }
