// Command mrbench measures mrtrack at the scale of a system-wide repository
// against named baselines, on the same files in the same run, and prints
// the figures and the ratios docs/performance.md states as targets:
//
//   - the floors: reading the same files and nothing else (mrbench read), a
//     bare parse of them with yaml.v3 into nodes on all cores (mrbench
//     parse), the start of a Go program that does nothing, and git log
//     listing the commits a history walk reads;
//   - ajv-cli, installed from npm if missing, validating the same files
//     against the same schemas: what a team would use instead.
//
// The files are generated trees (internal/gen) and the bundled Mali
// evaluation copied 1,112 times (10,008 recommendation files).
//
// Every figure is of a separate process, process start included, and each
// command runs -runs times in turn with the others, so that the ratios
// compare runs made under the same load; the median is reported. Run it
// from a checkout:
//
//	go run ./cmd/mrbench                 # 10,000 and 1,000 recommendation files
//	go run ./cmd/mrbench -recs 2000 -runs 3 -no-ajv
//	go run ./cmd/mrbench hostile         # time validate on each hostile input
//	go run ./cmd/mrbench gen -recs 500 DIR
//	go run ./cmd/mrbench parse DIR       # the floor alone
//	go run ./cmd/mrbench -huge           # and a 100,000-file tree, once
//
// It exits 0 when every target is met, 1 when one is missed, 2 on a bad
// flag and 3 when a measurement could not run.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/mrtrack/mrtrack/internal/gen"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "parse":
			os.Exit(parseMain(os.Args[2:]))
		case "gen":
			os.Exit(genMain(os.Args[2:]))
		case "hostile":
			os.Exit(hostileMain(os.Args[2:]))
		case "hostile-make":
			os.Exit(hostileMakeMain(os.Args[2:]))
		case "mali":
			os.Exit(maliMain(os.Args[2:]))
		case "history-repo":
			os.Exit(historyRepoMain(os.Args[2:]))
		case "read":
			os.Exit(readMain(os.Args[2:]))
		}
	}
	os.Exit(benchMain(os.Args[1:]))
}

func fail(code int, format string, args ...any) int {
	fmt.Fprintf(os.Stderr, "mrbench: "+format+"\n", args...)
	return code
}

func genMain(args []string) int {
	fs := flag.NewFlagSet("mrbench gen", flag.ContinueOnError)
	recs := fs.Int("recs", 1000, "recommendation files to generate")
	seed := fs.Uint64("seed", 1, "generator seed: the same seed gives the same files")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: mrbench gen [-recs N] [-seed S] DIR\n\nWrites a generated data folder into DIR (created if missing).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	dir := fs.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(3, "%v", err)
	}
	st, err := gen.Write(dir, gen.Options{Seed: *seed, Recommendations: *recs})
	if err != nil {
		return fail(3, "%v", err)
	}
	fmt.Printf("%s: %d files, %d evaluations, %d recommendations, %d actions, %d steps, %s\n",
		dir, st.Files, st.Evaluations, st.Recommendations, st.Actions, st.Steps, megabytes(st.Bytes))
	return 0
}

func megabytes(n int64) string { return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB" }

// moduleRoot is the folder holding go.mod, where go build and the schemas
// are found.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("run mrbench from a checkout of mrtrack: no go.mod above the working folder")
		}
		dir = parent
	}
}
