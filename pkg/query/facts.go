// Package query selects, sorts and counts the actions the commands report
// on, and resolves the ids users type. It derives what an action is on a
// given day (overdue, falling due) from the model, and never prints.
package query

import (
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// Item is an action and what it is on the day asked about.
type Item struct {
	Action *model.Action

	// Overdue: the action or a step is past its deadline and still open;
	// DaysOverdue is the largest lateness, OverdueSteps the late steps.
	Overdue      bool
	DaysOverdue  int
	OverdueSteps []*model.Step

	// Upcoming: the action or a step has an open deadline on or after the
	// day; DueIn is the number of days to the nearest, which is NextStep's
	// (nil when it is the action's own).
	Upcoming bool
	DueIn    int
	NextStep *model.Step
}

// Facts derives what a is on today.
func Facts(a *model.Action, today civil.Date) Item {
	it := Item{Action: a}
	it.DaysOverdue, it.Overdue = a.DaysOverdue(today)
	it.OverdueSteps = a.OverdueSteps(today)
	it.DueIn, it.NextStep, it.Upcoming = a.DueIn(today)
	return it
}

// Evaluation is the evaluation the item's action belongs to.
func (it Item) Evaluation() *model.Evaluation { return it.Action.Recommendation.Evaluation }

// DueWithin reports whether the item falls due between today and until.
func (it Item) DueWithin(today, until civil.Date) bool {
	return it.Upcoming && !today.AddDays(it.DueIn).After(until)
}
