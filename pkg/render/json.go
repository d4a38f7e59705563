package render

import (
	"encoding/json"
	"io"
)

// jsonWriter writes the document's Data, indented, with "<", ">" and "&"
// left as they are. The builders make lists [] and never null.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, doc *Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc.Data)
}
