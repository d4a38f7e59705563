package render

import (
	"fmt"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// CommitJSON is a commit in the JSON of log and changes.
type CommitJSON struct {
	Hash        string `json:"commit"`
	Date        string `json:"date"`
	Author      string `json:"author"`
	Email       string `json:"email"`
	Subject     string `json:"subject"`
	PullRequest *int   `json:"pull_request"`
}

func commitJSON(c *git.Commit) *CommitJSON {
	if c == nil {
		return nil
	}
	j := &CommitJSON{Hash: c.Hash, Date: c.Date.Format(time.RFC3339), Author: c.Author, Email: c.Email, Subject: c.Subject}
	if pr := c.PullRequest(); pr > 0 {
		j.PullRequest = &pr
	}
	return j
}

// EventJSON is one entry of log -o json.
type EventJSON struct {
	CommitJSON
	Changes []history.Change  `json:"changes"`
	Invalid []finding.Finding `json:"invalid"` // findings of a version that did not validate, skipped
}

// Log is the timeline of one recommendation, action or step.
func Log(id, title string, events []history.Event) *Document {
	doc := &Document{Blocks: []Block{Heading{Level: 1, Text: id + " " + title}}}
	t := Table{Columns: []Column{{Name: "Date"}, {Name: "Commit"}, {Name: "Author"}, {Name: "Item"}, {Name: "Change", Max: 70, Fit: true}}}
	sheet := &Sheet{Header: []string{"date", "commit", "author", "pull_request", "id", "field", "old", "new", "days"}}
	data := []EventJSON{}
	for _, ev := range events {
		c := ev.Commit
		ref := c.Short()
		if pr := c.PullRequest(); pr > 0 {
			ref += fmt.Sprintf(" (#%d)", pr)
		}
		data = append(data, EventJSON{CommitJSON: *commitJSON(c), Changes: nonNil(ev.Changes), Invalid: nonNil(ev.Broken)})
		if len(ev.Broken) > 0 {
			t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: c.Date.Format(time.DateOnly)}, {Text: ref}, {Text: c.Author}, {Text: ""},
				{Text: "skipped: the file did not validate (" + ev.Broken[0].Message + ")", Style: Warn}}})
			continue
		}
		for i, ch := range ev.Changes {
			change := Cell{Text: describeChange(ch, " days"), Style: changeStyle(ch)}
			if short := describeChange(ch, "d"); short != change.Text {
				change.Shorter = []string{short}
			}
			row := Row{Cells: []Cell{{Text: c.Date.Format(time.DateOnly)}, {Text: ref}, {Text: c.Author}, {Text: ch.ID}, change}}
			if i > 0 {
				row.Cells[0].Text, row.Cells[1].Text, row.Cells[2].Text = "", "", ""
			}
			t.Rows = append(t.Rows, row)
			sheet.Rows = append(sheet.Rows, []string{c.Date.Format(time.DateOnly), c.Hash, c.Author, prText(c), ch.ID, ch.Field, ch.Old, ch.New, daysText(ch)})
		}
	}
	if len(events) == 0 {
		doc.Blocks = append(doc.Blocks, Line{Text: "no commit changed it", Style: Dim})
	} else {
		doc.Blocks = append(doc.Blocks, t)
	}
	doc.Sheet, doc.Data = sheet, data
	return doc
}

func prText(c *git.Commit) string {
	if pr := c.PullRequest(); pr > 0 {
		return fmt.Sprint(pr)
	}
	return ""
}

func daysText(c history.Change) string {
	if !c.Dated {
		return ""
	}
	return fmt.Sprint(c.Days)
}

