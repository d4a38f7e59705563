package cli

import (
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/diff"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"github.com/spf13/cobra"
)

// fieldKind says how a settable field's value is checked and written.
type fieldKind int

const (
	textField     fieldKind = iota // any text; multi-line becomes a block
	requiredField                  // text that must not be empty
	statusField
	dueField
	dateField
)

// settable lists the fields set may change, and whether steps have them.
var settable = map[string]struct {
	kind       fieldKind
	actionOnly bool
}{
	"title":        {requiredField, false},
	"owner":        {requiredField, true},
	"owner_text":   {textField, true},
	"description":  {textField, true},
	"due":          {dueField, false},
	"due_text":     {textField, false},
	"original_due": {dueField, false},
	"status":       {statusField, false},
	"status_text":  {textField, false},
	"progress":     {textField, false},
	"updated":      {dateField, false},
}

type setOptions struct {
	id         string
	assign     []assignment
	noStamp    bool
	dryRun     bool
	flagValues map[string]*string
}

type assignment struct{ field, value string }

func newSetCmd(env *Env, g *global) *cobra.Command {
	opts := &setOptions{flagValues: map[string]*string{}}
	cmd := &cobra.Command{
		Use:   "set ID [FIELD=VALUE...]",
		Short: "Change fields of one action or step in place",
		Long: `Change fields of one action or step, in place: only the bytes of the changed
values move; comments, key order, quoting, blank lines, line endings and every
other line stay as they were. Values are checked before anything is written,
the file is validated again, and the write is atomic and refused if the file
changed on disk since it was read.

Fields: title, owner, owner_text, description, due, due_text, original_due,
status, status_text, progress, updated (owner, owner_text and description
belong to actions only). Text with line breaks is written as a block.

A value of - is read from standard input (for text spanning several lines).
Changing status or progress also sets updated to the day (--as-of, default
today) unless updated is given or --no-stamp is set.

Exit status:
  0  changed, or nothing to change
  1  the changed file would not validate; nothing was written
  2  usage error: unknown id or field, a value that is not allowed
  3  could not run: the file changed on disk, cannot be read or written`,
		Example: `  mrtrack set R3.5 --status completed --progress "Formation réalisée en mars."
  mrtrack set EVO-2024-03/R7.1.2 status=in-progress due=2025-06
  mrtrack set R1.6 --due 2025-06-30 original_due=2024-12-31 --dry-run`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			for _, a := range args[1:] {
				field, value, ok := strings.Cut(a, "=")
				if !ok {
					return usage("%q is not FIELD=VALUE", a)
				}
				opts.assign = append(opts.assign, assignment{strings.TrimSpace(field), value})
			}
			for _, name := range []string{"status", "progress", "due", "owner", "updated"} {
				if cmd.Flags().Changed(name) {
					opts.assign = append(opts.assign, assignment{name, *opts.flagValues[name]})
				}
			}
			if len(opts.assign) == 0 {
				return usage("nothing to set: give FIELD=VALUE or a flag such as --status")
			}
			return runSet(env, g, opts)
		},
	}
	for _, f := range []struct{ name, help string }{
		{"status", "new status: " + statusList()},
		{"progress", "new progress comments"},
		{"due", "new due date: YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown, every N months"},
		{"owner", "new owner (actions only)"},
		{"updated", "day of the progress update (default: the day, when status or progress change)"},
	} {
		opts.flagValues[f.name] = cmd.Flags().String(f.name, "", f.help)
	}
	cmd.Flags().BoolVar(&opts.noStamp, "no-stamp", false, "do not set updated when status or progress change")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "print the change as a unified diff; write nothing")
	return cmd
}

