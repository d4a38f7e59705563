package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/remind"
	"github.com/spf13/cobra"
)

// remindFormats are remind's outputs, by the extension of their files.
var remindFormats = map[string]string{"markdown": ".md", "eml": ".eml", "json": ".json"}

type remindOptions struct {
	round  string
	owners []string
	within string
	out    string
	output string
}

func newRemindCmd(env *Env, g *global) *cobra.Command {
	return newRemindCmdRun(env, g, runRemind)
}

// newRemindCmdRun builds remind with run as its body, so tests can check
// the flags without loading data.
func newRemindCmdRun(env *Env, g *global, run func(*Env, *global, *remindOptions) error) *cobra.Command {
	opts := &remindOptions{}
	cmd := &cobra.Command{
		Use:   "remind [--round NAME] [-o markdown|eml|json] [--out DIR]",
		Short: "Write each owner a digest of what is overdue and what falls due",
		Long: `Write, for each owner with something to do, a short digest: the actions
overdue (most overdue first) and those falling due within the window after
the day (--as-of, default today; --within, default 30d), each with its id,
deadline, days and status. Owners are matched with the data folder's
owners.yaml as list --owner compares names; its language (en or fr) is the
digest's, its emails the message's recipients. mrtrack sends nothing.

Output formats (-o):
  markdown  the digests, one after the other (the default)
  eml       one ready-to-send message per owner (RFC 5322, UTF-8, quoted-
            printable), From owners.yaml's office.email, To the owner's
            emails, dated on the day; needs --out
  json      [{"owner", "emails", "overdue": [...], "due_soon": [...], ...}]

With --out DIR, each owner's digest goes to its own file in DIR (created if
missing), named after the owner (protection.eml), and the files written are
listed on stdout. A file already there is replaced, so write each run into
a folder of its own. An owner without emails in owners.yaml, or not in it,
gets no message: a warning says so.

When the data folder holds update rounds (mrtrack round open), each digest
also lists what its owner was sent in the most recently opened round
(--round NAME for another) and has not answered: the items of a form not
yet collected, still open.

Exit status:
  0  written (warnings allowed), or nothing to remind of
  1  the data has errors, or owners.yaml gives no office.email for -o eml
  2  usage error: a bad flag, window or format
  3  could not run: unreadable data, or DIR cannot be written`,
		Example: `  mrtrack remind --as-of 2025-01-01
  mrtrack remind --owner protection --within 2w
  mrtrack remind --round 2025-q1 --as-of 2025-01-25
  mrtrack remind -o eml --out reminders/2025-01
  mrtrack remind -o json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := remindFormats[opts.output]; !ok {
				return unknownValue(fmt.Errorf("unknown output format %q: use markdown, eml or json", opts.output), opts.output, []string{"markdown", "eml", "json"})
			}
			if opts.output == "eml" && opts.out == "" {
				return withHint(usage("-o eml writes one message per owner: give --out DIR"), "mrtrack remind -o eml --out reminders")
			}
			return run(env, g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.round, "round", "", "the update round `NAME` whose unanswered items to add (default: the most recently opened)")
	cmd.RegisterFlagCompletionFunc("round", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return roundNames(env, g), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.Flags().StringArrayVar(&opts.owners, "owner", nil, "only owners whose name contains `TEXT` (case and accents ignored; repeatable: any matches)")
	cmd.Flags().StringVar(&opts.within, "within", defaultWindow, "what falls due within `WINDOW` after the day: 30d, 2w, 3m")
	cmd.Flags().StringVar(&opts.out, "out", "", "write one file per owner into `DIR`")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "markdown", "output `FORMAT`: markdown, eml or json")
	cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions([]string{"markdown", "eml", "json"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.MarkFlagDirname("out")
	return cmd
}

func runRemind(env *Env, g *global, opts *remindOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	until, _, _, err := parseWindow("--within", opts.within, today)
	if err != nil {
		return err
	}
	data, err := g.loadData(env)
	if err != nil {
		return err
	}
	list := data.Owners
	office := owners.Office{}
	if list != nil {
		office = list.Office
	}
	if opts.output == "eml" && office.Email == "" {
		where := owners.FileName
		if data.OwnersSource != nil {
			where = data.OwnersSource.Path
		}
		return data.finish(&exitError{code: ExitFindings, err: withHint(remind.ErrNoSender,
			"add to "+where+":\n  office:\n    name: Evaluation Office\n    email: evaluation@example.org")})
	}
	awaiting, err := awaitingRound(env, g, opts.round)
	if err != nil {
		return data.finish(err)
	}
	digests := remind.Digests(data.Evaluations, remind.Options{Today: today, Until: until, Owners: list, Only: trimmed(opts.owners), Round: awaiting})
	if list == nil && data.OwnersSource == nil {
		fmt.Fprintf(env.Stderr, "mrtrack: warning: the data folder has no %s: no addresses, every digest in English\n", owners.FileName)
	}
	if opts.output == "eml" {
		digests = slices.DeleteFunc(digests, func(d remind.Digest) bool {
			if len(d.Emails) > 0 {
				return false
			}
			why := "is not in " + owners.FileName
			if d.Listed {
				why = "has no emails in " + owners.FileName
			}
			fmt.Fprintf(env.Stderr, "mrtrack: warning: owner %q %s: no message written\n", escape.Line(d.Owner), why)
			return true
		})
	}
	if len(digests) == 0 && opts.output != "json" {
		fmt.Fprintf(env.Stderr, "mrtrack: no reminder: nothing overdue, falling due by %s or awaiting an update\n", until)
		return data.finish(nil)
	}
	if opts.out != "" {
		return data.finish(writeReminders(env, opts, digests, office))
	}
	return data.finish(printReminders(env, opts.output, digests, office))
}

// awaitingRound is the round named (the most recently opened when name
// is "") as remind needs it: per owner who has not replied, the ids sent.
// Without rounds and without a name there is none.
func awaitingRound(env *Env, g *global, name string) (*remind.Round, error) {
	rounds, err := loadRounds(env, g)
	if err != nil || (len(rounds) == 0 && name == "") {
		return nil, err
	}
	rf, err := findRound(rounds, name)
	if err != nil {
		return nil, err
	}
	r := &remind.Round{Name: rf.Name, Due: rf.Due, Awaiting: map[string][]string{}}
	for _, o := range rf.Owners {
		if !o.RepliedOn.IsZero() {
			continue
		}
		for _, s := range o.Sent {
			r.Awaiting[o.Name] = append(r.Awaiting[o.Name], s.ID)
		}
	}
	return r, nil
}

// printReminders writes every digest to stdout, as Markdown or as one JSON
// array ([] when there is none).
func printReminders(env *Env, format string, digests []remind.Digest, office owners.Office) error {
	var out []byte
	if format == "json" {
		b, err := json.MarshalIndent(digests, "", "  ")
		if err != nil {
			return cannotRun(err)
		}
		out = append(escape.JSON(b), '\n')
	} else {
		parts := make([]string, len(digests))
		for i, d := range digests {
			parts[i] = d.Markdown(office)
		}
		out = []byte(strings.Join(parts, "\n"))
	}
	if _, err := env.Stdout.Write(out); err != nil {
		return cannotRun(fmt.Errorf("cannot write the output: %w", err))
	}
	return nil
}

// writeReminders writes each digest to its own file in opts.out, through
// the edit transaction, and lists the files on stdout.
func writeReminders(env *Env, opts *remindOptions, digests []remind.Digest, office owners.Office) error {
	dir := env.abs(opts.out)
	taken := map[string]bool{}
	for _, d := range digests {
		var content []byte
		switch opts.output {
		case "eml":
			b, err := d.EML(office)
			if err != nil {
				return cannotRun(fmt.Errorf("owner %q: %w", d.Owner, err))
			}
			content = b
		case "json":
			b, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				return cannotRun(err)
			}
			content = append(escape.JSON(b), '\n')
		default:
			content = []byte(d.Markdown(office))
		}
		name := fileName(d.Owner, remindFormats[opts.output], taken)
		abs := filepath.Join(dir, name)
		f := edit.File{Path: env.shown(abs), Abs: abs, Root: dir}
		if err := replaceFile(f, content); err != nil {
			return editFailed(env, err, ExitCannotRun)
		}
		fmt.Fprintln(env.Stdout, escape.Line(f.Path))
	}
	return nil
}

// replaceFile writes content as the file's whole new text: a new file
// by edit.Create, an existing one by edit.Rewrite.
func replaceFile(f edit.File, content []byte) error {
	if _, err := os.Lstat(f.Abs); errors.Is(err, fs.ErrNotExist) {
		return edit.Create(f, content)
	}
	_, err := edit.Rewrite(f, func([]byte) ([]byte, error) { return content, nil })
	return err
}

// fileName names an owner's file: its folded name, letters and digits
// only ("Protection / Solutions durables" is
// protection-solutions-durables.eml), with -2, -3 … when taken.
func fileName(owner, ext string, taken map[string]bool) string {
	base := strings.Trim(strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, query.Fold(owner)), "-")
	for strings.Contains(base, "--") {
		base = strings.ReplaceAll(base, "--", "-")
	}
	if base == "" {
		base = "owner"
	}
	name := base + ext
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
	taken[name] = true
	return name
}
