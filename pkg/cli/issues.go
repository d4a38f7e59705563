package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/ghissue"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/spf13/cobra"
)

type issuesOptions struct {
	repo   string // --repo OWNER/NAME, or "" for gh's choice
	dryRun bool
}

// issueTitle is the title of an owner's issue.
func issueTitle(owner string) string { return "Overdue actions: " + owner }

func newIssuesCmd(env *Env, g *global) *cobra.Command {
	return newIssuesCmdRun(env, g, runIssues)
}

// newIssuesCmdRun builds issues with run as its body, so tests can check
// the flags without running gh.
func newIssuesCmdRun(env *Env, g *global, run func(*Env, *global, *issuesOptions) error) *cobra.Command {
	opts := &issuesOptions{}
	cmd := &cobra.Command{
		Use:   "issues",
		Short: "Keep one GitHub issue per owner up to date with what is overdue",
		Long: `Keep one GitHub issue per owner listing the owner's overdue actions on the day
(--as-of, default today), through the GitHub CLI (gh, with $GH_TOKEN or its
login): an owner with overdue actions gets an issue, created the first time
and edited when what is overdue changes; an owner with nothing overdue has
its issue closed, with a comment, and reopened when something is late
again. Each issue is found again by a marker in its body (an HTML comment
naming the owner), so the title may be changed and no duplicate is opened.
The body names the owner's GitHub team or user when owners.yaml gives one
(github), so GitHub notifies them when the issue is opened.
The body names no day, so a run that finds the records as they were
changes nothing. The follow-up workflow that 'mrtrack init' writes runs it
every week with the least permissions it needs (issues: write).

The data must validate: on records with errors no issue is changed, so none
is closed for an action in a file that was left out.

Exit status:
  0  the issues match the records (with --dry-run: the plan was printed)
  1  the data has errors: no issue was changed (run 'mrtrack validate')
  2  usage error: a bad flag or --as-of
  3  could not run: gh is not installed or failed (the steps done before
     are listed; running again picks up from there), unreadable data`,
		Example: `  mrtrack issues --dry-run                  # what it would change
  GH_TOKEN=… mrtrack issues --repo my-office/evaluation-records`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.repo != "" && strings.Count(opts.repo, "/") != 1 {
				return usage("--repo %s is not OWNER/NAME", quoted(opts.repo))
			}
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.repo, "repo", "", "the GitHub repository, OWNER/NAME (default: gh's choice, $GH_REPO or the checkout's remote)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "read the issues and print what would change, changing nothing")
	return cmd
}

func runIssues(env *Env, g *global, opts *issuesOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	data, err := g.loadData(env)
	if err != nil {
		return err
	}
	if data.Stats.Errors > 0 {
		return &exitError{code: ExitFindings, err: withHint(errors.New("the data has errors, so no issue was changed: none is closed on part of the records"),
			"run 'mrtrack validate' and fix them")}
	}
	items := (&query.Filter{}).Select(data.Evaluations, today)
	md, err := render.New("markdown", render.Options{})
	if err != nil {
		return cannotRun(err)
	}
	var wants []ghissue.Want
	for _, grp := range query.OverdueBy(items, query.ByOwner, &query.Filter{}) {
		var body bytes.Buffer
		github := ""
		if o, ok := data.Owners.Lookup(grp.Key); ok {
			github = o.GitHub
		}
		if err := md.Write(&body, render.OwnerIssue(grp.Key, github, grp.Items, today)); err != nil {
			return cannotRun(err)
		}
		wants = append(wants, ghissue.Want{Key: query.Fold(grp.Key), Owner: grp.Key, Title: issueTitle(grp.Key), Body: body.String(), Count: len(grp.Items)})
	}
	path, err := lookPath(env, "gh")
	if err != nil {
		return cannotRun(withHint(errors.New("gh, the GitHub CLI, is not installed"), "install it from https://cli.github.com (GitHub's runners have it)"))
	}
	gh := ghRunner(env, path)
	have, err := ghissue.List(gh, opts.repo)
	if err != nil {
		return cannotRun(err)
	}
	closing := fmt.Sprintf("Nothing listed here is overdue in the records on %s, so mrtrack issues closed this issue; it reopens it when something of this owner is overdue again.", today)
	for _, s := range ghissue.Plan(have, wants) {
		if !opts.dryRun {
			if err := ghissue.Do(gh, opts.repo, &s, closing); err != nil {
				return cannotRun(withHint(err, "run it again: it picks up from the issues as they are"))
			}
		}
		fmt.Fprintln(env.Stdout, escape.Line(issueLine(s, have, opts.dryRun)))
	}
	return nil
}

// issueVerbs say what each kind of step did, and would do in a dry run.
var issueVerbs = map[ghissue.Kind][2]string{
	ghissue.Create: {"created", "would create"}, ghissue.Edit: {"updated", "would update"},
	ghissue.Reopen: {"reopened", "would reopen"}, ghissue.Close: {"closed", "would close"},
	ghissue.Unchanged: {"unchanged", "unchanged"},
}

// issueLine says what a step did, or with dryRun would do.
func issueLine(s ghissue.Step, have []ghissue.Issue, dryRun bool) string {
	verb := issueVerbs[s.Kind][0]
	if dryRun {
		verb = issueVerbs[s.Kind][1]
	}
	what := "for " + s.Want.Owner + ": " + termtext.Plural(s.Want.Count, "overdue action")
	switch {
	case s.Kind == ghissue.Create && dryRun:
		return verb + " an issue " + what
	case s.Kind == ghissue.Close:
		title := ""
		for _, i := range have {
			if i.Number == s.Number {
				title = i.Title
			}
		}
		return fmt.Sprintf("%s #%d %q: nothing is overdue", verb, s.Number, title)
	}
	return fmt.Sprintf("%s #%d %s", verb, s.Number, what)
}

// ghRunner runs gh in the command's folder, so it finds the checkout's
// remote, with gh's error message in the error.
func ghRunner(env *Env, path string) ghissue.Runner {
	return func(stdin string, args ...string) (string, error) {
		cmd := exec.Command(path, args...)
		cmd.Dir = env.Cwd
		cmd.Stdin = strings.NewReader(stdin)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			msg := strings.TrimSpace(errOut.String())
			if msg == "" {
				msg = err.Error()
			}
			return "", fmt.Errorf("gh %s: %s", strings.Join(args[:2], " "), msg)
		}
		return out.String(), nil
	}
}
