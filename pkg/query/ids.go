package query

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/model"
)

// Kind says what an id names.
type Kind int

// The kinds of thing an id can name.
const (
	KindEvaluation Kind = iota
	KindRecommendation
	KindAction
	KindStep
)

func (k Kind) String() string {
	return [...]string{"evaluation", "recommendation", "action", "step"}[k]
}

// Target is what an id names: the evaluation, and below it as far as
// the id reaches, the recommendation, action and step.
type Target struct {
	Kind           Kind
	Evaluation     *model.Evaluation
	Recommendation *model.Recommendation
	Action         *model.Action
	Step           *model.Step
}

// ID is the target's id within its evaluation (R3.6), or the evaluation's.
func (t Target) ID() string {
	switch t.Kind {
	case KindRecommendation:
		return t.Recommendation.ID()
	case KindAction:
		return t.Action.ID()
	case KindStep:
		return t.Step.ID()
	}
	return t.Evaluation.ID
}

// Error is a mistake in what the user asked for, with the candidates or
// the way out in Hint.
type Error struct {
	Msg  string
	Hint string
}

func (e *Error) Error() string { return e.Msg }

// path is an id taken apart: an optional evaluation and up to three numbers.
type path struct {
	eval string
	nums []int
}

// parseID reads EVO-2024-03, R3, R3.6, R7.1.2, each optionally qualified:
// EVO-2024-03/R3.6. The evaluation may also be written as its reference
// (EVO/2024/03/R3.6). The R may be lower case or left out.
func parseID(s string) (path, bool) {
	s = strings.TrimSpace(s)
	var p path
	local := s
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		p.eval, local = s[:i], s[i+1:]
		if p.eval == "" {
			return p, false
		}
	}
	nums, ok := parseLocal(local)
	if !ok {
		return p, false
	}
	p.nums = nums
	return p, true
}

func parseLocal(s string) ([]int, bool) {
	if len(s) > 0 && (s[0] == 'R' || s[0] == 'r') {
		s = s[1:]
	}
	parts := strings.Split(s, ".")
	if len(parts) > 3 {
		return nil, false
	}
	nums := make([]int, len(parts))
	for i, part := range parts {
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 || strings.ContainsAny(part, "+-") {
			return nil, false
		}
		nums[i] = n
	}
	return nums, true
}

// Resolve finds what id names among evals. An id without its evaluation
// is accepted when exactly one evaluation holds it; when several do, the
// error lists the qualified candidates.
func Resolve(evals []*model.Evaluation, id string) (Target, error) {
	return ResolveDefault(evals, nil, id)
}

// EnvEvaluation names the environment variable that gives the default
// evaluation for short ids.
const EnvEvaluation = "MRTRACK_EVALUATION"

// ResolveDefault is Resolve with a default evaluation (nil for none): an
// id without its evaluation that several evaluations hold means the one in
// def, when def holds it.
func ResolveDefault(evals []*model.Evaluation, def *model.Evaluation, id string) (Target, error) {
	if e := findEvaluation(evals, id); e != nil {
		return Target{Kind: KindEvaluation, Evaluation: e}, nil
	}
	p, ok := parseID(id)
	if !ok {
		return Target{}, &Error{
			Msg:  fmt.Sprintf("%q is not an id", id),
			Hint: "write an evaluation (" + exampleEval(evals) + "), a recommendation (R3), an action (R3.6) or a step (R7.1.2), qualified when needed: " + exampleEval(evals) + "/R3.6",
		}
	}
	scope := evals
	if p.eval != "" {
		e := findEvaluation(evals, p.eval)
		if e == nil {
			return Target{}, unknownEvaluation(evals, p.eval)
		}
		scope = []*model.Evaluation{e}
	}
	var found []Target
	var misses []*Error
	for _, e := range scope {
		t, err := resolveIn(e, p.nums)
		if err != nil {
			misses = append(misses, err)
			continue
		}
		found = append(found, t)
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		var ids []string
		for _, t := range found {
			if t.Evaluation == def {
				return t, nil
			}
			ids = append(ids, model.QualifiedID(t.Evaluation, t.ID()))
		}
		hint := "qualify the id with its evaluation, e.g. " + ids[0] + ", or make short ids mean one evaluation: " + EnvEvaluation + "=" + found[0].Evaluation.ID
		if def != nil {
			hint = "qualify the id with its evaluation, e.g. " + ids[0] + " (" + EnvEvaluation + "=" + def.ID + " has no " + id + ")"
		}
		return Target{}, &Error{
			Msg:  fmt.Sprintf("%s is ambiguous: %d evaluations have it: %s", id, len(found), strings.Join(ids, ", ")),
			Hint: hint,
		}
	case len(misses) == 1:
		return Target{}, misses[0]
	case len(misses) == 0:
		return Target{}, &Error{Msg: fmt.Sprintf("no %s: the data holds no evaluation", id),
			Hint: "check --data points at the data folder"}
	}
	var hints []string
	for _, m := range misses {
		hints = append(hints, m.Msg)
	}
	// An id of n numbers names a recommendation, an action or a step.
	return Target{}, &Error{Msg: fmt.Sprintf("no %s %s in any evaluation", Kind(len(p.nums)), id), Hint: strings.Join(hints, "; ")}
}

