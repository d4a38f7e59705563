package cli

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/spf13/cobra"
)

// stampField is the day of the last progress update, which set stamps
// when status or progress change.
const stampField = "updated"

// appendField is the field --append adds a dated paragraph to.
const appendField = "progress"

// settable is the fields set may change on an action; a step has those
// of them fields.ActionOnly does not name.
func settable(name string) *fields.Field {
	f := fields.Of(fields.Action).Field(name)
	if f == nil || !f.Settable {
		return nil
	}
	return f
}

type setOptions struct {
	ids     []string
	assign  []assignment
	noStamp bool
	dryRun  bool
	append  bool
	move    move
}

type assignment struct{ field, value string }

// setFieldsHelp is the paragraph of set's help that names its fields.
func setFieldsHelp() string {
	var names, only []string
	for _, f := range fields.Of(fields.Action).Settable() {
		names = append(names, f.Name)
		if fields.ActionOnly(f.Name) {
			only = append(only, f.Name)
		}
	}
	s := "Fields: " + strings.Join(names, ", ")
	if len(only) > 0 {
		s += " (" + andList(only) + " belong to actions only)"
	}
	return wrap(s+". Text with line breaks is written as a block.", 79)
}

// flagHelp is the help of a field's flag, from what the table says of it.
func flagHelp(f *fields.Field) string {
	h := "new " + f.Name
	switch f.Kind {
	case fields.Enum:
		h += ": " + strings.Join(f.Values, ", ")
	case fields.Due:
		h += ": YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown, every N months"
	case fields.Date:
		h += ": YYYY-MM-DD, today, yesterday"
	case fields.Markdown:
		h += " (Markdown)"
	}
	if f.Name == stampField {
		h += " (default: the day, when status or progress change)"
	}
	if fields.ActionOnly(f.Name) {
		h += " (actions only)"
	}
	return h
}

// andList writes "a, b and c".
func andList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// wrap breaks s at spaces into lines of at most width bytes.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		switch {
		case i == 0:
		case n+1+len(w) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// parseSetArgs splits set's arguments into ids, then FIELD=VALUE pairs.
func parseSetArgs(args []string) (ids []string, assign []assignment, err error) {
	ids = args[:1]
	for i, a := range args[1:] {
		if m := shortItemID.FindStringSubmatch(a); len(assign) == 0 && m != nil && m[3] != "" {
			ids = append(ids, a)
			continue
		}
		field, value, ok := strings.Cut(a, "=")
		if !ok {
			if f := settable(a); f != nil {
				return nil, nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s is not FIELD=VALUE", quoted(a)), fieldHint(f, args[2+i:]))}
			}
			return nil, nil, usage("%s is not FIELD=VALUE", quoted(a))
		}
		assign = append(assign, assignment{strings.TrimSpace(field), value})
	}
	return ids, assign, nil
}

// fieldHint is the advice for a field name given without =VALUE: when the
// value came as the next argument (set R3.6 status completed), the
// argument it meant, with an enum's value corrected; else the two forms.
func fieldHint(f *fields.Field, rest []string) string {
	v := ""
	if len(rest) > 0 && !strings.Contains(rest[0], "=") && len(rest[0]) <= maxQuoted {
		v = rest[0]
	}
	if f.Kind == fields.Enum && v != "" && !slices.Contains(f.Values, v) {
		v = validate.SuggestValue(v, f.Values) // set R3.6 status done
	}
	if v != "" {
		return fmt.Sprintf("did you mean %s (or --%s %s)?", shellWord(f.Name+"="+v), f.Flag(), shellWord(v))
	}
	hint := "write " + f.Name + "=VALUE, or the flag --" + f.Flag() + " VALUE"
	if f.Kind == fields.Enum {
		hint += "; VALUE is one of " + strings.Join(f.Values, ", ")
	}
	return hint
}

