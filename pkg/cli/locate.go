package cli

import (
	"path/filepath"

	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// recordFile is the file of a recommendation, action or step, for an edit
// transaction; the data folder bounds the links it may follow.
func recordFile(env *Env, g *global, t query.Target, dryRun bool) (edit.File, error) {
	if t.Recommendation == nil {
		return edit.File{}, usage("%s is an evaluation; give a recommendation, action or step id", t.ID())
	}
	root, err := g.resolveDataDir(env)
	if err != nil {
		return edit.File{}, err
	}
	f := edit.File{Path: t.Recommendation.File, Abs: t.Recommendation.File, Root: root, DryRun: dryRun}
	if !filepath.IsAbs(f.Abs) {
		f.Abs = filepath.Join(env.Cwd, f.Abs)
	}
	return f, nil
}

// itemOf names the mapping of a recommendation, action or step by its
// numbers, as edit transactions find it in the file.
func itemOf(t query.Target) edit.Item {
	switch {
	case t.Step != nil:
		return edit.Item{t.Action.Number, t.Step.Number}
	case t.Action != nil:
		return edit.Item{t.Action.Number}
	}
	return edit.Item{}
}
