package render

import (
	"strconv"

	"github.com/mrtrack/mrtrack/internal/parallel"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// ListInput is what list shows.
type ListInput struct {
	Day
	Items     []query.Item
	Of        int  // how many actions the data holds, to say "3 of 34"
	Qualified bool // the data holds several evaluations: a heading for each
	// Activity is what the git history says of each action, when it was
	// read (list --slipped, --stale, --review-due); nil otherwise.
	Activity map[*model.Action]query.Activity
}

// List is the document of mrtrack list: a row per action.
func List(in ListInput) *Document {
	doc := &Document{
		sheetOf: func() *Sheet { return itemSheet(in.Items, in.Today, false) },
		dataOf:  func() any { return listJSON(in) },
	}
	if len(in.Items) == 0 {
		doc.Blocks = []Block{Line{Text: "No action matches."}}
		return doc
	}
	count := plural(len(in.Items), "action")
	if in.Of > len(in.Items) {
		count = strconv.Itoa(len(in.Items)) + " of " + plural(in.Of, "action")
	}
	t := actionTable(in.Items, in.Day, false, 0)
	if in.Activity != nil {
		addActivity(&t, in)
	}
	if !in.Qualified {
		doc.Blocks = []Block{t, Line{Text: count}}
		return doc
	}
	// A table per evaluation under its heading, in the order asked for
	// within each: short ids are then plain.
	evals, parts := byEvaluation(in.Items)
	for _, e := range evals {
		part := Table{Columns: t.Columns}
		for _, i := range parts[e] {
			part.Rows = append(part.Rows, t.Rows[i])
		}
		doc.Blocks = append(doc.Blocks, Heading{Level: 2, Text: scopeTitle([]*model.Evaluation{e})}, part)
	}
	doc.Blocks = append(doc.Blocks, Line{Text: count})
	return doc
}

// listJSON is list -o json: the actions, with what the history says of
// each when it was read.
func listJSON(in ListInput) []ActionJSON {
	data := actionsJSON(in.Items, in.Today)
	if in.Activity != nil {
		for i, it := range in.Items {
			data[i].History = historyJSON(it.Action, in.Activity[it.Action], in.Today)
		}
	}
	return data
}

// actionTable is a table of actions: id, title (capped at titleMax
// columns, 0 for no cap), owner, due, status, and how they stand against
// their deadlines.
func actionTable(items []query.Item, day Day, qualified bool, titleMax int) Table {
	t := Table{Columns: []Column{
		{Name: "ID"}, {Name: "Title", Fit: true, Max: titleMax}, {Name: "Owner", Fit: true},
		{Name: "Due"}, {Name: "Status"}, {Name: "Days"},
	}}
	if len(items) == 0 {
		return t
	}
	n := len(t.Columns)
	t.Rows = make([]Row, len(items))
	block := make([]Cell, len(items)*n) // the rows' cells, in one allocation
	const chunk = 512                   // rows built by one core at a time
	parallel.Each((len(items)+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min((c+1)*chunk, len(items)); i++ {
			it := items[i]
			a := it.Action
			cells := block[i*n : (i+1)*n : (i+1)*n]
			cells[0], cells[1], cells[2] = Cell{Text: id(it.Evaluation(), a.ID(), qualified)}, Cell{Text: a.Title}, Cell{Text: a.Owner}
			cells[3], cells[4], cells[5] = dueCell(&a.Tracking), status(a.Status), timing(it, day)
			t.Rows[i] = Row{Cells: cells}
		}
	})
	return t
}
