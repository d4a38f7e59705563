package cli

import (
	"errors"
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/round"
	"github.com/mrtrack/mrtrack/pkg/round/form"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/spf13/cobra"
)

type roundCollectOptions struct {
	files  []string
	round  string
	dryRun bool
}

func newRoundCollectCmd(env *Env, g *global) *cobra.Command {
	return newRoundCollectCmdRun(env, g, runRoundCollect)
}

// newRoundCollectCmdRun builds round collect with run as its body, so
// tests can check the flags without reading a form.
func newRoundCollectCmdRun(env *Env, g *global, run func(*Env, *global, *roundCollectOptions) error) *cobra.Command {
	opts := &roundCollectOptions{}
	cmd := &cobra.Command{
		Use:   "collect FILE... [--dry-run]",
		Short: "Read returned forms into the records",
		Long: `Read forms the owners returned (.xlsx or .csv, as Excel or LibreOffice saved
them) and write what they say into the records: the new status, the
progress text (a paragraph "YYYY-MM-DD: text" after the progress there, or
replacing it, as the round says), completed_on (the day completed, else the
day of the reply, when the status becomes completed: as set does), and
updated, the day of the reply: the day the owner's form was first
collected, kept in the round file as replied_on. A proposed new due date
is recorded in the round file as a request, with its reason; the due date
does not change until the office approves it with set --due ... --reason
... --approved-by ....

Every cell is checked first: a status that is not one of the list, a day
that is not a date, a locked column that was changed, an id the form was
not sent with. Findings name the cell, FILE:Sheet!H7, and nothing of that
form is written; each form is all or nothing, and the forms are
independent. Collecting a form twice changes nothing the second time.

The round is the most recently opened one that sent the form's ids,
unless --round names it.

Exit status:
  0  collected, or nothing to change
  1  a form has errors, or a record would not validate: that form was not
     written (the others were)
  2  usage error: no round, an unknown --round
  3  could not run: a form or record cannot be read or written`,
		Example: `  mrtrack round collect forms/2025-q1-protection.xlsx
  mrtrack round collect forms/*.xlsx --dry-run
  mrtrack round collect reply.csv --round 2025-q1`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return withHint(usage("round collect needs the forms to read"), "e.g. mrtrack round collect forms/2025-q1-protection.xlsx")
			}
			return nil
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"xlsx", "csv"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.round, "round", "", "the round the forms belong to (default: the latest that sent their ids)")
	cmd.RegisterFlagCompletionFunc("round", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return roundNames(env, g), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "print the changes as unified diffs; write nothing")
	return cmd
}

// collector holds what every form of one run is checked against.
type collector struct {
	env    *Env
	g      *global
	opts   *roundCollectOptions
	today  civil.Date
	rounds []*roundFile
	items  map[string]roundItem
}

func runRoundCollect(env *Env, g *global, opts *roundCollectOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	data, err := g.loadData(env)
	if err != nil {
		return err
	}
	rounds, err := loadRounds(env, g)
	if err != nil {
		return err
	}
	if opts.round != "" {
		r, err := findRound(rounds, opts.round)
		if err != nil {
			return err
		}
		rounds = []*roundFile{r}
	} else if _, err := findRound(rounds, ""); err != nil {
		return err
	}
	c := &collector{env, g, opts, today, rounds, allItems(data.Evaluations)}
	failed := false
	for _, path := range opts.files {
		ok, err := c.collect(path)
		if err != nil {
			return err
		}
		failed = failed || !ok
	}
	if failed {
		return &exitError{code: ExitFindings}
	}
	return data.finish(nil)
}

// collected is one record item a form changes.
type collected struct {
	up     form.Update
	target query.Target
	values []assignment
	set    *setOptions
}

