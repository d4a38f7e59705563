package cli

import (
	"bufio"
	"fmt"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/spf13/cobra"
	"strings"
)

const exitCodesHelp = `Exit status:
  0  success (warnings allowed unless --strict)
  1  findings: the data has errors (or, with --strict, warnings)
  2  usage error: a bad flag or argument
  3  could not run: unreadable data folder, internal error`

// Main runs mrtrack with args and returns the exit code.
func Main(args []string, env *Env) int {
	// Standard output is buffered: a table of thousands of rows or a long
	// list of findings would otherwise cost a system call a line.
	out := bufio.NewWriterSize(env.Stdout, 64<<10)
	defer out.Flush()
	buffered := *env
	buffered.Stdout = out
	env = &buffered
	root := NewRoot(env)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		out.Flush() // what was printed comes before the error
		printError(env.Stderr, err)
		code := codeOf(err)
		if _, hinted := hintOf(err); code == ExitUsage && !hinted {
			fmt.Fprintf(env.Stderr, "hint: run '%s --help' for usage\n", usageCommand(root, args))
		}
		return code
	}
	return ExitOK
}

// global holds the flags every command shares.
type global struct {
	dataDir string
	asOf    string
	color   string // --color: auto, always or never
}

// NewRoot builds the command tree.
func NewRoot(env *Env) *cobra.Command {
	g := &global{}
	root := &cobra.Command{
		Use:   "mrtrack",
		Short: "Track evaluation management responses kept as YAML records in git",
		Long: `mrtrack keeps evaluation management responses (recommendations, management's
response, planned actions with owners, due dates and status) as YAML files in a
git repository, validates them, and reports progress and what is overdue.

The data folder is --data, else $` + store.EnvData + `, else data/ at the root of
the enclosing git checkout, else ./data. Colour is on in a terminal unless
NO_COLOR is set; --color always (for less -R) or never overrides both.

Exit status (each command's help says what it means there):
  0  success
  1  findings: the data has errors, or a check asked for failed
  2  usage error: a bad flag, argument, date, id or value
  3  could not run: missing folder or path, not a git checkout, I/O error`,
		Example: `  mrtrack status --overdue                 # what is late today
  mrtrack validate                         # check every record
  mrtrack list --owner protection --overdue
  mrtrack set R3.5 --status completed --progress "Done in March."
  mrtrack changes --since 2025-09-30 -o markdown`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetFlagErrorFunc(unknownFlag)
	root.PersistentFlags().StringVar(&g.dataDir, "data", "", "data folder (default: $"+store.EnvData+", else data/ in the git checkout, else ./data)")
	root.PersistentFlags().StringVar(&g.color, "color", colorAuto, "colour: auto (in a terminal, unless $NO_COLOR is set), always (even with NO_COLOR, e.g. for less -R) or never")
	root.PersistentFlags().StringVar(&g.asOf, "as-of", "", "the day to measure against: YYYY-MM-DD, YYYY-MM, YYYY, today, eom, eoq, eoy, +30d, -2w (default today)")
	root.AddCommand(newValidateCmd(env, g))
	root.AddCommand(newListCmd(env, g), newStatusCmd(env, g), newShowCmd(env, g))
	root.AddCommand(newFmtCmd(env, g))
	root.AddCommand(newSetCmd(env, g))
	root.AddCommand(newVerifyCmd(env, g))
	root.AddCommand(newRoundCmd(env, g))
	root.AddCommand(newNewCmd(env, g))
	root.AddCommand(newImportCmd(env, g))
	root.AddCommand(newLogCmd(env, g), newChangesCmd(env, g))
	root.AddCommand(newExportCmd(env, g))
	root.AddCommand(newReportCmd(env, g))
	root.AddCommand(newCodeownersCmd(env, g), newRemindCmd(env, g))
	root.AddCommand(newSchemaCmd(env), newVersionCmd(env), newManCmd(env), newCompletionCmd(env))
	root.AddCommand(newInitCmd(env), newIssuesCmd(env, g))
	setVersionFlag(root)
	plainArgErrors(root)
	// Flag descriptions wrap at 80 columns, under their column, rather
	// than where a terminal would cut them.
	root.SetUsageTemplate(strings.ReplaceAll(root.UsageTemplate(), "FlagUsages", "FlagUsagesWrapped 80"))
	registerDataCompletions(root, env, g) // last: it walks every command added above
	return root
}

// pathsOr returns paths, or the data folder when there are none.
func (g *global) pathsOr(env *Env, paths []string) ([]string, error) {
	if len(paths) > 0 {
		return paths, nil
	}
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return nil, err
	}
	return []string{dir}, nil
}

// dataDir resolves the data folder for a command.
func (g *global) resolveDataDir(env *Env) (string, error) {
	dir, err := store.DataDir(g.dataDir, env.Getenv(store.EnvData), env.Cwd)
	if err != nil {
		return "", cannotRun(withHint(err, "pass --data DIR or set $"+store.EnvData))
	}
	return dir, nil
}