func newSetCmd(env *Env, g *global) *cobra.Command {
	return newSetCmdRun(env, g, runSet)
}

// newSetCmdRun builds set with run as its body, so tests can check the
// flags without touching a file.
func newSetCmdRun(env *Env, g *global, run func(*Env, *global, *setOptions) error) *cobra.Command {
	opts := &setOptions{}
	flagValues := map[string]*string{}
	cmd := &cobra.Command{
		Use:   "set ID... [FIELD=VALUE...]",
		Short: "Change fields of actions or steps in place",
		Long: `Change fields of one or more actions or steps, in place: only the bytes of
the changed values move; comments, key order, blank lines, line endings and
every other line stay as they were. Values are checked before anything is
written, the file is validated again, and the write is atomic. Writers of one
file take turns (a second one waits for the first, then changes the file as
the first left it), and the write is refused if another program changed the
file. Warnings the change causes (a completed action with open steps) are
printed on stderr after the change, as validate prints them.

` + setFieldsHelp() + `

Several ids, given before the FIELD=VALUE arguments, each get the same
values; the ids of one file change in one write, all or none, and each file
is its own write.

A value of - is read from standard input (for text spanning several lines).
Changing status or progress also sets updated to the day (--as-of, default
today) unless updated is given or --no-stamp is set. With --append, the
progress given is added to the progress already there as a new paragraph,
"YYYY-MM-DD: text" with the day (--as-of, default today), after a blank line.

Moving the due date keeps its history in the record: the first move fills
original_due with the first promised date (unless original_due is given),
and --reason (with --approved-by) adds an extension {from, to, on, reason,
approved_by}, on being the day (--as-of, default today). A move without
--reason is written with a warning (unrecorded-extension); --reason with the
due date the item already has records the move no extension explains.

Exit status:
  0  changed, or nothing to change (warnings do not change it)
  1  the changed file would not validate, nothing was written; or an id may
     be in a file with errors, which was left out
  2  usage error: unknown id or field, a value that is not allowed or too long
  3  could not run: the file is busy or changed on disk, cannot be read or
     written (a full disk), or is a link mrtrack does not follow`,
		Example: `  mrtrack set R3.5 --status completed --progress "Formation réalisée en mars."
  mrtrack set EVO-2024-03/R7.1.2 status=in-progress due=2025-06
  mrtrack set R3.6 R3.7 --status completed
  mrtrack set R3.5 --append --progress "Second pool trained."
  mrtrack set R5.1 --due 2025-06-30 --reason "Focal point named late."
  mrtrack set R1.6 --due 2025-06-30 original_due=2024-12-31 --dry-run`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.ids, opts.assign, err = parseSetArgs(args); err != nil {
				return err
			}
			for _, f := range fields.Of(fields.Action).Settable() {
				if cmd.Flags().Changed(f.Flag()) {
					opts.assign = append(opts.assign, assignment{f.Name, *flagValues[f.Name]})
				}
			}
			if err := opts.move.check(opts.assign); err != nil {
				return err
			}
			if len(opts.assign) == 0 {
				return usage("nothing to set: give FIELD=VALUE or a flag such as --status")
			}
			for _, a := range opts.assign {
				if settable(a.field) == nil {
					var names []string
					for _, f := range fields.Of(fields.Action).Settable() {
						names = append(names, f.Name)
					}
					slices.Sort(names)
					return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s is not a field set can change", quoted(a.field)), "fields: "+strings.Join(names, ", "))}
				}
			}
			if opts.append && !slices.ContainsFunc(opts.assign, func(a assignment) bool { return a.field == appendField }) {
				return usage("--append adds to %s: give the text with --%s or %s=TEXT", appendField, appendField, appendField)
			}
			return run(env, g, opts)
		},
	}
	for _, f := range fields.Of(fields.Action).Settable() {
		flagValues[f.Name] = cmd.Flags().String(f.Flag(), "", flagHelp(f))
	}
	cmd.Flags().BoolVar(&opts.noStamp, "no-stamp", false, "do not set updated when status or progress change")
	cmd.Flags().BoolVar(&opts.append, "append", false, "add the progress given as a new dated paragraph instead of replacing it")
	cmd.Flags().StringVar(&opts.move.reason, "reason", "", "with --due: why the deadline moved, recorded under extensions")
	cmd.Flags().StringVar(&opts.move.approvedBy, "approved-by", "", "with --due and --reason: who approved the extension")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "print the change as a unified diff; write nothing")
	return cmd
}

