package render

import (
	"encoding/csv"
	"errors"
	"io"
)

// bom starts the csv output. Excel reads a CSV file without it in the
// system's legacy code page, which turns the records' French ("é", "œ",
// "–") into mojibake; with it, Excel on Windows and macOS opens the file
// as UTF-8. Tools that do not expect it see it as part of the first
// header name; JSON is the format for programs.
const bom = "\ufeff"

// csvWriter writes the document's sheet as RFC 4180 CSV: a header row,
// every field quoted when it needs to be, CRLF line ends, UTF-8.
type csvWriter struct{}

func (csvWriter) Write(w io.Writer, doc *Document) error {
	if doc.Sheet == nil {
		return errors.New("internal: this output has no csv form")
	}
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(doc.Sheet.Header); err != nil {
		return err
	}
	if err := cw.WriteAll(doc.Sheet.Rows); err != nil {
		return err
	}
	return cw.Error()
}
