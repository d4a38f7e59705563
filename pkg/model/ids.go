package model

import (
	"strconv"
	"strings"
)

// ID is the recommendation's id within its evaluation: R3.
func (r *Recommendation) ID() string { return "R" + strconv.Itoa(r.Number) }

// ID is the action's id within its evaluation: R3.6.
func (a *Action) ID() string { return a.Recommendation.ID() + "." + strconv.Itoa(a.Number) }

// ID is the step's id within its evaluation: R7.1.2.
func (s *Step) ID() string { return s.Action.ID() + "." + strconv.Itoa(s.Number) }

// QualifiedID prefixes an id with its evaluation: EVO-2024-03/R3.6.
func QualifiedID(e *Evaluation, id string) string { return e.ID + "/" + id }

// Outline cuts r down, in place, to its number and its actions' numbers
// and owners, the owners copied: it then shares no memory with r's file,
// so a caller that only checks ids and owners across records (validate)
// can let the file's bytes go. It returns r.
func (r *Recommendation) Outline() *Recommendation {
	*r = Recommendation{Number: r.Number, Actions: r.Actions, Evaluation: r.Evaluation, File: r.File}
	for _, a := range r.Actions {
		*a = Action{Tracking: Tracking{Number: a.Number}, Owner: strings.Clone(a.Owner), Recommendation: r}
	}
	return r
}
