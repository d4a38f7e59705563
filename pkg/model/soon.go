package model

import "github.com/mrtrack/mrtrack/pkg/civil"

// DueIn reports how many days are left on today before the item falls due:
// 0 when it falls due today. It is false when nothing is coming: the item
// is closed or ongoing, has no deadline, or is already overdue.
func (t *Tracking) DueIn(today civil.Date) (int, bool) {
	if t.Status.Closed() || t.Status == Ongoing {
		return 0, false
	}
	end, ok := t.Deadline()
	if !ok || today.After(end) {
		return 0, false
	}
	return end.DaysSince(today), true
}

// Deadline is the day the item falls due, false for undated items: that
// of its first deadline not met when it has several.
func (t *Tracking) Deadline() (civil.Date, bool) { return t.Current().Deadline() }

// DueIn is the nearest deadline still ahead of the action or any of its
// steps, as DaysOverdue is the furthest behind: an action falls due when it
// or any step does. step is the step that deadline belongs to, nil for the
// action's own.
func (a *Action) DueIn(today civil.Date) (days int, step *Step, ok bool) {
	days, ok = a.Tracking.DueIn(today)
	for _, s := range a.Steps {
		if d, sok := s.DueIn(today); sok && (!ok || d < days) {
			days, step, ok = d, s, true
		}
	}
	return days, step, ok
}

// DueWithin reports whether the action or any step falls due between today
// and until, both included: the "due soon" of DOMAIN.md.
func (a *Action) DueWithin(today, until civil.Date) bool {
	days, _, ok := a.DueIn(today)
	return ok && !today.AddDays(days).After(until)
}
