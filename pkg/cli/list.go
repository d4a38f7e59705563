package cli

import (
	"slices"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/spf13/cobra"
)

type listOptions struct {
	filter    filterFlags
	sort      query.SortKey
	output    outputFlag
	slipped   bool
	stale     string
	staleN    int // --stale's span, once read
	staleUnit civil.Unit
	all       bool
	reviewDue bool
	at        string
}

func newListCmd(env *Env, g *global) *cobra.Command {
	return newListCmdRun(env, g, runList)
}

// newListCmdRun builds list with run as its body, so tests can check the
// flags without loading data.
func newListCmdRun(env *Env, g *global, run func(*Env, *global, *listOptions) error) *cobra.Command {
	opts := &listOptions{}
	var sortKey string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List planned actions, with filters",
		Long: `List the planned actions, one a row: id, title, owner, due date, status, and
how the action stands on the day (--as-of, default today): days overdue, or
days until it falls due. An action is overdue when it or any of its steps is
past its deadline and neither completed nor no longer applicable; a month or
a year falls due on its last day; ongoing and undated actions never are.

Filters combine: an action is listed when it passes all of them. --owner,
--unit and --search ignore case and accents. Dates are YYYY-MM-DD, YYYY-MM
or YYYY (the end of that month or year), today, eom, eoq, eoy, or an offset
from today such as +30d, -2w, +3m; --due-after 2024 --due-before 2025 is
what falls due in 2025. A window is a number of days, weeks, months or
years: 30d, 2w, 3m (--due-soon alone means 30 days; write --due-soon=2w).

From the git history of the data (a full clone is needed): --slipped keeps
actions whose due date was ever moved, by a commit or as the record says (a
recorded extension, a due date that is no longer original_due), --stale 90d
those nothing changed for 90 days (the last commit touching them, or their
updated field when newer), --review-due the recurring actions not updated
within their period. With any of them, the table shows how often the due
date moved and the last change.
--stale leaves out completed and no longer applicable actions (nothing
changing is what they should do) unless --all. Only what the history holds
up to the day measured against counts.

--at DATE|REV lists the records as they were at that point of the git
history ("what was overdue at the last report"), and measures against that
day unless --as-of says otherwise; the commit read is named on stderr.

With several evaluations, the actions come under a heading per evaluation,
with short ids. An id without its evaluation (--rec R3) means the one in
$` + query.EnvEvaluation + ` when several evaluations have it.

` + queryExitCodes,
		Example: `  mrtrack list
  mrtrack list --overdue --sort overdue
  mrtrack list --owner "ressources humaines" --status not-started
  mrtrack list --due-soon=6w --as-of 2024-12-01
  mrtrack list --search "evacuation medicale"
  mrtrack list --rec R7 -o markdown
  mrtrack list --slipped --sort due
  mrtrack list --stale 90d --owner protection
  mrtrack list --overdue --at q3-report     # overdue at the last report
  mrtrack list --sort owner --owner protection --owner education
  mrtrack list -o json | jq '.[] | select(.overdue) | .id'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			if _, _, err := civil.ParseSpan(args[0]); err == nil && cmd.Flags().Changed("due-soon") {
				return withHint(usage("unexpected argument %q", args[0]), "write the window with an equals sign: --due-soon="+args[0])
			}
			return usage("list takes no arguments, got %q: filter with flags such as --rec R3 or --search TEXT", args[0])
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			key, err := query.ParseSortKey(sortKey)
			if err != nil {
				return idError("--sort", err)
			}
			opts.sort = key
			if opts.all && opts.stale == "" {
				return usage("--all only applies with --stale: it keeps the completed and no longer applicable actions")
			}
			if opts.stale != "" {
				if opts.staleN, opts.staleUnit, err = civil.ParseSpan(opts.stale); err != nil {
					return usage("--stale: %s", err)
				}
			}
			if _, err := opts.output.writer(env, g); err != nil {
				return err
			}
			return run(env, g, opts)
		},
	}
	opts.filter.addScope(cmd.Flags())
	opts.filter.addActions(cmd.Flags())
	cmd.Flags().StringVar(&sortKey, "sort", string(query.ByID), "order: due, id, status, overdue (most overdue first), owner")
	cmd.Flags().BoolVar(&opts.slipped, "slipped", false, "only actions whose due date was moved (git history and recorded extensions)")
	cmd.Flags().StringVar(&opts.stale, "stale", "", "only actions nothing changed for SPAN, e.g. 90d (from git history)")
	cmd.Flags().BoolVar(&opts.all, "all", false, "with --stale: keep the completed and no longer applicable actions too")
	cmd.Flags().StringVar(&opts.at, "at", "", atHelp)
	cmd.Flags().BoolVar(&opts.reviewDue, "review-due", false, "only recurring actions not updated within their period (from git history)")
	opts.output.add(cmd.Flags())
	return cmd
}

// readsHistory reports whether a filter needs the git history: --slipped,
// --stale or --review-due.
func (o *listOptions) readsHistory() bool { return o.slipped || o.stale != "" || o.reviewDue }

func runList(env *Env, g *global, opts *listOptions) error {
	var walk *pendingActivity
	if opts.readsHistory() { // git runs while the records load
		walk = g.startActivity(env, g.startHistory(env))
		defer walk.wait()
	}
	data, err := g.recordsAt(env, opts.at)
	if err != nil {
		return err
	}
	today := data.today
	f, err := opts.filter.parse(today)
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
	hf := query.HistoryFilter{Slipped: opts.slipped, ReviewDue: opts.reviewDue, Closed: opts.all}
	if opts.stale != "" {
		hf.StaleFrom = today.Add(-opts.staleN, opts.staleUnit)
	}
	var activity map[*model.Action]query.Activity
	if opts.readsHistory() {
		if activity, err = walk.of(data.evaluations, today); err != nil {
			return err
		}
		items = slices.DeleteFunc(items, func(it query.Item) bool { return !hf.Keep(it, activity[it.Action], today) })
	}
	query.Sort(items, opts.sort)
	of := 0
	for _, e := range data.evaluations {
		for _, r := range e.Recommendations {
			of += len(r.Actions)
		}
	}
	until := defaultUntil(today)
	if f.DueSoon {
		until = f.DueUntil
	}
	doc := render.List(render.ListInput{
		Day:       render.Day{Today: today, Until: until},
		Items:     items,
		Of:        of,
		Qualified: len(data.evaluations) > 1,
		Activity:  activity,
	})
	return data.finish(write(env, w, doc))
}