// resolveIn walks e down p.nums, explaining the first step that fails.
func resolveIn(e *model.Evaluation, nums []int) (Target, *Error) {
	t := Target{Kind: KindEvaluation, Evaluation: e}
	for _, r := range e.Recommendations {
		if r.Number == nums[0] {
			t.Kind, t.Recommendation = KindRecommendation, r
		}
	}
	if t.Recommendation == nil {
		var ids []string
		for _, r := range e.Recommendations {
			ids = append(ids, r.ID())
		}
		return t, &Error{Msg: fmt.Sprintf("%s has no recommendation R%d: it has %s", e.ID, nums[0], list(ids))}
	}
	if len(nums) == 1 {
		return t, nil
	}
	r := t.Recommendation
	for _, a := range r.Actions {
		if a.Number == nums[1] {
			t.Kind, t.Action = KindAction, a
		}
	}
	if t.Action == nil {
		var ids []string
		for _, a := range r.Actions {
			ids = append(ids, a.ID())
		}
		return t, &Error{Msg: fmt.Sprintf("%s has no action %s.%d: %s has %s", e.ID, r.ID(), nums[1], r.ID(), list(ids))}
	}
	if len(nums) == 2 {
		return t, nil
	}
	a := t.Action
	for _, s := range a.Steps {
		if s.Number == nums[2] {
			t.Kind, t.Step = KindStep, s
		}
	}
	if t.Step == nil {
		if len(a.Steps) == 0 {
			return t, &Error{Msg: fmt.Sprintf("%s has no step %s.%d: %s has no steps", e.ID, a.ID(), nums[2], a.ID())}
		}
		var ids []string
		for _, s := range a.Steps {
			ids = append(ids, s.ID())
		}
		return t, &Error{Msg: fmt.Sprintf("%s has no step %s.%d: %s has %s", e.ID, a.ID(), nums[2], a.ID(), list(ids))}
	}
	return t, nil
}

// list writes ids for a message: all of them when few, else the ends.
func list(ids []string) string {
	switch {
	case len(ids) == 0:
		return "none"
	case len(ids) <= 12:
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s, %s, … %s (%d)", ids[0], ids[1], ids[len(ids)-1], len(ids))
}

// findEvaluation matches an evaluation by id or reference, ignoring case.
func findEvaluation(evals []*model.Evaluation, s string) *model.Evaluation {
	s = strings.TrimSpace(s)
	for _, e := range evals {
		if strings.EqualFold(e.ID, s) || (e.Reference != "" && strings.EqualFold(e.Reference, s)) {
			return e
		}
	}
	return nil
}

// FindEvaluation returns the evaluation with id or reference s, or an
// error listing those the data holds.
func FindEvaluation(evals []*model.Evaluation, s string) (*model.Evaluation, error) {
	if e := findEvaluation(evals, s); e != nil {
		return e, nil
	}
	return nil, unknownEvaluation(evals, s)
}

func unknownEvaluation(evals []*model.Evaluation, s string) *Error {
	var ids []string
	for _, e := range evals {
		ids = append(ids, e.ID)
	}
	return &Error{Msg: fmt.Sprintf("no evaluation %q: the data holds %s", s, list(ids))}
}

func exampleEval(evals []*model.Evaluation) string {
	if len(evals) > 0 {
		return evals[0].ID
	}
	return "EVO-2024-03"
}
