package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

const newExitHelp = `Exit status:
  0  created (the placeholders left to fill in are listed)
  1  a value given would make the record invalid (nothing is written); the
     parent may be in a file with errors, which was left out; or, with
     --edit, errors are left after the edit
  2  usage error: unknown id or evaluation, a value that is not allowed, or
     --edit with no editor found (checked before anything is written)
  3  could not run: the file exists already, is being written by another
     mrtrack, cannot be read or written (a full disk), or numbers ran out`

// newOptions is what a new subcommand creates: a record of level, its
// fields' values from the flags, keyed by field name.
type newOptions struct {
	level      fields.Level
	id         string // the new evaluation's id, or the parent of an action or step
	values     map[string]*string
	lists      map[string]*[]string
	editor     bool
	evaluation string
}

// The fields new fills in itself: an evaluation's id is its argument, an
// item's number the next free one.
const (
	idField     = "id"
	numberField = "number"
)

func newNewCmd(env *Env, g *global) *cobra.Command {
	return newNewCmdRun(env, g, runNew)
}

// newNewCmdRun builds new and its subcommands with run as their body, so
// tests can check the flags without writing a file.
func newNewCmdRun(env *Env, g *global, run func(*Env, *global, *newOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create an evaluation, a recommendation, an action or a step",
		Long: `Create a new record, or append an action or a step to one. New records start
with the schema modeline and hold every required field: what the flags do not
fill in is a "TODO: …" placeholder, which validate reports as an error until
it is replaced, so a skeleton never passes as real data. Nothing existing is
ever overwritten, even by a writer running at the same moment; appending
changes no other byte of the file. Numbers go up to ` + strconv.Itoa(edit.MaxNumber) + `.

` + newExitHelp,
	}
	subs := []*cobra.Command{newEvaluationCmd(env, g, run), newRecommendationCmd(env, g, run),
		newItemCmd(env, g, run, fields.Action), newItemCmd(env, g, run, fields.Step)}
	var examples []string
	for _, sub := range subs {
		examples = append(examples, sub.Example)
	}
	cmd.Example = strings.Join(examples, "\n")
	cmd.AddCommand(subs...)
	return cmd
}

// addFieldFlags gives the command a flag for each field of its level that
// a flag can hold (text, dates, enums; a list as a repeatable flag, on the
// records new creates whole: an appended item is written a value at a
// time, and edit appends single values), named and explained from the
// field table.
func addFieldFlags(cmd *cobra.Command, o *newOptions) {
	o.values, o.lists = map[string]*string{}, map[string]*[]string{}
	appended := o.level == fields.Action || o.level == fields.Step
	for _, f := range fields.Of(o.level).Fields {
		switch {
		case f.Name == idField:
		case f.Kind == fields.List && !appended:
			o.lists[f.Name] = cmd.Flags().StringArray(f.Flag(), nil, newFlagHelp(f))
		case f.Kind == fields.Text || f.Kind == fields.Markdown || f.Kind == fields.Enum || f.Kind == fields.Date || f.Kind == fields.Due:
			o.values[f.Name] = cmd.Flags().String(f.Flag(), "", newFlagHelp(f))
		}
	}
	cmd.Flags().BoolVar(&o.editor, "edit", false, "open the record in $VISUAL or $EDITOR once written")
}

// newFlagHelp is the help of a field's flag: an enum's values, else the
// first sentence of the field's description, or the form of its kind when
// that sentence is too long for a flag's help.
func newFlagHelp(f *fields.Field) string {
	if f.Kind == fields.Enum {
		return f.Name + ": " + strings.Join(f.Values, ", ")
	}
	h := firstSentence(f.Description)
	if len(h) > 80 && f.Kind == fields.Due {
		h = f.Name + ": " + f.Placeholder
	}
	switch {
	case f.Kind == fields.Markdown && !strings.Contains(h, "Markdown"):
		h += " (Markdown)"
	case f.Kind == fields.List:
		h += " (repeatable)"
	}
	return h
}

