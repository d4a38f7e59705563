package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/spf13/cobra"
)

const historyExitHelp = `Exit status:
  0  success
  1  the current data has errors (the report leaves those files out)
  2  usage error: unknown id, a date or revision that does not parse
  3  could not run: not a git checkout, a shallow clone, git failed`

// openHistory opens the git history of the data folder, with the fixes for
// the usual obstacles as hints.
func (g *global) openHistory(env *Env) (*history.History, error) {
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return nil, err
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		return nil, cannotRun(err)
	}
	h, err := history.Open(dir, schemas)
	switch {
	case errors.Is(err, git.ErrShallow):
		return nil, cannotRun(withHint(err, git.ShallowHint))
	case err != nil:
		return nil, cannotRun(withHint(err, "run mrtrack from a clone of the data repository (git clone …)"))
	}
	return h, nil
}

// startHistory opens the history in the background, so git's start runs
// while the caller loads the current records. The function it returns
// waits for it; a caller reports its error before any other, as if the
// history had been opened first.
func (g *global) startHistory(env *Env) func() (*history.History, error) {
	return inBackground(func() (*history.History, error) { return g.openHistory(env) })
}

type logOptions struct {
	id     string
	output outputFlag
}

func newLogCmd(env *Env, g *global) *cobra.Command {
	return newLogCmdRun(env, g, runLog)
}

// newLogCmdRun builds log with run as its body, so tests can check the
// flags without reading the history.
func newLogCmdRun(env *Env, g *global, run func(*Env, *global, *logOptions) error) *cobra.Command {
	opts := &logOptions{}
	cmd := &cobra.Command{
		Use:   "log ID",
		Short: "Show the history of an action, a step or a recommendation",
		Long: `Show, oldest first, every commit that changed an action, a step or a
recommendation (with its actions): the date, the commit and its pull request,
the author, and what changed (status old → new, due old → new with the days
it moved, progress or description changed, steps added or removed). Versions
of the file that did not validate are reported and skipped.

Merged pull requests count as one step each (history is read along the
first parent), so the commit shown for a merge is the merge.

` + historyExitHelp,
		Example: `  mrtrack log R3.6
  mrtrack log EVO-2024-03/R7 -o markdown`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			if _, err := opts.output.writer(env, g); err != nil {
				return err
			}
			return run(env, g, opts)
		},
	}
	opts.output.add(cmd.Flags())
	return cmd
}

func runLog(env *Env, g *global, opts *logOptions) error {
	w, err := opts.output.writer(env, g)
	if err != nil {
		return err
	}
	opened := g.startHistory(env)
	data, t, err := g.loadTarget(env, opts.id)
	h, herr := opened()
	if herr != nil {
		return herr
	}
	if err != nil {
		return err
	}
	if t.Recommendation == nil {
		return usage("%s is an evaluation; give a recommendation (R3), an action (R3.6) or a step (R7.1.2)", t.ID())
	}
	file := h.RepoPath(env.abs(t.Recommendation.File))
	versions, _, err := h.Versions(file)
	if err != nil {
		return cannotRun(err)
	}
	title := t.Recommendation.Title
	switch {
	case t.Step != nil:
		title = t.Step.Title
	case t.Action != nil:
		title = t.Action.Title
	}
	doc := render.Log(model.QualifiedID(t.Evaluation, t.ID()), title, history.Timeline(versions[file], t.ID()))
	return data.finish(write(env, w, doc))
}

type changesOptions struct {
	since, until string
	filter       filterFlags
	output       outputFlag
}

func newChangesCmd(env *Env, g *global) *cobra.Command {
	return newChangesCmdRun(env, g, runChanges)
}

