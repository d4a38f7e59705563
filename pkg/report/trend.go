package report

import (
	"fmt"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// TrendPoint is the state of the selected actions at a quarter's end, as
// the last commit of the quarter left the records.
type TrendPoint struct {
	Quarter   string     // 2025-Q1
	End       civil.Date // the quarter's last day, the day overdue is measured on
	Commit    string     // the short hash read; "" before the first commit
	Actions   int
	Completed int
	Open      int // neither completed nor no longer applicable
	Overdue   int
}

// QuarterEnds lists the last days of the quarters from the one holding
// first to the last that ends on or before today, at most max of them
// (the latest).
func QuarterEnds(first, today civil.Date, max int) []civil.Date {
	var out []civil.Date
	for end := first.EndOfQuarter(); !end.After(today); end = end.AddDays(1).EndOfQuarter() {
		out = append(out, end)
	}
	if len(out) > max {
		out = out[len(out)-max:]
	}
	return out
}

// QuarterName is "2025-Q1" for a day of that quarter.
func QuarterName(d civil.Date) string { return fmt.Sprintf("%04d-Q%d", d.Year, (int(d.Month)+2)/3) }

// Point counts the actions of evals (records as a commit left them) that
// the filter keeps, on the quarter's last day end. The filter's
// evaluations and recommendations are those of the current records: they
// are matched in the old records by id and number.
func Point(evals []*model.Evaluation, f *query.Filter, end civil.Date, commit string) TrendPoint {
	p := TrendPoint{Quarter: QuarterName(end), End: end, Commit: commit}
	old := rebase(f, evals)
	if old == nil {
		return p
	}
	for _, it := range old.Select(evals, end) {
		p.Actions++
		switch {
		case it.Action.Status == model.Completed:
			p.Completed++
		case it.Action.Status != model.NoLongerApplicable:
			p.Open++
		}
		if it.Overdue {
			p.Overdue++
		}
	}
	return p
}

// rebase is f with its evaluations and recommendations found again in
// evals; nil when it names some and evals holds none of them.
func rebase(f *query.Filter, evals []*model.Evaluation) *query.Filter {
	g := *f
	g.Evaluations, g.Recommendations = nil, nil
	for _, e := range f.Evaluations {
		for _, o := range evals {
			if o.ID == e.ID {
				g.Evaluations = append(g.Evaluations, o)
			}
		}
	}
	for _, r := range f.Recommendations {
		for _, o := range evals {
			if o.ID != r.Evaluation.ID {
				continue
			}
			for _, or := range o.Recommendations {
				if or.Number == r.Number {
					g.Recommendations = append(g.Recommendations, or)
				}
			}
		}
	}
	if (len(f.Evaluations) > 0 && len(g.Evaluations) == 0) || (len(f.Recommendations) > 0 && len(g.Recommendations) == 0) {
		return nil
	}
	return &g
}

// EndOfDay is the instant a day ends, UTC: commits before it are that
// day's state.
func EndOfDay(d civil.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
}