// firstSentence is the description's first sentence, without its full
// stop and with a lower-case first letter, as flag help is written.
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ') && !strings.HasSuffix(s[:i], "e.g") && !strings.HasSuffix(s[:i], "i.e") {
			s = s[:i]
			break
		}
	}
	if len(s) > 1 && s[1] >= 'a' && s[1] <= 'z' {
		s = strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

// given returns the values the flags give, as the nodes new writes.
func (o *newOptions) given() map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	for name, v := range o.values {
		if *v != "" {
			out[name] = valueNode(fields.Of(o.level).Field(name), *v)
		}
	}
	for name, l := range o.lists {
		if len(*l) > 0 {
			seq := &yaml.Node{Kind: yaml.SequenceNode}
			for _, v := range *l {
				seq.Content = append(seq.Content, str(v))
			}
			out[name] = seq
		}
	}
	return out
}

// checkFlags checks the values given as flags, before anything is read.
func (o *newOptions) checkFlags() error {
	for _, name := range slices.Sorted(maps.Keys(o.lists)) {
		for _, v := range *o.lists[name] {
			if !utf8.ValidString(v) {
				return usage("--%s is not UTF-8 text: %s", fields.Of(o.level).Field(name).Flag(), quoted(v))
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(o.values)) {
		v, f := *o.values[name], fields.Of(o.level).Field(name)
		if !utf8.ValidString(v) {
			return usage("--%s is not UTF-8 text: %s", f.Flag(), quoted(v))
		}
		if v == "" {
			continue
		}
		switch f.Kind {
		case fields.Enum:
			if !slices.Contains(f.Values, v) {
				return usage("--%s %s is not allowed: use one of %s", f.Flag(), quoted(v), strings.Join(f.Values, ", "))
			}
		case fields.Due:
			if _, err := model.ParseDue(v); err != nil {
				return usage("--%s: %v", f.Flag(), err)
			}
		}
	}
	return nil
}

// skeleton lists the keys and values of a new record of r, in the
// schema's order: each field given, then each other required field and
// each field with a default, as its default or its placeholder.
func skeleton(r *fields.Record, given map[string]*yaml.Node) []any {
	var pairs []any
	for _, f := range r.Fields {
		v := given[f.Name]
		if v == nil && (f.Required || f.Default != nil) {
			v = placeholder(f)
		}
		if v != nil {
			pairs = append(pairs, f.Name, v)
		}
	}
	return pairs
}

// placeholder is what new writes for a field no flag gives: its default,
// a "TODO: …" placeholder (one in a list), or for records of the next
// level the skeleton of the first one. TestNewWritesEveryRequiredField
// keeps every required field of the schema covered.
func placeholder(f *fields.Field) *yaml.Node {
	switch {
	case f.Default != nil:
		return valueNode(f, *f.Default)
	case f.Kind == fields.Items:
		return &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{mapping(skeleton(f.Sub, map[string]*yaml.Node{numberField: token("1")})...)}}
	case f.Kind == fields.Object:
		return mapping(skeleton(f.Sub, nil)...)
	case f.Placeholder == "":
		panic(fmt.Sprintf("new: the schema gives the required %s field %s no placeholder", f.Level, f.Name))
	case f.Kind == fields.List:
		return &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{str(validate.Placeholder(f.Placeholder))}}
	}
	return valueNode(f, validate.Placeholder(f.Placeholder))
}

// valueNode is v written as the field's kind is: plain for a token (a
// date, a status), as text otherwise.
func valueNode(f *fields.Field, v string) *yaml.Node {
	if f.Token() {
		return token(v)
	}
	return str(v)
}

var idPattern = lazyregexp.New(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// checkEvaluationID refuses an evaluation id that is no plain folder name,
// so no id can make a path that leaves the data folder (../x, a/../../b).
func checkEvaluationID(flag, id string) error {
	if !idPattern.MatchString(id) {
		if flag != "" {
			flag += " "
		}
		return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s%s is not an evaluation id", flag, quoted(id)),
			"use letters, digits, '.', '_' and '-', starting with a letter or digit (EVO-2025-01)")}
	}
	return nil
}

