package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/cli"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

// The scripts run the real command in-process: "mrtrack" inside a script
// is this test binary re-executed as the CLI.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mrtrack": func() { os.Exit(cli.Main(os.Args[1:], cli.OSEnv())) },
		"gh":      func() { os.Exit(fakeGH()) }, // fakegh_test.go
	})
}

// TestScripts runs every testdata/script/*.txtar. Each starts in a fresh
// folder holding a copy of the bundled data under mali/ (not data/, so a
// script that wants it says --data mali), with colour off and the clock
// left alone: scripts that depend on the day pass --as-of.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(repo, "testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "1")
			e.Setenv("REPO", repo)
			return os.CopyFS(filepath.Join(e.WorkDir, "mali"), os.DirFS(filepath.Join(repo, "data")))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits},
	})
}

// exits N PROG ARGS... runs PROG and checks it exits with status N, so a
// script can tell "findings" (1) from "usage" (2) from "could not run" (3).
// Its stdout and stderr are kept for the commands that follow.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %q is not a number", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}
