package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/mrtrack/mrtrack/pkg/validate"
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
	res, list, err := loadRecords(env, g, []string{dir})
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
	return &dataResult{Result: res, Owners: list}, nil
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

type dataResult struct {
	*load.Result
	Owners *owners.File // the data folder's owners.yaml; nil when none or with errors
}

// finish turns a command's outcome into exit 1 when the data had errors,
// and an id the data does not hold into exit 1 when a file with errors,
// which may hold it, was left out.
func (d *dataResult) finish(err error) error {
	var miss *missingID
	if errors.As(err, &miss) {
		return d.leftOut(miss.id, miss.err)
	}
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

// loadTarget loads the data and resolves id in it (see resolve).
func (g *global) loadTarget(env *Env, id string) (*dataResult, query.Target, error) {
	data, err := g.loadData(env)
	if err != nil {
		return nil, query.Target{}, err
	}
	t, err := data.resolve(env, id)
	if err != nil {
		return nil, t, err
	}
	return data, t, nil
}

// resolve finds what id names in the data. An id the data does not hold
// is a usage error listing the candidates, unless a file with errors was
// left out: the id may be in it, so that is said, and the exit is 1.
func (d *dataResult) resolve(env *Env, id string) (query.Target, error) {
	t, err := resolveTarget(env, d.Evaluations, id)
	if err != nil {
		return t, d.finish(err)
	}
	return t, nil
}

// shortItemID takes an id apart: its evaluation (if qualified), its
// recommendation number and how many numbers it has.
var shortItemID = lazyregexp.New(`^\s*(?:([^/=\s]+)/)?[Rr]?([0-9]+)((?:\.[0-9]+){0,2})\s*$`)

// leftOut turns err, id not found, into the finding that explains it when
// a file with errors was left out of the data: the recommendation's file
// if it is among them, else the first such file.
func (d *dataResult) leftOut(id string, err error) error {
	m := shortItemID.FindStringSubmatch(id)
	if m == nil {
		return err
	}
	for _, e := range d.Evaluations {
		if _, miss := query.Resolve([]*model.Evaluation{e}, id); miss == nil {
			return err // found, but ambiguous: not a file's doing
		}
	}
	rec, _ := strconv.Atoi(m[2])
	var first, match *validate.File
	for _, f := range d.Files {
		if f.Usable() || (m[1] != "" && f.Folder != m[1]) {
			continue
		}
		if first == nil {
			first = f
		}
		if kind, n := validate.KindOf(filepath.Base(f.Path)); match == nil && (kind == validate.KindEvaluation || kind == validate.KindRecommendation && n == rec) {
			match = f
		}
	}
	if match == nil {
		match = first
	}
	if match == nil {
		return err
	}
	at := ""
	for _, fd := range match.Findings {
		if fd.Severity == finding.Error {
			at = fmt.Sprintf(" (first at %d:%d)", fd.Line, fd.Col)
			break
		}
	}
	kind := query.Kind(1 + strings.Count(m[3], "."))
	return &exitError{code: ExitFindings, err: withHint(
		fmt.Errorf("no %s %s in the records read; it may be in %s, left out for its errors%s", kind, strings.TrimSpace(id), match.Path, at),
		"fix the file (mrtrack validate "+match.Path+"), then run the command again")}
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
		return t, &missingID{id, idError("", err)}
	}
	return t, nil
}

// missingID is an id the data does not hold, or names ambiguously; see
// dataResult.finish.
type missingID struct {
	id  string
	err error
}

func (e *missingID) Error() string { return e.err.Error() }
func (e *missingID) Unwrap() error { return e.err }
