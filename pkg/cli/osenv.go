package cli

import (
	"os"
	"time"

	"golang.org/x/term"
)

// OSEnv is the real environment: the process's streams, variables,
// working folder and clock.
func OSEnv() *Env {
	cwd, err := os.Getwd()
	if err != nil {
		cwd = "."
	}
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Cwd: cwd, Now: time.Now}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		env.IsTerminal = true
		if w, _, err := term.GetSize(fd); err == nil {
			env.Width = w
		}
	}
	return env
}
