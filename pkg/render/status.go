package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/parallel"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// StatusInput is what status shows.
type StatusInput struct {
	Day
	Window     int        // the due-soon window: Window WindowUnit
	WindowUnit civil.Unit //
	Scope      []*model.Evaluation
	Qualified  bool // the data holds several evaluations: qualify the ids

	By       query.Grouping
	Tables   []query.Table        // the progress tables (status)
	Overdue  []query.OverdueGroup // the overdue actions (status --overdue, and counted by status)
	DueSoon  []query.Item         // what falls due in the window
	Selected int                  // the actions in scope
}

// StatusJSON is status -o json.
type StatusJSON struct {
	AsOf    string         `json:"as_of"`
	By      string         `json:"by"`
	Tables  []ProgressJSON `json:"tables"`
	Total   CountsJSON     `json:"total"`         // all the tables together, each action once
	Overdue int            `json:"overdue_count"` // overdue actions in scope
	DueSoon DueSoonJSON    `json:"due_soon"`
}

// ProgressJSON is one progress table.
type ProgressJSON struct {
	Evaluation *string    `json:"evaluation"` // by recommendation: the evaluation of the rows; else null
	Rows       []RowJSON  `json:"rows"`
	Total      CountsJSON `json:"total"` // each action counted once
}

// RowJSON is a row of a progress table: key is R1 (by recommendation), a
// unit, an owner, an evaluation id, a year, or "no date" (by due-year), a
// tag, or "no tag" (by tag).
type RowJSON struct {
	Key      string `json:"key"`
	Title    string `json:"title,omitempty"`    // by recommendation and by evaluation
	Response string `json:"response,omitempty"` // by recommendation
	CountsJSON
}

// DueSoonJSON is what falls due in the window after as_of.
type DueSoonJSON struct {
	Window  string       `json:"window"` // as typed with --due-soon: 30d, 2w, …
	Until   string       `json:"until"`  // the window's last day, included
	Actions []ActionJSON `json:"actions"`
}

// OverdueJSON is status --overdue -o json. By recommendation it has
// recommendations, by owner or unit groups; never both.
type OverdueJSON struct {
	AsOf            string              `json:"as_of"`
	By              string              `json:"by"` // recommendation, owner or unit
	Count           int                 `json:"count"`
	Recommendations *[]OverdueGroupJSON `json:"recommendations,omitempty"`
	Groups          *[]OverdueKeyJSON   `json:"groups,omitempty"`
	DueSoon         DueSoonJSON         `json:"due_soon"`
}

// OverdueGroupJSON is a recommendation's overdue actions, most overdue first.
type OverdueGroupJSON struct {
	Evaluation     string       `json:"evaluation"`
	Recommendation string       `json:"recommendation"`
	Title          string       `json:"title"`
	DaysOverdue    int          `json:"days_overdue"` // the most any of its actions is late
	Actions        []ActionJSON `json:"actions"`
}

// OverdueKeyJSON is the overdue actions of an owner or a unit (key), most
// overdue first.
type OverdueKeyJSON struct {
	Key         string       `json:"key"`
	DaysOverdue int          `json:"days_overdue"` // the most any of its actions is late
	Actions     []ActionJSON `json:"actions"`
}

// shortTitle caps the titles of the status views, which are summaries;
// list and show give them whole.
const shortTitle = 60

// Status is the document of mrtrack status: progress tables, the count of
// overdue actions, and what falls due soon.
func Status(in StatusInput) *Document {
	doc := &Document{
		sheetOf: func() *Sheet { return statusSheet(in) },
		dataOf:  func() any { return statusJSON(in) },
	}
	multi := in.By == query.ByRecommendation && len(in.Tables) > 1
	doc.Blocks = append(doc.Blocks, Heading{Level: 1, Text: scopeTitle(in.Scope)},
		Line{Text: fmt.Sprintf("Implementation on %s, by %s", in.Today, byName(in.By))})
	tables := make([]Table, len(in.Tables)) // built on every core
	parallel.Each(len(in.Tables), func(i int) {
		if len(in.Tables[i].Rows) > 0 {
			tables[i] = progressTable(in.Tables[i])
		}
	})
	var total query.Counts
	for i, t := range in.Tables {
		total = total.Plus(t.Total)
		if multi {
			doc.Blocks = append(doc.Blocks, Heading{Level: 2, Text: scopeTitle([]*model.Evaluation{t.Evaluation})})
		}
		if len(t.Rows) == 0 {
			doc.Blocks = append(doc.Blocks, Line{Text: "No action matches."})
		} else {
			doc.Blocks = append(doc.Blocks, tables[i])
		}
	}
	if multi {
		doc.Blocks = append(doc.Blocks, Line{Text: fmt.Sprintf("Together: %s, implemented %s.", plural(total.Actions, "action"), rateText(total))})
	}
	if in.By == query.ByUnit {
		doc.Blocks = append(doc.Blocks, Line{Text: "An action counts under every unit responsible for its recommendation; the total counts it once."})
	}
	if in.By == query.ByTag {
		doc.Blocks = append(doc.Blocks, Line{Text: "An action counts under every tag of its recommendation; the total counts it once."})
	}
	if n := overdueCount(in.Overdue); n > 0 {
		them := "them"
		if n == 1 {
			them = "it"
		}
		doc.Blocks = append(doc.Blocks, Line{Style: Bad, Text: fmt.Sprintf("%s overdue on %s: 'mrtrack status --overdue' lists %s.", plural(n, "action"), in.Today, them)})
	} else {
		doc.Blocks = append(doc.Blocks, Line{Text: fmt.Sprintf("Nothing is overdue on %s.", in.Today)})
	}
	doc.Blocks = append(doc.Blocks, in.dueSoonBlocks()...)
	return doc
}

