package cli

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/spf13/cobra"
)

// Shell completion. `mrtrack completion SHELL` prints cobra's script for
// the shell; the script calls back into the hidden __complete command,
// which runs the functions registered here. Those read the data
// folder (--data, $MRTRACK_DATA, ...) to offer the ids, owners and units
// that exist. Completion runs on every Tab press: it must never print an
// error or fail, so broken or missing data gives no candidates.

var shells = []string{"bash", "zsh", "fish", "powershell"}

// newCompletionCmd replaces cobra's default completion command, which
// exits 0 on an unknown shell, with one that checks its argument and says
// how to install the script.
type completionOptions struct {
	shell  string
	noDesc bool           // leave out the descriptions beside the candidates
	root   *cobra.Command // the tree the script completes
}

func newCompletionCmd(env *Env) *cobra.Command {
	return newCompletionCmdRun(env, runCompletion)
}

// newCompletionCmdRun builds completion with run as its body, so tests can
// check the arguments.
func newCompletionCmdRun(env *Env, run func(*Env, *completionOptions) error) *cobra.Command {
	opts := &completionOptions{}
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script",
		Long: `Print the script that makes SHELL complete mrtrack's commands and flags, and
the ids, owners, units and statuses in the data folder. Load it:

  bash        source <(mrtrack completion bash)     # in ~/.bashrc; needs the
              bash-completion package
  zsh         mrtrack completion zsh > "${fpath[1]}/_mrtrack"
              # then start a new shell; compinit must be enabled
  fish        mrtrack completion fish > ~/.config/fish/completions/mrtrack.fish
  powershell  mrtrack completion powershell | Out-String | Invoke-Expression
              # in $PROFILE

Release archives carry the scripts in completions/.

Exit status: 0, or 2 for a usage error (an unknown shell).`,
		ValidArgs: shells,
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.shell, opts.root = args[0], cmd.Root()
			return run(env, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.noDesc, "no-descriptions", false, "leave out the descriptions beside the candidates")
	return cmd
}

func runCompletion(env *Env, opts *completionOptions) error {
	root, w, desc := opts.root, env.Stdout, !opts.noDesc
	var err error
	switch opts.shell {
	case "bash":
		err = root.GenBashCompletionV2(w, desc)
	case "zsh":
		if desc {
			err = root.GenZshCompletion(w)
		} else {
			err = root.GenZshCompletionNoDesc(w)
		}
	case "fish":
		err = root.GenFishCompletion(w, desc)
	default:
		if desc {
			err = root.GenPowerShellCompletionWithDesc(w)
		} else {
			err = root.GenPowerShellCompletion(w)
		}
	}
	if err != nil {
		return cannotRun(fmt.Errorf("cannot write the script: %w", err))
	}
	return nil
}

