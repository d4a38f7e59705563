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
// open gives the history, opened before or now (g.startHistory).
func (g *global) activity(env *Env, open func() (*history.History, error), evals []*model.Evaluation, upTo civil.Date, files ...string) (map[*model.Action]query.Activity, error) {
	return g.startActivity(env, open, files...).of(evals, upTo)
}

// pendingActivity is a history being read in the background.
type pendingActivity struct {
	versions func() (map[string][]history.Version, error)
}

// startActivity starts reading the history at once, so that git and the
// validation of old versions run while the caller loads the current
// records. The caller must wait for it, whatever happens.
func (g *global) startActivity(env *Env, open func() (*history.History, error), files ...string) *pendingActivity {
	return &pendingActivity{versions: inBackground(func() (map[string][]history.Version, error) {
		h, err := open()
		if err != nil {
			return nil, err
		}
		paths := make([]string, len(files))
		for i, f := range files {
			paths[i] = h.RepoPath(env.abs(f))
		}
		versions, _, err := h.Versions(paths...)
		if err != nil {
			return nil, cannotRun(err)
		}
		return versions, nil
	})}
}

// wait waits for the history to be read.
func (p *pendingActivity) wait() { p.versions() }

// of is activity's answer, once the history is read.
func (p *pendingActivity) of(evals []*model.Evaluation, upTo civil.Date) (map[*model.Action]query.Activity, error) {
	versions, err := p.versions()
	if err != nil {
		return nil, err
	}
	return activityOf(evals, versions, upTo), nil
}

// inBackground runs f at once on a goroutine of its own; the function it
// returns waits for f and gives its answer, as often as it is called.
func inBackground[T any](f func() (T, error)) func() (T, error) {
	var v T
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		v, err = f()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
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