// statusJSON is status -o json.
func statusJSON(in StatusInput) StatusJSON {
	data := StatusJSON{AsOf: in.Today.String(), By: string(in.By), Tables: []ProgressJSON{}, Overdue: overdueCount(in.Overdue), DueSoon: in.dueSoonJSON()}
	var total query.Counts
	for _, t := range in.Tables {
		total = total.Plus(t.Total)
		data.Tables = append(data.Tables, progressJSON(t))
	}
	data.Total = countsJSON(total)
	return data
}

// statusSheet is status -o csv: the progress tables' rows, one after the
// other.
func statusSheet(in StatusInput) *Sheet {
	sheet := &Sheet{Header: progressHeader(in.By), Rows: [][]string{}}
	for _, t := range in.Tables {
		sheet.Rows = progressSheet(t, sheet.Rows)
	}
	return sheet
}

// Overdue is the document of mrtrack status --overdue: the overdue
// actions grouped by recommendation (most overdue first), owner or unit,
// under a heading per evaluation when the data holds several, a count,
// and what falls due soon.
func Overdue(in StatusInput) *Document {
	doc := &Document{
		Blocks:  []Block{Heading{Level: 1, Text: scopeTitle(in.Scope)}},
		sheetOf: func() *Sheet { return overdueSheet(in) },
		dataOf:  func() any { return overdueJSON(in) },
	}
	if len(in.Overdue) == 0 {
		doc.Blocks = append(doc.Blocks, Line{Text: fmt.Sprintf("Nothing is overdue on %s.", in.Today)})
	} else {
		order := "most overdue first"
		if in.By == query.ByOwner || in.By == query.ByUnit {
			order = "by " + string(in.By) + ", most overdue first"
		}
		doc.Blocks = append(doc.Blocks, Line{Text: fmt.Sprintf("Overdue on %s, %s", in.Today, order)})
		headed := in.Qualified && len(in.Scope) > 1
		evals, overdueOf := overdueByEvaluation(in.Overdue)
		parts := make([][]Block, len(evals)) // each evaluation's, built on every core
		parallel.Each(len(evals), func(i int) {
			e := evals[i]
			level := 2
			if headed {
				parts[i] = []Block{Heading{Level: 2, Text: scopeTitle([]*model.Evaluation{e})}}
				level = 3
			}
			parts[i] = append(parts[i], overdueBlocks(in, overdueOf[e], level)...)
		})
		for _, p := range parts {
			doc.Blocks = append(doc.Blocks, p...)
		}
		groups := plural(len(in.Overdue), "recommendation")
		switch in.By {
		case query.ByOwner:
			groups = "for " + plural(len(in.Overdue), "owner")
		case query.ByUnit:
			groups = "for " + plural(len(in.Overdue), "unit")
		default:
			groups = "in " + groups
		}
		doc.Blocks = append(doc.Blocks, Line{Style: Bad, Text: fmt.Sprintf("%d of %s overdue, %s.",
			overdueCount(in.Overdue), plural(in.Selected, "action"), groups)})
	}
	doc.Blocks = append(doc.Blocks, in.dueSoonBlocks()...)
	return doc
}

// overdueItems are the items of the overdue groups, in order; by unit an
// action is there once for each of its units.
func overdueItems(groups []query.OverdueGroup) []query.Item {
	var items []query.Item
	for _, g := range groups {
		items = append(items, g.Items...)
	}
	return items
}

