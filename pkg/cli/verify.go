package cli

import (
	"fmt"

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

// verificationField is the evaluation office's validation of an item.
const verificationField = "verification"

type verifyOptions struct {
	id      string
	verdict model.VerificationStatus // accepted (--accept) or returned (--return)
	by      string
	note    string
	on      string
	dryRun  bool
}

func newVerifyCmd(env *Env, g *global) *cobra.Command {
	return newVerifyCmdRun(env, g, runVerify)
}

// newVerifyCmdRun builds verify with run as its body, so tests can check
// the flags without touching a file.
func newVerifyCmdRun(env *Env, g *global, run func(*Env, *global, *verifyOptions) error) *cobra.Command {
	opts := &verifyOptions{}
	var accept, ret bool
	cmd := &cobra.Command{
		Use:   "verify ID --accept|--return --by WHO",
		Short: "Record the evaluation office's verdict on a completed item",
		Long: `Record the evaluation office's verdict on an action or step that management
reports as completed, as its verification: status, by, on and note.

--accept validates the completion; the item must be completed. The item is
then "completed, validated" in list, status and show; until then it is
"completed, awaiting validation". Accepting an item that lists no evidence
is allowed, with a warning.

--return sends the completion back to management: the status goes back to
in-progress, completed_on is removed (the work is not done), and the
verification says returned, by whom, when, and why (--note is required).
When management reports the item completed again, it awaits validation
again until it is accepted.

The day is --on DATE, else the day (--as-of, default today). The change
goes through the same checks, lock and atomic write as set; comments and
every other line stay as they were.

Exit status:
  0  recorded (warnings do not change it), or nothing to change
  1  the changed file would not validate, nothing was written
  2  usage error: unknown id, an item that is not completed, a missing
     --by or --note, a day after today
  3  could not run: the file is busy or changed on disk, cannot be read or
     written, or is a link mrtrack does not follow`,
		Example: `  mrtrack verify R3.5 --accept --by "Evaluation Office"
  mrtrack verify R7.1.2 --accept --by "M. Diallo" --on 2025-03-10
  mrtrack verify R3.6 --return --by "Evaluation Office" --note "No report."`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return withHint(usage("verify takes one id, got %d", len(args)), "write an action or step id such as R3.5 or R7.1.2")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			switch {
			case accept == ret:
				return usage("give --accept or --return")
			case accept:
				opts.verdict = model.Accepted
			default:
				opts.verdict = model.Returned
			}
			if validate.IsBlank(opts.by) {
				return withHint(usage("--by is required: who validates"), `name the person or office, e.g. --by "Evaluation Office"`)
			}
			if opts.verdict == model.Returned && validate.IsBlank(opts.note) {
				return withHint(usage("--return needs --note: say what is missing"), `e.g. --note "No training report attached."`)
			}
			for _, v := range []struct{ name, value string }{{"by", opts.by}, {"note", opts.note}} {
				if err := checkText(v.name, v.value); err != nil {
					return err
				}
			}
			return run(env, g, opts)
		},
	}
	cmd.Flags().BoolVar(&accept, "accept", false, "validate the completion (the item must be completed)")
	cmd.Flags().BoolVar(&ret, "return", false, "send the completion back: the status becomes in-progress")
	cmd.Flags().StringVar(&opts.by, "by", "", "who validates: a person or the evaluation office")
	cmd.Flags().StringVar(&opts.note, "note", "", "what the evaluation office says (required with --return)")
	cmd.Flags().StringVar(&opts.on, "on", "", "the day of the verdict: YYYY-MM-DD, today, yesterday (default: the day)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "print the change as a unified diff; write nothing")
	return cmd
}

func runVerify(env *Env, g *global, opts *verifyOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	on := today
	if opts.on != "" {
		if on, err = completionDay("--on", opts.on, today); err != nil {
			return err
		}
	}
	data, err := g.loadData(env)
	if err != nil {
		return err
	}
	t, err := data.resolve(env, opts.id)
	if err != nil {
		return err
	}
	if t.Kind != query.KindAction && t.Kind != query.KindStep {
		return usage("%s is %s; verify validates an action (R3.5) or a step (R7.1.2)", t.ID(), withArticle(t.Kind))
	}
	id := escape.Line(t.ID())
	if st := trackingOf(t).Status; st != model.Completed {
		return &exitError{code: ExitUsage, err: withHint(
			fmt.Errorf("%s is %s; the evaluation office validates completed items only", id, st),
			"when management reports it done, run: mrtrack set "+id+" --status completed")}
	}
	f, err := recordFile(env, g, t, opts.dryRun)
	if err != nil {
		return err
	}
	item := itemOf(t)
	scope := edit.Scope{Item: item, Keys: []string{verificationField, "status", completedField}}
	var removed []string
	res, err := edit.Apply(f, []edit.Scope{scope}, func(r *edit.Record) error {
		var err error
		removed, err = writeVerdict(r, item, opts, on)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		return nil
	})
	if err != nil {
		return editFailed(env, err, ExitUsage)
	}
	switch {
	case !res.Changed():
		fmt.Fprintf(env.Stderr, "mrtrack: %s already has this verification; nothing to change\n", id)
	case opts.dryRun:
		fmt.Fprint(env.Stdout, res.Diff())
	case opts.verdict == model.Accepted:
		fmt.Fprintf(env.Stdout, "%s: accepted %s: completed, validated by %s on %s\n", escape.Line(f.Path), id, escape.Line(opts.by), on)
	default:
		fmt.Fprintf(env.Stdout, "%s: returned %s by %s on %s: status in-progress%s\n", escape.Line(f.Path), id, escape.Line(opts.by), on, removedNote(removed))
	}
	printers.Text{}.Findings(env.Stderr, res.Findings)
	return nil
}

// writeVerdict writes the verification into the item and, for a return,
// sets the status back to in-progress and removes completed_on; it returns
// the fields it removed. The item must still be completed in the file as
// read under the lock: another writer may have changed it meanwhile.
func writeVerdict(r *edit.Record, item edit.Item, opts *verifyOptions, on civil.Date) ([]string, error) {
	m, keys, err := r.Find(item)
	if err != nil {
		return nil, err
	}
	if s := edit.Lookup(m, "status"); s == nil || s.Value != string(model.Completed) {
		return nil, store.ErrChanged
	}
	values := map[string]string{"status": string(opts.verdict), "by": opts.by, "on": on.String(), "note": opts.note}
	var sub []edit.Field
	for _, f := range fields.Of(fields.Verification).Fields {
		if v := values[f.Name]; v != "" {
			sub = append(sub, edit.Field{Key: f.Name, Value: edit.Value{Text: v, Token: f.Token()}})
		}
	}
	if err := r.SetMapping(m, verificationField, sub, keys); err != nil {
		return nil, err
	}
	if opts.verdict == model.Accepted {
		return nil, nil
	}
	if err := r.Set(m, "status", edit.Value{Text: string(model.InProgress), Token: true}, keys); err != nil {
		return nil, err
	}
	if edit.Lookup(m, completedField) == nil {
		return nil, nil
	}
	return []string{completedField}, r.Remove(m, completedField)
}
