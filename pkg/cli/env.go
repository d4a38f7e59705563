// Package cli holds mrtrack's commands: each parses and checks its flags,
// then hands an options struct to a run function that does the work. It is
// the only package that sees streams, the environment and the clock, and
// they come in through Env so tests can set them.
package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/escape"
)

// Env is what the commands may touch of the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Cwd            string
	Now            func() time.Time
	// IsTerminal reports whether Stdout is a terminal (colour, widths).
	IsTerminal bool
	Width      int // terminal width in columns, 0 when unknown
}

// Exit codes, documented in the README and in each command's help.
const (
	ExitOK        = 0
	ExitFindings  = 1
	ExitUsage     = 2
	ExitCannotRun = 3
)

// clockDay is the injected clock's day, before --as-of. The commands read
// the clock here and nowhere else, so tests decide what today is.
func (env *Env) clockDay() civil.Date { return civil.Of(env.Now()) }

// abs resolves a path given on the command line or found in the data
// against the working folder of the command, which need not be the
// process's.
func (env *Env) abs(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(env.Cwd, path)
}

// shown is how a path is named to the user, as the records are: relative
// to the working folder.
func (env *Env) shown(path string) string {
	if rel, err := filepath.Rel(env.Cwd, path); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}

// exitError carries an exit code out of a command. A nil err means the
// command already said everything it had to say.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// failed reports findings already printed: exit 1, nothing more to say.
func failed() error { return &exitError{code: ExitFindings} }

// cannotRun wraps an error that stopped the command: exit 3.
func cannotRun(err error) error { return &exitError{code: ExitCannotRun, err: err} }

// usage wraps a mistake in the command line: exit 2.
func usage(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: keepHints(fmt.Errorf(format, args...), args)}
}

// hinted is an error with advice on how to fix it.
type hinted struct {
	err  error
	hint string
}

func (h *hinted) Error() string { return h.err.Error() }
func (h *hinted) Unwrap() error { return h.err }

func withHint(err error, hint string) error { return &hinted{err, hint} }

// codeOf returns the exit code for an error returned by cobra: codes the
// commands chose, and 2 for anything cobra itself rejected (unknown flags,
// wrong argument counts).
func codeOf(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return ExitUsage
}

// printError writes "mrtrack: message" and a hint line to stderr, with
// anything from the data or git (a path, a value) made safe to print.
func printError(w io.Writer, err error) {
	var ee *exitError
	if errors.As(err, &ee) && ee.err == nil {
		return
	}
	fmt.Fprintf(w, "mrtrack: %s\n", escape.Text(err.Error()))
	if hint, _ := hintOf(err); hint != "" {
		fmt.Fprintf(w, "hint: %s\n", escape.Text(hint))
	}
}
