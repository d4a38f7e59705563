package cli

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/model"
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
	id      string
	assign  []assignment
	noStamp bool
	dryRun  bool
}

type assignment struct{ field, value string }

// setFlags are the fields set also takes as flags, with their help.
var setFlags = []struct{ name, help string }{
	{"status", "new status: " + model.StatusNames()},
	{"progress", "new progress comments"},
	{"due", "new due date: YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown, every N months"},
	{"owner", "new owner (actions only)"},
	{"updated", "day of the progress update (default: the day, when status or progress change)"},
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
		Use:   "set ID [FIELD=VALUE...]",
		Short: "Change fields of one action or step in place",
		Long: `Change fields of one action or step, in place: only the bytes of the changed
values move; comments, key order, quoting, blank lines, line endings and every
other line stay as they were. Values are checked before anything is written,
the file is validated again, and the write is atomic. Writers of one file take
turns (a second one waits for the first, then changes the file as the first
left it), and the write is refused if another program changed the file.

Fields: title, owner, owner_text, description, due, due_text, original_due,
status, status_text, progress, updated (owner, owner_text and description
belong to actions only). Text with line breaks is written as a block.

A value of - is read from standard input (for text spanning several lines).
Changing status or progress also sets updated to the day (--as-of, default
today) unless updated is given or --no-stamp is set.

Exit status:
  0  changed, or nothing to change
  1  the changed file would not validate; nothing was written
  2  usage error: unknown id or field, a value that is not allowed or too long
  3  could not run: the file is busy or changed on disk, cannot be read or
     written (a full disk), or is a link mrtrack does not follow`,
		Example: `  mrtrack set R3.5 --status completed --progress "Formation réalisée en mars."
  mrtrack set EVO-2024-03/R7.1.2 status=in-progress due=2025-06
  mrtrack set R1.6 --due 2025-06-30 original_due=2024-12-31 --dry-run`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			for _, a := range args[1:] {
				field, value, ok := strings.Cut(a, "=")
				if !ok {
					return usage("%s is not FIELD=VALUE", quoted(a))
				}
				opts.assign = append(opts.assign, assignment{strings.TrimSpace(field), value})
			}
			for _, f := range setFlags {
				if cmd.Flags().Changed(f.name) {
					opts.assign = append(opts.assign, assignment{f.name, *flagValues[f.name]})
				}
			}
			if len(opts.assign) == 0 {
				return usage("nothing to set: give FIELD=VALUE or a flag such as --status")
			}
			for _, a := range opts.assign {
				if _, ok := settable[a.field]; !ok {
					names := slices.Sorted(maps.Keys(settable))
					return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s is not a field set can change", quoted(a.field)), "fields: "+strings.Join(names, ", "))}
				}
			}
			return run(env, g, opts)
		},
	}
	for _, f := range setFlags {
		flagValues[f.name] = cmd.Flags().String(f.name, "", f.help)
	}
	cmd.Flags().BoolVar(&opts.noStamp, "no-stamp", false, "do not set updated when status or progress change")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "print the change as a unified diff; write nothing")
	return cmd
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
	f, err := recordFile(env, g, t, opts.dryRun)
	if err != nil {
		return err
	}
	item := itemOf(t)
	may := edit.Scope{Item: item, Keys: []string{"updated"}}
	for _, a := range values {
		may.Keys = append(may.Keys, a.field)
	}
	var changed []string
	res, err := edit.Apply(f, []edit.Scope{may}, func(r *edit.Record) (err error) {
		changed, err = setValues(r, f, item, values, today, opts.noStamp)
		return err
	})
	if err != nil {
		return editFailed(env, err, ExitUsage)
	}
	if !res.Changed() {
		fmt.Fprintf(env.Stderr, "mrtrack: %s already has these values; nothing to change\n", t.ID())
		return nil
	}
	if opts.dryRun {
		fmt.Fprint(env.Stdout, res.Diff())
		return nil
	}
	fmt.Fprintf(env.Stdout, "%s: set %s of %s\n", f.Path, strings.Join(changed, ", "), t.ID())
	return nil
}

// setValues gives the item the values, stamping updated with today when
// status or progress change (unless updated is given or noStamp), and
// returns the fields it changed, sorted. It runs on the file as read under
// its lock, so a value another writer set meanwhile is seen.
func setValues(r *edit.Record, f edit.File, item edit.Item, values []assignment, today civil.Date, noStamp bool) ([]string, error) {
	m, keys, err := r.Find(item)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	changed := map[string]bool{}
	set := func(field, value string) error {
		if cur := edit.Lookup(m, field); cur != nil && cur.Value == value {
			return nil
		}
		changed[field] = true
		if err := r.Set(m, field, edit.Value{Text: value, Token: settable[field].kind >= statusField}, keys); err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		return nil
	}
	for _, a := range values {
		if err := set(a.field, a.value); err != nil {
			return nil, err
		}
	}
	givenUpdated := slices.ContainsFunc(values, func(a assignment) bool { return a.field == "updated" })
	if (changed["status"] || changed["progress"]) && !givenUpdated && !noStamp {
		if err := set("updated", today.String()); err != nil {
			return nil, err
		}
	}
	return slices.Sorted(maps.Keys(changed)), nil
}

// checkValues checks each value for its field and returns them in the
// form the record takes (a due date as written in records, a day as
// YYYY-MM-DD).
func checkValues(assign []assignment, step bool, today civil.Date) ([]assignment, error) {
	out := make([]assignment, 0, len(assign))
	seen := map[string]bool{}
	for _, a := range assign {
		f := settable[a.field]
		if !utf8.ValidString(a.value) {
			return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s: the value is not UTF-8 text: %s", a.field, quoted(a.value)),
				"records are UTF-8: convert the text first, e.g. with iconv -t UTF-8")}
		}
		if i := ydoc.IndexForbidden(a.value); i >= 0 {
			r, _ := utf8.DecodeRuneInString(a.value[i:])
			return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s: %s is not allowed in record text: %s", a.field, ydoc.DescribeRune(r), quoted(a.value)),
				"records hold printable text, tabs and line feeds only; remove it or write the text again")}
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
			if validate.IsBlank(v) {
				return nil, usage("%s must not be empty", a.field)
			}
		case statusField:
			if !slices.Contains(model.Statuses, model.Status(v)) {
				hint := "use one of: " + model.StatusNames()
				if s := validate.SuggestValue(v, strings.Split(model.StatusNames(), ", ")); s != "" {
					hint = "did you mean " + s + "? " + hint
				}
				return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("status %s is not allowed", quoted(v)), hint)}
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