// setTarget is one id set changes, resolved.
type setTarget struct {
	t    query.Target
	item edit.Item
}

func runSet(env *Env, g *global, opts *setOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	data, err := g.loadData(env)
	if err != nil {
		return err
	}
	if err := readStdinValue(env, opts.assign); err != nil {
		return err
	}
	// Every id and value is checked before any file is written.
	var files []edit.File
	byFile := map[string][]setTarget{}
	var values []assignment
	for _, id := range opts.ids {
		t, err := data.resolve(env, id)
		if err != nil {
			return err
		}
		if t.Kind != query.KindAction && t.Kind != query.KindStep {
			return usage("%s is %s; set changes an action (R3.5) or a step (R7.1.2)", t.ID(), withArticle(t.Kind))
		}
		if values, err = checkValues(opts.assign, t.Kind == query.KindStep, today); err != nil {
			return err
		}
		f, err := recordFile(env, g, t, opts.dryRun)
		if err != nil {
			return err
		}
		if _, ok := byFile[f.Abs]; !ok {
			files = append(files, f)
		}
		byFile[f.Abs] = append(byFile[f.Abs], setTarget{t, itemOf(t)})
	}
	for _, f := range files {
		if err := setInFile(env, f, byFile[f.Abs], values, today, opts); err != nil {
			return err
		}
	}
	return nil
}

// setInFile gives the targets of one file the values, in one transaction,
// and says what changed.
func setInFile(env *Env, f edit.File, targets []setTarget, values []assignment, today civil.Date, opts *setOptions) error {
	var scopes []edit.Scope
	for _, st := range targets {
		may := edit.Scope{Item: st.item, Keys: []string{stampField}}
		for _, a := range values {
			may.Keys = append(may.Keys, a.field)
			if a.field == dueField {
				may.Keys, may.Append = append(may.Keys, originalDueField), extensionsField
			}
		}
		scopes = append(scopes, may)
	}
	changed := make([][]string, len(targets))
	res, err := edit.Apply(f, scopes, func(r *edit.Record) (err error) {
		for i, st := range targets {
			if changed[i], err = setValues(r, f, st.item, values, today, opts); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return editFailed(env, err, ExitUsage)
	}
	if opts.dryRun && res.Changed() {
		fmt.Fprint(env.Stdout, res.Diff())
	}
	for i, st := range targets {
		id := escape.Line(st.t.ID())
		switch {
		case len(changed[i]) == 0:
			fmt.Fprintf(env.Stderr, "mrtrack: %s already has these values; nothing to change\n", id)
		case !opts.dryRun:
			fmt.Fprintf(env.Stdout, "%s: set %s of %s\n", escape.Line(f.Path), strings.Join(changed[i], ", "), id)
		}
	}
	printers.Text{}.Findings(env.Stderr, res.Findings)
	return nil
}

// setValues gives the item the values, stamping updated with today when
// status or progress change (unless updated is given or noStamp), and
// returns the fields it changed, sorted. It runs on the file as read under
// its lock, so a value another writer set meanwhile is seen, and the text
// --append adds to is the text there now.
func setValues(r *edit.Record, f edit.File, item edit.Item, values []assignment, today civil.Date, opts *setOptions) ([]string, error) {
	m, keys, err := r.Find(item)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	changed := map[string]bool{}
	set := func(field, value string) error {
		cur := edit.Lookup(m, field)
		if cur != nil && cur.Value == value {
			return nil
		}
		changed[field] = true
		if err := r.Set(m, field, edit.Value{Text: value, Token: settable(field).Token()}, keys); err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		return nil
	}
	for _, a := range values {
		v := a.value
		if opts.append && a.field == appendField {
			old := ""
			if cur := edit.Lookup(m, a.field); cur != nil {
				old = cur.Value
			}
			v = appendParagraph(old, today, v)
		}
		if err := set(a.field, v); err != nil {
			return nil, err
		}
		if a.field == dueField {
			given := slices.ContainsFunc(values, func(a assignment) bool { return a.field == originalDueField })
			moved, err := recordMove(r, m, keys, v, given, opts.move, today)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Path, err)
			}
			for _, k := range moved {
				changed[k] = true
			}
		}
	}
	givenUpdated := slices.ContainsFunc(values, func(a assignment) bool { return a.field == stampField })
	if (changed["status"] || changed["progress"]) && !givenUpdated && !opts.noStamp {
		if err := set(stampField, today.String()); err != nil {
			return nil, err
		}
	}
	return slices.Sorted(maps.Keys(changed)), nil
}