func newEvaluationCmd(env *Env, g *global, run func(*Env, *global, *newOptions) error) *cobra.Command {
	o := &newOptions{level: fields.Evaluation}
	cmd := &cobra.Command{
		Use:   "evaluation ID",
		Short: "Create data/ID/evaluation.yaml",
		// A new id cannot be completed from the data.
		ValidArgsFunction: cobra.NoFileCompletions,
		Long: `Create the folder of a new evaluation and its evaluation.yaml. Optional
fields (response_due, coordinator, approved_by, approved_on and the like) are
written only when a flag gives them: nothing is invented for a source that
does not say.

` + newExitHelp,
		Example: `  mrtrack new evaluation EVO-2025-01 --title "Evaluation of …" \
    --reference EVO/2025/01`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.id = args[0]
			if err := checkEvaluationID("", o.id); err != nil {
				return err
			}
			if err := o.checkFlags(); err != nil {
				return err
			}
			return run(env, g, o)
		},
	}
	addFieldFlags(cmd, o)
	return cmd
}

func newRecommendationCmd(env *Env, g *global, run func(*Env, *global, *newOptions) error) *cobra.Command {
	o := &newOptions{level: fields.Recommendation}
	cmd := &cobra.Command{
		Use:   "recommendation --evaluation ID",
		Short: "Create the next rec-NN.yaml of an evaluation",
		Long: `Create the next recommendation of an evaluation, with one action to fill in.
Without --response, the response is a placeholder that validate reports until
it is replaced; write not-stated when the source gives no category.

` + newExitHelp,
		Example: `  mrtrack new recommendation --evaluation EVO-2025-01 --title "Strengthen …"`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.evaluation == "" {
				return usage("--evaluation is required: the id of the evaluation the recommendation belongs to")
			}
			if err := checkEvaluationID("--evaluation", o.evaluation); err != nil {
				return err
			}
			if err := o.checkFlags(); err != nil {
				return err
			}
			return run(env, g, o)
		},
	}
	addFieldFlags(cmd, o)
	cmd.Flags().StringVar(&o.evaluation, "evaluation", "", "id of the evaluation (its folder name)")
	return cmd
}

func newItemCmd(env *Env, g *global, run func(*Env, *global, *newOptions) error, level fields.Level) *cobra.Command {
	o := &newOptions{level: level}
	use, short := "action RECOMMENDATION", "Append the next action to a recommendation"
	example := `  mrtrack new action R3 --title "Train border staff" --owner Protection \
    --due 2025-06`
	if level == fields.Step {
		use, short = "step ACTION", "Append the next step to an action"
		example = `  mrtrack new step R7.1 --title "Hold the workshop" --due 2025-03-31 --edit`
	}
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Long:    short + ", changing no other byte of the file.\n\n" + newExitHelp,
		Example: example,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.id = args[0]
			if err := o.checkFlags(); err != nil {
				return err
			}
			return run(env, g, o)
		},
	}
	addFieldFlags(cmd, o)
	return cmd
}

// runNew creates what o asks for. With --edit, the editor is found
// first, so a missing one writes nothing.
func runNew(env *Env, g *global, o *newOptions) error {
	if o.editor {
		if _, err := findEditor(env); err != nil {
			return err
		}
	}
	switch o.level {
	case fields.Evaluation:
		return o.createEvaluation(env, g)
	case fields.Recommendation:
		return o.createRecommendation(env, g)
	}
	return o.appendItem(env, g)
}

func (o *newOptions) createEvaluation(env *Env, g *global) error {
	dir, err := g.makeDataDir(env)
	if err != nil {
		return err
	}
	id := o.id
	given := o.given()
	given[idField] = str(id)
	body := mapping(skeleton(fields.Of(fields.Evaluation), given)...)
	f, err := o.create(env, dir, filepath.Join(dir, id, validate.EvaluationFile), body)
	if err != nil {
		return editFailed(env, err, ExitCannotRun)
	}
	return o.done(env, f, id)
}

// makeDataDir resolves the data folder, creating it first when it does
// not exist: the first evaluation of a new repository makes it.
func (g *global) makeDataDir(env *Env) (string, error) {
	dir := store.NewDataDir(g.dataDir, env.Getenv(store.EnvData), env.Cwd)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := store.MakeFolder(dir); err != nil {
			return "", cannotRun(err)
		}
	}
	return g.resolveDataDir(env)
}

