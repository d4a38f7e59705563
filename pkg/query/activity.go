package query

import (
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// Activity is what the git history says of an action: how often and how
// far its due date moved, and when it last changed.
type Activity struct {
	DueMoves  int    // every change of its due date
	DaysMoved int    // net days its deadline moved, over changes between dated values
	FirstDue  string // the first due date its history records
	// LastChange is the newer of the last commit that changed the action
	// (or its steps) and its updated field; zero when neither is known.
	LastChange civil.Date
}

// Slipped reports whether the due date was ever moved.
func (a Activity) Slipped() bool { return a.DueMoves > 0 }

// StaleOn reports whether nothing changed the action since before cutoff.
// An action with no known change (new, not yet committed) is not stale.
func (a Activity) StaleOn(cutoff civil.Date) bool {
	return !a.LastChange.IsZero() && a.LastChange.Before(cutoff)
}

// ReviewDue reports whether a recurring action went a whole period
// without an update by today: it is then due for review, since it can
// never be overdue by date.
func ReviewDue(a *model.Action, last, today civil.Date) bool {
	if a.Due.Kind != model.DueRecurring || a.Status.Closed() {
		return false
	}
	return last.IsZero() || last.Add(a.Due.Every, a.Due.Unit).Before(today)
}

// HistoryFilter narrows a selection by what the history says.
type HistoryFilter struct {
	Slipped   bool
	StaleFrom civil.Date // keep actions unchanged since before this day; zero for no bound
	ReviewDue bool
	// Closed keeps, with StaleFrom, the completed and no longer applicable
	// actions: nothing changing is what they should do, so they are left
	// out unless asked for.
	Closed bool
}

// Keep reports whether an item passes the filter.
func (h HistoryFilter) Keep(it Item, act Activity, today civil.Date) bool {
	switch {
	case h.Slipped && !act.Slipped():
		return false
	case !h.StaleFrom.IsZero() && (!act.StaleOn(h.StaleFrom) || !h.Closed && it.Action.Status.Closed()):
		return false
	case h.ReviewDue && !ReviewDue(it.Action, act.LastChange, today):
		return false
	}
	return true
}
