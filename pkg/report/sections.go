package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/render"
)

// Section is one part of the report for people, in the order the
// markdown and the dashboard show them: the same titles, notes and
// tables in both; the dashboard adds a chart drawn from the same numbers.
type Section struct {
	ID    string // an anchor: summary, progress, overdue, …
	Title string
	Notes []string
	Table render.Table
}

// The section ids, for the dashboard's charts.
const (
	SectionSummary     = "summary"
	SectionEvaluations = "evaluations"
	SectionBreakdown   = "breakdown"
	SectionProgress    = "progress"
	SectionOverdue     = "overdue"
	SectionAgeing      = "ageing"
	SectionTrend       = "trend"
	SectionRedated     = "redated"
	SectionClosed      = "closed"
	SectionActions     = "actions"
)

// Sections lays the report out.
func (r *Report) Sections() []Section {
	l := r.Lang
	out := []Section{r.summary(), r.evaluationsSection()}
	if r.By != "" {
		out = append(out, r.breakdown())
	}
	out = append(out, r.progress(), r.overdue(), r.ageing(), r.trend(), r.redated(), r.closed(), r.actions())
	for i := range out {
		if len(out[i].Table.Rows) == 0 && len(out[i].Notes) == 0 {
			out[i].Notes = append(out[i].Notes, wNone.In(l))
		}
	}
	return out
}

func cols(l Lang, names ...any) []render.Column {
	out := make([]render.Column, len(names))
	for i, n := range names {
		switch n := n.(type) {
		case Text:
			// Prose columns take the room left and wrap; the others
			// (ids, dates, statuses) keep to one line.
			out[i] = render.Column{Name: n.In(l), Fit: slices.Contains(prose, n)}
			if slices.Contains(nameColumns, n) {
				out[i].Max = nameWidth
			}
		case right:
			out[i] = render.Column{Name: Text(n).In(l), Right: true}
		}
	}
	return out
}

// prose are the columns of running text.
var prose = []Text{wTitleCol, wOwner, wEvaluation, wIndicator, wValue, wFormula, wGroup, wSource}

// names are the prose columns of short names (owners, units), capped at
// nameWidth characters so the titles beside them get the room.
var nameColumns = []Text{wOwner, wGroup, wSource}

const nameWidth = 28

// right marks a column of numbers.
type right Text

func row(texts ...string) render.Row {
	cells := make([]render.Cell, len(texts))
	for i, t := range texts {
		cells[i] = render.Cell{Text: t}
	}
	return render.Row{Cells: cells}
}

func (r *Report) summary() Section {
	l, t := r.Lang, r.Total
	s := Section{ID: SectionSummary, Title: wSummary.In(l)}
	s.Table.Columns = cols(l, wIndicator, wValue, wFormula)
	add := func(d Definition, value string) {
		s.Table.Rows = append(s.Table.Rows, row(d.Name.In(l), value, d.Formula.In(l)))
	}
	m := t.Responses
	add(ResponseMix, fmt.Sprintf(wRespMix.In(l), m.Agree, m.PartiallyAgree, m.Disagree, m.NotStated))
	add(AcceptanceRate, l.Fraction(t.Acceptance))
	add(ActionImplementation, l.Fraction(t.ActionsImplemented()))
	add(RecommendationImplementation, l.Fraction(t.RecommendationsImplemented))
	add(ClosureRate, fmt.Sprintf(wClosureValue.In(l), l.Fraction(t.Closure.Ratio), r.Period.Name))
	o := t.Open
	add(OpenActions, fmt.Sprintf(wOpenSplit.In(l), o.Total(), o.PastDue, o.NotYetDue, o.Undated))
	var ages []string
	for i, b := range Buckets {
		ages = append(ages, b.Name()+wSelfColon.In(l)+strconv.Itoa(t.Ageing[i]))
	}
	add(Ageing, strings.Join(ages, wSep.In(l)))
	add(Validation, fmt.Sprintf(wSelfReported.In(l), l.Fraction(t.Validation()), t.Counts.Completed-t.Counts.Validated))
	v := t.Revisions
	add(Revisions, fmt.Sprintf(wRevisionsValue.In(l), v.Redated, v.Moves, v.Days, v.WithReason, v.WithoutReason))
	add(Timeliness, l.Fraction(t.Timeliness))
	if t.Closure.Inferred > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf(wInferredNote.In(l), t.Closure.Inferred))
	}
	if t.Closure.UnknownDay > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf(wUnknownNote.In(l), t.Closure.UnknownDay))
	}
	if !r.History {
		s.Notes = append(s.Notes, wNoHistory.In(l))
	}
	return s
}

