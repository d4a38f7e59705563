package render

import (
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// The JSON contract of list, status and show. Field names are stable;
// lists are [] when empty, never null; dates are YYYY-MM-DD strings or
// null; derived facts (overdue, days) are as of the day given by --as-of.

// TrackingJSON is what actions and steps share: due date and status,
// normalised, beside the source's wording.
type TrackingJSON struct {
	Due         *string  `json:"due"`          // the day it falls due (end of a month or year), null when undated
	DueKind     string   `json:"due_kind"`     // day, month, quarter, half-year, year, continuous, recurring, conditional, unknown
	DueValue    string   `json:"due_value"`    // as in the record: 2024-12-31, 2025-11, 2025, every 6 months, …
	DueText     string   `json:"due_text"`     // the source's wording
	OriginalDue *string  `json:"original_due"` // the first deadline, as in the record, when it was revised
	Status      string   `json:"status"`
	StatusText  string   `json:"status_text"`
	Progress    string   `json:"progress"`
	Updated     *string  `json:"updated"`
	Evidence    []string `json:"evidence"`
	// Deadlines are all of the item's deadlines when it has several, [] when
	// it has one (due); deadline_count counts them (1 for one) and
	// deadlines_met those met. due is the first not met.
	Deadlines     []DeadlineJSON    `json:"deadlines"`
	DeadlineCount int               `json:"deadline_count"`
	DeadlinesMet  int               `json:"deadlines_met"`
	Extensions    []ExtensionJSON   `json:"extensions"`
	Added         *string           `json:"added"`
	CompletedOn   *string           `json:"completed_on"`
	Verification  *VerificationJSON `json:"verification"` // null when the evaluation office has not validated it
}

// DeadlineJSON is one of several deadlines of an item.
type DeadlineJSON struct {
	Due      *string `json:"due"`       // the day it falls due
	DueValue string  `json:"due_value"` // as in the record
	MetOn    *string `json:"met_on"`    // null while not met
}

// ExtensionJSON is one recorded move of a deadline.
type ExtensionJSON struct {
	From       string  `json:"from"` // as in the record
	To         string  `json:"to"`
	On         *string `json:"on"`
	Reason     string  `json:"reason"`
	ApprovedBy string  `json:"approved_by"`
}

// VerificationJSON is the evaluation office's validation of a completion.
type VerificationJSON struct {
	Status string  `json:"status"` // accepted or returned
	By     string  `json:"by"`
	On     *string `json:"on"`
	Note   string  `json:"note"`
}

// EvaluationMoreJSON holds the header fields a source may lack, each
// empty or null when it does.
type EvaluationMoreJSON struct {
	Organization    string   `json:"organization"`
	EvaluationType  string   `json:"evaluation_type"`
	EvaluationPlan  string   `json:"evaluation_plan"`
	CompletedOn     *string  `json:"completed_on"` // as in the record: a day or a month
	CompletedOnText string   `json:"completed_on_text"`
	ResponseUnit    string   `json:"response_unit"`
	Links           []string `json:"links"`
}

// RecommendationMoreJSON holds management's comments, the priority and
// the tags of a recommendation.
type RecommendationMoreJSON struct {
	Comments     string   `json:"comments"`
	Priority     string   `json:"priority"` // high, medium, low, or "" when not given
	PriorityText string   `json:"priority_text"`
	Tags         []string `json:"tags"`
}

func evaluationMoreJSON(e *model.Evaluation) EvaluationMoreJSON {
	out := EvaluationMoreJSON{Organization: e.Organization, EvaluationType: e.EvaluationType, EvaluationPlan: e.EvaluationPlan,
		CompletedOnText: e.CompletedOnText, ResponseUnit: e.ResponseUnit, Links: nonNil(e.Links)}
	if e.CompletedOn != nil {
		s := e.CompletedOn.String()
		out.CompletedOn = &s
	}
	return out
}

func recommendationMoreJSON(r *model.Recommendation) RecommendationMoreJSON {
	return RecommendationMoreJSON{Comments: r.Comments, Priority: string(r.Priority), PriorityText: r.PriorityText, Tags: nonNil(r.Tags)}
}

// personOrNull is a header person, null when the source names none.
func personOrNull(p model.Person) *model.Person {
	if p == (model.Person{}) {
		return nil
	}
	return &p
}

// StepJSON is a step of an action.
type StepJSON struct {
	ID          string `json:"id"`
	QualifiedID string `json:"qualified_id"`
	Number      int    `json:"number"`
	Title       string `json:"title"`
	TrackingJSON
	Overdue     bool `json:"overdue"`
	DaysOverdue int  `json:"days_overdue"`
	DueInDays   *int `json:"due_in_days"` // days until it falls due, null when nothing is coming
}

// ActionJSON is an action: a list element, and the unit of status and show.
type ActionJSON struct {
	Evaluation     string `json:"evaluation"`
	ID             string `json:"id"`
	QualifiedID    string `json:"qualified_id"`
	Recommendation string `json:"recommendation"`
	Number         int    `json:"number"`
	Title          string `json:"title"`
	Owner          string `json:"owner"`
	OwnerText      string `json:"owner_text"` // the source's wording when the owner was normalised, else ""
	Description    string `json:"description"`
	TrackingJSON
	Overdue      bool       `json:"overdue"`       // the action or any step is overdue
	DaysOverdue  int        `json:"days_overdue"`  // the most the action or a step is late, 0 when not overdue
	OverdueSteps []string   `json:"overdue_steps"` // ids of the late steps
	NextDue      *string    `json:"next_due"`      // the nearest open deadline ahead, the action's or a step's
	DueInDays    *int       `json:"due_in_days"`   // days until next_due
	Steps        []StepJSON `json:"steps"`
	// History is present when the git history was read (list --slipped,
	// --stale, --review-due).
	History *HistoryJSON `json:"history,omitempty"`
}

// CountsJSON is a row of a progress table.
type CountsJSON struct {
	Actions            int      `json:"actions"`
	Completed          int      `json:"completed"`
	Validated          int      `json:"validated"` // of completed, those the evaluation office accepted
	InProgress         int      `json:"in_progress"`
	NotStarted         int      `json:"not_started"`
	Ongoing            int      `json:"ongoing"`
	NoLongerApplicable int      `json:"no_longer_applicable"`
	Overdue            int      `json:"overdue"`
	ImplementationRate *float64 `json:"implementation_rate"` // completed / (actions − no_longer_applicable), 0–1; null when that is 0
}

var dueKinds = map[model.DueKind]string{
	model.DueDay: "day", model.DueMonth: "month", model.DueYear: "year", model.DueContinuous: "continuous",
	model.DueRecurring: "recurring", model.DueConditional: "conditional", model.DueUnknown: "unknown",
	model.DueQuarter: "quarter", model.DueHalf: "half-year",
}

func dateOrNull(d civil.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func trackingJSON(t *model.Tracking) TrackingJSON {
	out := TrackingJSON{
		DueKind:    dueKinds[t.Due.Kind],
		DueValue:   t.Due.String(),
		DueText:    t.DueText,
		Status:     string(t.Status),
		StatusText: t.StatusText,
		Progress:   t.Progress,
		Updated:    dateOrNull(t.Updated),
		Evidence:   nonNil(t.Evidence),

		Deadlines:     []DeadlineJSON{},
		DeadlineCount: t.DeadlineCount(),
		Extensions:    []ExtensionJSON{},
		Added:         dateOrNull(t.Added),
		CompletedOn:   dateOrNull(t.CompletedOn),
	}
	if end, ok := t.Deadline(); ok {
		out.Due = dateOrNull(end)
	}
	for _, d := range t.Deadlines {
		dj := DeadlineJSON{DueValue: d.Due.String(), MetOn: dateOrNull(d.MetOn)}
		if end, ok := d.Due.Deadline(); ok {
			dj.Due = dateOrNull(end)
		}
		if !d.MetOn.IsZero() {
			out.DeadlinesMet++
		}
		out.Deadlines = append(out.Deadlines, dj)
	}
	for _, e := range t.Extensions {
		out.Extensions = append(out.Extensions, ExtensionJSON{From: e.From.String(), To: e.To.String(), On: dateOrNull(e.On),
			Reason: e.Reason, ApprovedBy: e.ApprovedBy})
	}
	if v := t.Verification; v != nil {
		out.Verification = &VerificationJSON{Status: string(v.Status), By: v.By, On: dateOrNull(v.On), Note: v.Note}
	}
	if t.OriginalDue != nil {
		s := t.OriginalDue.String()
		out.OriginalDue = &s
	}
	return out
}

func stepJSON(s *model.Step, today civil.Date) StepJSON {
	e := s.Action.Recommendation.Evaluation
	out := StepJSON{ID: s.ID(), QualifiedID: model.QualifiedID(e, s.ID()), Number: s.Number, Title: s.Title, TrackingJSON: trackingJSON(&s.Tracking)}
	out.DaysOverdue, out.Overdue = s.DaysOverdue(today)
	if d, ok := s.DueIn(today); ok {
		out.DueInDays = &d
	}
	return out
}

func actionJSON(it query.Item, today civil.Date) ActionJSON {
	a := it.Action
	e := it.Evaluation()
	out := ActionJSON{
		Evaluation:     e.ID,
		ID:             a.ID(),
		QualifiedID:    model.QualifiedID(e, a.ID()),
		Recommendation: a.Recommendation.ID(),
		Number:         a.Number,
		Title:          a.Title,
		Owner:          a.Owner,
		OwnerText:      a.OwnerText,
		Description:    a.Description,
		TrackingJSON:   trackingJSON(&a.Tracking),
		Overdue:        it.Overdue,
		DaysOverdue:    it.DaysOverdue,
		OverdueSteps:   []string{},
		Steps:          []StepJSON{},
	}
	for _, s := range it.OverdueSteps {
		out.OverdueSteps = append(out.OverdueSteps, s.ID())
	}
	if it.Upcoming {
		days := it.DueIn
		out.DueInDays = &days
		out.NextDue = dateOrNull(today.AddDays(days))
	}
	for _, s := range a.Steps {
		out.Steps = append(out.Steps, stepJSON(s, today))
	}
	return out
}

func actionsJSON(items []query.Item, today civil.Date) []ActionJSON {
	out := make([]ActionJSON, 0, len(items))
	for _, it := range items {
		out = append(out, actionJSON(it, today))
	}
	return out
}

func countsJSON(c query.Counts) CountsJSON {
	out := CountsJSON{
		Actions: c.Actions, Completed: c.Completed, Validated: c.Validated, InProgress: c.InProgress, NotStarted: c.NotStarted,
		Ongoing: c.Ongoing, NoLongerApplicable: c.NoLongerApplicable, Overdue: c.Overdue,
	}
	if r, ok := c.Rate(); ok {
		out.ImplementationRate = &r
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
