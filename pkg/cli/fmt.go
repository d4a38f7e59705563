package cli

import (
	"fmt"
	"path/filepath"

	"github.com/mrtrack/mrtrack/pkg/diff"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/spf13/cobra"
)

type fmtOptions struct {
	paths []string
	check bool
	diff  bool
}

func newFmtCmd(env *Env, g *global) *cobra.Command {
	opts := &fmtOptions{}
	cmd := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Lay record files out in the canonical form",
		Long: `Rewrite record files in mrtrack's canonical layout: keys in the schema's
order, two-space indentation, block style for the record structure and for
text spanning several lines, comments kept. Formatting a formatted file
changes nothing, and a layout that would read back as different data is
refused. Each rewritten file is named on stdout.

With no PATH, fmt formats the whole data folder. --check changes nothing,
lists the files that would change and exits 1 if there are any (for CI and
pre-commit); --diff prints what would change as a unified diff.

Exit status:
  0  every file is (now) formatted
  1  --check or --diff found files to format, or a file could not be formatted
  2  usage error
  3  could not run (a path does not exist)`,
		Example: `  mrtrack fmt
  mrtrack fmt --check
  mrtrack fmt --diff data/EVO-2024-03/rec-03.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runFmt(env, g, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.check, "check", false, "change nothing; list files that are not formatted and exit 1 if any")
	cmd.Flags().BoolVarP(&opts.diff, "diff", "d", false, "change nothing; print the changes as a unified diff and exit 1 if any")
	return cmd
}

func runFmt(env *Env, g *global, opts *fmtOptions) error {
	paths, err := g.pathsOr(env, opts.paths)
	if err != nil {
		return err
	}
	files, problems, err := store.Discover(paths, env.Cwd, store.DefaultLimits)
	if err != nil {
		return cannotRun(err)
	}
	bad := len(problems)
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "mrtrack: %s: %s\n", p.File, p.Message)
	}
	changed := 0
	for _, f := range files {
		data, err := store.Read(f.Abs, store.DefaultLimits.MaxFileSize)
		if err == nil {
			var out []byte
			if out, err = format.Format(filepath.Base(f.Abs), data); err == nil && string(out) != string(data) {
				changed++
				err = applyFormat(env, opts, f, data, out)
			}
		}
		if err != nil {
			bad++
			fmt.Fprintf(env.Stderr, "mrtrack: %s: cannot format: %v\n", f.Path, err)
		}
	}
	if bad > 0 || ((opts.check || opts.diff) && changed > 0) {
		return failed()
	}
	return nil
}

func applyFormat(env *Env, opts *fmtOptions, f store.File, old, new []byte) error {
	switch {
	case opts.diff:
		fmt.Fprint(env.Stdout, diff.Unified("a/"+f.Path, "b/"+f.Path, old, new))
		return nil
	case opts.check:
		fmt.Fprintln(env.Stdout, f.Path)
		return nil
	}
	if err := store.WriteFile(f.Abs, new, old); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, f.Path)
	return nil
}
