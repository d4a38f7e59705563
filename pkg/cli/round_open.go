package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/round"
	"github.com/mrtrack/mrtrack/pkg/round/form"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/spf13/cobra"
)

type roundOpenOptions struct {
	name     string
	due      string
	owners   []string
	out      string
	progress string
}

func newRoundOpenCmd(env *Env, g *global) *cobra.Command {
	return newRoundOpenCmdRun(env, g, runRoundOpen)
}

// newRoundOpenCmdRun builds round open with run as its body, so tests can
// check the flags without writing a file.
func newRoundOpenCmdRun(env *Env, g *global, run func(*Env, *global, *roundOpenOptions) error) *cobra.Command {
	opts := &roundOpenOptions{}
	cmd := &cobra.Command{
		Use:   "open NAME --due DATE [--owner X...] [--out DIR]",
		Short: "Write a form per owner and record the round",
		Long: `Write one form per owner of open actions: an Excel workbook (NAME-OWNER.xlsx)
and the same form as CSV (NAME-OWNER.csv), in --out (default: the working
folder), and record the round in the data folder as ` + round.Folder + `/NAME.yaml: the day
it opened, the day replies are due, and what each owner was sent.

A form lists the owner's actions and steps still open: id, recommendation,
title, due date, status, last progress and last update, locked; and the
owner's columns: new status (a drop-down list), progress (new text), day
completed, and a proposed new due date with its reason (a request for more
time, which the office decides on). The first sheet says how to fill it
in. A form is in the language owners.yaml gives the owner, else in French
for an evaluation written in French, else in English. The sheet is
protected without a password: the lock keeps edits in the owner's
columns, it hides nothing.

--owner keeps the owners whose name holds the text, ignoring case and
accents, as list --owner does; it can be repeated. --progress says what a
form's progress text does when collected: append (a dated paragraph after
the progress there, the default) or replace.

Nothing is overwritten: a round of that name, or a form in --out, is an
error, and nothing is written.

Exit status:
  0  the round is open, its forms written
  1  the data has errors (files with errors are left out)
  2  usage error: a bad name or date, an owner no open action has, a round
     or form that exists already
  3  could not run: a file cannot be written`,
		Example: `  mrtrack round open 2025-q1 --due 2025-01-31 --out forms
  mrtrack round open 2025-q1-hr --due +3w --owner "ressources humaines"
  mrtrack round open 2025-q2 --due eom --progress replace`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return withHint(usage("round open takes the round's name, got %d arguments", len(args)), "e.g. mrtrack round open 2025-q1 --due 2025-01-31")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			if err := round.CheckName(opts.name); err != nil {
				return withHint(usage("%v", err), "e.g. 2025-q1")
			}
			if opts.due == "" {
				return withHint(usage("--due is required: the day owners are asked to reply by"), "e.g. --due 2025-01-31 or --due +3w")
			}
			if !slices.Contains(round.Modes, round.Mode(opts.progress)) {
				return usage("--progress %s is not append or replace", quoted(opts.progress))
			}
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.due, "due", "", "the day replies are due: YYYY-MM-DD, eom, +3w, ... (required)")
	cmd.Flags().StringArrayVar(&opts.owners, "owner", nil, "only owners whose name holds this text, case and accents ignored (repeatable)")
	cmd.Flags().StringVar(&opts.out, "out", ".", "the folder the forms are written to")
	cmd.Flags().StringVar(&opts.progress, "progress", string(round.Append), "what a form's progress text does: append a dated paragraph, or replace")
	return cmd
}

// ownerForm is one owner's form before it is written.
type ownerForm struct {
	owner *round.Owner
	form  *form.Form
}

