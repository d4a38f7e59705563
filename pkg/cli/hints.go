package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"
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
