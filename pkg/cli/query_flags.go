package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/spf13/pflag"
)

// queryExitCodes documents the exit status of list and show.
const queryExitCodes = `Exit status:
  0  success
  1  the data has errors: the broken files were left out of the answer
     (their findings are on stderr; run 'mrtrack validate')
  2  usage error: a bad flag, date, window or id
  3  could not run: unreadable data folder, internal error`

// defaultWindow is the due-soon window when none is given.
const defaultWindow = "30d"

// defaultUntil is the last day of the default due-soon window after today.
func defaultUntil(today civil.Date) civil.Date {
	n, unit, _ := civil.ParseSpan(defaultWindow) // it parses: TestDefaultWindow
	return today.Add(n, unit)
}

// filterFlags are the flags that choose actions. addScope adds those list
// and status share: the evaluation, recommendation, unit and response of
// the recommendations, and the owner of the actions; addActions the rest.
type filterFlags struct {
	evaluations []string
	recs        []string
	units       []string
	tags        []string
	responses   []string
	owners      []string

	statuses  []string
	overdue   bool
	dueSoon   string
	dueBefore string
	dueAfter  string
	search    string
}

func (ff *filterFlags) addScope(fs *pflag.FlagSet) {
	fs.StringSliceVar(&ff.evaluations, "evaluation", nil, "only this evaluation (id or reference; repeatable)")
	fs.StringSliceVar(&ff.recs, "rec", nil, "only this recommendation: R3, 3 or EVO-2024-03/R3 (repeatable)")
	// Array, not slice: a unit or an owner may hold a comma.
	fs.StringArrayVar(&ff.units, "unit", nil, "only recommendations with a responsible unit containing TEXT (case and accents ignored; repeatable: any matches)")
	fs.StringArrayVar(&ff.tags, "tag", nil, "only recommendations with this tag, the whole tag (case and accents ignored; repeatable: any matches)")
	fs.StringSliceVar(&ff.responses, "response", nil, "only recommendations with this response: "+model.ResponseNames()+" (repeatable)")
	fs.StringArrayVar(&ff.owners, "owner", nil, "only actions whose owner contains TEXT (case and accents ignored; repeatable: any matches)")
}

func (ff *filterFlags) addActions(fs *pflag.FlagSet) {
	fs.StringSliceVar(&ff.statuses, "status", nil, "only actions with this status: "+model.StatusNames()+" (repeatable)")
	fs.BoolVar(&ff.overdue, "overdue", false, "only overdue actions (the action or a step is past its deadline)")
	fs.StringVar(&ff.dueSoon, "due-soon", "", "only actions (or steps) falling due within WINDOW after today: 30d, 2w, 3m")
	fs.Lookup("due-soon").NoOptDefVal = defaultWindow
	fs.StringVar(&ff.dueBefore, "due-before", "", "only actions falling due on or before DATE")
	fs.StringVar(&ff.dueAfter, "due-after", "", "only actions falling due after DATE")
	fs.StringVar(&ff.search, "search", "", "only actions whose title, description or progress (or a step's) contains TEXT (accents ignored)")
}

// parse checks the flags that need no data and builds the filter but for
// the evaluations and recommendations, which resolve needs the data for.
func (ff *filterFlags) parse(today civil.Date) (*query.Filter, error) {
	f := &query.Filter{Units: trimmed(ff.units), Tags: trimmed(ff.tags), Owners: trimmed(ff.owners), Overdue: ff.overdue, Search: strings.TrimSpace(ff.search)}
	for _, s := range ff.statuses {
		st := model.Status(strings.ToLower(strings.TrimSpace(s)))
		if !slices.Contains(model.Statuses, st) {
			return nil, unknownValue(fmt.Errorf("--status: unknown status %q: use %s", s, model.StatusNames()), s, enumValues(model.Statuses))
		}
		f.Statuses = append(f.Statuses, st)
	}
	for _, s := range ff.responses {
		r := model.Response(strings.ToLower(strings.TrimSpace(s)))
		if !slices.Contains(model.Responses, r) {
			return nil, unknownValue(fmt.Errorf("--response: unknown response %q: use %s", s, model.ResponseNames()), s, enumValues(model.Responses))
		}
		f.Responses = append(f.Responses, r)
	}
	if ff.dueSoon != "" {
		until, _, _, err := parseWindow("--due-soon", ff.dueSoon, today)
		if err != nil {
			return nil, err
		}
		f.DueSoon, f.DueUntil = true, until
	}
	var err error
	if f.DueBefore, err = parseDateFlag("--due-before", ff.dueBefore, today); err != nil {
		return nil, err
	}
	if f.DueAfter, err = parseDateFlag("--due-after", ff.dueAfter, today); err != nil {
		return nil, err
	}
	return f, nil
}

