package cli

import (
	"strings"

	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/spf13/cobra"
)

type showOptions struct {
	id     string
	at     string
	output outputFlag
}

func newShowCmd(env *Env, g *global) *cobra.Command {
	return newShowCmdRun(env, g, runShow)
}

// newShowCmdRun builds show with run as its body, so tests can check the
// flags without loading data.
func newShowCmdRun(env *Env, g *global, run func(*Env, *global, *showOptions) error) *cobra.Command {
	opts := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show an evaluation, a recommendation, an action or a step in full",
		Long: `Show one item in full: every field, the source's wording beside the
normalised values, the steps, and what follows on the day (--as-of, default
today): whether it is overdue and by how much, and its next deadline.

ID is an evaluation (EVO-2024-03), a recommendation (R3), an action (R3.6)
or a step (R7.1.2). An id without its evaluation is accepted when only one
evaluation has it, or when $` + query.EnvEvaluation + ` names one that does; else
qualify it: EVO-2024-03/R3.6.

For an action in a full git clone, show adds what the history says: how
often and how far its due date moved, and when it last changed (a recurring
action not updated within its period is due for review), up to the day it
measures against. --at DATE|REV shows the item as it was at that point of
the git history, measured on that day unless --as-of says otherwise.

-o csv writes the actions (and steps) under the item, one a row.

` + queryExitCodes,
		Example: `  mrtrack show R1.6
  mrtrack show EVO-2024-03/R7.1 --as-of 2025-01-01
  mrtrack show R7.1.2
  mrtrack show R3.6 --at q3-report                # as it was at the last report
  mrtrack show R3 -o markdown
  mrtrack show EVO-2024-03 -o json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return withHint(usage("show takes one id, got %d", len(args)), "write an id such as R3, R3.6, R7.1.2 or EVO-2024-03; 'mrtrack list' lists the actions")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			if _, err := opts.output.writer(env, g); err != nil {
				return err
			}
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.at, "at", "", atHelp)
	opts.output.add(cmd.Flags())
	return cmd
}

func runShow(env *Env, g *global, opts *showOptions) error {
	w, err := opts.output.writer(env, g)
	if err != nil {
		return err
	}
	// An action's page shows its history: git starts while the records
	// load, for an id that names an action (R1.6, EVO-2024-03/R1.6).
	var opened func() (*history.History, error)
	if opts.at == "" && strings.Count(opts.id, ".") == 1 {
		opened = g.startHistory(env)
		defer opened() // no git outlives the command
	}
	data, err := g.recordsAt(env, opts.at)
	if err != nil {
		return err
	}
	today := data.today
	t, err := resolveTarget(env, data.evaluations, opts.id)
	if err != nil {
		return data.finish(err)
	}
	in := render.ShowInput{
		Day:       render.Day{Today: today, Until: defaultUntil(today)},
		Target:    t,
		Qualified: len(data.evaluations) > 1,
	}
	f := &query.Filter{Evaluations: []*model.Evaluation{t.Evaluation}}
	switch t.Kind {
	case query.KindEvaluation:
		in.Items = f.Select(data.evaluations, today)
		in.Progress = query.Progress(data.evaluations, f, in.Items, query.ByRecommendation)
	case query.KindRecommendation:
		f.Recommendations = []*model.Recommendation{t.Recommendation}
		in.Items = f.Select(data.evaluations, today)
	default:
		in.Items = []query.Item{query.Facts(t.Action, today)}
	}
	if t.Kind == query.KindAction {
		// The history is extra: outside a full git clone show goes without.
		// Records of the past (--at) have no file of the working tree to
		// narrow the history to.
		var files []string
		if !data.past {
			files = []string{t.Recommendation.File}
		}
		if opened == nil {
			opened = g.startHistory(env)
		}
		if act, err := g.activity(env, opened, data.evaluations, today, files...); err == nil {
			a := act[t.Action]
			in.Activity = &a
		}
	}
	for _, it := range in.Items {
		in.Counts.Add(it)
	}
	return data.finish(write(env, w, render.Show(in)))
}