// overdueJSON is status --overdue -o json.
func overdueJSON(in StatusInput) OverdueJSON {
	data := OverdueJSON{AsOf: in.Today.String(), By: string(in.By), Count: overdueCount(in.Overdue), DueSoon: in.dueSoonJSON()}
	recs, keyed := []OverdueGroupJSON{}, []OverdueKeyJSON{}
	for _, g := range in.Overdue {
		if g.Recommendation != nil {
			r := g.Recommendation
			recs = append(recs, OverdueGroupJSON{Evaluation: r.Evaluation.ID, Recommendation: r.ID(), Title: r.Title,
				DaysOverdue: g.DaysOverdue, Actions: actionsJSON(g.Items, in.Today)})
		} else {
			keyed = append(keyed, OverdueKeyJSON{Key: g.Key, DaysOverdue: g.DaysOverdue, Actions: actionsJSON(g.Items, in.Today)})
		}
	}
	if in.By == query.ByOwner || in.By == query.ByUnit {
		data.Groups = &keyed
	} else {
		data.Recommendations = &recs
	}
	return data
}

// overdueSheet is status --overdue -o csv: a row per overdue action; by
// unit, an action is sent to every unit of its recommendation, so a row
// per unit, which the first column names.
func overdueSheet(in StatusInput) *Sheet {
	sheet := itemSheet(overdueItems(in.Overdue), in.Today, false)
	if in.By != query.ByUnit {
		return sheet
	}
	sheet.Header = append([]string{"unit"}, sheet.Header...)
	i := 0
	for _, g := range in.Overdue {
		for range g.Items {
			sheet.Rows[i] = append([]string{g.Key}, sheet.Rows[i]...)
			i++
		}
	}
	return sheet
}

// overdueByEvaluation splits the overdue groups by the evaluation of
// their items, each keeping the groups' order and the items' order, and
// returns the evaluations in id order: one pass, where filtering all of
// them for each evaluation would cost evaluations × items (over a thousand
// evaluations: seconds).
func overdueByEvaluation(groups []query.OverdueGroup) ([]*model.Evaluation, map[*model.Evaluation][]query.OverdueGroup) {
	var evals []*model.Evaluation // in the order they come, then sorted
	out := map[*model.Evaluation][]query.OverdueGroup{}
	for _, g := range groups {
		at := map[*model.Evaluation]int{} // where g's part is in out[e]
		for _, it := range g.Items {
			e := it.Evaluation()
			i, ok := at[e]
			if !ok {
				if _, seen := out[e]; !seen {
					evals = append(evals, e)
				}
				part := g
				part.Items = nil
				out[e] = append(out[e], part)
				i = len(out[e]) - 1
				at[e] = i
			}
			out[e][i].Items = append(out[e][i].Items, it)
		}
	}
	slices.SortFunc(evals, func(a, b *model.Evaluation) int { return strings.Compare(a.ID, b.ID) })
	return evals, out
}

// overdueBlocks is the overdue actions of one evaluation, in groups: by
// recommendation one table, a row per recommendation heading its actions;
// by owner or unit a heading (at level) and a table per owner or unit,
// the list each is sent, without the owner column by owner.
func overdueBlocks(in StatusInput, groups []query.OverdueGroup, level int) []Block {
	keyed := in.By == query.ByOwner || in.By == query.ByUnit
	t := Table{Columns: []Column{{Name: "ID"}, {Name: "Title", Fit: true, Max: shortTitle}}}
	if in.By != query.ByOwner {
		t.Columns = append(t.Columns, Column{Name: "Owner", Fit: true})
	}
	t.Columns = append(t.Columns, Column{Name: "Due"}, Column{Name: "Status"}, Column{Name: "Overdue"})
	var blocks []Block
	if !keyed {
		n := 0
		for _, g := range groups {
			n += 1 + len(g.Items)
		}
		if n > 0 {
			t.Rows = make([]Row, 0, n)
		}
	}
	for _, g := range groups {
		rows := make([]Row, 0, len(g.Items))
		block := make([]Cell, 0, len(g.Items)*len(t.Columns)) // the rows' cells, in one allocation
		for _, it := range g.Items {
			a := it.Action
			id := a.ID()
			if !keyed {
				id = "  " + id
			}
			start := len(block)
			block = append(block, Cell{Text: id}, Cell{Text: a.Title})
			if in.By != query.ByOwner {
				block = append(block, Cell{Text: a.Owner})
			}
			block = append(block, dueCell(&a.Tracking), status(a.Status), lateness(it, in.Today))
			rows = append(rows, Row{Cells: block[start:len(block):len(block)]})
		}
		switch {
		case len(rows) == 0:
		case keyed:
			blocks = append(blocks, Heading{Level: level, Text: g.Key}, Table{Columns: t.Columns, Rows: rows})
		default:
			r := g.Recommendation
			t.Rows = append(t.Rows, Row{Group: true, Cells: cells(r.ID(), r.Title)})
			t.Rows = append(t.Rows, rows...)
		}
	}
	if keyed {
		return blocks
	}
	return []Block{t}
}

