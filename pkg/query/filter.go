package query

import (
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/internal/parallel"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// Filter says which actions a command is about. The zero Filter keeps
// everything; each field set narrows it, and they combine with "and".
// Fields holding lists keep an action matching any of their values.
type Filter struct {
	// What the recommendation must be.
	Evaluations     []*model.Evaluation
	Recommendations []*model.Recommendation
	Units           []string // substrings of a responsible unit, folded: any matches
	Tags            []string // tags, folded and whole: any matches
	Responses       []model.Response

	// What the action must be.
	Statuses  []model.Status
	Owners    []string // substrings of the owner, folded: any matches
	Overdue   bool
	DueSoon   bool
	DueUntil  civil.Date // with DueSoon: the last day of the window
	DueBefore civil.Date // falls due on or before; zero for no bound
	DueAfter  civil.Date // falls due after; zero for no bound
	Search    string     // substring of titles, descriptions, progress, folded
	// Completed actions the evaluation office accepted, or those still
	// awaiting its validation.
	Validated, AwaitingValidation bool
}

// Narrows reports whether the filter leaves out actions of the
// recommendations it keeps, so a recommendation may be kept with none.
func (f *Filter) Narrows() bool {
	return len(f.Statuses) > 0 || len(f.Owners) > 0 || f.Overdue || f.DueSoon ||
		!f.DueBefore.IsZero() || !f.DueAfter.IsZero() || f.Search != "" || f.Validated || f.AwaitingValidation
}

// narrowsRecommendations reports whether the filter leaves out
// recommendations of the evaluations it keeps.
func (f *Filter) narrowsRecommendations() bool {
	return len(f.Recommendations) > 0 || len(f.Units) > 0 || len(f.Responses) > 0 || len(f.Tags) > 0
}

// RecommendationsOf returns the recommendations of evals the filter keeps,
// in evaluation and number order.
func (f *Filter) RecommendationsOf(evals []*model.Evaluation) []*model.Recommendation {
	var out []*model.Recommendation
	for _, e := range evals {
		if len(f.Evaluations) > 0 && !slices.Contains(f.Evaluations, e) {
			continue
		}
		for _, r := range e.Recommendations {
			if f.KeepsRecommendation(r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// KeepsRecommendation reports whether the filter keeps a recommendation
// by its own fields, its evaluation aside.
func (f *Filter) KeepsRecommendation(r *model.Recommendation) bool {
	if len(f.Recommendations) > 0 && !slices.Contains(f.Recommendations, r) {
		return false
	}
	if len(f.Responses) > 0 && !slices.Contains(f.Responses, r.Response) {
		return false
	}
	if len(f.Units) > 0 && !slices.ContainsFunc(r.Responsible, f.unitMatches) {
		return false
	}
	if len(f.Tags) > 0 && !slices.ContainsFunc(r.Tags, f.tagMatches) {
		return false
	}
	return true
}

// Select returns the actions of evals the filter keeps, as items on
// today, in id order.
func (f *Filter) Select(evals []*model.Evaluation, today civil.Date) []Item {
	recs := f.RecommendationsOf(evals)
	// By runs of recommendations on every core: the facts of 40,000
	// actions are most of what a query does once the records are read.
	const chunk = 256
	parts := make([][]Item, (len(recs)+chunk-1)/chunk)
	parallel.Each(len(parts), func(c int) {
		run := recs[c*chunk : min((c+1)*chunk, len(recs))]
		n := 0
		for _, r := range run {
			n += len(r.Actions)
		}
		parts[c] = make([]Item, 0, n) // most filters keep most actions
		for _, r := range run {
			for _, a := range r.Actions {
				if it := Facts(a, today); f.keepsAction(it, today) {
					parts[c] = append(parts[c], it)
				}
			}
		}
	})
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	items := make([]Item, 0, n)
	for _, p := range parts {
		items = append(items, p...)
	}
	return items
}

func (f *Filter) keepsAction(it Item, today civil.Date) bool {
	a := it.Action
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, a.Status) {
		return false
	}
	if len(f.Owners) > 0 && !containsAny(a.Owner, f.Owners) {
		return false
	}
	if f.Overdue && !it.Overdue {
		return false
	}
	if f.DueSoon && !a.DueWithin(today, f.DueUntil) {
		return false
	}
	if !f.DueBefore.IsZero() || !f.DueAfter.IsZero() {
		end, ok := a.Deadline()
		if !ok || (!f.DueBefore.IsZero() && end.After(f.DueBefore)) || (!f.DueAfter.IsZero() && !end.After(f.DueAfter)) {
			return false
		}
	}
	if f.Search != "" && !mentions(a, Fold(f.Search)) {
		return false
	}
	if (f.Validated && !a.Validated()) || (f.AwaitingValidation && !a.AwaitingValidation()) {
		return false
	}
	return true
}

// unitMatches reports whether a responsible unit is one the filter asks
// for (any, when it asks for none).
func (f *Filter) unitMatches(unit string) bool {
	return len(f.Units) == 0 || containsAny(unit, f.Units)
}

// tagMatches reports whether a tag is one the filter asks for (any, when
// it asks for none): the whole tag, case and accents aside, so "Outcome 1"
// is not "Outcome 10".
func (f *Filter) tagMatches(tag string) bool {
	return len(f.Tags) == 0 || slices.ContainsFunc(f.Tags, func(t string) bool { return Fold(t) == Fold(tag) })
}

// containsAny reports whether s holds any of the needles, folded.
func containsAny(s string, needles []string) bool {
	return slices.ContainsFunc(needles, func(n string) bool { return Contains(s, n) })
}

// mentions reports whether the action's or its steps' title, description
// or progress comments hold the folded needle.
func mentions(a *model.Action, needle string) bool {
	texts := []string{a.Title, a.Description, a.Progress}
	for _, s := range a.Steps {
		texts = append(texts, s.Title, s.Progress)
	}
	for _, t := range texts {
		if t != "" && strings.Contains(Fold(t), needle) {
			return true
		}
	}
	return false
}
