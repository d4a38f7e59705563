package cli

import (
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/spf13/cobra"
)

// statusExitCodes documents the exit status of status.
const statusExitCodes = `Exit status:
  0  success, overdue actions or not (unless --fail-on-overdue)
  1  --fail-on-overdue found overdue actions; or the data has errors: the
     broken files were left out of the answer (run 'mrtrack validate')
  2  usage error: a bad flag, date, window or id
  3  could not run: unreadable data folder, internal error`

type statusOptions struct {
	filter        filterFlags
	by            query.Grouping
	overdue       bool
	failOnOverdue bool
	window        string
	at            string
	output        outputFlag
}

func newStatusCmd(env *Env, g *global) *cobra.Command {
	return newStatusCmdRun(env, g, runStatus)
}

// newStatusCmdRun builds status with run as its body, so tests can check
// the flags without loading data.
func newStatusCmdRun(env *Env, g *global, run func(*Env, *global, *statusOptions) error) *cobra.Command {
	opts := &statusOptions{}
	var by string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show progress, what is overdue and what falls due soon",
		Long: `Show how far the management responses have come on the day (--as-of,
default today).

Without --overdue: a progress table per recommendation (per evaluation when
the data holds several): actions, how many are completed, in progress, not
started, ongoing and overdue, and the implementation rate, completed /
(all - no longer applicable). --by regroups the table by the units
responsible for the recommendations, by action owner, by evaluation, by
the year the actions fall due, or by the recommendations' tags. By unit and
by tag, an action counts under each unit or tag of its recommendation (the
total counts it once); by tag, those without tags come last, as "no tag".

With --overdue: only the overdue actions, grouped by recommendation, most
overdue first, with owner, due date and days overdue, and their count.
--by owner or --by unit groups them instead by owner or by the units
responsible for the recommendation, in alphabetical order: the list each
owner or unit is sent. An action is overdue when it or any of its steps is
past its deadline and neither completed nor no longer applicable; a month
or a year falls due on its last day; ongoing and undated actions never are.

Both end with what falls due in the --due-soon window, the next things to
act on. --at DATE|REV reports on the records as they were at that point of
the git history, and measures against that day unless --as-of says
otherwise. -o csv writes the progress table (or the overdue actions) alone.

On a terminal the tables fit its width: counts and days in short forms
("Done", "181d"), then shorter titles; piped, they keep their natural width.

` + statusExitCodes,
		Example: `  mrtrack status
  mrtrack status --overdue
  mrtrack status --overdue --fail-on-overdue        # in a scheduled CI job
  mrtrack status --overdue --by unit -o markdown    # the list each unit is sent
  mrtrack status --by owner -o markdown             # for a report
  mrtrack status --by unit --as-of 2025-06-30 -o csv > progress.csv
  mrtrack status --due-soon 2w
  mrtrack status --at 2025-06-30                    # as the records were then`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return withHint(usage("status takes no arguments, got %q", args[0]), "to narrow it, use --rec R3 or --evaluation ID; to see one item, 'mrtrack show ID'")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			grouping, err := query.ParseGrouping(by)
			if err != nil {
				return idError("--by", err)
			}
			if opts.overdue && grouping != query.ByRecommendation && grouping != query.ByOwner && grouping != query.ByUnit {
				return withHint(usage("--overdue groups the overdue actions by recommendation, owner or unit, not by %s", grouping),
					"write --by owner or --by unit for the list each owner or unit is sent")
			}
			opts.by = grouping
			if _, err := opts.output.writer(env, g); err != nil {
				return err
			}
			return run(env, g, opts)
		},
	}
	opts.filter.addScope(cmd.Flags())
	cmd.Flags().StringVar(&by, "by", string(query.ByRecommendation), "group the progress table by recommendation, unit, owner, evaluation, due-year or tag")
	cmd.Flags().BoolVar(&opts.overdue, "overdue", false, "show only the overdue actions, most overdue first")
	cmd.Flags().BoolVar(&opts.failOnOverdue, "fail-on-overdue", false, "exit 1 when any action is overdue (for scheduled CI jobs)")
	cmd.Flags().StringVar(&opts.at, "at", "", atHelp)
	cmd.Flags().StringVar(&opts.window, "due-soon", defaultWindow, "show what falls due within WINDOW after today: 30d, 2w, 3m")
	opts.output.add(cmd.Flags())
	return cmd
}

func runStatus(env *Env, g *global, opts *statusOptions) error {
	data, err := g.recordsAt(env, opts.at)
	if err != nil {
		return err
	}
	today := data.today
	f, err := opts.filter.parse(today)
	if err != nil {
		return err
	}
	until, n, unit, err := parseWindow("--due-soon", opts.window, today)
	if err != nil {
		return err
	}
	w, err := opts.output.writer(env, g)
	if err != nil {
		return err
	}
	if err := opts.filter.resolve(env, f, data.evaluations); err != nil {
		return data.finish(err)
	}
	items := f.Select(data.evaluations, today)
	in := render.StatusInput{
		Day:        render.Day{Today: today, Until: until},
		Window:     n,
		WindowUnit: unit,
		Scope:      scopeOf(f, data.evaluations),
		Qualified:  len(data.evaluations) > 1,
		By:         opts.by,
		Overdue:    query.OverdueBy(items, overdueGrouping(opts), f),
		DueSoon:    query.FallingDue(items, today, until),
		Selected:   len(items),
	}
	var doc *render.Document
	if opts.overdue {
		in.By = overdueGrouping(opts)
		doc = render.Overdue(in)
	} else {
		in.Tables = query.Progress(data.evaluations, f, items, opts.by)
		doc = render.Status(in)
	}
	if err := write(env, w, doc); err != nil {
		return err
	}
	late := 0
	for _, it := range items {
		if it.Overdue {
			late++
		}
	}
	if opts.failOnOverdue && late > 0 {
		what := fmt.Sprintf("%d actions are", late)
		if late == 1 {
			what = "1 action is"
		}
		return &exitError{code: ExitFindings, err: fmt.Errorf("%s overdue on %s (--fail-on-overdue)", what, today)}
	}
	return data.finish(nil)
}

// overdueGrouping is how the overdue actions are grouped: --by owner or
// unit with --overdue; else, and in the progress view's overdue count, by
// recommendation.
func overdueGrouping(opts *statusOptions) query.Grouping {
	if opts.overdue && (opts.by == query.ByOwner || opts.by == query.ByUnit) {
		return opts.by
	}
	return query.ByRecommendation
}
