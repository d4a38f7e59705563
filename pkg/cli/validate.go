package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/report"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	paths  []string
	output string
	strict bool
	quiet  bool
}

func newValidateCmd(env *Env, g *global) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check record files against the schema and the rules",
		Long: `Check record files against the JSON schema and the rules beyond it, and
report every finding of every file as path:line:col: severity: message [rule].

With no PATH, validate checks the whole data folder. A PATH may be a folder
or single files (as pre-commit passes them).

` + exitCodesHelp,
		Example: `  mrtrack validate
  mrtrack validate data/EVO-2024-03/rec-03.yaml
  mrtrack validate --strict -o json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if !slices.Contains(report.Formats, opts.output) {
				return usage("unknown output format %q: use one of %s", opts.output, strings.Join(report.Formats, ", "))
			}
			return runValidate(env, g, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "text", "output format: "+strings.Join(report.Formats, ", "))
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "fail (exit 1) on warnings too")
	cmd.Flags().BoolVarP(&opts.quiet, "quiet", "q", false, "report errors only, not warnings")
	return cmd
}

func runValidate(env *Env, g *global, opts *validateOptions) error {
	paths := opts.paths
	if len(paths) == 0 {
		dir, err := g.resolveDataDir(env)
		if err != nil {
			return err
		}
		paths = []string{dir}
	}
	res, err := loadRecords(env, paths)
	if err != nil {
		return err
	}
	shown := res.Findings
	if opts.quiet {
		shown = slices.DeleteFunc(slices.Clone(shown), func(f finding.Finding) bool { return f.Severity == finding.Warning })
	}
	w, err := report.New(opts.output, env.IsTerminal && env.Getenv("NO_COLOR") == "")
	if err != nil {
		return usage("%s", err)
	}
	if err := w.Write(env.Stdout, shown, res.Stats); err != nil {
		return cannotRun(err)
	}
	if res.Stats.Errors > 0 || (opts.strict && res.Stats.Warnings > 0) {
		return failed()
	}
	return nil
}

// loadRecords runs the loader over paths with the default limits.
func loadRecords(env *Env, paths []string) (*load.Result, error) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		return nil, cannotRun(fmt.Errorf("internal: %w", err))
	}
	res, err := load.Load(schemas, load.Options{Paths: paths, Cwd: env.Cwd, Limits: store.DefaultLimits})
	if err != nil {
		return nil, cannotRun(err)
	}
	return res, nil
}
