package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"

	"github.com/mrtrack/mrtrack/pkg/edit"
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
  2  usage error: unknown id or evaluation, a value that is not allowed
  3  could not run: the file exists already, cannot be read or written`

type newOptions struct {
	fields     map[string]*string
	editor     bool
	evaluation string
	responsibl []string
}

func newNewCmd(env *Env, g *global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create an evaluation, a recommendation, an action or a step",
		Long: `Create a new record, or append an action or a step to one. New records start
with the schema modeline and hold every required field: what the flags do not
fill in is a "TODO: …" placeholder, which validate reports as an error until
it is replaced, so a skeleton never passes as real data. Nothing existing is
ever overwritten; appending changes no other byte of the file.

` + newExitHelp,
		Example: `  mrtrack new evaluation EVO-2025-01 --title "Evaluation of …" --reference EVO/2025/01
  mrtrack new recommendation --evaluation EVO-2025-01 --title "Strengthen …"
  mrtrack new action R3 --title "Train border staff" --owner Protection --due 2025-06
  mrtrack new step R7.1 --title "Hold the workshop" --due 2025-03-31 --edit`,
	}
	cmd.AddCommand(newEvaluationCmd(env, g), newRecommendationCmd(env, g), newActionCmd(env, g, false), newActionCmd(env, g, true))
	return cmd
}

func addFieldFlags(cmd *cobra.Command, o *newOptions, names ...string) {
	help := map[string]string{
		"title": "title", "reference": "the evaluation office's reference, e.g. EVO/2025/01",
		"language": "language of the prose (BCP 47)", "commissioned-by": "entity that commissioned the evaluation",
		"response-due": "day the management response is due, YYYY-MM-DD", "text": "the full recommendation (Markdown)",
		"response": "agree, partially-agree or disagree", "reasons": "why management partially agrees or disagrees",
		"owner": "who does it", "due": "due date: YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown, every N months",
		"status": "status: " + statusList(), "description": "what the action involves (Markdown)",
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

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

func newEvaluationCmd(env *Env, g *global) *cobra.Command {
	o := &newOptions{}
	cmd := &cobra.Command{
		Use:   "evaluation ID",
		Short: "Create data/ID/evaluation.yaml",
		// A new id cannot be completed from the data.
		ValidArgsFunction: cobra.NoFileCompletions,
		Long:              "Create the folder of a new evaluation and its evaluation.yaml.\n\n" + newExitHelp,
		Args:              cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			if !idPattern.MatchString(id) {
				return usage("%q is not an evaluation id: use letters, digits, '.', '_' and '-' (EVO-2025-01)", id)
			}
			dir, err := g.resolveDataDir(env)
			if err != nil {
				return err
			}
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
			return o.create(env, filepath.Join(dir, id, validate.EvaluationFile), body, id)
		},
	}
	addFieldFlags(cmd, o, "title", "reference", "language", "commissioned-by", "response-due")
	return cmd
}

func newRecommendationCmd(env *Env, g *global) *cobra.Command {
	o := &newOptions{}
	cmd := &cobra.Command{
		Use:   "recommendation --evaluation ID",
		Short: "Create the next rec-NN.yaml of an evaluation",
		Long:  "Create the next recommendation of an evaluation, with one action to fill in.\n\n" + newExitHelp,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.evaluation == "" {
				return usage("--evaluation is required: the id of the evaluation the recommendation belongs to")
			}
			response := o.value("response", string(model.Agree))
			if !slices.Contains(model.Responses, model.Response(response)) {
				return usage("--response %q is not allowed: use agree, partially-agree or disagree", response)
			}
			dir, err := g.resolveDataDir(env)
			if err != nil {
				return err
			}
			folder := filepath.Join(dir, o.evaluation)
			if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
				return usage("no evaluation folder %s; create it with: mrtrack new evaluation %s", folder, o.evaluation)
			}
			n, err := nextRecNumber(folder)
			if err != nil {
				return cannotRun(err)
			}
			responsible := make([]*yaml.Node, 0, len(o.responsibl))
			for _, u := range o.responsibl {
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
			if response != string(model.Agree) || *o.fields["reasons"] != "" {
				pairs = append(pairs, "reasons", str(o.value("reasons", todo("why management "+response+"s"))))
			}
			pairs = append(pairs, "responsible", &yaml.Node{Kind: yaml.SequenceNode, Content: responsible},
				"actions", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{mapping(skeletonAction(1, &newOptions{})...)}})
			return o.create(env, filepath.Join(folder, validate.RecFileName(n)), mapping(pairs...), fmt.Sprintf("%s/R%d", o.evaluation, n))
		},
	}
	addFieldFlags(cmd, o, "title", "text", "response", "reasons")
	cmd.Flags().StringVar(&o.evaluation, "evaluation", "", "id of the evaluation (its folder name)")
	cmd.Flags().StringSliceVar(&o.responsibl, "responsible", nil, "unit or function responsible (repeatable)")
	return cmd
}

// nextRecNumber is one more than the highest recommendation number named
// in folder.
func nextRecNumber(folder string) (int, error) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if kind, num := validate.KindOf(e.Name()); kind == validate.KindRecommendation {
			n = max(n, num)
		}
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

func newActionCmd(env *Env, g *global, step bool) *cobra.Command {
	o := &newOptions{}
	use, short, parent := "action RECOMMENDATION", "Append the next action to a recommendation", "a recommendation (R3)"
	if step {
		use, short, parent = "step ACTION", "Append the next step to an action", "an action (R7.1)"
	}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Long:  short + ", changing no other byte of the file.\n\n" + newExitHelp,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if s := o.value("status", ""); s != "" && !slices.Contains(model.Statuses, model.Status(s)) {
				return usage("--status %q is not allowed: use one of %s", s, statusList())
			}
			if d := o.value("due", ""); d != "" {
				if _, err := model.ParseDue(d); err != nil {
					return usage("--due: %v", err)
				}
			}
			_, t, err := g.loadTarget(env, args[0])
			if err != nil {
				return err
			}
			want := query.KindRecommendation
			if step {
				want = query.KindAction
			}
			if t.Kind != want {
				return usage("%s is %s; give %s", t.ID(), withArticle(t.Kind), parent)
			}
			return o.appendItem(env, t, step)
		},
	}
	names := []string{"title", "owner", "description", "due", "status"}
	if step {
		names = []string{"title", "due", "status"}
	}
	addFieldFlags(cmd, o, names...)
	return cmd
}

func (o *newOptions) appendItem(env *Env, t query.Target, step bool) error {
	loc, err := locate(env, t)
	if err != nil {
		return err
	}
	var list, id string
	var pairs []any
	n := 1
	if step {
		for _, s := range t.Action.Steps {
			n = max(n, s.Number+1)
		}
		list, id, pairs = "steps", fmt.Sprintf("%s.%d", t.Action.ID(), n), skeletonStep(n, o)
	} else {
		for _, a := range t.Recommendation.Actions {
			n = max(n, a.Number+1)
		}
		list, id, pairs = "actions", fmt.Sprintf("%s.%d", t.Recommendation.ID(), n), skeletonAction(n, o)
	}
	var fields []edit.Field
	for i := 0; i < len(pairs); i += 2 {
		v := pairs[i+1].(*yaml.Node)
		fields = append(fields, edit.Field{Key: pairs[i].(string), Value: edit.Value{Text: v.Value, Token: v.Tag == ""}})
	}
	if err := loc.doc.Append(loc.node, list, fields, loc.keys); err != nil {
		return cannotRun(fmt.Errorf("%s: %w", loc.path, err))
	}
	out := loc.doc.Bytes()
	if err := checkEdit(env, loc, out, map[string]bool{list: true}); err != nil {
		return err
	}
	if err := store.WriteFile(loc.abs, out, loc.data); err != nil {
		return cannotRun(fmt.Errorf("%s: %w", loc.path, err))
	}
	return o.done(env, loc.path, loc.abs, model.QualifiedID(t.Evaluation, id))
}

// create writes a new record file from its top mapping.
func (o *newOptions) create(env *Env, abs string, body *yaml.Node, id string) error {
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
		return cannotRun(err)
	}
	enc.Close()
	text, err := format.Format(filepath.Base(abs), buf.Bytes())
	if err != nil {
		return cannotRun(fmt.Errorf("internal: %w", err))
	}
	if err := store.CreateFile(abs, text); err != nil {
		return &exitError{code: ExitCannotRun, err: withHint(err, "pick another id, or edit the existing file")}
	}
	path := abs
	if rel, err := filepath.Rel(env.Cwd, abs); err == nil {
		path = filepath.ToSlash(rel)
	}
	return o.done(env, path, abs, id)
}

// done reports what was created, opens the editor when asked, and lists
// the placeholders still to fill in.
func (o *newOptions) done(env *Env, path, abs, id string) error {
	fmt.Fprintf(env.Stdout, "created %s in %s\n", id, path)
	if o.editor {
		if err := openEditor(env, abs); err != nil {
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
		fmt.Fprintln(env.Stdout, "to fill in:")
		printers.Text{}.Findings(env.Stdout, f.Findings)
		if errs, _ := finding.Count(f.Findings); errs > 0 && o.editor {
			return failed()
		}
	}
	return nil
}

// openEditor runs $VISUAL or $EDITOR on path, through the shell so that
// EDITOR="code --wait" works as in git.
func openEditor(env *Env, path string) error {
	editor := env.Getenv("VISUAL")
	if editor == "" {
		editor = env.Getenv("EDITOR")
	}
	if editor == "" {
		return withHint(fmt.Errorf("--edit: neither $VISUAL nor $EDITOR is set"), "set EDITOR, e.g. export EDITOR=nano")
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
