package render

import (
	"encoding/csv"
	"errors"
	"io"

	"github.com/mrtrack/mrtrack/pkg/escape"
)

// bom starts the csv output. Excel reads a CSV file without it in the
// system's legacy code page, which turns the records' French ("é", "œ",
// "–") into mojibake; with it, Excel on Windows and macOS opens the file
// as UTF-8. Tools that do not expect it see it as part of the first
// header name; JSON is the format for programs.
const bom = "\ufeff"

// csvWriter writes the document's sheet as RFC 4180 CSV: a header row,
// every field quoted when it needs to be, CRLF line ends, UTF-8. Every
// cell goes through escape.Cell, so a spreadsheet never runs a cell as a
// formula.
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
	var cells []string // reused: the csv writer does not keep a row
	for _, r := range append([][]string{doc.Sheet.Header}, doc.Sheet.Rows...) {
		cells = cells[:0]
		for _, s := range r {
			cells = append(cells, escape.Cell(s))
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
