package cli

import (
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/termtext"
	"github.com/spf13/cobra"
)

// knownLong are help lines over 80 columns that other work is still
// rewriting; the test fails once a line is gone, so the list only shrinks.
// It is empty now: every help line fits.
var knownLong = map[string]bool{}

// Every command's help fits 80 columns: a terminal would wrap a longer
// line in the middle of a word, and man pages are made from the same text.
func TestHelpLinesFit(t *testing.T) {
	seen := map[string]bool{}
	env, out, _ := queryEnv(false, 0, nil)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		out.Reset()
		args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "mrtrack")), "--help")
		if code := Main(args, env); code != ExitOK {
			t.Errorf("%s --help: exit %d", c.CommandPath(), code)
		}
		for _, l := range strings.Split(out.String(), "\n") {
			if knownLong[l] {
				seen[l] = true
				continue
			}
			if w := termtext.Width(l); w > 80 {
				t.Errorf("%s --help: a line of %d columns: %q", c.CommandPath(), w, l)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewRoot(env))
	for l := range knownLong {
		if !seen[l] {
			t.Errorf("%q is no longer in any help: drop it from knownLong", l)
		}
	}
}
