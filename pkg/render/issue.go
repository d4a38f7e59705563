package render

import (
	"fmt"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// OwnerIssue is the body of the GitHub issue that lists what owner has
// overdue (mrtrack issues): a sentence naming the owner's GitHub team or
// user when owners.yaml gives one (github, "" for none; GitHub notifies
// it), then a table of the actions in the order given, with the late
// steps of those late by a step. It names no day and no count of days, so
// the body changes when the records do, not every time it is written.
func OwnerIssue(owner, github string, items []query.Item, today civil.Date) *Document {
	t := Table{Columns: []Column{{Name: "ID"}, {Name: "Title"}, {Name: "Due"}, {Name: "Status"}}}
	steps := false
	for _, it := range items {
		a := it.Action
		row := Row{Cells: []Cell{{Text: model.QualifiedID(a.Recommendation.Evaluation, a.ID())}, {Text: a.Title}, dueCell(&a.Tracking), status(a.Status)}}
		if late := lateSteps(it, today); len(late) > 0 {
			steps = true
			row.Cells = append(row.Cells, Cell{Text: strings.TrimSuffix(strings.TrimPrefix(stepNote(late...), " ("), ")")})
		}
		t.Rows = append(t.Rows, row)
	}
	if steps {
		t.Columns = append(t.Columns, Column{Name: "Late"})
	}
	who := owner
	if github != "" {
		who += " (" + github + ")"
	}
	return &Document{Blocks: []Block{
		Line{Text: fmt.Sprintf("%s: %s overdue in the records.", who, plural(len(items), "action"))},
		t,
		Line{Text: "This issue is kept up to date from the records by mrtrack issues (the follow-up workflow), and closed when nothing is overdue. Change the records, not this issue: mrtrack set ID --status … --progress …, in a pull request."},
	}}
}