// trimmed returns the values without surrounding spaces, leaving out
// those that are empty (an empty substring would match everything).
func trimmed(values []string) []string {
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// resolve finds the evaluations and recommendations the flags name. A
// recommendation is looked for in the chosen evaluations only, so
// --evaluation makes an ambiguous --rec R1 plain.
func (ff *filterFlags) resolve(env *Env, f *query.Filter, evals []*model.Evaluation) error {
	def, err := defaultEvaluation(env, evals)
	if err != nil {
		return err
	}
	for _, s := range ff.evaluations {
		e, err := query.FindEvaluation(evals, s)
		if err != nil {
			return idError("--evaluation", err)
		}
		f.Evaluations = append(f.Evaluations, e)
	}
	scope := evals
	if len(f.Evaluations) > 0 {
		scope = f.Evaluations
	}
	for _, s := range ff.recs {
		t, err := query.ResolveDefault(scope, def, s)
		if err != nil {
			return idError("--rec", err)
		}
		if t.Kind != query.KindRecommendation {
			return usage("--rec: %s is %s, not a recommendation: write R3 or EVO-2024-03/R3", s, withArticle(t.Kind))
		}
		f.Recommendations = append(f.Recommendations, t.Recommendation)
	}
	return nil
}

// defaultEvaluation is the evaluation $MRTRACK_EVALUATION names for short
// ids, nil when it is unset; naming one the data does not hold is a usage
// error, never silently ignored.
func defaultEvaluation(env *Env, evals []*model.Evaluation) (*model.Evaluation, error) {
	s := strings.TrimSpace(env.Getenv(query.EnvEvaluation))
	if s == "" {
		return nil, nil
	}
	e, err := query.FindEvaluation(evals, s)
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("$%s: %w", query.EnvEvaluation, err), "set it to one of those, or unset it")}
	}
	return e, nil
}

// scopeOf returns the evaluations a filter is about, in data order.
func scopeOf(f *query.Filter, evals []*model.Evaluation) []*model.Evaluation {
	var out []*model.Evaluation
	for _, e := range evals {
		if len(f.Evaluations) > 0 && !slices.Contains(f.Evaluations, e) {
			continue
		}
		if len(f.Recommendations) > 0 && !slices.ContainsFunc(f.Recommendations, func(r *model.Recommendation) bool { return r.Evaluation == e }) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// parseWindow reads a due-soon window and returns its last day.
func parseWindow(flag, s string, today civil.Date) (civil.Date, int, civil.Unit, error) {
	n, unit, err := civil.ParseSpan(s)
	if err != nil {
		return civil.Date{}, 0, 0, usage("%s: %s", flag, err)
	}
	return today.Add(n, unit), n, unit, nil
}

// parseDateFlag reads a date flag relative to today; "" is no date.
func parseDateFlag(flag, s string, today civil.Date) (civil.Date, error) {
	if s == "" {
		return civil.Date{}, nil
	}
	d, err := civil.ParseUser(s, today)
	if err != nil {
		return civil.Date{}, usage("%s: %s", flag, err)
	}
	return d, nil
}

// idError turns an id the data does not hold into a usage error with the
// candidates.
func idError(flag string, err error) error {
	var qe *query.Error
	if errors.As(err, &qe) {
		msg := qe.Msg
		if flag != "" {
			msg = flag + ": " + msg
		}
		return &exitError{code: ExitUsage, err: withHint(errors.New(msg), qe.Hint)}
	}
	return err
}

func withArticle(k query.Kind) string {
	if k == query.KindEvaluation || k == query.KindAction {
		return "an " + k.String()
	}
	return "a " + k.String()
}

// outputFlag is -o, shared by the commands that query the records.
type outputFlag struct{ format string }

// defaultOutput is the output for people, named text in every command
// (validate's too); render also reads the older name table as text.
const defaultOutput = "text"

func (o *outputFlag) add(fs *pflag.FlagSet) {
	fs.StringVarP(&o.format, "output", "o", defaultOutput, "output format: "+strings.Join(render.Formats, ", ")+` ("table" is an older name for text)`)
}

// writer checks the format and returns its writer: colour as --color
// says, titles shortened to the terminal.
func (o *outputFlag) writer(env *Env, g *global) (render.Writer, error) {
	color, err := g.colored(env)
	if err != nil {
		return nil, err
	}
	opts := render.Options{Color: color}
	if env.IsTerminal {
		opts.Width = env.Width
	}
	w, err := render.New(o.format, opts)
	if err != nil {
		return nil, unknownValue(err, o.format, append(slices.Clone(render.Formats), "table"))
	}
	return w, nil
}

// The values of --color.
const (
	colorAuto   = "auto"
	colorAlways = "always"
	colorNever  = "never"
)

// colored decides colour from --color: auto is a terminal without
// NO_COLOR; an explicit always or never wins over NO_COLOR, as
// no-color.org asks of command-line flags.
func (g *global) colored(env *Env) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(g.color)) {
	case colorAuto, "":
		return env.IsTerminal && env.Getenv("NO_COLOR") == "", nil
	case colorAlways:
		return true, nil
	case colorNever:
		return false, nil
	}
	return false, unknownValue(fmt.Errorf("--color: %q is not auto, always or never", g.color), g.color, []string{colorAuto, colorAlways, colorNever})
}

// write writes doc to stdout; a failed write is exit 3.
func write(env *Env, w render.Writer, doc *render.Document) error {
	if err := w.Write(env.Stdout, doc); err != nil {
		return cannotRun(fmt.Errorf("cannot write the output: %w", err))
	}
	return nil
}

// enumValues are the values of an enum as strings, for suggestions.
func enumValues[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}
