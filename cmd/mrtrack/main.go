// Command mrtrack tracks evaluation management responses kept as YAML
// records in git. See docs/format.md for the record format.
package main

import (
	"os"

	_ "github.com/mrtrack/mrtrack/internal/gcpercent" // before the dependencies' init
	"github.com/mrtrack/mrtrack/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.OSEnv()))
}
