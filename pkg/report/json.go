package report

import (
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// The JSON contract of report (docs/json.md). Rates are 0–1 and always
// come with their numerator and denominator; a rate is null when its
// denominator is 0. Lists are [] when empty, never null.

// JSON is the whole report.
type JSON struct {
	AsOf            string               `json:"as_of"`
	Period          PeriodJSON           `json:"period"`
	Language        string               `json:"language"`
	History         bool                 `json:"history"` // the git history was read (trend, inferred completion days)
	Indicators      []DefinitionJSON     `json:"indicators"`
	Total           FiguresJSON          `json:"total"`
	Evaluations     []EvaluationJSON     `json:"evaluations"`
	By              *string              `json:"by"`
	Groups          []GroupJSON          `json:"groups"`
	Recommendations []RecommendationJSON `json:"recommendations"`
	Actions         []ActionJSON         `json:"actions"`
	Trend           []TrendJSON          `json:"trend"`
}

// PeriodJSON is the reporting period.
type PeriodJSON struct {
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to"`
}

// DefinitionJSON is an indicator's definition.
type DefinitionJSON struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	Formula string `json:"formula"`
}

// RatioJSON is a rate with what it is taken from.
type RatioJSON struct {
	Numerator   int      `json:"numerator"`
	Denominator int      `json:"denominator"`
	Rate        *float64 `json:"rate"`
}

// FiguresJSON are the indicators of a scope.
type FiguresJSON struct {
	Recommendations            int            `json:"recommendations"`
	Actions                    int            `json:"actions"`
	Responses                  ResponsesJSON  `json:"responses"`
	Statuses                   StatusesJSON   `json:"statuses"`
	Acceptance                 RatioJSON      `json:"acceptance"`
	ActionsImplemented         RatioJSON      `json:"actions_implemented"`
	RecommendationsImplemented RatioJSON      `json:"recommendations_implemented"`
	Closure                    ClosureJSON    `json:"closure"`
	Open                       OpenJSON       `json:"open"`
	Ageing                     []BucketJSON   `json:"ageing"`
	Validation                 ValidationJSON `json:"validation"`
	Revisions                  RevisionsJSON  `json:"revisions"`
	Timeliness                 RatioJSON      `json:"timeliness"`
}

// ResponsesJSON is the response mix.
type ResponsesJSON struct {
	Agree          int `json:"agree"`
	PartiallyAgree int `json:"partially_agree"`
	Disagree       int `json:"disagree"`
	NotStated      int `json:"not_stated"`
}

// StatusesJSON counts actions by status.
type StatusesJSON struct {
	NotStarted         int `json:"not_started"`
	InProgress         int `json:"in_progress"`
	Completed          int `json:"completed"`
	Ongoing            int `json:"ongoing"`
	NoLongerApplicable int `json:"no_longer_applicable"`
}

// ClosureJSON is the closure rate for the period.
type ClosureJSON struct {
	RatioJSON
	Inferred   int `json:"inferred"`    // completion days of the numerator taken from git
	UnknownDay int `json:"unknown_day"` // completed actions due in the period with no known completion day
}

// OpenJSON splits the open actions.
type OpenJSON struct {
	Total     int `json:"total"`
	PastDue   int `json:"past_due"`
	NotYetDue int `json:"not_yet_due"`
	Undated   int `json:"undated"`
}

// BucketJSON is an ageing bucket.
type BucketJSON struct {
	Bucket  string `json:"bucket"` // 0_90, 91_180, 181_365, over_365
	From    int    `json:"from"`
	To      *int   `json:"to"` // null for the last
	Actions int    `json:"actions"`
}

// ValidationJSON is validated completions over completions.
type ValidationJSON struct {
	RatioJSON
	SelfReported int `json:"self_reported"`
}

// RevisionsJSON counts deadline revisions.
type RevisionsJSON struct {
	Redated       int `json:"redated"`
	Moves         int `json:"moves"`
	Days          int `json:"days"`
	WithReason    int `json:"with_reason"`
	WithoutReason int `json:"without_reason"`
}

