package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/render"
)

// inOrder refuses an --until that comes before --since: the report would
// read backwards (completed actions reopened, dates moved the wrong way).
// to is nil when --until is before the first commit.
func inOrder(opts *changesOptions, from, to *git.Commit) error {
	if from == nil || to != nil && !to.Date.Before(from.Date) {
		return nil
	}
	what := "before the first commit"
	if to != nil {
		what = fmt.Sprintf("commit %s of %s", to.Short(), to.Date.UTC().Format(time.DateOnly))
	}
	return withHint(usage("--until %s (%s) is before --since %s (commit %s of %s)", opts.until, what, opts.since, from.Short(), from.Date.UTC().Format(time.DateOnly)),
		"swap them: --since "+opts.until+" --until "+opts.since)
}

// filterChanges keeps the changes the scope flags ask for. The records
// compared are not those the flags were resolved in, so evaluations and
// recommendations match by id; units and responses are the
// recommendation's at the newer point (the older one for a removed
// recommendation).
func filterChanges(in *render.ChangesInput, f *query.Filter, before, after []*model.Evaluation) {
	if len(f.Evaluations)+len(f.Recommendations)+len(f.Units)+len(f.Responses)+len(f.Owners) == 0 {
		return
	}
	keep := func(eval string, c history.Change) bool {
		if len(f.Evaluations) > 0 && !slices.ContainsFunc(f.Evaluations, func(e *model.Evaluation) bool { return e.ID == eval }) {
			return false
		}
		n := recNumberOf(c.ID)
		if len(f.Recommendations) > 0 && !slices.ContainsFunc(f.Recommendations, func(r *model.Recommendation) bool {
			return r.Evaluation.ID == eval && r.Number == n
		}) {
			return false
		}
		if len(f.Units) > 0 || len(f.Responses) > 0 {
			r := recommendationIn(after, eval, n)
			if r == nil {
				r = recommendationIn(before, eval, n)
			}
			if r == nil || !(&query.Filter{Units: f.Units, Responses: f.Responses}).KeepsRecommendation(r) {
				return false
			}
		}
		if len(f.Owners) > 0 && !slices.ContainsFunc(f.Owners, func(o string) bool { return c.Owner != "" && query.Contains(c.Owner, o) }) {
			return false
		}
		return true
	}
	for i := range in.Evaluations {
		ec := &in.Evaluations[i]
		for _, list := range []*[]history.Change{&ec.Completed, &ec.Status, &ec.Added, &ec.Removed, &ec.DueMoved, &ec.Other} {
			*list = slices.DeleteFunc(*list, func(c history.Change) bool { return !keep(ec.Evaluation, c) })
		}
		in.Progress[ec.Evaluation] = slices.DeleteFunc(in.Progress[ec.Evaluation], func(c history.Change) bool { return !keep(ec.Evaluation, c) })
	}
	in.Evaluations = slices.DeleteFunc(in.Evaluations, func(ec history.EvaluationChanges) bool {
		inScope := func(e *model.Evaluation) bool { return e.ID == ec.Evaluation }
		return len(f.Evaluations) > 0 && !slices.ContainsFunc(f.Evaluations, inScope) ||
			len(f.Recommendations) > 0 && !slices.ContainsFunc(f.Recommendations, func(r *model.Recommendation) bool { return inScope(r.Evaluation) })
	})
}

// recNumberOf is the recommendation number of an id: 3 for R3, R3.6 or
// R3.6.1.
func recNumberOf(id string) int {
	s, _, _ := strings.Cut(strings.TrimPrefix(id, "R"), ".")
	n, _ := strconv.Atoi(s)
	return n
}

func recommendationIn(evals []*model.Evaluation, eval string, n int) *model.Recommendation {
	for _, e := range evals {
		if e.ID != eval {
			continue
		}
		for _, r := range e.Recommendations {
			if r.Number == n {
				return r
			}
		}
	}
	return nil
}
