package render

import "github.com/mrtrack/mrtrack/pkg/model"

// extensionBlocks lists an item's recorded deadline extensions, oldest
// first, each with its reason and approver; nothing when it has none.
func extensionBlocks(t *model.Tracking) []Block {
	if len(t.Extensions) == 0 {
		return nil
	}
	tb := Table{Columns: []Column{{Name: "From"}, {Name: "To"}, {Name: "On"}, {Name: "Reason", Fit: true}, {Name: "Approved by", Fit: true}}}
	for _, e := range t.Extensions {
		tb.Rows = append(tb.Rows, Row{Cells: cells(e.From.String(), e.To.String(), e.On.String(), e.Reason, e.ApprovedBy)})
	}
	return []Block{Heading{Level: 2, Text: "Deadline extensions"}, tb}
}