// EvaluationJSON is an evaluation's figures and response timeliness.
type EvaluationJSON struct {
	ID          string      `json:"id"`
	Reference   string      `json:"reference"`
	Title       string      `json:"title"`
	ResponseDue *string     `json:"response_due"`
	ApprovedOn  *string     `json:"approved_on"`
	DaysLate    *int        `json:"days_late"` // approved_on − response_due; negative when early, null when a date is missing
	Figures     FiguresJSON `json:"figures"`
}

// GroupJSON is a row of the --by breakdown.
type GroupJSON struct {
	Key     string      `json:"key"`
	Figures FiguresJSON `json:"figures"`
}

// RecommendationJSON is a recommendation's progress.
type RecommendationJSON struct {
	Evaluation  string       `json:"evaluation"`
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Response    string       `json:"response"`
	Actions     int          `json:"actions"`
	Statuses    StatusesJSON `json:"statuses"`
	Overdue     int          `json:"overdue"`
	Implemented bool         `json:"implemented"`
}

// ActionJSON is an action as the report counts it.
type ActionJSON struct {
	Evaluation         string  `json:"evaluation"`
	ID                 string  `json:"id"`
	Title              string  `json:"title"`
	Owner              string  `json:"owner"`
	Status             string  `json:"status"`
	Due                *string `json:"due"` // the deadline that counts, null when undated
	DueValue           string  `json:"due_value"`
	DueInPeriod        bool    `json:"due_in_period"`
	Overdue            bool    `json:"overdue"`
	DaysOverdue        int     `json:"days_overdue"`
	Ageing             *string `json:"ageing"` // the bucket of an overdue action
	CompletedOn        *string `json:"completed_on"`
	CompletionInferred bool    `json:"completion_inferred"`
	CompletionCommit   *string `json:"completion_commit"`
	CompletedInPeriod  bool    `json:"completed_in_period"`
	Validated          bool    `json:"validated"`
	FirstDue           *string `json:"first_due"` // the first promised due date, when it moved
	DueMoves           int     `json:"due_moves"`
	DaysMoved          int     `json:"days_moved"`
	MovesWithReason    int     `json:"moves_with_reason"`
}

// TrendJSON is a quarter's point of the trend.
type TrendJSON struct {
	Quarter   string  `json:"quarter"`
	End       string  `json:"end"`
	Commit    *string `json:"commit"`
	Actions   int     `json:"actions"`
	Completed int     `json:"completed"`
	Open      int     `json:"open"`
	Overdue   int     `json:"overdue"`
}

// JSON is the report in the JSON contract.
func (r *Report) JSON() JSON {
	out := JSON{AsOf: r.Today.String(), Period: PeriodJSON{r.Period.Name, r.Period.From.String(), r.Period.To.String()},
		Language: string(r.Lang), History: r.History, Indicators: []DefinitionJSON{}, Total: figuresJSON(r.Total),
		Evaluations: []EvaluationJSON{}, Groups: []GroupJSON{}, Recommendations: []RecommendationJSON{}, Actions: []ActionJSON{}, Trend: []TrendJSON{}}
	for _, d := range Definitions {
		out.Indicators = append(out.Indicators, DefinitionJSON{d.Key, d.Name.In(r.Lang), d.Formula.In(r.Lang)})
	}
	for _, e := range r.Evaluations {
		ej := EvaluationJSON{ID: e.Evaluation.ID, Reference: e.Evaluation.Reference, Title: e.Evaluation.Title,
			ResponseDue: dateOrNull(e.Evaluation.ResponseDue), ApprovedOn: dateOrNull(e.Evaluation.ApprovedOn), Figures: figuresJSON(e.Figures)}
		if e.Known {
			ej.DaysLate = &e.DaysLate
		}
		out.Evaluations = append(out.Evaluations, ej)
	}
	if r.By != "" {
		by := string(r.By)
		out.By = &by
	}
	for _, g := range r.Groups {
		out.Groups = append(out.Groups, GroupJSON{g.Key, figuresJSON(g.Figures)})
	}
	for _, rr := range r.Recommendations {
		rc := rr.Recommendation
		out.Recommendations = append(out.Recommendations, RecommendationJSON{Evaluation: rc.Evaluation.ID, ID: rc.ID(), Title: rc.Title,
			Response: string(rc.Response), Actions: rr.Counts.Actions, Statuses: statusesJSON(rr.Counts), Overdue: rr.Counts.Overdue, Implemented: rr.Implemented})
	}
	for _, a := range r.Actions {
		out.Actions = append(out.Actions, actionJSON(a))
	}
	for _, p := range r.Trend {
		tj := TrendJSON{Quarter: p.Quarter, End: p.End.String(), Actions: p.Actions, Completed: p.Completed, Open: p.Open, Overdue: p.Overdue}
		if p.Commit != "" {
			c := p.Commit
			tj.Commit = &c
		}
		out.Trend = append(out.Trend, tj)
	}
	return out
}

