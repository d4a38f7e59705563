package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// Day is what the derived facts of a document are measured against.
type Day struct {
	Today civil.Date
	Until civil.Date // the last day of the due-soon window
}

// plural is termtext's, named short for the many counts of this package.
var plural = termtext.Plural

// timing says how an item stands against its deadlines: "3 days overdue",
// "due in 12 days", "due today", or "" when nothing is due; shorter for a
// narrow terminal: "3d late", "in 12d", "today".
func timing(it query.Item, day Day) Cell {
	switch {
	case it.Overdue:
		steps := lateSteps(it, day.Today)
		d := it.DaysOverdue
		return Cell{Text: plural(d, "day") + " overdue" + stepNote(steps...), Style: Bad,
			Shorter: []string{days(d) + " late" + shortStepNote(steps...), days(d) + " late"}}
	case it.Upcoming:
		style := Plain
		if it.DueWithin(day.Today, day.Until) {
			style = Warn
		}
		var next []*model.Step
		if it.NextStep != nil {
			next = []*model.Step{it.NextStep}
		}
		return Cell{Text: dueIn(it.DueIn) + stepNote(next...), Style: style,
			Shorter: []string{shortDueIn(it.DueIn) + shortStepNote(next...), shortDueIn(it.DueIn)}}
	}
	return Cell{}
}

func dueIn(days int) string {
	if days == 0 {
		return "due today"
	}
	return "due in " + plural(days, "day")
}

func shortDueIn(d int) string {
	if d == 0 {
		return "today"
	}
	return "in " + days(d)
}

// days is a number of days for a narrow column: "181d".
func days(n int) string { return strconv.Itoa(n) + "d" }

// lateness is the days-overdue cell of the overdue table: "181 days
// (steps 2, 4)", shorter "181d (steps 2,4)", "181d".
func lateness(it query.Item, today civil.Date) Cell {
	steps := lateSteps(it, today)
	d := it.DaysOverdue
	return Cell{Text: plural(d, "day") + stepNote(steps...), Style: Bad,
		Shorter: []string{days(d) + shortStepNote(steps...), days(d)}}
}

// lateSteps are the late steps when the days overdue come from them:
// when the action's own deadline has passed no less long ago, the action
// itself is that late and needs no note.
func lateSteps(it query.Item, today civil.Date) []*model.Step {
	if own, late := it.Action.Tracking.DaysOverdue(today); late && own >= it.DaysOverdue {
		return nil
	}
	return it.OverdueSteps
}

// stepNote names the steps a timing comes from: " (step 2)", " (steps 2,
// 4)"; shortStepNote without the spaces between numbers.
func stepNote(steps ...*model.Step) string { return stepList(steps, ", ") }

func shortStepNote(steps ...*model.Step) string { return stepList(steps, ",") }

func stepList(steps []*model.Step, sep string) string {
	if len(steps) == 0 {
		return ""
	}
	nums := make([]string, len(steps))
	for i, s := range steps {
		nums[i] = strconv.Itoa(s.Number)
	}
	word := "step"
	if len(steps) > 1 {
		word = "steps"
	}
	return fmt.Sprintf(" (%s %s)", word, strings.Join(nums, sep))
}

// trackingTiming is an action's or a step's own timing, steps aside.
func trackingTiming(t *model.Tracking, day Day) Cell {
	if d, late := t.DaysOverdue(day.Today); late {
		return Cell{Text: plural(d, "day") + " overdue", Style: Bad, Shorter: []string{days(d) + " late"}}
	}
	if d, ok := t.DueIn(day.Today); ok {
		style := Plain
		if !day.Today.AddDays(d).After(day.Until) {
			style = Warn
		}
		return Cell{Text: dueIn(d), Style: style, Shorter: []string{shortDueIn(d)}}
	}
	return Cell{}
}

// dueCell is the due date that counts now and, for an item with several
// deadlines, which it is: "2024-11 (1 of 2)", shorter "2024-11 (1/2)".
func dueCell(t *model.Tracking) Cell {
	due := t.Current().String()
	if len(t.Deadlines) == 0 {
		return Cell{Text: due}
	}
	n, of := t.DeadlineNumber(), t.DeadlineCount()
	return Cell{Text: fmt.Sprintf("%s (%d of %d)", due, n, of), Shorter: []string{fmt.Sprintf("%s (%d/%d)", due, n, of)}}
}

// status is a status cell; completed stands out as done.
func status(s model.Status) Cell {
	if s == model.Completed {
		return Cell{Text: string(s), Style: Good}
	}
	return Cell{Text: string(s)}
}

// percent rounds a rate to a whole percentage, never to 100 before all is
// done nor to 0 once something is.
func percent(r float64) int {
	p := int(math.Round(r * 100))
	switch {
	case r < 1 && p == 100:
		return 99
	case r > 0 && p == 0:
		return 1
	}
	return p
}

// rateCell is the implementation rate with a bar of ten blocks, one for
// each full tenth: "█████░░░░░  50%"; on a narrow terminal "50%".
func rateCell(c query.Counts) Cell {
	r, ok := c.Rate()
	if !ok {
		return Cell{Text: "–"}
	}
	full := int(math.Floor(r*10 + 1e-9))
	bar := fmt.Sprintf("%s%s %3d%%", strings.Repeat("█", full), strings.Repeat("░", 10-full), percent(r))
	return Cell{Text: bar, Shorter: []string{bar, fmt.Sprintf("%d%%", percent(r))}}
}

// rateText is the implementation rate for a sentence.
func rateText(c query.Counts) string {
	r, ok := c.Rate()
	if !ok {
		return "no applicable action"
	}
	return fmt.Sprintf("%d%% (%d of %d completed)", percent(r), c.Completed, c.Applicable())
}

// rateValue is the implementation rate for a spreadsheet: a fraction with
// four decimals, empty when no action applies.
func rateValue(c query.Counts) string {
	r, ok := c.Rate()
	if !ok {
		return ""
	}
	return strconv.FormatFloat(r, 'f', 4, 64)
}

// window names a due-soon window: "30 days", "2 weeks".
func window(n int, u civil.Unit) string {
	return plural(n, u.Name())
}

// id is an action's id, qualified when the data holds several evaluations.
func id(e *model.Evaluation, local string, qualified bool) string {
	if qualified {
		return model.QualifiedID(e, local)
	}
	return local
}

// dueField is a due date for the fields of show: the record's value, and
// for a month or a year the day it falls due.
func dueField(d model.Due) string {
	s := d.String()
	if end, ok := d.Deadline(); ok && (d.Kind == model.DueMonth || d.Kind == model.DueYear) {
		s += ", falls due " + end.String()
	}
	return s
}
