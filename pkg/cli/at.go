package cli

import (
	"fmt"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// records is the data a report is about: the working tree, or the git
// history at some point (--at).
type records struct {
	evaluations []*model.Evaluation
	today       civil.Date
	finish      func(error) error
	past        bool // read from the git history (--at), not the working tree
}

// atHelp is the help of --at, for every command that has it.
const atHelp = "the records as they were at a date or git revision (the day is then \"today\" unless --as-of; the commit read is named on stderr)"

// recordsAt loads the records as they are, or as they were at a date or
// revision. At a point in the past, that day is "today" (a revision's
// commit date) unless --as-of says otherwise.
func (g *global) recordsAt(env *Env, at string) (*records, error) {
	today, err := g.today(env)
	if err != nil {
		return nil, err
	}
	if at == "" {
		data, err := g.loadData(env)
		if err != nil {
			return nil, err
		}
		return &records{data.Evaluations, today, data.finish, false}, nil
	}
	h, err := g.openHistory(env)
	if err != nil {
		return nil, err
	}
	c, err := point(h, "--at", at, env.clockDay())
	if err != nil {
		return nil, err
	}
	switch {
	case c == nil && h.Repo().Empty():
		return nil, usage("--at %s: the current branch has no commit yet, so no records of the past; commit the data first", at)
	case c == nil:
		return nil, usage("--at %s is before the first commit of the data", at)
	}
	snap, err := h.At(c)
	if err != nil {
		return nil, cannotRun(err)
	}
	// On stderr, so the output stays what it is without --at.
	fmt.Fprintf(env.Stderr, "mrtrack: --at %s reads commit %s of %s: %s\n", at, c.Short(), c.Date.UTC().Format(time.DateOnly), c.Subject)
	if n := len(snap.Findings); n > 0 {
		fmt.Fprintf(env.Stderr, "mrtrack: at %s (%s), %s did not validate and were left out\n", at, c.Short(), termtext.Plural(n, "finding"))
	}
	if g.asOf == "" {
		today = civil.Of(c.Date)
		if d, err := civil.ParseUser(at, env.clockDay()); err == nil {
			today = d
		}
	}
	return &records{snap.Evaluations, today, func(err error) error { return err }, true}, nil
}