// createRecommendation creates the next rec-NN.yaml. Two writers may pick
// the same number at once; the one that loses the name takes the next.
func (o *newOptions) createRecommendation(env *Env, g *global) error {
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return err
	}
	folder := filepath.Join(dir, o.evaluation)
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		return usage("no evaluation folder %s; create it with: mrtrack new evaluation %s", folder, o.evaluation)
	}
	for tries := 0; ; tries++ {
		n, err := nextRecNumber(folder)
		if err != nil {
			return editFailed(env, err, ExitCannotRun)
		}
		f, err := o.create(env, dir, filepath.Join(folder, validate.RecFileName(n)), o.recommendation(n))
		var exists *edit.ExistsError
		if errors.As(err, &exists) && tries < 100 {
			continue
		}
		if err != nil {
			return editFailed(env, err, ExitCannotRun)
		}
		return o.done(env, f, fmt.Sprintf("%s/R%d", o.evaluation, n))
	}
}

// recommendation is the top mapping of recommendation n. Without
// --response the response is its placeholder, never a real value, and
// reasons are asked for only when the response given calls for them.
func (o *newOptions) recommendation(n int) *yaml.Node {
	given := o.given()
	given[numberField] = token(strconv.Itoa(n))
	if r := model.Response(*o.values["response"]); given["reasons"] == nil && (r == model.PartiallyAgree || r == model.Disagree) {
		given["reasons"] = placeholder(fields.Of(fields.Recommendation).Field("reasons"))
	}
	return mapping(skeleton(fields.Of(fields.Recommendation), given)...)
}

// nextRecNumber is one more than the highest recommendation number named
// in folder, refusing to go past edit.MaxNumber.
func nextRecNumber(folder string) (int, error) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return 0, &edit.WriteError{Path: folder, Op: "read", Err: err}
	}
	n, name := 0, ""
	for _, e := range entries {
		if kind, num := validate.KindOf(e.Name()); kind == validate.KindRecommendation && num > n {
			n, name = num, e.Name()
		}
	}
	if n >= edit.MaxNumber {
		return 0, &edit.NumberError{Have: fmt.Sprintf("%d (%s)", n, name)}
	}
	return n + 1, nil
}

