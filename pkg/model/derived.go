package model

import "github.com/mrtrack/mrtrack/pkg/civil"

// DaysOverdue reports how many days past its deadline the item is on
// today: an item is overdue when it has a deadline, today is after it, and
// it is neither completed nor no longer applicable. Undated items
// (continuous, recurring, conditional, unknown) are never overdue by date.
func (t *Tracking) DaysOverdue(today civil.Date) (int, bool) {
	if t.Status.Closed() || t.Status == Ongoing {
		return 0, false
	}
	end, ok := t.Deadline()
	if !ok || !today.After(end) {
		return 0, false
	}
	return today.DaysSince(end), true
}

// DaysOverdue is the action's own lateness or that of its latest step,
// whichever is greater: an action is overdue when it or any step is.
func (a *Action) DaysOverdue(today civil.Date) (int, bool) {
	days, late := a.Tracking.DaysOverdue(today)
	for _, s := range a.Steps {
		if d, ok := s.DaysOverdue(today); ok {
			late = true
			days = max(days, d)
		}
	}
	return days, late
}

// OverdueSteps returns the steps overdue on today.
func (a *Action) OverdueSteps(today civil.Date) []*Step {
	var out []*Step
	for _, s := range a.Steps {
		if _, ok := s.DaysOverdue(today); ok {
			out = append(out, s)
		}
	}
	return out
}
