package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/mrtrack/mrtrack/pkg/report"
	"github.com/mrtrack/mrtrack/pkg/report/dashboard"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/spf13/cobra"
)

// reportExitCodes documents the exit status of report.
const reportExitCodes = `Exit status:
  0  the report was written
  1  the data has errors: the broken files were left out of the report
     (their findings are on stderr; run 'mrtrack validate')
  2  usage error: a bad flag, period, date, grouping or id
  3  could not run: unreadable data folder, a shallow clone, git failed,
     the --out file cannot be written`

// reportFormats are the values of report -o, in help order.
var reportFormats = []string{"html", "markdown", "json", "csv"}

// maxQuarters caps the trend: the latest quarters are the ones read.
const maxQuarters = 40

type reportOptions struct {
	filter filterFlags
	period string
	by     report.Grouping
	format string
	lang   string
	out    string
}

func newReportCmd(env *Env, g *global) *cobra.Command {
	return newReportCmdRun(env, g, runReport)
}

// newReportCmdRun builds report with run as its body, so tests can check
// the flags without loading data.
func newReportCmdRun(env *Env, g *global, run func(*Env, *global, *reportOptions) error) *cobra.Command {
	opts := &reportOptions{}
	var by string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the follow-up report: indicators and the HTML dashboard",
		Long: `Write the follow-up report for management and governing bodies, on the day
(--as-of, default today), per evaluation and in total: the response mix and
the acceptance rate; the implementation rate of actions and of
recommendations; the closure rate for the period (--period, default the
year of the day: actions completed in it / actions due in it × 100); the
open actions past due and not yet due, and the overdue ones by age;
validated and self-reported completions; deadline revisions; the
timeliness of the management response; and the quarterly trend. Each
indicator's formula is in docs/report.md. --by adds a breakdown by unit,
owner, priority or tag.

-o html writes the dashboard: one file that works offline, with its charts
and their tables, that prints on A4. -o markdown, json and csv write the
same figures; JSON gives each rate with its numerator and denominator.
Without -o, the format follows the --out file's extension, else markdown.
Labels are in the evaluations' language (French when all are in French),
or --lang fr|en.

The trend and the completion days of actions whose record has no
completed_on come from the git history of the data (a full clone is
needed): an action completed by a commit counts as completed on that
commit's day, and the report says which days were inferred. Outside a git
checkout the report is made without them, and says so.

Filters are those of list; the period takes a year (2025), a quarter
(2025-Q1) or FROM..TO (2024-07-01..2025-06-30, 2024-07..2025-06).

` + reportExitCodes,
		Example: `  mrtrack report --out report.html                   # the dashboard
  mrtrack report --period 2024 --as-of 2024-12-31 --out board-2024.html
  mrtrack report --period 2025-Q1 -o markdown
  mrtrack report --by owner --lang en -o json
  mrtrack report --evaluation EVO-2024-03 --period 2024-07..2025-06 -o csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return withHint(usage("report takes no arguments, got %q", args[0]), "to narrow it, use --evaluation ID or --rec R3; to write it to a file, --out FILE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if by != "" {
				grouping, err := report.ParseGrouping(by)
				if err != nil {
					return idError("--by", err)
				}
				opts.by = grouping
			}
			if opts.format == "" {
				opts.format = formatOfFile(opts.out)
			}
			opts.format = strings.ToLower(strings.TrimSpace(opts.format))
			if opts.format == "md" {
				opts.format = "markdown"
			}
			if !slices.Contains(reportFormats, opts.format) {
				return unknownValue(fmt.Errorf("-o: unknown report format %q: use one of %s", opts.format, strings.Join(reportFormats, ", ")), opts.format, reportFormats)
			}
			if opts.lang != "" {
				if _, err := report.ParseLang(opts.lang); err != nil {
					return unknownValue(err, opts.lang, []string{"fr", "en"})
				}
			}
			return run(env, g, opts)
		},
	}
	opts.filter.addScope(cmd.Flags())
	opts.filter.addActions(cmd.Flags())
	cmd.Flags().StringVar(&opts.period, "period", "", "the reporting period of the closure rate: YEAR, YYYY-Qn or FROM..TO (default the year of the day)")
	cmd.Flags().StringVar(&by, "by", "", "add a breakdown by unit, owner, priority or tag")
	cmd.Flags().StringVarP(&opts.format, "output", "o", "", "output format: "+strings.Join(reportFormats, ", ")+" (default: from the --out extension, else markdown)")
	cmd.Flags().StringVar(&opts.lang, "lang", "", "the report's language: fr or en (default the evaluations' language)")
	cmd.Flags().StringVar(&opts.out, "out", "", "write the report to FILE (replaced atomically) instead of stdout")
	groupings := make([]string, len(report.Groupings))
	for i, gr := range report.Groupings {
		groupings[i] = string(gr)
	}
	for flag, values := range map[string][]string{"output": reportFormats, "by": groupings, "lang": {"fr", "en"}} {
		cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
	}
	return cmd
}

// formatOfFile is the format an --out file's extension names, markdown
// when it names none.
func formatOfFile(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return "html"
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	}
	return "markdown"
}

func runReport(env *Env, g *global, opts *reportOptions) error {
	data, err := g.recordsAt(env, "")
	if err != nil {
		return err
	}
	today := data.today
	f, err := opts.filter.parse(today)
	if err != nil {
		return err
	}
	period := report.YearOf(today)
	if opts.period != "" {
		if period, err = report.ParsePeriod(opts.period, today); err != nil {
			return withHint(usage("%s", err), "e.g. --period 2025, --period 2025-Q1, --period 2024-07-01..2025-06-30")
		}
	}
	if err := opts.filter.resolve(env, f, data.evaluations); err != nil {
		return data.finish(err)
	}
	scope := scopeOf(f, data.evaluations)
	lang := report.LangOf(scope)
	if opts.lang != "" {
		lang, _ = report.ParseLang(opts.lang) // checked with the flags
	}
	in := report.Input{Evaluations: scope, Filter: f, Items: f.Select(data.evaluations, today), Today: today, Period: period, By: opts.by, Lang: lang}
	if err := g.reportHistory(env, &in, data.evaluations); err != nil {
		return err
	}
	doc := report.Build(in)
	var buf bytes.Buffer
	if opts.format == "html" {
		err = dashboard.Write(&buf, doc)
	} else {
		var w render.Writer
		if w, err = render.New(opts.format, render.Options{}); err == nil {
			err = w.Write(&buf, doc.Document())
		}
	}
	if err != nil {
		return cannotRun(fmt.Errorf("cannot write the report: %w", err))
	}
	if opts.out == "" {
		_, err = env.Stdout.Write(buf.Bytes())
	} else {
		err = store.WriteFile(env.abs(opts.out), buf.Bytes(), nil)
	}
	if err != nil {
		return cannotRun(fmt.Errorf("cannot write the report: %w", err))
	}
	return data.finish(nil)
}

// reportHistory adds what the git history says: completion days, due-date
// moves and the quarterly trend. Outside a git checkout the report goes
// without, said on stderr; a shallow clone is an error, as its history
// would give wrong figures.
func (g *global) reportHistory(env *Env, in *report.Input, evals []*model.Evaluation) error {
	h, err := g.openHistory(env)
	if errors.Is(err, git.ErrShallow) {
		return err
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "mrtrack: %s; the report has no trend and no completion days from commits\n", err)
		return nil
	}
	versions, commits, err := h.Versions()
	if err != nil {
		return cannotRun(err)
	}
	in.History = true
	in.Completions = report.Inferred(evals, report.CompletionCommits(versions, in.Today))
	in.Activity = activityOf(evals, versions, in.Today)
	if len(commits) == 0 {
		return nil
	}
	snapshots := map[string]*history.Snapshot{}
	for _, end := range report.QuarterEnds(civil.Of(commits[0].Date.UTC()), in.Today, maxQuarters) {
		c, err := h.Repo().LastBefore(report.EndOfDay(end))
		if err != nil {
			return cannotRun(err)
		}
		if c == nil {
			continue
		}
		snap := snapshots[c.Hash]
		if snap == nil {
			if snap, err = h.At(c); err != nil {
				return cannotRun(err)
			}
			snapshots[c.Hash] = snap
		}
		in.Trend = append(in.Trend, report.Point(snap.Evaluations, in.Filter, end, c.Short()))
	}
	return nil
}
