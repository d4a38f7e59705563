package cli

import (
	"slices"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// activity reads, once, what the git history says of every action of
// evals up to the end of day upTo (the day measured against: nothing after
// it counts): due-date moves, from the commits and from the extensions the
// records hold, and the last change (or the updated field,
// when newer). With files (paths in the working tree), only their history
// is read.
func (g *global) activity(env *Env, evals []*model.Evaluation, upTo civil.Date, files ...string) (map[*model.Action]query.Activity, error) {
	return g.startActivity(env, files...).of(evals, upTo)
}

// pendingActivity is a history being read in the background.
type pendingActivity struct {
	done     chan struct{}
	versions map[string][]history.Version
	err      error
}

// startActivity starts reading the history at once, so that git and the
// validation of old versions run while the caller loads the current
// records. The caller must wait for it, whatever happens.
func (g *global) startActivity(env *Env, files ...string) *pendingActivity {
	p := &pendingActivity{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		h, err := g.openHistory(env)
		if err != nil {
			p.err = err
			return
		}
		paths := make([]string, len(files))
		for i, f := range files {
			paths[i] = h.RepoPath(env.abs(f))
		}
		if p.versions, _, err = h.Versions(paths...); err != nil {
			p.err = cannotRun(err)
		}
	}()
	return p
}

// wait waits for the history to be read.
func (p *pendingActivity) wait() { <-p.done }

// of is activity's answer, once the history is read.
func (p *pendingActivity) of(evals []*model.Evaluation, upTo civil.Date) (map[*model.Action]query.Activity, error) {
	p.wait()
	if p.err != nil {
		return nil, p.err
	}
	return activityOf(evals, p.versions, upTo), nil
}

// activityOf is what the versions say of each action up to upTo; versions
// is left as it is, so a caller that read them can use them again.
func activityOf(evals []*model.Evaluation, versions map[string][]history.Version, upTo civil.Date) map[*model.Action]query.Activity {
	upToDay := make(map[string][]history.Version, len(versions))
	for f, vs := range versions {
		upToDay[f] = slices.DeleteFunc(slices.Clone(vs), func(v history.Version) bool { return civil.Of(v.Commit.Date.UTC()).After(upTo) })
	}
	found := history.Analyse(upToDay)
	out := map[*model.Action]query.Activity{}
	for _, e := range evals {
		for _, r := range e.Recommendations {
			for _, a := range r.Actions {
				k := history.KeyOf(a)
				s := found.Slips[k].Recorded(&a.Tracking, upTo)
				act := query.Activity{DueMoves: s.Moves, DaysMoved: s.Days, FirstDue: s.First}
				if !a.Updated.After(upTo) {
					act.LastChange = a.Updated
				}
				if c := found.LastChange[k]; c != nil {
					if d := civil.Of(c.Date.UTC()); d.After(act.LastChange) {
						act.LastChange = d
					}
				}
				out[a] = act
			}
		}
	}
	return out
}
