package report

import (
	"path"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// CompletionCommits finds, for each action completed in its newest
// version up to the end of day upTo, the commit that last made it
// completed: the one whose version has it completed when the version
// before had it otherwise. An action whose file came in already
// completed (a transcription, an import) has none: that commit recorded
// the completion, it did not make it, so its day stays unknown.
// Versions that did not validate are skipped.
func CompletionCommits(versions map[string][]history.Version, upTo civil.Date) map[history.Key]*git.Commit {
	out := map[history.Key]*git.Commit{}
	for file, vs := range versions {
		eval := path.Base(path.Dir(file))
		var prev *model.Recommendation
		for _, v := range vs {
			if civil.Of(v.Commit.Date.UTC()).After(upTo) {
				break
			}
			if v.Rec == nil && len(v.Broken) > 0 {
				continue
			}
			if v.Rec == nil {
				prev = nil
				continue
			}
			for _, a := range v.Rec.Actions {
				k := history.Key{Evaluation: eval, Rec: v.Rec.Number, Action: a.Number}
				if a.Status != model.Completed {
					delete(out, k)
					continue
				}
				if old := actionOf(prev, a.Number); old != nil && old.Status != model.Completed {
					out[k] = v.Commit
				}
			}
			prev = v.Rec
		}
	}
	return out
}

func actionOf(r *model.Recommendation, n int) *model.Action {
	if r == nil {
		return nil
	}
	for _, a := range r.Actions {
		if a.Number == n {
			return a
		}
	}
	return nil
}

// Inferred turns the commits into completion days for the completed
// actions of evals whose record gives no completed_on.
func Inferred(evals []*model.Evaluation, commits map[history.Key]*git.Commit) map[*model.Action]Completion {
	out := map[*model.Action]Completion{}
	for _, e := range evals {
		for _, r := range e.Recommendations {
			for _, a := range r.Actions {
				if a.Status != model.Completed || !a.CompletedOn.IsZero() {
					continue
				}
				if c := commits[history.KeyOf(a)]; c != nil {
					out[a] = Completion{Day: civil.Of(c.Date.UTC()), Inferred: true, Commit: c.Short()}
				}
			}
		}
	}
	return out
}