// collect reads one form and writes it, all or nothing; false when its
// findings stopped it.
func (c *collector) collect(path string) (bool, error) {
	env := c.env
	abs := env.abs(path)
	name := displayPath(env, abs)
	data, err := store.Read(abs, form.MaxSize)
	if err != nil {
		return false, cannotRun(fmt.Errorf("cannot read %s: %w", escape.Line(name), err))
	}
	ret, fs := form.Read(name, data)
	if ret == nil {
		return c.refuse(name, fs)
	}
	rf, owner, fd := c.roundOf(ret)
	if owner == nil {
		return c.refuse(name, append(fs, fd...))
	}
	day := owner.RepliedOn
	if day.IsZero() {
		day = c.today
	}
	ups, more := ret.Updates(form.Check{
		Language: owner.Language, Day: day,
		Sent: func(id string) (string, bool) {
			d := owner.SentDigest(id)
			return d, d != ""
		},
		Current: func(id string) (form.Item, bool) {
			it, ok := c.items[id]
			return it.item, ok
		},
	})
	fs = append(fs, more...)
	var todo []collected
	var requests []round.ExtensionRequest
	for _, up := range ups {
		it, ok := c.items[up.ID]
		if !ok {
			fs = append(fs, cellFinding(ret, up.Row, form.ColID, form.RuleID, fmt.Sprintf("%s is no longer in the records", up.ID), "the office renumbered or removed it; ask for a new form"))
			continue
		}
		if up.NewDue != "" {
			if err := checkText("reason", up.Reason); err != nil {
				fs = append(fs, *errorFinding(ret, up.Row, form.ColReason, err))
				continue
			}
			requests = append(requests, round.ExtensionRequest{ID: up.ID, From: up.Due, To: up.NewDue, Reason: up.Reason, RequestedOn: day})
		}
		if cl, f := c.plan(ret, up, it, rf.Progress, day); f != nil {
			fs = append(fs, *f)
		} else if cl != nil {
			todo = append(todo, *cl)
		}
	}
	if errs, _ := finding.Count(fs); errs > 0 {
		return c.refuse(name, fs)
	}
	printers.Text{}.Findings(env.Stderr, fs)
	return c.write(name, rf, owner, day, todo, requests)
}

// refuse prints a form's findings and says it was not collected.
func (c *collector) refuse(name string, fs []finding.Finding) (bool, error) {
	printers.Text{}.Findings(c.env.Stderr, fs) // in the order of the rows
	errs, _ := finding.Count(fs)
	fmt.Fprintf(c.env.Stderr, "mrtrack: %s: not collected, %s; nothing of it was written\n", escape.Line(name), termtext.Plural(errs, "error"))
	return false, nil
}

func cellFinding(ret *form.Returned, row form.Row, key, rule, msg, hint string) finding.Finding {
	return finding.Finding{File: ret.Ref(row, key), Severity: finding.Error, Rule: rule, Message: msg, Hint: hint}
}

// roundOf finds the round and owner a form was sent to, by its first id.
func (c *collector) roundOf(ret *form.Returned) (*roundFile, *round.Owner, []finding.Finding) {
	for _, row := range ret.Rows {
		id := row.ID()
		if id == "" {
			continue
		}
		for _, r := range c.rounds {
			if o := r.OwnerOf(id); o != nil {
				return r, o, nil
			}
		}
		which := "no round"
		if c.opts.round != "" {
			which = "round " + c.opts.round
		}
		return nil, nil, []finding.Finding{cellFinding(ret, row, form.ColID, form.RuleID, fmt.Sprintf("%s sent no form with %s", which, quoted(id)),
			"collect the forms mrtrack round open wrote, as they came back; see mrtrack round status")}
	}
	return nil, nil, []finding.Finding{{File: ret.Name, Severity: finding.Error, Rule: form.RuleLayout, Message: "the form holds no row with an id", Hint: "send the form as mrtrack round open wrote it"}}
}

// errorFinding is a command's refusal of a value, as a finding on the
// cell the value came from.
func errorFinding(ret *form.Returned, row form.Row, key string, err error) *finding.Finding {
	hint := ""
	var h *hinted
	if errors.As(err, &h) {
		hint = h.hint
	}
	f := cellFinding(ret, row, key, form.RuleCell, err.Error(), hint)
	return &f
}

// plan checks what a row asks of an item as set checks its values, and
// returns the change to make, nil when the row asks for nothing.
func (c *collector) plan(ret *form.Returned, up form.Update, it roundItem, mode round.Mode, day civil.Date) (*collected, *finding.Finding) {
	var assign []assignment
	if up.Status != "" {
		assign = append(assign, assignment{"status", string(up.Status)})
	}
	if up.Progress != "" {
		assign = append(assign, assignment{appendField, up.Progress})
	}
	on := ""
	if !up.CompletedOn.IsZero() {
		on = up.CompletedOn.String()
	}
	if len(assign) == 0 && on == "" {
		return nil, nil
	}
	// Each value is checked as set checks it, on its own, so a finding
	// names its cell; the completion rules are about the status.
	var values []assignment
	for _, a := range assign {
		v, err := checkValues([]assignment{a}, it.target.Kind == query.KindStep, day)
		if err != nil {
			key := form.ColNewStatus
			if a.field == appendField {
				key = form.ColNewProgress
			}
			return nil, errorFinding(ret, up.Row, key, err)
		}
		values = append(values, v...)
	}
	if err := checkCompletion(it.target, values, on, day); err != nil {
		return nil, errorFinding(ret, up.Row, form.ColNewStatus, err)
	}
	return &collected{up: up, target: it.target, values: values, set: &setOptions{append: mode == round.Append, on: on}}, nil
}
