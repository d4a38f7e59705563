package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/spf13/cobra"
)

type fmtOptions struct {
	paths []string
	check bool
	diff  bool
}

func newFmtCmd(env *Env, g *global) *cobra.Command {
	return newFmtCmdRun(env, g, runFmt)
}

// newFmtCmdRun builds fmt with run as its body, so tests can check the
// flags without touching a file.
func newFmtCmdRun(env *Env, g *global, run func(*Env, *global, *fmtOptions) error) *cobra.Command {
	opts := &fmtOptions{}
	cmd := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Lay record files out in the canonical form",
		Long: `Rewrite record files in mrtrack's canonical layout: keys in the schema's
order, two-space indentation, block style for the record structure and for
text spanning several lines, comments kept. Formatting a formatted file
changes nothing, and a layout that would read back as different data, or
that would be larger than the limit on record files, is refused. Each
rewritten file is named on stdout. Files are written as set writes them:
atomically, one writer at a time, and through a symbolic link only to a
file inside the data folder.

With no PATH, fmt formats the whole data folder. --check changes nothing,
lists the files that would change and exits 1 if there are any (for CI and
pre-commit); --diff prints what would change as a unified diff.

Exit status:
  0  every file is (now) formatted
  1  --check or --diff found files to format, or a file could not be formatted
  2  usage error
  3  could not run: a path does not exist, a file could not be read or
     written (a full disk), is busy, or is a link mrtrack does not follow`,
		Example: `  mrtrack fmt
  mrtrack fmt --check
  mrtrack fmt --diff data/EVO-2024-03/rec-03.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return run(env, g, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.check, "check", false, "change nothing; list files that are not formatted and exit 1 if any")
	cmd.Flags().BoolVarP(&opts.diff, "diff", "d", false, "change nothing; print the changes as a unified diff and exit 1 if any")
	return cmd
}

// formatError is a file fmt cannot lay out; the others are write errors.
type formatError struct{ err error }

func (e *formatError) Error() string { return e.err.Error() }

func runFmt(env *Env, g *global, opts *fmtOptions) error {
	paths, err := g.pathsOr(env, opts.paths)
	if err != nil {
		return err
	}
	// Links are followed only into the data folder; without one, not at all.
	root, _ := store.DataDir(g.dataDir, env.Getenv(store.EnvData), env.Cwd)
	files, problems, err := store.Discover(paths, env.Cwd, store.DefaultLimits)
	if err != nil {
		return cannotRun(err)
	}
	files = slices.DeleteFunc(files, func(f store.File) bool { return owners.IsListOf(f.Abs, root) }) // not a record: its own layout
	code := ExitOK
	if len(problems) > 0 {
		code = ExitFindings
	}
	// Problems are printed as validate prints them, with the line quoted.
	abs := map[string]string{}
	for _, f := range files {
		abs[f.Path] = f.Abs
	}
	report := printers.Text{Sources: sourcesOf(abs)}
	report.Findings(env.Stderr, problems)
	changed := 0
	for _, f := range files {
		res, err := edit.Rewrite(edit.File{Path: f.Path, Abs: f.Abs, Root: root, DryRun: opts.check || opts.diff},
			func(old []byte) ([]byte, error) {
				out, err := format.Format(filepath.Base(f.Abs), old)
				if err != nil {
					return nil, &formatError{err}
				}
				return out, nil
			})
		var fe *formatError
		switch {
		case errors.As(err, &fe):
			code = max(code, ExitFindings)
			if p, ok := unformattable(f.Path, fe.err); ok {
				report.Findings(env.Stderr, []finding.Finding{p})
			} else {
				fmt.Fprintf(env.Stderr, "mrtrack: %s: cannot format: %v\n", escape.Line(f.Path), fe.err)
			}
		case err != nil:
			e := editFailed(env, err, ExitFindings)
			code = max(code, codeOf(e))
			printError(env.Stderr, e)
		case res.Changed():
			changed++
			if opts.diff {
				fmt.Fprint(env.Stdout, res.Diff())
			} else {
				fmt.Fprintln(env.Stdout, escape.Line(f.Path))
			}
		}
	}
	if code == ExitOK && (opts.check || opts.diff) && changed > 0 {
		code = ExitFindings
	}
	if code != ExitOK {
		return &exitError{code: code}
	}
	return nil
}

// unformattable is the finding for a file fmt refuses because of what it
// holds: a problem at a line, or a name that is not a record's. Other
// refusals (internal ones) are not about the file and stay plain errors.
func unformattable(path string, err error) (finding.Finding, bool) {
	var in *format.InputError
	switch {
	case errors.As(err, &in):
		hint := in.Hint
		if hint == "" {
			hint = "fix it, then run 'mrtrack fmt' again"
		}
		return finding.Finding{File: path, Line: in.Line, Col: in.Col, Severity: finding.Error, Rule: in.Rule,
			Message: "cannot format: " + in.Message, Hint: hint}, true
	case errors.Is(err, format.ErrNotRecord):
		return finding.Finding{File: path, Severity: finding.Error, Rule: finding.RuleFileName,
			Message: "cannot format: " + err.Error(), Hint: "rename it, or move it out of the data folder"}, true
	}
	return finding.Finding{}, false
}