// newChangesCmdRun builds changes with run as its body, so tests can check
// the flags without reading the history.
func newChangesCmdRun(env *Env, g *global, run func(*Env, *global, *changesOptions) error) *cobra.Command {
	opts := &changesOptions{}
	cmd := &cobra.Command{
		Use:   "changes --since DATE|REV [--until DATE|REV]",
		Short: "Report what was completed, re-dated, added or removed in a period",
		Long: `Compare the records at two points of the git history and report, per
evaluation: actions and steps completed, other status changes, due dates moved
(from and to, with the days), progress updated (the new text; JSON and CSV
have the old one too), and recommendations, actions and steps added or
removed, each with its owner. The Markdown output is the follow-up report an
office pastes. --evaluation, --rec, --unit, --response and --owner narrow it
as they narrow list; --owner leaves out the changes to recommendations.

A point is a date (YYYY-MM-DD, YYYY-MM, YYYY, or relative: -90d, eoq) meaning
the last commit on or before the end of that day (UTC), or a git revision (a
tag, a branch, a commit). Without --until, the report runs to the data as it
is in the working tree; --until before --since is refused. Old versions that
do not validate are left out and counted.

` + historyExitHelp,
		Example: `  mrtrack changes --since 2025-09-30
  mrtrack changes --since q3-report --until q4-report -o markdown > report.md
  mrtrack changes --since -90d -o json
  mrtrack changes --since q3-report --owner protection --owner education`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.since == "" {
				return usage("--since is required: a date (2025-09-30) or a revision (a tag, a commit)")
			}
			if _, err := opts.output.writer(env, g); err != nil {
				return err
			}
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.since, "since", "", "start: a date or a git revision")
	cmd.Flags().StringVar(&opts.until, "until", "", "end: a date or a git revision (default: the working tree)")
	opts.filter.addScope(cmd.Flags())
	opts.output.add(cmd.Flags())
	return cmd
}

func runChanges(env *Env, g *global, opts *changesOptions) error {
	w, err := opts.output.writer(env, g)
	if err != nil {
		return err
	}
	today, err := g.today(env)
	if err != nil {
		return err
	}
	opened := g.startHistory(env)
	data, err := g.loadData(env)
	h, herr := opened()
	if herr != nil {
		return herr
	}
	if err != nil {
		return err
	}
	f, err := opts.filter.parse(today)
	if err != nil {
		return err
	}
	if err := opts.filter.resolve(env, f, data.Evaluations); err != nil {
		return data.finish(err)
	}
	in := render.ChangesInput{Since: opts.since, Until: "working tree"}
	from, err := point(h, "--since", opts.since, today)
	if err != nil {
		return err
	}
	before, invalid, err := snapshot(h, from)
	if err != nil {
		return err
	}
	in.SinceCommit, in.Invalid = from, invalid
	after := data.Evaluations
	if opts.until != "" {
		to, err := point(h, "--until", opts.until, today)
		if err != nil {
			return err
		}
		if err := inOrder(opts, from, to); err != nil {
			return err
		}
		if after, invalid, err = snapshot(h, to); err != nil {
			return err
		}
		in.Until, in.UntilCommit, in.Invalid = opts.until, to, append(in.Invalid, invalid...)
	}
	in.Evaluations = history.Compare(before, after)
	in.Progress = history.ProgressUpdates(before, after)
	for i := range in.Evaluations {
		// Progress has its own section, with the texts.
		ec := &in.Evaluations[i]
		ec.Other = slices.DeleteFunc(ec.Other, func(c history.Change) bool { return c.Field == "progress" })
	}
	filterChanges(&in, f, before, after)
	return data.finish(write(env, w, render.Changes(in)))
}

// point turns the value of a flag (--since, --until, --at), a date or a
// revision, into a commit; nil means "before the first commit", where
// there were no records. A value that starts with '-' and is not a date
// (-90d is) is refused: git would read it as an option (--output=FILE
// writes a file), and no revision is spelt that way.
func point(h *history.History, flag, s string, today civil.Date) (*git.Commit, error) {
	const hint = "give a date (YYYY-MM-DD, YYYY-MM, YYYY, or relative: -90d, eoq) or a git revision: a tag, a branch, a commit"
	if d, err := civil.ParseUser(s, today); err == nil {
		if d.Year < 1 || d.Year > 9999 {
			return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s %s falls in the year %d, outside 0001-9999", flag, s, d.Year), hint)}
		}
		end := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
		c, err := h.Repo().LastBefore(end)
		if err != nil {
			return nil, cannotRun(err)
		}
		return c, nil
	}
	if strings.HasPrefix(s, "-") {
		return nil, &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s %q is not a date, and a revision never starts with '-'", flag, s), hint)}
	}
	c, err := h.Repo().Resolve(s)
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: withHint(err, hint)}
	}
	return c, nil
}

func snapshot(h *history.History, c *git.Commit) ([]*model.Evaluation, []finding.Finding, error) {
	if c == nil {
		return nil, nil, nil
	}
	s, err := h.At(c)
	if err != nil {
		return nil, nil, cannotRun(err)
	}
	return s.Evaluations, s.Findings, nil
}