func (r *Report) evaluationsSection() Section {
	l := r.Lang
	s := Section{ID: SectionEvaluations, Title: wEvaluations.In(l)}
	s.Table.Columns = cols(l, wEvaluation, wResponseDue, wApproved, right(wDaysLate), right(wAcceptShort),
		right(wImplementedShort), right(wClosureShort), right(wOverdueCol))
	for _, e := range r.Evaluations {
		late := ""
		if e.Known {
			late = strconv.Itoa(e.DaysLate)
		}
		s.Table.Rows = append(s.Table.Rows, row(e.Evaluation.ID, l.Date(e.Evaluation.ResponseDue), l.Date(e.Evaluation.ApprovedOn), late,
			l.Fraction(e.Acceptance), l.Fraction(e.ActionsImplemented()), l.Fraction(e.Closure.Ratio), strconv.Itoa(e.Open.PastDue)))
	}
	return s
}

func (r *Report) breakdown() Section {
	l := r.Lang
	s := Section{ID: SectionBreakdown, Title: fmt.Sprintf(wBreakdown.In(l), groupingWords[r.By].In(l))}
	s.Table.Columns = cols(l, wGroup, right(wRecs), right(wActionsCol), right(wAcceptShort), right(wImplementedShort),
		right(wClosureShort), right(wOverdueCol), right(wRedatedShort))
	for _, g := range r.Groups {
		s.Table.Rows = append(s.Table.Rows, row(g.Key, strconv.Itoa(g.Recommendations), strconv.Itoa(g.Counts.Actions), l.Fraction(g.Acceptance),
			l.Fraction(g.ActionsImplemented()), l.Fraction(g.Closure.Ratio), strconv.Itoa(g.Open.PastDue), strconv.Itoa(g.Revisions.Redated)))
	}
	return s
}

func (r *Report) progress() Section {
	l := r.Lang
	s := Section{ID: SectionProgress, Title: wProgress.In(l)}
	s.Table.Columns = cols(l, wRec, wTitleCol, right(wActionsCol), right(statusWords[model.Completed]), right(statusWords[model.InProgress]),
		right(statusWords[model.NotStarted]), right(statusWords[model.Ongoing]), right(statusWords[model.NoLongerApplicable]), right(wOverdueCol), right(wImplemented))
	for _, rr := range r.Recommendations {
		c := rr.Counts
		s.Table.Rows = append(s.Table.Rows, row(r.id(rr.Recommendation.Evaluation.ID, rr.Recommendation.ID()), rr.Recommendation.Title,
			strconv.Itoa(c.Actions), strconv.Itoa(c.Completed), strconv.Itoa(c.InProgress), strconv.Itoa(c.NotStarted), strconv.Itoa(c.Ongoing),
			strconv.Itoa(c.NoLongerApplicable), strconv.Itoa(c.Overdue), l.Percent(Ratio{c.Completed, c.Applicable()})))
	}
	return s
}

func (r *Report) overdue() Section {
	l := r.Lang
	s := Section{ID: SectionOverdue, Title: wOverdueOwner.In(l)}
	s.Table.Columns = cols(l, wOwner, wAction, wTitleCol, wDue, right(wDaysOverdue))
	for _, rows := range r.OverdueByOwner() {
		g := row(rows[0].Action.Owner, "", "", "", strconv.Itoa(len(rows)))
		g.Group = true
		s.Table.Rows = append(s.Table.Rows, g)
		for _, a := range rows {
			s.Table.Rows = append(s.Table.Rows, row("", r.actionID(a), a.Action.Title, l.DueWord(&a.Action.Tracking), strconv.Itoa(a.DaysOverdue)))
		}
	}
	return s
}