// appendParagraph adds "YYYY-MM-DD: text" to old as a paragraph of its
// own, after a blank line; old's trailing line breaks and spaces go.
func appendParagraph(old string, day civil.Date, text string) string {
	p := day.String() + ": " + strings.TrimSpace(text)
	if old = strings.TrimRight(old, " \n"); old == "" {
		return p
	}
	return old + "\n\n" + p
}

// checkValues checks each value for its field and returns them in the
// form the record takes (a due date as written in records, a day as
// YYYY-MM-DD).
func checkValues(assign []assignment, step bool, today civil.Date) ([]assignment, error) {
	out := make([]assignment, 0, len(assign))
	seen := map[string]bool{}
	for _, a := range assign {
		f := settable(a.field)
		if err := checkText(a.field, a.value); err != nil {
			return nil, err
		}
		if step && fields.ActionOnly(f.Name) {
			return nil, usage("steps have no %s; it belongs to the action", a.field)
		}
		if seen[a.field] {
			return nil, usage("%s is given twice", a.field)
		}
		seen[a.field] = true
		v := a.value
		switch f.Kind {
		case fields.Enum:
			if !slices.Contains(f.Values, v) {
				hint := "use one of: " + strings.Join(f.Values, ", ")
				if s := validate.SuggestValue(v, f.Values); s != "" {
					hint = "did you mean " + s + "? " + hint
				}
				return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s %s is not allowed", a.field, quoted(v)), hint)}
			}
		case fields.Due:
			d, err := model.ParseDue(v)
			if err != nil {
				return nil, usage("%s: %v", a.field, err)
			}
			v = d.String()
		case fields.Date:
			d, err := civil.ParseUser(v, today)
			if err != nil {
				return nil, usage("%s: %v", a.field, err)
			}
			v = d.String()
		default:
			if f.NonEmpty && validate.IsBlank(v) {
				return nil, usage("%s must not be empty", a.field)
			}
		}
		out = append(out, assignment{a.field, v})
	}
	return out, nil
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
		limit := store.DefaultLimits.MaxFileSize
		b, err := io.ReadAll(io.LimitReader(env.Stdin, limit+1))
		if err != nil {
			return cannotRun(fmt.Errorf("cannot read standard input: %w", err))
		}
		if int64(len(b)) > limit {
			return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("standard input is larger than the %d-byte limit on record files; nothing was written", limit),
				"keep long documents outside the record and link to them")}
		}
		// Text piped from a Windows editor ends its lines with CRLF; records
		// keep line feeds only inside values.
		text := strings.ReplaceAll(string(b), "\r\n", "\n")
		assign[i].value = strings.TrimSuffix(text, "\n")
	}
	return nil
}
