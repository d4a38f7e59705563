package cli

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

// todo is the placeholder a skeleton holds until an officer fills it in;
// validate reports each one (rule unfilled) so a skeleton never passes as
// real data.
func todo(what string) string { return validate.Unfilled + " " + what }

const newExitHelp = `Exit status:
  0  created (the placeholders left to fill in are listed)
  1  the parent may be in a file with errors, which was left out; or, with
     --edit, errors are left after the edit
  2  usage error: unknown id or evaluation, a value that is not allowed, or
     --edit with no editor found (checked before anything is written)
  3  could not run: the file exists already, is being written by another
     mrtrack, cannot be read or written (a full disk), or numbers ran out`

// newKind is what a new subcommand creates.
type newKind int

const (
	newEvaluation newKind = iota
	newRecommendation
	newAction
	newStep
)

type newOptions struct {
	kind        newKind
	id          string // the new evaluation's id, or the parent of an action or step
	fields      map[string]*string
	editor      bool
	evaluation  string
	responsible []string
}

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
		Example: `  mrtrack new evaluation EVO-2025-01 --title "Evaluation of …" --reference EVO/2025/01
  mrtrack new recommendation --evaluation EVO-2025-01 --title "Strengthen …"
  mrtrack new action R3 --title "Train border staff" --owner Protection --due 2025-06
  mrtrack new step R7.1 --title "Hold the workshop" --due 2025-03-31 --edit`,
	}
	cmd.AddCommand(newEvaluationCmd(env, g, run), newRecommendationCmd(env, g, run),
		newItemCmd(env, g, run, newAction), newItemCmd(env, g, run, newStep))
	return cmd
}

func addFieldFlags(cmd *cobra.Command, o *newOptions, names ...string) {
	help := map[string]string{
		"title": "title", "reference": "the evaluation office's reference, e.g. EVO/2025/01",
		"language": "language of the prose (BCP 47)", "commissioned-by": "entity that commissioned the evaluation",
		"response-due": "day the management response is due, YYYY-MM-DD", "text": "the full recommendation (Markdown)",
		"response": model.ResponseNames(), "reasons": "why management partially agrees or disagrees",
		"owner": "who does it", "due": "due date: YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown, every N months",
		"status": "status: " + model.StatusNames(), "description": "what the action involves (Markdown)",
	}
	o.fields = map[string]*string{}
	for _, n := range names {
		o.fields[n] = cmd.Flags().String(n, "", help[n])
	}
	cmd.Flags().BoolVar(&o.editor, "edit", false, "open the record in $VISUAL or $EDITOR once written")
}

// value returns the flag's value or the placeholder.
func (o *newOptions) value(name, placeholder string) string {
	if v := o.fields[name]; v != nil && *v != "" {
		return *v
	}
	return placeholder
}

// checkFlags checks the values given as flags, before anything is read.
func (o *newOptions) checkFlags() error {
	for _, name := range slices.Sorted(maps.Keys(o.fields)) {
		if v := *o.fields[name]; !utf8.ValidString(v) {
			return usage("--%s is not UTF-8 text: %s", name, quoted(v))
		}
	}
	for _, r := range o.responsible {
		if !utf8.ValidString(r) {
			return usage("--responsible is not UTF-8 text: %s", quoted(r))
		}
	}
	level := map[newKind]fields.Level{newEvaluation: fields.Evaluation, newRecommendation: fields.Recommendation,
		newAction: fields.Action, newStep: fields.Step}[o.kind]
	for _, name := range slices.Sorted(maps.Keys(o.fields)) {
		v, f := *o.fields[name], fields.Of(level).Field(strings.ReplaceAll(name, "-", "_"))
		if v == "" || f == nil {
			continue
		}
		switch f.Kind {
		case fields.Enum:
			if !slices.Contains(f.Values, v) {
				return usage("--%s %s is not allowed: use one of %s", name, quoted(v), strings.Join(f.Values, ", "))
			}
		case fields.Due:
			if _, err := model.ParseDue(v); err != nil {
				return usage("--%s: %v", name, err)
			}
		}
	}
	return nil
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

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
	o := &newOptions{kind: newEvaluation}
	cmd := &cobra.Command{
		Use:   "evaluation ID",
		Short: "Create data/ID/evaluation.yaml",
		// A new id cannot be completed from the data.
		ValidArgsFunction: cobra.NoFileCompletions,
		Long:              "Create the folder of a new evaluation and its evaluation.yaml.\n\n" + newExitHelp,
		Args:              cobra.ExactArgs(1),
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
	addFieldFlags(cmd, o, "title", "reference", "language", "commissioned-by", "response-due")
	return cmd
}

func newRecommendationCmd(env *Env, g *global, run func(*Env, *global, *newOptions) error) *cobra.Command {
	o := &newOptions{kind: newRecommendation}
	cmd := &cobra.Command{
		Use:   "recommendation --evaluation ID",
		Short: "Create the next rec-NN.yaml of an evaluation",
		Long:  "Create the next recommendation of an evaluation, with one action to fill in.\n\n" + newExitHelp,
		Args:  cobra.NoArgs,
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
	addFieldFlags(cmd, o, "title", "text", "response", "reasons")
	cmd.Flags().StringVar(&o.evaluation, "evaluation", "", "id of the evaluation (its folder name)")
	cmd.Flags().StringSliceVar(&o.responsible, "responsible", nil, "unit or function responsible (repeatable)")
	return cmd
}

func newItemCmd(env *Env, g *global, run func(*Env, *global, *newOptions) error, kind newKind) *cobra.Command {
	o := &newOptions{kind: kind}
	use, short := "action RECOMMENDATION", "Append the next action to a recommendation"
	names := []string{"title", "owner", "description", "due", "status"}
	if kind == newStep {
		use, short = "step ACTION", "Append the next step to an action"
		names = []string{"title", "due", "status"}
	}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Long:  short + ", changing no other byte of the file.\n\n" + newExitHelp,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.id = args[0]
			if err := o.checkFlags(); err != nil {
				return err
			}
			return run(env, g, o)
		},
	}
	addFieldFlags(cmd, o, names...)
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
	switch o.kind {
	case newEvaluation:
		return o.createEvaluation(env, g)
	case newRecommendation:
		return o.createRecommendation(env, g)
	}
	return o.appendItem(env, g)
}