func runRoundOpen(env *Env, g *global, opts *roundOpenOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	due, err := parseDateFlag("--due", opts.due, today)
	if err != nil {
		return err
	}
	if due.Before(today) {
		return withHint(usage("--due %s is before today (%s)", due, today), "give the day replies are due, after today")
	}
	data, err := g.loadData(env)
	if err != nil {
		return err
	}
	forms, err := ownerForms(data, opts, due)
	if err != nil {
		return data.finish(err)
	}
	r := &round.Round{Name: opts.name, OpenedOn: today, Due: due, Progress: round.Mode(opts.progress)}
	for _, f := range forms {
		r.Owners = append(r.Owners, f.owner)
	}
	rf, err := roundPath(env, g, opts.name, false)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(rf.Abs); err == nil {
		return roundExists(rf, opts.name)
	}
	out := env.abs(opts.out)
	type file struct {
		f    edit.File
		data []byte
	}
	var files []file
	for _, f := range forms {
		x, err := form.XLSX(f.form)
		if err != nil {
			return cannotRun(fmt.Errorf("cannot write the form of %s: %w", f.owner.Name, err))
		}
		for _, ext := range []struct {
			name string
			data []byte
		}{{".xlsx", x}, {".csv", form.CSV(f.form)}} {
			abs := filepath.Join(out, f.owner.Form+ext.name)
			ef := edit.File{Path: displayPath(env, abs), Abs: abs}
			if _, err := os.Lstat(abs); err == nil {
				return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s already exists; nothing was written", ef.Path), "write the forms to another folder with --out DIR")}
			}
			files = append(files, file{ef, ext.data})
		}
	}
	body, err := round.Encode(r)
	if err != nil {
		return cannotRun(err)
	}
	if err := edit.Create(rf, body); err != nil {
		var exists *edit.ExistsError
		if errors.As(err, &exists) {
			return roundExists(rf, opts.name)
		}
		return editFailed(env, err, ExitCannotRun)
	}
	for _, f := range files {
		if err := edit.Create(f.f, f.data); err != nil {
			return editFailed(env, err, ExitCannotRun)
		}
	}
	for _, f := range forms {
		xlsx := displayPath(env, filepath.Join(out, f.owner.Form+".xlsx"))
		fmt.Fprintf(env.Stdout, "%s and .csv: %s, %s (%s)\n", escape.Line(xlsx), escape.Line(f.owner.Name), termtext.Plural(len(f.form.Items), "item"), f.owner.Language)
	}
	fmt.Fprintf(env.Stdout, "%s: round %s opened on %s, replies due %s: %s\n", escape.Line(rf.Path), r.Name, today, due, termtext.Plural(len(forms), "owner"))
	return data.finish(nil)
}

// formLanguage is the language of an owner's form: the one owners.yaml
// gives the owner, else the evaluation's.
func formLanguage(data *dataResult, e *model.Evaluation, owner string) string {
	if o, ok := data.Owners.Lookup(owner); ok && o.Language != "" {
		return form.LanguageOf(o.Language)
	}
	return form.LanguageOf(e.Language)
}

func roundExists(f edit.File, name string) error {
	return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("round %s exists already (%s); nothing was written", name, escape.Line(f.Path)),
		"choose another name, or see where it stands: mrtrack round status "+name)}
}

// ownerForms gathers each owner's open items into a form, owners in the
// order of their names.
func ownerForms(data *dataResult, opts *roundOpenOptions, due civil.Date) ([]ownerForm, error) {
	byOwner := map[string]*ownerForm{}
	var names, all []string
	for _, e := range data.Evaluations {
		for _, r := range e.Recommendations {
			for _, a := range r.Actions {
				if !slices.Contains(all, a.Owner) {
					all = append(all, a.Owner)
				}
				if len(opts.owners) > 0 && !slices.ContainsFunc(opts.owners, func(o string) bool { return query.Contains(a.Owner, o) }) {
					continue
				}
				items := openItems(e, a)
				if len(items) == 0 {
					continue
				}
				of := byOwner[a.Owner]
				if of == nil {
					lang := formLanguage(data, e, a.Owner)
					of = &ownerForm{&round.Owner{Name: a.Owner, Language: lang}, &form.Form{Round: opts.name, Owner: a.Owner, Language: lang, Due: due}}
					byOwner[a.Owner] = of
					names = append(names, a.Owner)
				}
				for _, it := range items {
					of.form.Items = append(of.form.Items, it.item)
					of.owner.Sent = append(of.owner.Sent, round.Sent{ID: it.item.ID, Digest: it.item.Digest(of.owner.Language)})
				}
			}
		}
	}
	if len(names) == 0 {
		if len(opts.owners) > 0 {
			slices.Sort(all)
			var given []string
			for _, o := range opts.owners {
				given = append(given, "--owner "+quoted(o))
			}
			return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("no owner of an open action matches %s", strings.Join(given, ", ")), "owners: "+strings.Join(all, "; "))}
		}
		return nil, usage("no action is open: there is nothing to ask for")
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(query.Fold(a), query.Fold(b)) })
	var out []ownerForm
	taken := map[string]bool{}
	for _, n := range names {
		of := byOwner[n]
		base := form.FileName(opts.name, n)
		name := base
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		taken[name] = true
		of.owner.Form = name
		out = append(out, *of)
	}
	return out, nil
}
