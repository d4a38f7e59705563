package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Set by the release build (see .goreleaser.yaml):
//
//	-ldflags "-X github.com/mrtrack/mrtrack/pkg/cli.version=v1.2.3
//	          -X github.com/mrtrack/mrtrack/pkg/cli.commit=<sha>
//	          -X github.com/mrtrack/mrtrack/pkg/cli.date=<RFC 3339>"
//
// Left empty, the Go toolchain's build info fills in what it knows: the
// module version under `go install ...@v1.2.3`, the commit and its time
// when built in a git checkout.
var version, commit, date string

// build says which mrtrack this is.
type build struct {
	Version  string // v1.2.3, a pseudo-version, or "devel"
	Commit   string // full hash, or ""
	Date     string // RFC 3339, or ""
	Modified bool   // built from a checkout with uncommitted changes
	Go       string // toolchain, go1.26.0
}

func currentBuild() build {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return describeBuild(version, commit, date, bi)
}

// describeBuild prefers what the release build set and falls back to the
// build info; bi may be nil.
func describeBuild(v, c, d string, bi *debug.BuildInfo) build {
	b := build{Version: v, Commit: c, Date: d}
	if bi != nil {
		b.Go = bi.GoVersion
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		if c == "" {
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					b.Commit = s.Value
				case "vcs.time":
					if b.Date == "" {
						b.Date = s.Value
					}
				case "vcs.modified":
					b.Modified = s.Value == "true"
				}
			}
		}
	}
	if b.Version == "" {
		b.Version = "devel"
	}
	return b
}

// String is the line `mrtrack version` prints after the program's name:
// v1.2.3 (commit 0123456789ab, 2026-01-02T03:04:05Z, go1.26.0 linux/amd64).
func (b build) String() string {
	var parts []string
	if b.Commit != "" {
		c := b.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		if b.Modified {
			c += "+modified"
		}
		parts = append(parts, "commit "+c)
	}
	if b.Date != "" {
		parts = append(parts, b.Date)
	}
	if b.Go != "" {
		parts = append(parts, b.Go+" "+runtime.GOOS+"/"+runtime.GOARCH)
	}
	if len(parts) == 0 {
		return b.Version
	}
	return b.Version + " (" + strings.Join(parts, ", ") + ")"
}

// versionOptions holds what version prints: this binary's build, or the
// one a test gives.
type versionOptions struct{ build build }

func newVersionCmd(env *Env) *cobra.Command {
	return newVersionCmdRun(env, runVersion)
}

// newVersionCmdRun builds version with run as its body, so tests can check
// the arguments.
func newVersionCmdRun(env *Env, run func(*Env, *versionOptions) error) *cobra.Command {
	opts := &versionOptions{}
	return &cobra.Command{
		Use:   "version",
		Short: "Print mrtrack's version, commit and build date",
		Long: `Print mrtrack's version, the commit it was built from and when, and the Go
toolchain. Release binaries carry what the release build set; a binary from
'go install' carries the module version, and one built in a checkout the
commit and its time. 'mrtrack --version' prints the same line.

Exit status: 0, or 2 for a usage error.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.build = currentBuild()
			return run(env, opts)
		},
	}
}

func runVersion(env *Env, opts *versionOptions) error {
	if _, err := fmt.Fprintf(env.Stdout, "mrtrack %s\n", opts.build); err != nil {
		return cannotRun(fmt.Errorf("cannot write the output: %w", err))
	}
	return nil
}

// setVersionFlag gives the root command --version, printing the same line
// as the version command.
func setVersionFlag(root *cobra.Command) {
	root.Version = currentBuild().String()
	root.SetVersionTemplate("{{.Name}} {{.Version}}\n")
}