// byEvaluation returns the evaluations of items, in id order, and the
// indexes of each one's items, in order: one pass over the items.
func byEvaluation(items []query.Item) ([]*model.Evaluation, map[*model.Evaluation][]int) {
	var out []*model.Evaluation
	parts := map[*model.Evaluation][]int{}
	for i, it := range items {
		e := it.Evaluation()
		if _, seen := parts[e]; !seen {
			out = append(out, e)
		}
		parts[e] = append(parts[e], i)
	}
	slices.SortFunc(out, func(a, b *model.Evaluation) int { return strings.Compare(a.ID, b.ID) })
	return out, parts
}

// overdueCount counts the overdue actions of the groups, each once (by
// unit, an action may be in several).
func overdueCount(groups []query.OverdueGroup) int {
	seen := map[*model.Action]bool{}
	for _, g := range groups {
		for _, it := range g.Items {
			seen[it.Action] = true
		}
	}
	return len(seen)
}

func (in StatusInput) dueSoonBlocks() []Block {
	span := fmt.Sprintf("in the next %s (by %s)", window(in.Window, in.WindowUnit), in.Until)
	if len(in.DueSoon) == 0 {
		return []Block{Line{Text: "Nothing falls due " + span + "."}}
	}
	blocks := []Block{Heading{Level: 2, Text: "Falling due " + span}}
	if !in.Qualified || len(in.Scope) < 2 {
		return append(blocks, actionTable(in.DueSoon, in.Day, false, shortTitle))
	}
	// A table under a heading per evaluation, as in list: short ids are
	// then plain.
	evals, parts := byEvaluation(in.DueSoon)
	tables := make([]Block, 2*len(evals)) // a heading and a table each, built on every core
	parallel.Each(len(evals), func(k int) {
		e := evals[k]
		items := make([]query.Item, 0, len(parts[e]))
		for _, i := range parts[e] {
			items = append(items, in.DueSoon[i])
		}
		tables[2*k], tables[2*k+1] = Heading{Level: 3, Text: scopeTitle([]*model.Evaluation{e})}, actionTable(items, in.Day, false, shortTitle)
	})
	return append(blocks, tables...)
}

func (in StatusInput) dueSoonJSON() DueSoonJSON {
	return DueSoonJSON{
		Window:  strconv.Itoa(in.Window) + string(rune(in.WindowUnit)),
		Until:   in.Until.String(),
		Actions: actionsJSON(in.DueSoon, in.Today),
	}
}

// scopeTitle names the evaluations a status is about.
func scopeTitle(evals []*model.Evaluation) string {
	switch len(evals) {
	case 0:
		return "No evaluation"
	case 1:
		return evals[0].ID + " — " + evals[0].Title
	}
	ids := make([]string, len(evals))
	for i, e := range evals {
		ids[i] = e.ID
	}
	return plural(len(evals), "evaluation") + ": " + strings.Join(ids, ", ")
}

func byName(g query.Grouping) string {
	if g == query.ByDueYear {
		return "year due"
	}
	return string(g)
}

// progressColumns are the columns of a progress table; the validated and
// no longer applicable columns only when some are.
func progressColumns(t query.Table) (first []Column, counts []Column) {
	switch t.By {
	case query.ByRecommendation:
		first = []Column{{Name: "Rec"}, {Name: "Title", Max: 40, Fit: true}, {Name: "Response", Shorter: []string{"Resp."}, Optional: true}}
	case query.ByEvaluation:
		first = []Column{{Name: "Evaluation"}, {Name: "Title", Max: 40, Fit: true}}
	case query.ByUnit:
		first = []Column{{Name: "Unit", Fit: true}}
	case query.ByOwner:
		first = []Column{{Name: "Owner", Fit: true}}
	case query.ByDueYear:
		first = []Column{{Name: "Due"}}
	case query.ByTag:
		first = []Column{{Name: "Tag", Fit: true}}
	}
	// On a narrow terminal the counts take short names, the rate no bar.
	count := func(name, short string) Column { return Column{Name: name, Right: true, Shorter: []string{short}} }
	counts = []Column{count("Actions", "All"), count("Completed", "Done")}
	if t.Total.Validated > 0 {
		counts = append(counts, count("Validated", "Valid"))
	}
	counts = append(counts, count("In progress", "Doing"), count("Not started", "To do"), count("Ongoing", "Ongoing"))
	if t.Total.NoLongerApplicable > 0 {
		counts = append(counts, count("No longer applicable", "N/A"))
	}
	counts = append(counts, count("Overdue", "Late"), Column{Name: "Implemented", Right: true, Shorter: []string{"Implemented", "Impl."}})
	return first, counts
}