// appendItem appends the next action to a recommendation, or the next
// step to an action, numbered from the file as read under its lock, so two
// writers at once get two numbers.
func (o *newOptions) appendItem(env *Env, g *global) error {
	_, t, err := g.loadTarget(env, o.id)
	if err != nil {
		return err
	}
	want, parent, list := query.KindRecommendation, "a recommendation (R3)", "actions"
	if o.level == fields.Step {
		want, parent, list = query.KindAction, "an action (R7.1)", "steps"
	}
	if t.Kind != want {
		return usage("%s is %s; give %s", t.ID(), withArticle(t.Kind), parent)
	}
	f, err := recordFile(env, g, t, false)
	if err != nil {
		return err
	}
	item := itemOf(t)
	n := 0
	_, err = edit.Apply(f, []edit.Scope{{Item: item, Append: list}}, func(r *edit.Record) error {
		m, keys, err := r.Find(item)
		if err == nil {
			n, err = r.NextNumber(item, list)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		given := o.given()
		given[numberField] = token(strconv.Itoa(n))
		pairs := skeleton(fields.Of(o.level), given)
		var values []edit.Field
		for i := 0; i < len(pairs); i += 2 {
			v := pairs[i+1].(*yaml.Node)
			if v.Kind != yaml.ScalarNode {
				return fmt.Errorf("internal: new %s: %s is not a single value", o.level, pairs[i])
			}
			values = append(values, edit.Field{Key: pairs[i].(string), Value: edit.Value{Text: v.Value, Token: v.Tag == ""}})
		}
		if err := r.Append(m, list, values, keys); err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		return nil
	})
	if err != nil {
		return editFailed(env, err, ExitCannotRun)
	}
	parentID := t.Recommendation.ID()
	if o.level == fields.Step {
		parentID = t.Action.ID()
	}
	return o.done(env, f, model.QualifiedID(t.Evaluation, fmt.Sprintf("%s.%d", parentID, n)))
}

// create writes a new record file from its top mapping, inside the data
// folder dir, and returns it.
func (o *newOptions) create(env *Env, dir, abs string, body *yaml.Node) (edit.File, error) {
	f := newFile(env, dir, abs)
	text, err := format.Record(filepath.Base(abs), body)
	if err != nil {
		return f, err
	}
	// A value a flag gave may break a rule (a date that is no date): the
	// record is refused as set refuses a change, placeholders aside.
	schemas, err := validate.LoadSchemas()
	if err != nil {
		return f, err
	}
	var wrong []finding.Finding
	for _, fd := range schemas.Check(f.Path, abs, text).Findings {
		if fd.Severity == finding.Error && fd.Rule != finding.RuleUnfilled {
			wrong = append(wrong, fd)
		}
	}
	if len(wrong) > 0 {
		return f, &edit.InvalidError{Path: f.Path, Findings: wrong}
	}
	return f, edit.Create(f, text)
}

// done reports what was created, opens the editor when asked, and lists
// the placeholders still to fill in.
func (o *newOptions) done(env *Env, f edit.File, id string) error {
	path, abs := f.Path, f.Abs
	fmt.Fprintf(env.Stdout, "created %s in %s\n", escape.Line(id), escape.Line(path))
	if o.editor {
		if err := openEditor(env, abs); err != nil {
			if codeOf(err) == ExitUsage {
				return err
			}
			return cannotRun(err)
		}
	}
	data, err := store.Read(abs, store.DefaultLimits.MaxFileSize)
	if err != nil {
		return cannotRun(err)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		return cannotRun(err)
	}
	if f := schemas.Check(path, abs, data); len(f.Findings) > 0 {
		// After an edit, what is left is the officer's to fix, not a
		// skeleton's placeholders.
		label := "to fill in:"
		if o.editor {
			label = "errors left after the edit:"
		}
		fmt.Fprintln(env.Stdout, label)
		printers.Text{}.Findings(env.Stdout, f.Findings)
		if errs, _ := finding.Count(f.Findings); errs > 0 && o.editor {
			return failed()
		}
	}
	return nil
}

// findEditor returns $VISUAL or $EDITOR, refusing one whose program is
// not found on PATH (a usage error: nothing is written).
func findEditor(env *Env) (string, error) {
	name, editor := "VISUAL", env.Getenv("VISUAL")
	if editor == "" {
		name, editor = "EDITOR", env.Getenv("EDITOR")
	}
	if strings.TrimSpace(editor) == "" {
		return "", &exitError{code: ExitUsage, err: withHint(errors.New("--edit: neither $VISUAL nor $EDITOR is set; nothing was written"), "set EDITOR, e.g. export EDITOR=nano")}
	}
	// The command is run by the shell, so its first word is the program.
	prog := strings.Fields(editor)[0]
	if _, err := lookPath(env, prog); err != nil {
		return "", &exitError{code: ExitUsage, err: withHint(fmt.Errorf("--edit: $%s is %s, and %s is not found; nothing was written", name, quoted(editor), quoted(prog)),
			"set "+name+" to an installed editor, e.g. export "+name+"=nano")}
	}
	return editor, nil
}

// lookPath finds prog as the shell would, on the PATH the command runs
// with.
func lookPath(env *Env, prog string) (string, error) {
	if strings.ContainsRune(prog, '/') || strings.ContainsRune(prog, filepath.Separator) {
		if !filepath.IsAbs(prog) {
			prog = filepath.Join(env.Cwd, prog)
		}
		return exec.LookPath(prog)
	}
	for _, dir := range filepath.SplitList(env.Getenv("PATH")) {
		if dir == "" {
			dir = env.Cwd
		}
		if p, err := exec.LookPath(filepath.Join(dir, prog)); err == nil {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}

// openEditor runs $VISUAL or $EDITOR on path, through the shell so that
// EDITOR="code --wait" works as in git.
func openEditor(env *Env, path string) error {
	editor, err := findEditor(env)
	if err != nil {
		return err
	}
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		cmd = exec.Command("cmd", "/c", editor+" "+strconv.Quote(path))
	} else {
		cmd = exec.Command("sh", "-c", editor+` "$1"`, "editor", path)
	}
	// The editor needs the terminal itself, not mrtrack's buffered output.
	if f, ok := env.Stdout.(interface{ Flush() error }); ok {
		f.Flush()
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("editor %q: %w", editor, err)
	}
	return nil
}

// str, token and mapping build the nodes of a new record (see ydoc).
var (
	str     = ydoc.Str
	token   = ydoc.Token
	mapping = ydoc.Mapping
)