func actionJSON(a ActionRow) ActionJSON {
	t := &a.Action.Tracking
	out := ActionJSON{Evaluation: a.Evaluation().ID, ID: a.Action.ID(), Title: a.Action.Title, Owner: a.Action.Owner, Status: string(t.Status),
		DueValue: t.Current().String(), DueInPeriod: a.DueInPeriod, Overdue: a.Overdue, DaysOverdue: a.DaysOverdue,
		CompletedInPeriod: a.InPeriod, Validated: t.Validated(), DueMoves: a.Moves, DaysMoved: a.Days, MovesWithReason: a.WithReason}
	if end, ok := t.Deadline(); ok {
		out.Due = dateOrNull(end)
	}
	if a.PastDueOpen {
		k := bucketKey(Buckets[a.Bucket])
		out.Ageing = &k
	}
	if c := a.Completion; c != nil {
		out.CompletedOn = dateOrNull(c.Day)
		out.CompletionInferred = c.Inferred
		if c.Inferred {
			h := c.Commit
			out.CompletionCommit = &h
		}
	}
	if a.FirstDue != "" {
		f := a.FirstDue
		out.FirstDue = &f
	}
	return out
}

func figuresJSON(f Figures) FiguresJSON {
	out := FiguresJSON{Recommendations: f.Recommendations, Actions: f.Counts.Actions,
		Responses:  ResponsesJSON{f.Responses.Agree, f.Responses.PartiallyAgree, f.Responses.Disagree, f.Responses.NotStated},
		Statuses:   statusesJSON(f.Counts),
		Acceptance: ratioJSON(f.Acceptance), ActionsImplemented: ratioJSON(f.ActionsImplemented()),
		RecommendationsImplemented: ratioJSON(f.RecommendationsImplemented),
		Closure:                    ClosureJSON{ratioJSON(f.Closure.Ratio), f.Closure.Inferred, f.Closure.UnknownDay},
		Open:                       OpenJSON{f.Open.Total(), f.Open.PastDue, f.Open.NotYetDue, f.Open.Undated},
		Ageing:                     []BucketJSON{},
		Validation:                 ValidationJSON{ratioJSON(f.Validation()), f.Counts.Completed - f.Counts.Validated},
		Revisions:                  RevisionsJSON{f.Revisions.Redated, f.Revisions.Moves, f.Revisions.Days, f.Revisions.WithReason, f.Revisions.WithoutReason},
		Timeliness:                 ratioJSON(f.Timeliness),
	}
	for i, b := range Buckets {
		bj := BucketJSON{Bucket: bucketKey(b), From: b.From, Actions: f.Ageing[i]}
		if b.To != 0 {
			to := b.To
			bj.To = &to
		}
		out.Ageing = append(out.Ageing, bj)
	}
	return out
}

func statusesJSON(c query.Counts) StatusesJSON {
	return StatusesJSON{c.NotStarted, c.InProgress, c.Completed, c.Ongoing, c.NoLongerApplicable}
}

func ratioJSON(r Ratio) RatioJSON {
	out := RatioJSON{Numerator: r.Numerator, Denominator: r.Denominator}
	if v, ok := r.Rate(); ok {
		out.Rate = &v
	}
	return out
}

func dateOrNull(d civil.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}
