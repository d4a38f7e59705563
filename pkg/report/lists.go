package report

import (
	"cmp"
	"slices"

	"github.com/mrtrack/mrtrack/pkg/query"
)

// The lists of actions the report shows beside its figures.

// OverdueByOwner groups the past-due open actions by owner, most overdue
// owner first, each owner's actions most overdue first.
func (r *Report) OverdueByOwner() [][]ActionRow {
	by := map[string][]ActionRow{}
	var owners []string
	for _, a := range r.Actions {
		if !a.PastDueOpen {
			continue
		}
		k := query.Fold(a.Action.Owner)
		if by[k] == nil {
			owners = append(owners, k)
		}
		by[k] = append(by[k], a)
	}
	var out [][]ActionRow
	for _, o := range owners {
		rows := by[o]
		slices.SortStableFunc(rows, func(a, b ActionRow) int { return cmp.Compare(b.DaysOverdue, a.DaysOverdue) })
		out = append(out, rows)
	}
	slices.SortStableFunc(out, func(a, b []ActionRow) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(b[0].DaysOverdue, a[0].DaysOverdue)
	})
	return out
}

// Redated lists the actions whose due date moved, most moves first.
func (r *Report) Redated() []ActionRow {
	out := actionsOf(r.Actions, func(a *ActionRow) bool { return a.Moves > 0 })
	slices.SortStableFunc(out, func(a, b ActionRow) int { return cmp.Compare(b.Moves, a.Moves) })
	return out
}

// ClosedInPeriod lists the actions completed in the period, by day.
func (r *Report) ClosedInPeriod() []ActionRow {
	out := actionsOf(r.Actions, func(a *ActionRow) bool { return a.InPeriod })
	slices.SortStableFunc(out, func(a, b ActionRow) int { return a.Completion.Day.Compare(b.Completion.Day) })
	return out
}
