package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/mrtrack/mrtrack/pkg/diff"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/spf13/cobra"
)

type codeownersOptions struct {
	check bool
}

func newCodeownersCmd(env *Env, g *global) *cobra.Command {
	return newCodeownersCmdRun(env, g, runCodeowners)
}

// newCodeownersCmdRun builds codeowners with run as its body, so tests
// can check the flags without writing anything.
func newCodeownersCmdRun(env *Env, g *global, run func(*Env, *global, *codeownersOptions) error) *cobra.Command {
	opts := &codeownersOptions{}
	cmd := &cobra.Command{
		Use:   "codeowners [--check]",
		Short: "Write .github/CODEOWNERS from owners.yaml and the records",
		Long: `Write .github/CODEOWNERS, which makes GitHub ask the right people to review a
pull request, from the data folder's owners.yaml and the records: the
evaluation office (office.github) owns the data folder, and each evaluation
folder is owned by the office and by the GitHub team (github) of every owner
with an action in it. CODEOWNERS works per file and a recommendation file
holds the actions of several owners, so a change to one owner's action asks
every owner of its folder; the file's header says so.

The file goes to the root of the git checkout holding the data folder, else
beside the data folder. It is written as set writes records: atomically,
one writer at a time. With --check nothing is written: the differences are
printed as a unified diff and the exit status says whether the file is up to
date. validate warns (codeowners-stale) when the file exists and is out of
date.

Exit status:
  0  written, or (--check) up to date
  1  --check: out of date or missing; the records or owners.yaml have
     errors, or owners.yaml gives no office.github (nothing written)
  2  usage error
  3  could not run: no owners.yaml, or the file cannot be read or written`,
		Example: `  mrtrack codeowners
  mrtrack codeowners --check`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(env, g, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.check, "check", false, "write nothing; print the differences and exit 1 if the file is out of date")
	return cmd
}

func runCodeowners(env *Env, g *global, opts *codeownersOptions) error {
	list, data, dir, err := g.loadOwners(env)
	if err != nil {
		return err
	}
	if data.Stats.Errors > 0 {
		return withHint(&exitError{code: ExitFindings, err: errors.New("CODEOWNERS not written: the records have errors, and the files left out may name owners")},
			"run 'mrtrack validate' and fix them first")
	}
	path, dataPath := owners.CodeownersTarget(dir)
	want, err := owners.CODEOWNERS(list, dataPath, owners.FoldersOf(data.Evaluations))
	if err != nil {
		return &exitError{code: ExitFindings, err: withHint(err, "add to "+list.Path+":\n  office:\n    name: Evaluation Office\n    github: \"@your-org/evaluation-office\"")}
	}
	shown := env.shown(path)
	file := edit.File{Path: shown, Abs: path, Root: store.RepoRoot(dir), DryRun: opts.check}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		if opts.check {
			fmt.Fprint(env.Stdout, diff.Unified("a/"+shown, "b/"+shown, nil, want))
			return &exitError{code: ExitFindings, err: withHint(fmt.Errorf("%s does not exist", shown), "run mrtrack codeowners to write it")}
		}
		if err := edit.Create(file, want); err != nil {
			return editFailed(env, err, ExitCannotRun)
		}
		fmt.Fprintf(env.Stderr, "mrtrack: wrote %s\n", escape.Line(shown))
		return nil
	}
	res, err := edit.Rewrite(file, func([]byte) ([]byte, error) { return want, nil })
	switch {
	case err != nil:
		return editFailed(env, err, ExitCannotRun)
	case !res.Changed():
		fmt.Fprintf(env.Stderr, "mrtrack: %s is up to date\n", escape.Line(shown))
		return nil
	case opts.check:
		fmt.Fprint(env.Stdout, res.Diff())
		return &exitError{code: ExitFindings, err: withHint(fmt.Errorf("%s is out of date", shown), "run mrtrack codeowners to write it again")}
	}
	fmt.Fprintf(env.Stderr, "mrtrack: wrote %s\n", escape.Line(shown))
	return nil
}

// loadOwners loads the records and the data folder's owners.yaml, which
// must exist and be usable: its findings are printed with the records'.
func (g *global) loadOwners(env *Env) (*owners.File, *dataResult, string, error) {
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return nil, nil, "", err
	}
	if _, err := os.Stat(filepath.Join(dir, owners.FileName)); err != nil {
		return nil, nil, "", cannotRun(withHint(fmt.Errorf("the data folder %s has no %s", env.shown(dir), owners.FileName),
			"write one: docs/format.md, section \"Owners: owners.yaml\", shows what it holds"))
	}
	data, err := g.loadData(env)
	if err != nil {
		return nil, nil, "", err
	}
	if data.Owners == nil {
		return nil, nil, "", failed() // its errors are printed
	}
	return data.Owners, data, dir, nil
}