func (r *Report) ageing() Section {
	l := r.Lang
	s := Section{ID: SectionAgeing, Title: wAgeing.In(l)}
	s.Table.Columns = cols(l, wBucket, right(wActionsCol))
	if r.Total.Open.PastDue == 0 {
		return s
	}
	for i, b := range Buckets {
		s.Table.Rows = append(s.Table.Rows, row(b.Name(), strconv.Itoa(r.Total.Ageing[i])))
	}
	return s
}

func (r *Report) trend() Section {
	l := r.Lang
	s := Section{ID: SectionTrend, Title: wTrend.In(l)}
	s.Table.Columns = cols(l, wQuarter, wQuarterEnd, wCommit, right(wActionsCol), right(statusWords[model.Completed]), right(wOpenCol), right(wOverdueCol))
	for _, p := range r.Trend {
		s.Table.Rows = append(s.Table.Rows, row(p.Quarter, l.Date(p.End), p.Commit, strconv.Itoa(p.Actions), strconv.Itoa(p.Completed),
			strconv.Itoa(p.Open), strconv.Itoa(p.Overdue)))
	}
	if r.History && len(r.Trend) == 0 {
		s.Notes = append(s.Notes, wNoTrend.In(l))
	}
	if !r.History {
		s.Notes = append(s.Notes, wNoHistory.In(l))
	}
	return s
}

func (r *Report) redated() Section {
	l := r.Lang
	s := Section{ID: SectionRedated, Title: wRedated.In(l)}
	s.Table.Columns = cols(l, wAction, wTitleCol, wFirstDue, wDue, right(wMoves), right(wDaysMoved), right(wWithReason))
	for _, a := range r.Redated() {
		s.Table.Rows = append(s.Table.Rows, row(r.actionID(a), a.Action.Title, l.DueString(a.FirstDue), l.DueWord(&a.Action.Tracking),
			strconv.Itoa(a.Moves), strconv.Itoa(a.Days), strconv.Itoa(a.WithReason)))
	}
	return s
}

func (r *Report) closed() Section {
	l := r.Lang
	s := Section{ID: SectionClosed, Title: wClosed.In(l) + " " + r.Period.Name}
	s.Table.Columns = cols(l, wAction, wTitleCol, wOwner, wCompletedOn, wSource)
	for _, a := range r.ClosedInPeriod() {
		src := wFromRecord.In(l)
		if a.Completion.Inferred {
			src = fmt.Sprintf(wFromCommit.In(l), a.Completion.Commit)
		}
		s.Table.Rows = append(s.Table.Rows, row(r.actionID(a), a.Action.Title, a.Action.Owner, l.Date(a.Completion.Day), src))
	}
	return s
}

func (r *Report) actions() Section {
	l := r.Lang
	s := Section{ID: SectionActions, Title: wActions.In(l)}
	s.Table.Columns = cols(l, wAction, wTitleCol, wOwner, wDue, wStatus, right(wDaysOverdue))
	var last string
	for _, a := range r.Actions {
		rc := a.Action.Recommendation
		if key := r.id(rc.Evaluation.ID, rc.ID()); key != last {
			g := row(key, rc.Title, "", "", "", "")
			g.Group = true
			s.Table.Rows = append(s.Table.Rows, g)
			last = key
		}
		days := ""
		if a.Overdue {
			days = strconv.Itoa(a.DaysOverdue)
		}
		s.Table.Rows = append(s.Table.Rows, row(r.actionID(a), a.Action.Title, a.Action.Owner, l.DueWord(&a.Action.Tracking), l.StatusWord(a.Action.Status), days))
	}
	return s
}

// id qualifies an id with its evaluation when the report covers several.
func (r *Report) id(eval, id string) string {
	if len(r.Evaluations) > 1 {
		return eval + "/" + id
	}
	return id
}

func (r *Report) actionID(a ActionRow) string { return r.id(a.Evaluation().ID, a.Action.ID()) }
