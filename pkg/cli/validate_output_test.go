package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/finding"
)

// Every output format exits as text output does.
func TestValidateExitCodesSameForEveryFormat(t *testing.T) {
	clean := writeTestData(t, "EVO-2025-01")
	withErrors := writeTestData(t, "EVO-2025-01")
	writeTestFile(t, filepath.Join(withErrors, "EVO-2025-01", "rec-02.yaml"), "number: [2]\n")
	warnings := writeTestData(t, "EVO-2025-01")
	evalFile := filepath.Join(warnings, "EVO-2025-01", "evaluation.yaml")
	b, err := os.ReadFile(evalFile)
	if err != nil {
		t.Fatal(err)
	}
	_, noModeline, _ := strings.Cut(string(b), "\n") // drop the modeline: a warning
	writeTestFile(t, evalFile, noModeline)

	cases := []struct {
		name string
		args []string
		code int
	}{
		{"clean", []string{clean}, ExitOK},
		{"errors", []string{withErrors}, ExitFindings},
		{"warnings", []string{warnings}, ExitOK},
		{"warnings strict", []string{"--strict", warnings}, ExitFindings},
		{"warnings quiet strict", []string{"--strict", "-q", warnings}, ExitFindings},
		{"missing path", []string{filepath.Join(clean, "nope")}, ExitCannotRun},
	}
	for _, format := range []string{"auto", "text", "json", "github", "sarif", "junit"} {
		for _, c := range cases {
			for _, actions := range []string{"", "true"} {
				var out, errOut bytes.Buffer
				env := &Env{Stdout: &out, Stderr: &errOut, Cwd: t.TempDir(),
					Getenv: func(k string) string {
						if k == "GITHUB_ACTIONS" {
							return actions
						}
						return ""
					},
					Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}
				args := append([]string{"validate", "-o", format}, c.args...)
				if got := Main(args, env); got != c.code {
					t.Errorf("GITHUB_ACTIONS=%q %v: exit %d, want %d\n%s%s", actions, args, got, c.code, out.String(), errOut.String())
				}
			}
		}
	}
}

func TestOutputFormat(t *testing.T) {
	env := func(actions string) *Env {
		return &Env{Getenv: func(k string) string {
			if k == "GITHUB_ACTIONS" {
				return actions
			}
			return ""
		}}
	}
	for _, tt := range []struct{ name, actions, want string }{
		{"auto", "true", "github"},
		{"auto", "", "text"},
		{"auto", "false", "text"},
		{"auto", "TRUE", "text"}, // the runner sets exactly "true"
		{"text", "true", "text"},
		{"sarif", "true", "sarif"},
	} {
		got, err := outputFormat(tt.name, env(tt.actions))
		if err != nil || got != tt.want {
			t.Errorf("outputFormat(%q) with GITHUB_ACTIONS=%q = %q, %v; want %q", tt.name, tt.actions, got, err, tt.want)
		}
	}
	if _, err := outputFormat("xml", env("")); err == nil || codeOf(err) != ExitUsage {
		t.Errorf("unknown format: %v, want a usage error", err)
	}
}

func TestRelativeToWorkspace(t *testing.T) {
	ws := filepath.FromSlash("/work/repo")
	env := &Env{Cwd: filepath.Join(ws, "sub"), Getenv: func(k string) string {
		if k == "GITHUB_WORKSPACE" {
			return ws
		}
		return ""
	}}
	outside := filepath.ToSlash(filepath.FromSlash("/elsewhere/x.yaml"))
	tests := []struct{ in, want string }{
		{"EVO/rec-01.yaml", "sub/EVO/rec-01.yaml"},
		{filepath.ToSlash(filepath.Join(ws, "data", "x.yaml")), "data/x.yaml"},
		{outside, outside},
	}
	fs := make([]finding.Finding, len(tests))
	for i, tt := range tests {
		fs[i].File = tt.in
	}
	relativeToWorkspace(fs, env)
	for i, tt := range tests {
		if fs[i].File != tt.want {
			t.Errorf("%s became %s, want %s", tt.in, fs[i].File, tt.want)
		}
	}

	// Outside Actions nothing changes.
	env.Getenv = func(string) string { return "" }
	fs = []finding.Finding{{File: "EVO/rec-01.yaml"}}
	relativeToWorkspace(fs, env)
	if fs[0].File != "EVO/rec-01.yaml" {
		t.Errorf("without GITHUB_WORKSPACE the path changed to %s", fs[0].File)
	}
}