func (o *newOptions) createEvaluation(env *Env, g *global) error {
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return err
	}
	id := o.id
	body := mapping(
		"id", str(id),
		"reference", str(o.value("reference", todo("the evaluation office's reference, e.g. EVO/2025/01"))),
		"title", str(o.value("title", todo("title of the evaluation"))),
		"language", str(o.value("language", "en")),
		"commissioned_by", str(o.value("commissioned-by", todo("who commissioned the evaluation, e.g. Evaluation Office"))),
		"response_due", token(o.value("response-due", todo("YYYY-MM-DD the management response is due"))),
		"coordinator", mapping("name", str(todo("name")), "title", str(todo("job title"))),
		"approved_by", mapping("name", str(todo("name")), "title", str(todo("job title")), "office", str(todo("office"))),
		"approved_on", token(todo("YYYY-MM-DD of the approval")),
	)
	f, err := o.create(env, dir, filepath.Join(dir, id, validate.EvaluationFile), body)
	if err != nil {
		return editFailed(env, err, ExitCannotRun)
	}
	return o.done(env, f, id)
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

// recommendation is the top mapping of recommendation n.
func (o *newOptions) recommendation(n int) *yaml.Node {
	response := o.value("response", string(model.Agree))
	responsible := make([]*yaml.Node, 0, len(o.responsible))
	for _, u := range o.responsible {
		responsible = append(responsible, str(u))
	}
	if len(responsible) == 0 {
		responsible = append(responsible, str(todo("unit or function responsible")))
	}
	pairs := []any{
		"number", token(strconv.Itoa(n)),
		"title", str(o.value("title", todo("the recommendation's headline"))),
		"text", str(o.value("text", todo("the full recommendation"))),
		"response", token(response),
	}
	if response != string(model.Agree) || o.value("reasons", "") != "" {
		pairs = append(pairs, "reasons", str(o.value("reasons", todo("why management "+response+"s"))))
	}
	pairs = append(pairs, "responsible", &yaml.Node{Kind: yaml.SequenceNode, Content: responsible},
		"actions", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{mapping(skeletonAction(1, &newOptions{})...)}})
	return mapping(pairs...)
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

// skeletonAction lists the keys and values of a new action.
func skeletonAction(n int, o *newOptions) []any {
	return []any{
		"number", token(strconv.Itoa(n)),
		"title", str(o.value("title", todo("what will be done"))),
		"owner", str(o.value("owner", todo("who does it"))),
		"description", str(o.value("description", "")),
		"due", o.due(),
		"status", token(o.value("status", string(model.NotStarted))),
		"progress", str(""),
	}
}

// skeletonStep lists the keys and values of a new step.
func skeletonStep(n int, o *newOptions) []any {
	return []any{
		"number", token(strconv.Itoa(n)),
		"title", str(o.value("title", todo("what will be done"))),
		"due", o.due(),
		"status", token(o.value("status", string(model.NotStarted))),
		"progress", str(""),
	}
}

func (o *newOptions) due() *yaml.Node {
	return token(o.value("due", todo("YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown or every N months")))
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
	if o.kind == newStep {
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
		pairs := skeletonAction(n, o)
		if o.kind == newStep {
			pairs = skeletonStep(n, o)
		}
		var fields []edit.Field
		for i := 0; i < len(pairs); i += 2 {
			v := pairs[i+1].(*yaml.Node)
			fields = append(fields, edit.Field{Key: pairs[i].(string), Value: edit.Value{Text: v.Value, Token: v.Tag == ""}})
		}
		if err := r.Append(m, list, fields, keys); err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		return nil
	})
	if err != nil {
		return editFailed(env, err, ExitCannotRun)
	}
	parentID := t.Recommendation.ID()
	if o.kind == newStep {
		parentID = t.Action.ID()
	}
	return o.done(env, f, model.QualifiedID(t.Evaluation, fmt.Sprintf("%s.%d", parentID, n)))
}

// create writes a new record file from its top mapping, inside the data
// folder dir, and returns it.
func (o *newOptions) create(env *Env, dir, abs string, body *yaml.Node) (edit.File, error) {
	f := edit.File{Path: abs, Abs: abs, Root: dir}
	if rel, err := filepath.Rel(env.Cwd, abs); err == nil {
		f.Path = filepath.ToSlash(rel)
	}
	kind, _ := validate.KindOf(filepath.Base(abs))
	schemaName := "recommendation.schema.json"
	if kind == validate.KindEvaluation {
		schemaName = "evaluation.schema.json"
	}
	body.Content[0].HeadComment = "# yaml-language-server: $schema=../../schema/" + schemaName
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(body); err != nil {
		return f, err
	}
	enc.Close()
	text, err := format.Format(filepath.Base(abs), buf.Bytes())
	if err != nil {
		return f, fmt.Errorf("internal: %w", err)
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

// str is a text value; token a value written plain (numbers, dates,
// statuses), whose type YAML resolves.
func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func token(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// mapping builds a mapping node from alternating keys and value nodes.
func mapping(pairs ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(pairs); i += 2 {
		m.Content = append(m.Content, str(pairs[i].(string)), pairs[i+1].(*yaml.Node))
	}
	return m
}
