package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/printers"
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
	return newValidateCmdRun(env, g, runValidate)
}

// newValidateCmdRun builds validate with run as its body, so tests can
// check the flags without loading data.
func newValidateCmdRun(env *Env, g *global, run func(*Env, *global, *validateOptions) error) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check record files against the schema and the rules",
		Long: `Check record files against the JSON schema and the rules beyond it, and
report every finding of every file as path:line:col: severity: message [rule].

With no PATH, validate checks the whole data folder. A PATH may be a folder
or single files (as pre-commit passes them). The data folder's owners.yaml
is checked against its own schema and, when the whole folder is read,
against the records' owners and .github/CODEOWNERS.

Output formats (-o):
  auto    github when $GITHUB_ACTIONS is "true", else text (the default)
  text    one line per finding, then a summary
  json    {"findings": [...], "summary": {...}}
  github  GitHub Actions annotations on the files and lines, grouped per
          file, then the text output
  sarif   SARIF 2.1.0, for code scanning (github/codeql-action/upload-sarif)
  junit   JUnit XML: a test case per file, a failure per error; warnings
          go to system-out, or are failures too with --strict
For github and sarif, paths are relative to $GITHUB_WORKSPACE (the root of
the checkout) when it is set, else to the working folder. Every format
exits with the same status.

` + exitCodesHelp,
		Example: `  mrtrack validate
  mrtrack validate data/EVO-2024-03/rec-03.yaml
  mrtrack validate --strict -o json
  mrtrack validate -o sarif > mrtrack.sarif`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			format, err := outputFormat(opts.output, env)
			if err != nil {
				return err
			}
			opts.output = format
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "auto", "output format: auto, "+strings.Join(printers.Formats, ", "))
	cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(append([]string{"auto"}, printers.Formats...), cobra.ShellCompDirectiveNoFileComp))
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "fail (exit 1) on warnings too")
	cmd.Flags().BoolVarP(&opts.quiet, "quiet", "q", false, "report errors only, not warnings")
	return cmd
}

func runValidate(env *Env, g *global, opts *validateOptions) error {
	paths, err := g.pathsOr(env, opts.paths)
	if err != nil {
		return err
	}
	res, _, err := loadFindings(env, g, paths, true)
	if err != nil {
		return err
	}
	if err := checkRounds(env, paths, res); err != nil {
		return err
	}
	shown := res.Findings
	if opts.quiet {
		shown = slices.DeleteFunc(slices.Clone(shown), func(f finding.Finding) bool { return f.Severity == finding.Warning })
	}
	if opts.output == "github" || opts.output == "sarif" {
		relativeToWorkspace(shown, env)
	}
	files := make([]string, len(res.Files))
	abs := make(map[string]string, len(res.Files))
	for i, f := range res.Files {
		files[i] = f.Path
		abs[f.Path] = f.Abs
	}
	if o := res.OwnersSource; o != nil {
		files, abs[o.Path] = append(files, o.Path), o.Abs
	}
	color, err := g.colored(env)
	if err != nil {
		return err
	}
	w, err := printers.New(opts.output, printers.Options{
		Color:   color,
		Files:   files,
		Strict:  opts.strict,
		Version: currentBuild().Version,
		Sources: sourcesOf(abs),
	})
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

// sourcesOf reads the record files findings name, by the path they are
// shown with, for the lines text output quotes.
func sourcesOf(abs map[string]string) *printers.Sources {
	return &printers.Sources{Read: func(file string) ([]byte, bool) {
		p, ok := abs[file]
		if !ok {
			return nil, false
		}
		data, err := store.Read(p, store.DefaultLimits.MaxFileSize)
		return data, err == nil
	}}
}

// outputFormat resolves -o: auto is github inside GitHub Actions, where
// annotations put the findings on the lines of a pull request, else text.
func outputFormat(name string, env *Env) (string, error) {
	if name == "auto" {
		if env.Getenv("GITHUB_ACTIONS") == "true" {
			return "github", nil
		}
		return "text", nil
	}
	if !slices.Contains(printers.Formats, name) {
		return "", unknownValue(fmt.Errorf("unknown output format %q: use auto or one of %s", name, strings.Join(printers.Formats, ", ")), name, printers.Formats)
	}
	return name, nil
}

// relativeToWorkspace rewrites the paths of findings relative to
// $GITHUB_WORKSPACE, the root of the checkout, which is what annotations
// and code scanning resolve paths against; mrtrack may have run in a
// subfolder. Paths outside the workspace are left alone.
func relativeToWorkspace(fs []finding.Finding, env *Env) {
	ws := env.Getenv("GITHUB_WORKSPACE")
	if ws == "" {
		return
	}
	for i, f := range fs {
		p := env.abs(filepath.FromSlash(f.File))
		if rel, err := filepath.Rel(ws, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			fs[i].File = filepath.ToSlash(rel)
		}
	}
}

// loadRecords runs the loader over paths with the default limits, and
// reads the data folder's owners.yaml with them: the list, nil when there
// is none or it has errors, and its findings among the records'.
func loadRecords(env *Env, g *global, paths []string) (*load.Result, *owners.File, error) {
	return loadFindings(env, g, paths, false)
}

// loadFindings is loadRecords for a caller that reads the findings and
// not the records when findingsOnly is set (load.Options.FindingsOnly):
// the recommendations are then only outlines.
func loadFindings(env *Env, g *global, paths []string, findingsOnly bool) (*load.Result, *owners.File, error) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		return nil, nil, cannotRun(fmt.Errorf("internal: %w", err))
	}
	today, err := g.today(env)
	if err != nil {
		return nil, nil, err
	}
	dataDir, _ := g.resolveDataDir(env) // none: paths outside any data folder, and no owners.yaml
	opts := load.Options{Paths: paths, Cwd: env.Cwd, Limits: store.DefaultLimits, Today: today, DataDir: dataDir, FindingsOnly: findingsOnly}
	res, err := load.Load(schemas, opts)
	if err != nil {
		return nil, nil, cannotRun(err)
	}
	return res, owners.Attach(res, opts), nil
}