func progressTable(t query.Table) Table {
	first, counts := progressColumns(t)
	out := Table{Columns: append(first, counts...)}
	row := func(lead []Cell, c query.Counts) Row {
		r := Row{Cells: lead}
		r.Cells = append(r.Cells, cells(strconv.Itoa(c.Actions), strconv.Itoa(c.Completed))...)
		if t.Total.Validated > 0 {
			r.Cells = append(r.Cells, Cell{Text: strconv.Itoa(c.Validated)})
		}
		r.Cells = append(r.Cells, cells(strconv.Itoa(c.InProgress), strconv.Itoa(c.NotStarted), strconv.Itoa(c.Ongoing))...)
		if t.Total.NoLongerApplicable > 0 {
			r.Cells = append(r.Cells, Cell{Text: strconv.Itoa(c.NoLongerApplicable)})
		}
		late := Cell{Text: strconv.Itoa(c.Overdue)}
		if c.Overdue > 0 {
			late.Style = Bad
		}
		return Row{Cells: append(r.Cells, late, rateCell(c))}
	}
	for _, r := range t.Rows {
		lead := cells(r.Key)
		switch t.By {
		case query.ByRecommendation:
			lead = cells(r.Key, r.Title, string(r.Recommendation.Response))
		case query.ByEvaluation:
			lead = cells(r.Key, r.Title)
		}
		out.Rows = append(out.Rows, row(lead, r.Counts))
	}
	lead := make([]Cell, len(first))
	lead[0] = Cell{Text: "Total"}
	total := row(lead, t.Total)
	out.Total = &total
	return out
}

func progressJSON(t query.Table) ProgressJSON {
	out := ProgressJSON{Rows: []RowJSON{}, Total: countsJSON(t.Total)}
	if t.Evaluation != nil {
		out.Evaluation = &t.Evaluation.ID
	}
	for _, r := range t.Rows {
		row := RowJSON{Key: r.Key, Title: r.Title, CountsJSON: countsJSON(r.Counts)}
		if r.Recommendation != nil {
			row.Response = string(r.Recommendation.Response)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// progressHeader names the columns of a progress sheet.
func progressHeader(by query.Grouping) []string {
	var lead []string
	switch by {
	case query.ByRecommendation:
		lead = []string{"evaluation", "recommendation", "title", "response"}
	case query.ByEvaluation:
		lead = []string{"evaluation", "title"}
	case query.ByUnit:
		lead = []string{"unit"}
	case query.ByOwner:
		lead = []string{"owner"}
	case query.ByDueYear:
		lead = []string{"due_year"}
	case query.ByTag:
		lead = []string{"tag"}
	}
	return append(lead, "actions", "completed", "validated", "in_progress", "not_started", "ongoing", "no_longer_applicable", "overdue", "implementation_rate")
}

// progressSheet appends a table's rows and its total to a sheet; by
// recommendation the rows carry their evaluation.
func progressSheet(t query.Table, rows [][]string) [][]string {
	values := func(c query.Counts) []string {
		return []string{strconv.Itoa(c.Actions), strconv.Itoa(c.Completed), strconv.Itoa(c.Validated), strconv.Itoa(c.InProgress), strconv.Itoa(c.NotStarted),
			strconv.Itoa(c.Ongoing), strconv.Itoa(c.NoLongerApplicable), strconv.Itoa(c.Overdue), rateValue(c)}
	}
	switch t.By {
	case query.ByRecommendation:
		for _, r := range t.Rows {
			rows = append(rows, append([]string{t.Evaluation.ID, r.Key, r.Title, string(r.Recommendation.Response)}, values(r.Counts)...))
		}
		return append(rows, append([]string{t.Evaluation.ID, "Total", "", ""}, values(t.Total)...))
	case query.ByEvaluation:
		for _, r := range t.Rows {
			rows = append(rows, append([]string{r.Key, r.Title}, values(r.Counts)...))
		}
		return append(rows, append([]string{"Total", ""}, values(t.Total)...))
	}
	for _, r := range t.Rows {
		rows = append(rows, append([]string{r.Key}, values(r.Counts)...))
	}
	return append(rows, append([]string{"Total"}, values(t.Total)...))
}