func statusList() string {
	names := make([]string, len(model.Statuses))
	for i, s := range model.Statuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

func runSet(env *Env, g *global, opts *setOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	_, t, err := g.loadTarget(env, opts.id)
	if err != nil {
		return err
	}
	if t.Kind != query.KindAction && t.Kind != query.KindStep {
		return usage("%s is %s; set changes an action (R3.5) or a step (R7.1.2)", t.ID(), withArticle(t.Kind))
	}
	if err := readStdinValue(env, opts.assign); err != nil {
		return err
	}
	values, err := checkValues(opts.assign, t.Kind == query.KindStep, today)
	if err != nil {
		return err
	}
	loc, err := locate(env, t)
	if err != nil {
		return err
	}
	changed := map[string]bool{}
	for _, a := range values {
		if cur := edit.Lookup(loc.node, a.field); cur != nil && cur.Value == a.value {
			continue
		}
		changed[a.field] = true
		if err := loc.doc.Set(loc.node, a.field, edit.Value{Text: a.value, Token: settable[a.field].kind >= statusField}, loc.keys); err != nil {
			return cannotRun(fmt.Errorf("%s: %w", loc.path, err))
		}
	}
	givenUpdated := slices.ContainsFunc(values, func(a assignment) bool { return a.field == "updated" })
	if (changed["status"] || changed["progress"]) && !givenUpdated && !opts.noStamp {
		if cur := edit.Lookup(loc.node, "updated"); cur == nil || cur.Value != today.String() {
			changed["updated"] = true
			if err := loc.doc.Set(loc.node, "updated", edit.Value{Text: today.String(), Token: true}, loc.keys); err != nil {
				return cannotRun(fmt.Errorf("%s: %w", loc.path, err))
			}
		}
	}
	if len(changed) == 0 {
		fmt.Fprintf(env.Stderr, "mrtrack: %s already has these values; nothing to change\n", t.ID())
		return nil
	}
	out := loc.doc.Bytes()
	if err := checkEdit(env, loc, out, changed); err != nil {
		return err
	}
	if opts.dryRun {
		fmt.Fprint(env.Stdout, diff.Unified("a/"+loc.path, "b/"+loc.path, loc.data, out))
		return nil
	}
	if err := store.WriteFile(loc.abs, out, loc.data); err != nil {
		return cannotRun(fmt.Errorf("%s: %w", loc.path, err))
	}
	fields := make([]string, 0, len(changed))
	for f := range changed {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	fmt.Fprintf(env.Stdout, "%s: set %s of %s\n", loc.path, strings.Join(fields, ", "), t.ID())
	return nil
}

// checkValues checks each value for its field and returns them in the
// form the record takes (a due date as written in records, a day as
// YYYY-MM-DD).
func checkValues(assign []assignment, step bool, today civil.Date) ([]assignment, error) {
	out := make([]assignment, 0, len(assign))
	seen := map[string]bool{}
	for _, a := range assign {
		f, ok := settable[a.field]
		if !ok {
			names := make([]string, 0, len(settable))
			for n := range settable {
				names = append(names, n)
			}
			slices.Sort(names)
			return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%q is not a field set can change", a.field), "fields: "+strings.Join(names, ", "))}
		}
		if step && f.actionOnly {
			return nil, usage("steps have no %s; it belongs to the action", a.field)
		}
		if seen[a.field] {
			return nil, usage("%s is given twice", a.field)
		}
		seen[a.field] = true
		v := a.value
		switch f.kind {
		case requiredField:
			if strings.TrimSpace(v) == "" {
				return nil, usage("%s must not be empty", a.field)
			}
		case statusField:
			if !slices.Contains(model.Statuses, model.Status(v)) {
				hint := "use one of: " + statusList()
				if s := validate.SuggestValue(v, strings.Split(statusList(), ", ")); s != "" {
					hint = "did you mean " + s + "? " + hint
				}
				return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("status %q is not allowed", v), hint)}
			}
		case dueField:
			d, err := model.ParseDue(v)
			if err != nil {
				return nil, usage("%s: %v", a.field, err)
			}
			v = d.String()
		case dateField:
			d, err := civil.ParseUser(v, today)
			if err != nil {
				return nil, usage("%s: %v", a.field, err)
			}
			v = d.String()
		}
		out = append(out, assignment{a.field, v})
	}
	return out, nil
}

// checkEdit validates the edited file and checks it says what it said
// before except for the fields changed, so nothing else can be lost.
func checkEdit(env *Env, loc *located, out []byte, changed map[string]bool) error {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		return cannotRun(err)
	}
	f := schemas.Check(loc.path, loc.abs, out)
	before := schemas.Check(loc.path, loc.abs, loc.data)
	if added := newErrors(before.Findings, f.Findings); len(added) > 0 {
		printers.Text{}.Findings(env.Stderr, added)
		return &exitError{code: ExitFindings, err: fmt.Errorf("%s would not validate after the change; nothing was written", loc.path)}
	}
	oldV, newV := before.Value, f.Value
	strip := func(v any) any {
		target, _ := ydoc.Pointer(v, loc.pointer).(map[string]any)
		for k := range changed {
			delete(target, k)
		}
		return v
	}
	if !reflect.DeepEqual(strip(oldV), strip(newV)) {
		return cannotRun(fmt.Errorf("internal: the edit of %s would change more than the fields asked for; nothing was written (please report this)", loc.path))
	}
	return nil
}

// newErrors returns the errors of after that before did not have (by rule,
// field and message: lines move when text is added), leaving out the
// placeholders of a skeleton, which a change may leave for later.
func newErrors(before, after []finding.Finding) []finding.Finding {
	type key struct{ rule, field, msg string }
	had := map[key]bool{}
	for _, f := range before {
		had[key{f.Rule, f.Field, f.Message}] = true
	}
	var out []finding.Finding
	for _, f := range after {
		if f.Severity == finding.Error && f.Rule != finding.RuleUnfilled && !had[key{f.Rule, f.Field, f.Message}] {
			out = append(out, f)
		}
	}
	return out
}

// readStdinValue replaces a value of "-" by standard input, without its
// final line break; only one field may be read that way.
func readStdinValue(env *Env, assign []assignment) error {
	read := false
	for i := range assign {
		if assign[i].value != "-" {
			continue
		}
		if read {
			return usage("only one field can be read from standard input")
		}
		read = true
		b, err := io.ReadAll(io.LimitReader(env.Stdin, store.DefaultLimits.MaxFileSize))
		if err != nil {
			return cannotRun(err)
		}
		assign[i].value = strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	}
	return nil
}
