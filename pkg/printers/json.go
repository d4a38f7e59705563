package printers

import (
	"encoding/json"
	"io"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
)

// JSON writes {"findings": [...], "summary": {...}}; findings is [] when
// there are none.
type JSON struct{}

// Write implements Writer.
func (JSON) Write(w io.Writer, fs []finding.Finding, st load.Stats) error {
	if fs == nil {
		fs = []finding.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Findings []finding.Finding `json:"findings"`
		Summary  load.Stats        `json:"summary"`
	}{fs, st})
}
