package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/mrtrack/mrtrack/pkg/escape"
)

// jsonWriter writes the document's Data, indented, with "<", ">" and "&"
// left as they are and what a terminal would act on escaped (escape.JSON).
// The builders make lists [] and never null.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, doc *Document) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc.data()); err != nil {
		return err
	}
	_, err := w.Write(escape.JSON(buf.Bytes()))
	return err
}
