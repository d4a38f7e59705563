package printers

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/mrtrack/mrtrack/pkg/escape"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
)

// JSON writes {"findings": [...], "summary": {...}}; findings is [] when
// there are none. It is safe to print (escape.JSON).
type JSON struct{}

// Write implements Writer.
func (JSON) Write(w io.Writer, fs []finding.Finding, st load.Stats) error {
	if fs == nil {
		fs = []finding.Finding{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		Findings []finding.Finding `json:"findings"`
		Summary  load.Stats        `json:"summary"`
	}{fs, st}); err != nil {
		return err
	}
	_, err := w.Write(escape.JSON(buf.Bytes()))
	return err
}
