package cli

import (
	"fmt"
	"slices"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// completedField is the day an item's work was completed: set stamps it
// when the status becomes completed and removes it when the status
// leaves completed, since the completed-on rule allows it on completed
// items only.
const completedField = "completed_on"

// completionStampHelp is the paragraph of set's help on completed_on.
const completionStampHelp = `When the status becomes completed, completed_on is set to the day (--as-of,
default today) unless the item has one or --no-stamp is set; --on DATE gives
the day instead, also on an item already completed. When the status becomes
anything else, completed_on is removed: the item is no longer completed. An
item the evaluation office accepted is not reopened by set: 'mrtrack verify
ID --return' sends it back.`

// trackingOf is the due date and status part of an action or step target.
func trackingOf(t query.Target) *model.Tracking {
	if t.Step != nil {
		return &t.Step.Tracking
	}
	return &t.Action.Tracking
}

// completionDay reads a --on day: a day that has already come.
func completionDay(flag, s string, today civil.Date) (civil.Date, error) {
	d, err := parseDateFlag(flag, s, today)
	if err != nil {
		return civil.Date{}, err
	}
	if d.After(today) {
		return civil.Date{}, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s %s is after today (%s): it has not happened yet", flag, d, today),
			"give the day it happened; to work as on another day, pass --as-of")}
	}
	return d, nil
}

// statusAfter is the status the target has once values are set.
func statusAfter(t query.Target, values []assignment) model.Status {
	if i := slices.IndexFunc(values, func(a assignment) bool { return a.field == "status" }); i >= 0 {
		return model.Status(values[i].value)
	}
	return trackingOf(t).Status
}

// checkCompletion refuses, before anything is written, --on on an item
// that will not be completed, and reopening an item the evaluation office
// accepted (which would leave an accepted verification on an open item).
func checkCompletion(t query.Target, values []assignment, on string, today civil.Date) error {
	status, tr := statusAfter(t, values), trackingOf(t)
	id := escape.Line(t.ID())
	if status != model.Completed && tr.Validated() {
		v := tr.Verification
		return &exitError{code: ExitUsage, err: withHint(
			fmt.Errorf("%s was accepted as completed by %s on %s; set does not reopen it", id, escape.Line(v.By), v.On),
			"to send it back to work, run: mrtrack verify "+id+" --return --by WHO --note TEXT")}
	}
	if on != "" && status != model.Completed {
		return &exitError{code: ExitUsage, err: withHint(
			fmt.Errorf("--on is the day the item was completed, but %s is %s", id, status),
			"add --status completed, or leave --on out")}
	}
	return nil
}

// stampCompletion writes or removes completed_on as the status change
// asks (see completionStampHelp) and returns the fields it removed; a
// field it sets is added to changed, which stays sorted. It runs after
// setValues, on the nodes of the file as read, so the values there are
// the ones before the change.
func stampCompletion(r *edit.Record, f edit.File, item edit.Item, values []assignment, today civil.Date, opts *setOptions, changed *[]string) ([]string, error) {
	m, keys, err := r.Find(item)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	statusChanged := slices.Contains(*changed, "status")
	status := ""
	if n := edit.Lookup(m, "status"); n != nil {
		status = n.Value
	}
	if i := slices.IndexFunc(values, func(a assignment) bool { return a.field == "status" }); i >= 0 {
		status = values[i].value
	}
	cur := edit.Lookup(m, completedField)
	day := ""
	switch {
	case status == string(model.Completed) && opts.on != "":
		day = opts.on
	case status == string(model.Completed) && statusChanged && cur == nil && !opts.noStamp:
		day = today.String()
	case status != string(model.Completed) && statusChanged && cur != nil:
		if err := r.Remove(m, completedField); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		return []string{completedField}, nil
	}
	if day == "" || (cur != nil && cur.Value == day) {
		return nil, nil
	}
	if err := r.Set(m, completedField, edit.Value{Text: day, Token: true}, keys); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	*changed = append(*changed, completedField)
	slices.Sort(*changed)
	return nil, nil
}

// removedNote says which fields a change removed: "; removed completed_on".
func removedNote(removed []string) string {
	if len(removed) == 0 {
		return ""
	}
	return "; removed " + andList(removed)
}
