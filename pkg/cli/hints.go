package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// hintOf is the advice an error carries: a hint the commands attached, or
// one an error of a lower package knows (a date that could not be read
// says how to write it). ok with an empty hint is an error whose message
// says it all: no hint at all, not even the pointer to --help.
func hintOf(err error) (hint string, ok bool) {
	var h *hinted
	if errors.As(err, &h) {
		return h.hint, true
	}
	var advised interface{ Hint() string }
	if errors.As(err, &advised) {
		return advised.Hint(), true
	}
	return "", false
}

// usageCommand names the command a usage error is about, for the hint
// that points at its help: "mrtrack list", or "mrtrack" when the
// arguments name no subcommand.
func usageCommand(root *cobra.Command, args []string) string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd == nil {
		return root.Name()
	}
	return strings.TrimSpace(cmd.CommandPath())
}

// keepHints gives err the hint of an error among args, which formatting
// with %s would drop: usage("--as-of: %s", err) keeps the date's advice.
func keepHints(err error, args []any) error {
	for _, a := range args {
		if e, ok := a.(error); ok {
			if hint, ok := hintOf(e); ok {
				return withHint(err, hint)
			}
		}
	}
	return err
}

// plainArgErrors replaces cobra's argument-count messages ("accepts 1
// arg(s), received 0") on every command below root with what is missing
// or extra, in the words of the command's usage line. Commands that check
// their arguments themselves keep their own messages.
func plainArgErrors(root *cobra.Command) {
	for _, c := range root.Commands() {
		plainArgErrors(c)
		check := c.Args
		if check == nil {
			continue
		}
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := check(cmd, args)
			if err == nil || !isCobraArgsError(err) {
				return err
			}
			want := strings.Fields(cmd.Use)[1:]
			name := strings.TrimPrefix(cmd.CommandPath(), root.Root().Name()+" ")
			help := fmt.Sprintf("usage: %s; see '%s --help'", strings.TrimSuffix(cmd.UseLine(), " [flags]"), cmd.CommandPath())
			required := slices.DeleteFunc(slices.Clone(want), func(w string) bool { return strings.HasPrefix(w, "[") })
			switch {
			case len(args) < len(required):
				missing := strings.TrimSuffix(strings.Join(required[len(args):], " "), "...")
				return withHint(fmt.Errorf("%s: missing %s", name, missing), help)
			case len(args) > len(want) && !strings.Contains(cmd.Use, "..."):
				return withHint(fmt.Errorf("%s: unexpected argument %q", name, args[len(want)]), help)
			}
			for _, a := range args {
				if len(cmd.ValidArgs) > 0 && !slices.Contains(cmd.ValidArgs, a) {
					return withHint(fmt.Errorf("%s: invalid argument %q: use %s", name, a, strings.Join(cmd.ValidArgs, ", ")), help)
				}
			}
			return withHint(fmt.Errorf("%s: %s", name, err), help)
		}
	}
}

// isCobraArgsError tells cobra's own argument errors from a command's.
func isCobraArgsError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"accepts ", "requires at least ", "requires at most ", "unknown command ", "invalid argument "} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// unknownFlag adds a did-you-mean to pflag's "unknown flag: --stauts".
func unknownFlag(c *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return usage("%s", err)
	}
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	if s := validate.SuggestValue(name, names); s != "" {
		return withHint(err, fmt.Sprintf("did you mean --%s? see '%s --help'", s, c.CommandPath()))
	}
	return usage("%s", err)
}

// unknownValue is the usage error for a flag value that is not one of
// allowed, with a did-you-mean when v is a typo of one or the source
// wording of one (list --status done: completed). err says what is wrong.
func unknownValue(err error, v string, allowed []string) error {
	if s := validate.SuggestValue(v, allowed); s != "" {
		err = withHint(err, "did you mean "+s+"?")
	}
	return &exitError{code: ExitUsage, err: err}
}