// describeChange says a change in a few words, the days moved in unit
// (" days", or "d" for a narrow terminal):
// "status: not-started → completed", "due: 2024-12-31 → 2025-06-30 (+181
// days)", "progress changed", "created".
func describeChange(c history.Change, unit string) string {
	switch {
	case c.Field == history.Created || c.Field == history.Removed:
		return c.Field + ": " + c.Title
	case c.Old == "" && c.New == "":
		return c.Field + " changed"
	}
	s := fmt.Sprintf("%s: %s → %s", c.Field, orNone(c.Old), orNone(c.New))
	if c.Dated && c.Days != 0 {
		s += fmt.Sprintf(" (%+d%s)", c.Days, unit)
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func changeStyle(c history.Change) Style {
	switch {
	case c.Field == "status" && c.New == "completed":
		return Good
	case c.Field == "due" && c.Days > 0:
		return Warn
	}
	return Plain
}

// PointJSON is one end of a changes report.
type PointJSON struct {
	Asked  string      `json:"asked"` // as given on the command line, or "working tree"
	Commit *CommitJSON `json:"commit"`
}

// ChangesJSON is changes -o json.
type ChangesJSON struct {
	Since       PointJSON               `json:"since"`
	Until       PointJSON               `json:"until"`
	Evaluations []EvaluationChangesJSON `json:"evaluations"`
}

// EvaluationChangesJSON is what changed in one evaluation, with the
// progress updates.
type EvaluationChangesJSON struct {
	history.EvaluationChanges
	Progress []ProgressUpdateJSON `json:"progress_updated"`
}

// ProgressUpdateJSON is an action's or a step's new progress text, with
// the old one; both always there, "" for none.
type ProgressUpdateJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Owner string `json:"owner"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

func progressUpdatesJSON(changes []history.Change) []ProgressUpdateJSON {
	out := []ProgressUpdateJSON{}
	for _, c := range changes {
		out = append(out, ProgressUpdateJSON{ID: c.ID, Title: c.Title, Owner: c.Owner, Old: c.Old, New: c.New})
	}
	return out
}

// ChangesInput is what changes reports.
type ChangesInput struct {
	Since, Until             string // as asked
	SinceCommit, UntilCommit *git.Commit
	Evaluations              []history.EvaluationChanges
	Progress                 map[string][]history.Change // by evaluation id: progress texts that changed
	Invalid                  []finding.Finding           // files left out at either end
}

// Changes is the report of what moved between two points, per evaluation.
func Changes(in ChangesInput) *Document {
	doc := &Document{Blocks: []Block{Heading{Level: 1, Text: fmt.Sprintf("Changes from %s to %s", pointText(in.Since, in.SinceCommit), pointText(in.Until, in.UntilCommit))}}}
	sheet := &Sheet{Header: []string{"evaluation", "kind", "id", "title", "old", "new", "days", "owner"}}
	data := ChangesJSON{Since: PointJSON{in.Since, commitJSON(in.SinceCommit)}, Until: PointJSON{in.Until, commitJSON(in.UntilCommit)}, Evaluations: []EvaluationChangesJSON{}}
	for _, ec := range in.Evaluations {
		progress := in.Progress[ec.Evaluation]
		data.Evaluations = append(data.Evaluations, EvaluationChangesJSON{nonNilChanges(ec), progressUpdatesJSON(progress)})
		doc.Blocks = append(doc.Blocks, Heading{Level: 2, Text: ec.Evaluation})
		if ec.Empty() && len(progress) == 0 {
			doc.Blocks = append(doc.Blocks, Line{Text: "nothing changed", Style: Dim})
			continue
		}
		for _, sec := range []struct {
			kind, title string
			changes     []history.Change
			withValues  bool
		}{
			{"completed", "Completed", ec.Completed, false},
			{"status", "Other status changes", ec.Status, true},
			{"due", "Due dates moved", ec.DueMoved, true},
			{"progress", "Progress updated", progress, false},
			{"added", "Added", ec.Added, false},
			{"removed", "Removed", ec.Removed, false},
			{"other", "Other changes", ec.Other, true},
		} {
			if len(sec.changes) == 0 {
				continue
			}
			doc.Blocks = append(doc.Blocks, Heading{Level: 3, Text: fmt.Sprintf("%s (%d)", sec.title, len(sec.changes))})
			t := Table{Columns: []Column{{Name: "ID"}, {Name: "Title", Max: 60, Fit: true}, {Name: "Owner", Fit: true}}}
			switch sec.kind {
			case "progress":
				t.Columns = append(t.Columns, Column{Name: "Progress", Max: 60, Fit: true})
			case "other":
				t.Columns = append(t.Columns, Column{Name: "Field"})
			}
			if sec.withValues {
				t.Columns = append(t.Columns, Column{Name: "From"}, Column{Name: "To"})
				if sec.kind == "due" {
					t.Columns = append(t.Columns, Column{Name: "Days", Right: true})
				}
			}
			for _, c := range sec.changes {
				row := Row{Cells: []Cell{{Text: c.ID}, {Text: c.Title}, {Text: c.Owner}}}
				kind := sec.kind
				switch kind {
				case "progress":
					row.Cells = append(row.Cells, Cell{Text: orNone(c.New)})
				case "other":
					row.Cells = append(row.Cells, Cell{Text: c.Field})
					kind = c.Field // the csv says which field
				}
				if sec.withValues {
					row.Cells = append(row.Cells, Cell{Text: c.Old}, Cell{Text: c.New})
					if sec.kind == "due" {
						row.Cells = append(row.Cells, Cell{Text: signedDays(c), Style: changeStyle(c)})
					}
				}
				t.Rows = append(t.Rows, row)
				sheet.Rows = append(sheet.Rows, []string{ec.Evaluation, kind, c.ID, c.Title, c.Old, c.New, daysText(c), c.Owner})
			}
			doc.Blocks = append(doc.Blocks, t)
		}
	}
	if n := len(in.Invalid); n > 0 {
		doc.Blocks = append(doc.Blocks, Line{Text: fmt.Sprintf("%d file version(s) did not validate and were left out", n), Style: Warn})
	}
	doc.Sheet, doc.Data = sheet, data
	return doc
}

func signedDays(c history.Change) string {
	if !c.Dated {
		return ""
	}
	return fmt.Sprintf("%+d", c.Days)
}

func pointText(asked string, c *git.Commit) string {
	if c == nil {
		return asked
	}
	return fmt.Sprintf("%s (%s, %s)", asked, c.Short(), c.Date.Format(time.DateOnly))
}

func nonNilChanges(ec history.EvaluationChanges) history.EvaluationChanges {
	ec.Completed, ec.Status, ec.Added, ec.Removed, ec.DueMoved = nonNil(ec.Completed), nonNil(ec.Status), nonNil(ec.Added), nonNil(ec.Removed), nonNil(ec.DueMoved)
	ec.Other = nonNil(ec.Other)
	return ec
}

// HistoryJSON is what the git history says of an action, in list -o json.
type HistoryJSON struct {
	DueMoves   int     `json:"due_moves"`
	DaysMoved  int     `json:"days_moved"`
	FirstDue   *string `json:"first_due"`
	LastChange *string `json:"last_change"`
	ReviewDue  bool    `json:"review_due"`
}

// addActivity adds the history's columns to a list's table (listJSON adds
// them to its JSON): how often the due date moved, the last change, and
// whether a recurring action is due for review.
func addActivity(t *Table, in ListInput) {
	// Eight columns do not fit 80: the due date and the days it gives go
	// first (show has them).
	for i, c := range t.Columns {
		if c.Name == "Due" || c.Name == "Days" {
			t.Columns[i].Optional = true
		}
	}
	t.Columns = append(t.Columns, Column{Name: "Moved", Right: true}, Column{Name: "Last change"})
	for i, it := range in.Items {
		act := in.Activity[it.Action]
		moved := ""
		if act.DueMoves > 0 {
			moved = fmt.Sprintf("%d× %+dd", act.DueMoves, act.DaysMoved)
		}
		last := Cell{Text: act.LastChange.String()}
		if query.ReviewDue(it.Action, act.LastChange, in.Today) {
			last = Cell{Text: act.LastChange.String() + " (review due)", Style: Warn}
		}
		t.Rows[i].Cells = append(t.Rows[i].Cells, Cell{Text: moved, Style: movedStyle(act)}, last)
	}
}

func historyJSON(a *model.Action, act query.Activity, today civil.Date) *HistoryJSON {
	h := &HistoryJSON{DueMoves: act.DueMoves, DaysMoved: act.DaysMoved, LastChange: dateOrNull(act.LastChange),
		ReviewDue: query.ReviewDue(a, act.LastChange, today)}
	if act.FirstDue != "" {
		h.FirstDue = &act.FirstDue
	}
	return h
}

// activityFields are show's lines about an action's history.
func activityFields(a *model.Action, act query.Activity, today civil.Date) Fields {
	moved := Field{Name: "Due moved", Value: "never"}
	if act.DueMoves > 0 {
		moved = Field{Name: "Due moved", Style: movedStyle(act),
			Value: fmt.Sprintf("%s, %+d days in all (first promised %s)", plural(act.DueMoves, "time"), act.DaysMoved, act.FirstDue)}
	}
	last := Field{Name: "Last change", Value: act.LastChange.String()}
	if act.LastChange.IsZero() {
		last.Value = "not committed yet"
	}
	if query.ReviewDue(a, act.LastChange, today) {
		last.Value += fmt.Sprintf(" (review due: %s without an update)", a.Due)
		last.Style = Warn
	}
	return Fields{moved, last}
}

func movedStyle(a query.Activity) Style {
	if a.DaysMoved > 0 {
		return Warn
	}
	return Plain
}
