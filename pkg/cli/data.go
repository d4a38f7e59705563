package cli

import (
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// loadData loads the data folder for the commands that read records. Files
// with errors are left out of the model; their findings go to stderr, and
// the command must end with exit 1 (see dataResult.finish) so a partial
// answer is never mistaken for a whole one.
func (g *global) loadData(env *Env) (*dataResult, error) {
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return nil, err
	}
	res, err := loadRecords(env, []string{dir})
	if err != nil {
		return nil, err
	}
	if res.Stats.Errors > 0 {
		var errs []finding.Finding
		for _, f := range res.Findings {
			if f.Severity == finding.Error {
				errs = append(errs, f)
			}
		}
		printers.Text{}.Write(env.Stderr, errs, res.Stats)
		if n := unusable(res); n > 0 {
			fmt.Fprintf(env.Stderr, "mrtrack: %s with errors left out; run 'mrtrack validate' and fix them\n", termtext.Plural(n, "file"))
		}
	}
	return &dataResult{Result: res}, nil
}

// unusable counts the files left out of the model.
func unusable(res *load.Result) int {
	n := 0
	for _, f := range res.Files {
		if !f.Usable() {
			n++
		}
	}
	return n
}

type dataResult struct{ *load.Result }

// finish turns a command's outcome into exit 1 when the data had errors.
func (d *dataResult) finish(err error) error {
	if err == nil && d.Stats.Errors > 0 {
		return failed()
	}
	return err
}

// today is the day commands measure against: --as-of when given, else the
// clock's day.
func (g *global) today(env *Env) (civil.Date, error) {
	now := env.clockDay()
	if g.asOf == "" {
		return now, nil
	}
	d, err := civil.ParseUser(g.asOf, now)
	if err != nil {
		return civil.Date{}, usage("--as-of: %s", err)
	}
	return d, nil
}

// loadTarget loads the data and resolves id in it; an id the data does
// not hold is a usage error listing the candidates.
func (g *global) loadTarget(env *Env, id string) (*dataResult, query.Target, error) {
	data, err := g.loadData(env)
	if err != nil {
		return nil, query.Target{}, err
	}
	t, err := resolveTarget(env, data.Evaluations, id)
	if err != nil {
		return nil, t, data.finish(err)
	}
	return data, t, nil
}

// resolveTarget finds what id names in evals, short ids meaning the
// default evaluation ($MRTRACK_EVALUATION) when several have them.
func resolveTarget(env *Env, evals []*model.Evaluation, id string) (query.Target, error) {
	def, err := defaultEvaluation(env, evals)
	if err != nil {
		return query.Target{}, err
	}
	t, err := query.ResolveDefault(evals, def, id)
	if err != nil {
		return t, idError("", err)
	}
	return t, nil
}