// registerDataCompletions attaches completion to every command under root,
// by convention, so commands added later get it without code of their own:
//
//   - flags named evaluation, rec, owner and unit complete evaluation
//     ids, recommendation ids, action owners and responsible units; a
//     flag named for an enum field of the records (status, response)
//     completes its values;
//   - positional arguments complete by the name Use gives them: ID (or
//     EVALUATION/ID) an evaluation, recommendation or action id,
//     EVALUATION, RECOMMENDATION and ACTION the ids of that kind; a name
//     ending in ... completes every argument from there on;
//   - --data completes folders and --as-of its keywords.
//
// A flag or command that already has a completion function keeps it, so a
// command can opt out with ValidArgsFunction: cobra.NoFileCompletions.
// Call it once, after every command has been added.
func registerDataCompletions(root *cobra.Command, env *Env, g *global) {
	data := func() []*model.Evaluation { return completionData(env, g) }
	kinds := map[string]cobra.CompletionFunc{
		"ID":             complete(data, idCandidates),
		"EVALUATION":     complete(data, evaluationCandidates),
		"RECOMMENDATION": complete(data, recommendationCandidates),
		"ACTION":         complete(data, actionCandidates),
	}
	flagFuncs := map[string]cobra.CompletionFunc{
		"evaluation": kinds["EVALUATION"],
		"rec":        kinds["RECOMMENDATION"],
		"owner":      complete(data, ownerCandidates),
		"unit":       complete(data, unitCandidates),
		"as-of":      fixed([]string{"today", "eom", "eoq", "eoy", "+30d", "-2w"}),
		"data": func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
	}
	// A flag named for an enum field (--status, --response) completes
	// its values, as the schema lists them.
	for _, f := range fields.Enums() {
		flagFuncs[f.Flag()] = fixed(f.Values)
	}
	names := slices.Sorted(maps.Keys(flagFuncs))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, name := range names {
			if c.Flag(name) == nil {
				continue
			}
			if _, ok := c.GetFlagCompletionFunc(name); !ok {
				c.RegisterFlagCompletionFunc(name, flagFuncs[name])
			}
		}
		if c.ValidArgsFunction == nil && len(c.ValidArgs) == 0 {
			if args := argKinds(c.Use); len(args) > 0 {
				c.ValidArgsFunction = positional(args, kinds)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// argKind is what one positional argument of a command's Use holds.
type argKind struct {
	kind     string // ID, EVALUATION, RECOMMENDATION, ACTION, or "" for anything else
	variadic bool   // NAME...: this and every later argument
}

// argKinds reads the positional arguments of a Use line ("set ID
// [FIELD=VALUE...]", "recommendation --evaluation ID"): flags and the
// value after a flag are not positional. It is nil when no argument names
// an id, so such commands keep the shell's file completion.
func argKinds(use string) []argKind {
	var out []argKind
	named := false
	fields := strings.Fields(use)
	for i := 1; i < len(fields); i++ {
		f := fields[i]
		if strings.HasPrefix(strings.TrimLeft(f, "["), "-") {
			if !strings.Contains(f, "=") && i+1 < len(fields) && !strings.HasPrefix(strings.TrimLeft(fields[i+1], "["), "-") {
				i++ // the flag's value
			}
			continue
		}
		name := strings.Trim(f, "[]")
		variadic := strings.HasSuffix(name, "...")
		name = strings.TrimSuffix(name, "...")
		if name == "ID" || strings.HasSuffix(name, "/ID") {
			name = "ID"
		}
		switch name {
		case "ID", "EVALUATION", "RECOMMENDATION", "ACTION":
			named = true
		default:
			name = ""
		}
		out = append(out, argKind{name, variadic})
	}
	if !named {
		return nil
	}
	return out
}

// positional completes the argument being typed by its place in args.
func positional(args []argKind, kinds map[string]cobra.CompletionFunc) cobra.CompletionFunc {
	return func(cmd *cobra.Command, done []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		i := len(done)
		if i >= len(args) {
			if len(args) == 0 || !args[len(args)-1].variadic {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			i = len(args) - 1
		}
		if f := kinds[args[i].kind]; f != nil {
			return f(cmd, done, toComplete)
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}

// completionData loads the records for completion, quietly: nil when the
// data folder cannot be found or read. Files with errors are simply left
// out, as the loader leaves them out of the model.
func completionData(env *Env, g *global) (evals []*model.Evaluation) {
	defer func() {
		if recover() != nil {
			evals = nil
		}
	}()
	dir, err := g.resolveDataDir(env)
	if err != nil {
		return nil
	}
	res, _, err := loadRecords(env, g, []string{dir})
	if err != nil {
		return nil
	}
	return res.Evaluations
}

// candidate is one completion: the value and a short description that
// zsh, fish and PowerShell show beside it.
type candidate struct{ value, desc string }

// complete turns a candidate list into a cobra completion function that
// loads the data only when asked and keeps the candidates starting with
// what has been typed.
func complete(data func() []*model.Evaluation, list func([]*model.Evaluation, string) []candidate) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, c := range list(data(), toComplete) {
			if !strings.HasPrefix(c.value, toComplete) {
				continue
			}
			if c.desc != "" {
				out = append(out, c.value+"\t"+shorten(c.desc))
			} else {
				out = append(out, c.value)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// fixed completes a fixed list of values, such as the statuses.
func fixed[S ~string](values []S) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, v := range values {
			if strings.HasPrefix(string(v), toComplete) {
				out = append(out, string(v))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func evaluationCandidates(evals []*model.Evaluation, _ string) []candidate {
	var out []candidate
	for _, e := range evals {
		out = append(out, candidate{e.ID, e.Title})
	}
	return out
}

// recommendationCandidates offers R3 where it names one recommendation in
// the data, and EVO-2024-03/R3 where it does not or once a / is typed.
func recommendationCandidates(evals []*model.Evaluation, toComplete string) []candidate {
	return idList(evals, toComplete, true, false)
}

func actionCandidates(evals []*model.Evaluation, toComplete string) []candidate {
	return idList(evals, toComplete, false, true)
}

// idCandidates offers what `show ID` takes: evaluations, recommendations
// and actions.
func idCandidates(evals []*model.Evaluation, toComplete string) []candidate {
	return append(evaluationCandidates(evals, toComplete), idList(evals, toComplete, true, true)...)
}

func idList(evals []*model.Evaluation, toComplete string, recs, actions bool) []candidate {
	type item struct {
		eval *model.Evaluation
		id   string
		desc string
	}
	var items []item
	count := map[string]int{}
	for _, e := range evals {
		for _, r := range e.Recommendations {
			if recs {
				items = append(items, item{e, r.ID(), r.Title})
			}
			if actions {
				for _, a := range r.Actions {
					items = append(items, item{e, a.ID(), a.Title})
				}
			}
		}
	}
	for _, it := range items {
		count[it.id]++
	}
	qualified := strings.Contains(toComplete, "/")
	var out []candidate
	for _, it := range items {
		if qualified || count[it.id] > 1 {
			out = append(out, candidate{model.QualifiedID(it.eval, it.id), it.desc})
		} else {
			out = append(out, candidate{it.id, it.desc})
		}
	}
	return out
}

func ownerCandidates(evals []*model.Evaluation, _ string) []candidate {
	var names []string
	for _, e := range evals {
		for _, r := range e.Recommendations {
			for _, a := range r.Actions {
				names = append(names, a.Owner)
			}
		}
	}
	return distinct(names)
}

func unitCandidates(evals []*model.Evaluation, _ string) []candidate {
	var names []string
	for _, e := range evals {
		for _, r := range e.Recommendations {
			names = append(names, r.Responsible...)
		}
	}
	return distinct(names)
}

// distinct returns the non-empty names, sorted, each once.
func distinct(names []string) []candidate {
	names = slices.DeleteFunc(names, func(s string) bool { return strings.TrimSpace(s) == "" })
	slices.Sort(names)
	names = slices.Compact(names)
	out := make([]candidate, len(names))
	for i, n := range names {
		out[i] = candidate{value: n}
	}
	return out
}

// shorten keeps descriptions to one short line: shells cut them anyway,
// and a newline or tab would break the completion protocol.
func shorten(s string) string {
	return termtext.Shorten(strings.Join(strings.Fields(s), " "), 60, "")
}
