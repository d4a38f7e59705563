// Package report computes the follow-up indicators management and
// governing bodies ask for (acceptance, implementation and closure rates,
// ageing, validation, deadline revisions, response timeliness, the
// quarterly trend) from the records, per evaluation, in total and by
// unit, owner, priority or tag, and lays them out as a document for the
// markdown, csv and json writers of package render (the HTML dashboard is
// in report/html). It counts and lays out; it never reads files or the
// clock: the commands hand it the records, the day and what git says.
package report

import (
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// Input is what a report is made from.
type Input struct {
	Evaluations []*model.Evaluation // those in scope, in data order
	Filter      *query.Filter
	Items       []query.Item // the selected actions on Today, in id order
	Today       civil.Date
	Period      Period
	By          Grouping // "" for no breakdown
	Lang        Lang
	// History is whether the git history was read; Completions are the
	// days the commits that completed actions give (for actions whose
	// record has no completed_on), Activity the due-date moves, Trend
	// the quarterly points. All are empty without history.
	History     bool
	Completions map[*model.Action]Completion
	Activity    map[*model.Action]query.Activity
	Trend       []TrendPoint
}

// Completion is the day an action was completed and where it comes from:
// its completed_on, or (Inferred) the date of the commit that made it
// completed.
type Completion struct {
	Day      civil.Date
	Inferred bool
	Commit   string // the short hash, when inferred
}

// Report is the indicators and the lists the outputs show.
type Report struct {
	Today   civil.Date
	Period  Period
	Lang    Lang
	History bool

	Total       Figures
	Evaluations []EvaluationFigures
	By          Grouping
	Groups      []Group

	Recommendations []RecommendationRow // in evaluation and number order
	Actions         []ActionRow         // every selected action, in id order
	Trend           []TrendPoint
}

// Figures are the indicators of one scope: all, an evaluation, a group.
type Figures struct {
	Recommendations            int
	Responses                  Mix
	Acceptance                 Ratio
	Counts                     query.Counts
	RecommendationsImplemented Ratio
	Closure                    Closure
	Open                       Open
	Ageing                     []int // actions per bucket of Buckets
	Revisions                  RevisionCounts
	Timeliness                 Ratio
}

// ActionsImplemented is the implementation rate of the actions.
func (f Figures) ActionsImplemented() Ratio {
	return Ratio{f.Counts.Completed, f.Counts.Applicable()}
}

// Validation is validated completions over completions.
func (f Figures) Validation() Ratio { return Ratio{f.Counts.Validated, f.Counts.Completed} }

// Mix counts recommendations by response.
type Mix struct{ Agree, PartiallyAgree, Disagree, NotStated int }

// Closure is the closure rate and what its numerator leans on: how many
// completion days came from git (Inferred), and how many completed actions
// due in the period have no known completion day (UnknownDay: neither
// completed_on nor a commit that completed them).
type Closure struct {
	Ratio
	Inferred   int
	UnknownDay int
}

// Open splits the open actions: past due, not yet due, and undated
// (ongoing, continuous, recurring, conditional or unknown due dates).
type Open struct{ PastDue, NotYetDue, Undated int }

// Total is the number of open actions.
func (o Open) Total() int { return o.PastDue + o.NotYetDue + o.Undated }

// RevisionCounts count deadline revisions.
type RevisionCounts struct {
	Redated       int // actions whose due date moved at least once
	Moves         int // moves of due dates in all
	Days          int // days moved in all (later minus earlier deadlines)
	WithReason    int // moves with a recorded extension giving a reason
	WithoutReason int
}

// EvaluationFigures are an evaluation's figures and the timeliness of its
// management response.
type EvaluationFigures struct {
	Evaluation *model.Evaluation
	// DaysLate is approved_on − response_due (negative: early); Known is
	// false when either date is missing.
	DaysLate int
	Known    bool
	Figures
}

// Group is one row of the --by breakdown.
type Group struct {
	Key string
	Figures
}

// RecommendationRow is a recommendation's progress.
type RecommendationRow struct {
	Recommendation *model.Recommendation
	Counts         query.Counts
	Implemented    bool
}

// ActionRow is a selected action with what the report says of it.
type ActionRow struct {
	query.Item
	Completion  *Completion // nil unless completed with a known day
	InPeriod    bool        // completed in the period
	DueInPeriod bool        // its deadline falls in the period
	Moves, Days int         // due-date moves and days moved
	WithReason  int         // moves with a recorded reason
	FirstDue    string      // the first promised due date, when it moved
	PastDueOpen bool        // open and past its deadline
	Bucket      int         // with PastDueOpen, its ageing bucket
	NotYetDue   bool        // open, with a deadline ahead
}

// Build computes the report.
func Build(in Input) *Report {
	r := &Report{Today: in.Today, Period: in.Period, Lang: in.Lang, History: in.History, By: in.By, Trend: nonNilTrend(in.Trend)}
	for _, it := range in.Items {
		r.Actions = append(r.Actions, in.actionRow(it))
	}
	recs := in.recommendations()
	r.Total = figures(recs, r.Actions, in.Evaluations, in.Filter)
	recsByEval := map[*model.Evaluation][]*model.Recommendation{}
	for _, rc := range recs {
		recsByEval[rc.Evaluation] = append(recsByEval[rc.Evaluation], rc)
	}
	actionsByEval := map[*model.Evaluation][]ActionRow{}
	for _, a := range r.Actions {
		actionsByEval[a.Evaluation()] = append(actionsByEval[a.Evaluation()], a)
	}
	for _, e := range in.Evaluations {
		ef := EvaluationFigures{Evaluation: e}
		if !e.ApprovedOn.IsZero() && !e.ResponseDue.IsZero() {
			ef.Known, ef.DaysLate = true, e.ApprovedOn.DaysSince(e.ResponseDue)
		}
		ef.Figures = figures(recsByEval[e], actionsByEval[e], []*model.Evaluation{e}, in.Filter)
		r.Evaluations = append(r.Evaluations, ef)
	}
	if in.By != "" {
		r.Groups = groups(in.By, recs, r.Actions, in.Filter)
	}
	counts := countsByRecommendation(r.Actions)
	for _, rc := range recs {
		c := counts[rc]
		r.Recommendations = append(r.Recommendations, RecommendationRow{Recommendation: rc, Counts: c, Implemented: implemented(c)})
	}
	return r
}

// countsByRecommendation counts the actions of each recommendation.
func countsByRecommendation(actions []ActionRow) map[*model.Recommendation]query.Counts {
	out := map[*model.Recommendation]query.Counts{}
	for _, a := range actions {
		c := out[a.Action.Recommendation]
		c.Add(a.Item)
		out[a.Action.Recommendation] = c
	}
	return out
}

func (in Input) actionRow(it query.Item) ActionRow {
	a := it.Action
	row := ActionRow{Item: it}
	if a.Status == model.Completed {
		if !a.CompletedOn.IsZero() {
			row.Completion = &Completion{Day: a.CompletedOn}
		} else if c, ok := in.Completions[a]; ok {
			row.Completion = &c
		}
		row.InPeriod = row.Completion != nil && in.Period.Contains(row.Completion.Day)
	}
	if end, ok := a.Deadline(); ok && a.Status != model.NoLongerApplicable {
		row.DueInPeriod = in.Period.Contains(end)
	}
	slip, known := in.Activity[a]
	s := history.Slip{Moves: slip.DueMoves, Days: slip.DaysMoved, First: slip.FirstDue}
	if !known {
		s = history.Slip{}.Recorded(&a.Tracking, in.Today)
	}
	row.Moves, row.Days = s.Moves, s.Days
	if s.Moves > 0 {
		row.FirstDue = s.First
	}
	for _, e := range a.Extensions {
		if e.Reason != "" && !e.On.After(in.Today) {
			row.WithReason++
		}
	}
	row.WithReason = min(row.WithReason, row.Moves)
	if !a.Status.Closed() {
		switch {
		case it.Overdue:
			row.PastDueOpen, row.Bucket = true, bucketOf(it.DaysOverdue)
		case it.Upcoming:
			row.NotYetDue = true
		}
	}
	return row
}

// recommendations are the recommendations the report is about: those the
// filter keeps, or, when it narrows actions, those with a selected action.
func (in Input) recommendations() []*model.Recommendation {
	all := in.Filter.RecommendationsOf(in.Evaluations)
	if !in.Filter.Narrows() {
		return all
	}
	kept := map[*model.Recommendation]bool{}
	for _, it := range in.Items {
		kept[it.Action.Recommendation] = true
	}
	return recsOf(all, func(rc *model.Recommendation) bool { return kept[rc] })
}

// figures computes the indicators of recs and their selected actions.
func figures(recs []*model.Recommendation, actions []ActionRow, evals []*model.Evaluation, f *query.Filter) Figures {
	out := Figures{Recommendations: len(recs), Ageing: make([]int, len(Buckets))}
	counts := countsByRecommendation(actions)
	for _, rc := range recs {
		switch rc.Response {
		case model.Agree:
			out.Responses.Agree++
		case model.PartiallyAgree:
			out.Responses.PartiallyAgree++
		case model.Disagree:
			out.Responses.Disagree++
		default:
			out.Responses.NotStated++
		}
		if c := counts[rc]; c.Applicable() > 0 {
			out.RecommendationsImplemented.Denominator++
			if implemented(c) {
				out.RecommendationsImplemented.Numerator++
			}
		}
	}
	out.Acceptance = Ratio{out.Responses.Agree + out.Responses.PartiallyAgree, len(recs) - out.Responses.NotStated}
	for _, a := range actions {
		out.Counts.Add(a.Item)
		if a.InPeriod {
			out.Closure.Numerator++
			if a.Completion.Inferred {
				out.Closure.Inferred++
			}
		}
		if a.DueInPeriod {
			out.Closure.Denominator++
			if a.Action.Status == model.Completed && a.Completion == nil {
				out.Closure.UnknownDay++
			}
		}
		switch {
		case a.PastDueOpen:
			out.Open.PastDue++
			out.Ageing[a.Bucket]++
		case a.NotYetDue:
			out.Open.NotYetDue++
		case !a.Action.Status.Closed():
			out.Open.Undated++
		}
		if a.Moves > 0 {
			out.Revisions.Redated++
			out.Revisions.Moves += a.Moves
			out.Revisions.Days += a.Days
			out.Revisions.WithReason += a.WithReason
			out.Revisions.WithoutReason += a.Moves - a.WithReason
		}
	}
	for _, e := range evals {
		if !e.ApprovedOn.IsZero() && !e.ResponseDue.IsZero() {
			out.Timeliness.Denominator++
			if !e.ApprovedOn.After(e.ResponseDue) {
				out.Timeliness.Numerator++
			}
		}
	}
	return out
}

// implemented reports whether every applicable action counted in c is
// completed, and there is at least one.
func implemented(c query.Counts) bool { return c.Applicable() > 0 && c.Completed == c.Applicable() }

func recsOf(recs []*model.Recommendation, keep func(*model.Recommendation) bool) []*model.Recommendation {
	var out []*model.Recommendation
	for _, rc := range recs {
		if keep(rc) {
			out = append(out, rc)
		}
	}
	return out
}

func actionsOf(actions []ActionRow, keep func(*ActionRow) bool) []ActionRow {
	var out []ActionRow
	for i := range actions {
		if keep(&actions[i]) {
			out = append(out, actions[i])
		}
	}
	return out
}

func nonNilTrend(t []TrendPoint) []TrendPoint {
	if t == nil {
		return []TrendPoint{}
	}
	return t
}
