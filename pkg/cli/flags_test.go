package cli

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The flag tests of the commands beside list, status and show (in
// query_test.go): each builds the command with a stub run and checks what
// the constructor hands it, and that bad input is exit 2 before run.

// wantUsage wants err to be exit 2 with msg in what is printed.
func wantUsage(t *testing.T, err error, args []string, msg string) {
	t.Helper()
	if codeOf(err) != ExitUsage {
		t.Errorf("%q: exit %d (%v), want 2", args, codeOf(err), err)
		return
	}
	var stderr bytes.Buffer
	printError(&stderr, err)
	if !strings.Contains(stderr.String(), msg) {
		t.Errorf("%q: %q does not say %q", args, stderr.String(), msg)
	}
}

func TestValidateFlags(t *testing.T) {
	var got *validateOptions
	stub := func(_ *Env, _ *global, o *validateOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	if err := execute(newValidateCmdRun(env, &global{}, stub)); err != nil || got.output != "text" || len(got.paths) != 0 || got.strict || got.quiet {
		t.Errorf("defaults: %v, %+v", err, got)
	}
	if err := execute(newValidateCmdRun(env, &global{}, stub), "a.yaml", "data/b", "--strict", "-q", "-o", "sarif"); err != nil ||
		!slices.Equal(got.paths, []string{"a.yaml", "data/b"}) || got.output != "sarif" || !got.strict || !got.quiet {
		t.Errorf("a.yaml data/b --strict -q -o sarif: %v, %+v", err, got)
	}
	actions, _, _ := queryEnv(false, 0, map[string]string{"GITHUB_ACTIONS": "true"})
	if err := execute(newValidateCmdRun(actions, &global{}, stub)); err != nil || got.output != "github" {
		t.Errorf("-o auto in GitHub Actions: %v, %q", err, got.output)
	}
	if err := execute(newValidateCmdRun(actions, &global{}, stub), "-o", "text"); err != nil || got.output != "text" {
		t.Errorf("-o text in GitHub Actions: %v, %q", err, got.output)
	}

	never := func(*Env, *global, *validateOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-o", "xml"}, `unknown output format "xml": use auto or one of text, json, github, sarif, junit`},
		{[]string{"--nope"}, "unknown flag: --nope"},
	} {
		wantUsage(t, execute(newValidateCmdRun(env, &global{}, never), tt.args...), tt.args, tt.msg)
	}
}

func TestLogFlags(t *testing.T) {
	var got *logOptions
	stub := func(_ *Env, _ *global, o *logOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	if err := execute(newLogCmdRun(env, &global{}, stub), "R3.6"); err != nil || got.id != "R3.6" || got.output.format != defaultOutput {
		t.Errorf("log R3.6: %v, %+v", err, got)
	}
	if err := execute(newLogCmdRun(env, &global{}, stub), "EVO-2024-03/R7", "-o", "markdown"); err != nil || got.id != "EVO-2024-03/R7" || got.output.format != "markdown" {
		t.Errorf("log EVO-2024-03/R7 -o markdown: %v, %+v", err, got)
	}

	never := func(*Env, *global, *logOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{}, "accepts 1 arg(s), received 0"},
		{[]string{"R1", "R2"}, "accepts 1 arg(s), received 2"},
		{[]string{"R1", "-o", "xml"}, "use one of text, json, csv, markdown"},
		{[]string{"R1", "--since", "2025"}, "unknown flag: --since"},
	} {
		wantUsage(t, execute(newLogCmdRun(env, &global{}, never), tt.args...), tt.args, tt.msg)
	}
}

func TestChangesFlags(t *testing.T) {
	var got *changesOptions
	stub := func(_ *Env, _ *global, o *changesOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	if err := execute(newChangesCmdRun(env, &global{}, stub), "--since", "2025-09-30"); err != nil ||
		got.since != "2025-09-30" || got.until != "" || got.output.format != defaultOutput {
		t.Errorf("--since 2025-09-30: %v, %+v", err, got)
	}
	if err := execute(newChangesCmdRun(env, &global{}, stub), "--since", "q3-report", "--until", "q4-report", "-o", "json"); err != nil ||
		got.since != "q3-report" || got.until != "q4-report" || got.output.format != "json" {
		t.Errorf("--since q3-report --until q4-report -o json: %v, %+v", err, got)
	}

	never := func(*Env, *global, *changesOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{}, "--since is required"},
		{[]string{"--until", "2025"}, "--since is required"},
		{[]string{"--since", "2025", "-o", "xml"}, "use one of text, json, csv, markdown"},
		{[]string{"--since", "2025", "R3"}, `unknown command "R3"`},
	} {
		wantUsage(t, execute(newChangesCmdRun(env, &global{}, never), tt.args...), tt.args, tt.msg)
	}
}

func TestSchemaArgs(t *testing.T) {
	var got *schemaOptions
	stub := func(_ *Env, o *schemaOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	if err := execute(newSchemaCmdRun(env, stub), "recommendation"); err != nil || got.kind != "recommendation" || got.dir != "" {
		t.Errorf("schema recommendation: %v, %+v", err, got)
	}
	if err := execute(newSchemaCmdRun(env, stub), "--dir", "schema"); err != nil || got.kind != "" || got.dir != "schema" {
		t.Errorf("schema --dir schema: %v, %+v", err, got)
	}

	never := func(*Env, *schemaOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{}, "name the schema to print"},
		{[]string{"action"}, `unknown schema "action": use evaluation, recommendation, owners or round`},
		{[]string{"evaluation", "recommendation"}, "name the schema to print"},
		{[]string{"evaluation", "-d", "schema"}, "give a schema name or --dir, not both"},
	} {
		wantUsage(t, execute(newSchemaCmdRun(env, never), tt.args...), tt.args, tt.msg)
	}
}

// TestRunSchema: run prints the embedded schema as it is.
func TestRunSchema(t *testing.T) {
	env, out, _ := queryEnv(false, 0, nil)
	if err := runSchema(env, &schemaOptions{kind: "evaluation"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), schemaFiles[0].data) {
		t.Errorf("printed %d bytes, not the evaluation schema", out.Len())
	}
}

func TestVersionArgs(t *testing.T) {
	var got *versionOptions
	stub := func(_ *Env, o *versionOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	if err := execute(newVersionCmdRun(env, stub)); err != nil || got.build != currentBuild() {
		t.Errorf("version: %v, %+v", err, got)
	}
	never := func(*Env, *versionOptions) error { t.Error("run called"); return nil }
	wantUsage(t, execute(newVersionCmdRun(env, never), "now"), []string{"now"}, `unknown command "now"`)
}

// TestRunVersion: run prints the build it is given, whatever binary runs.
func TestRunVersion(t *testing.T) {
	env, out, _ := queryEnv(false, 0, nil)
	if err := runVersion(env, &versionOptions{build{Version: "v1.2.3", Commit: "0123456789abcdef", Date: "2026-01-02T03:04:05Z"}}); err != nil {
		t.Fatal(err)
	}
	if want := "mrtrack v1.2.3 (commit 0123456789ab, 2026-01-02T03:04:05Z)\n"; out.String() != want {
		t.Errorf("printed %q, want %q", out, want)
	}
	failing := &Env{Stdout: failingWriter{}}
	if err := runVersion(failing, &versionOptions{build{Version: "v1"}}); codeOf(err) != ExitCannotRun {
		t.Errorf("a failed write: exit %d (%v), want 3", codeOf(err), err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestManArgs(t *testing.T) {
	var got *manOptions
	stub := func(_ *Env, o *manOptions) error { got = o; return nil }
	epoch := ""
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Cwd: "/work",
		Getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return epoch
			}
			return ""
		},
		Now: func() time.Time { t.Error("the constructor read the clock"); return time.Time{} }}
	if err := execute(newManCmdRun(env, stub), "out/man"); err != nil || got.dir != filepath.Join("/work", "out/man") || !got.date.IsZero() || got.root == nil {
		t.Errorf("man out/man: %v, %+v", err, got)
	}
	epoch = "1767225600"
	if err := execute(newManCmdRun(env, stub), "/tmp/man"); err != nil || got.dir != "/tmp/man" || !got.date.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("man /tmp/man with SOURCE_DATE_EPOCH: %v, %+v", err, got)
	}

	never := func(*Env, *manOptions) error { t.Error("run called"); return nil }
	wantUsage(t, execute(newManCmdRun(env, never)), nil, "accepts 1 arg(s), received 0")
	epoch = "yesterday"
	wantUsage(t, execute(newManCmdRun(env, never), "out"), []string{"out"}, `$SOURCE_DATE_EPOCH "yesterday" is not a number of seconds`)
}

func TestCompletionArgs(t *testing.T) {
	var got *completionOptions
	stub := func(_ *Env, o *completionOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	for _, shell := range shells {
		if err := execute(newCompletionCmdRun(env, stub), shell); err != nil || got.shell != shell || got.noDesc || got.root == nil {
			t.Errorf("completion %s: %v, %+v", shell, err, got)
		}
	}
	if err := execute(newCompletionCmdRun(env, stub), "zsh", "--no-descriptions"); err != nil || got.shell != "zsh" || !got.noDesc {
		t.Errorf("completion zsh --no-descriptions: %v, %+v", err, got)
	}

	never := func(*Env, *completionOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{}, "accepts 1 arg(s), received 0"},
		{[]string{"tcsh"}, `invalid argument "tcsh"`},
		{[]string{"bash", "zsh"}, "accepts 1 arg(s), received 2"},
	} {
		wantUsage(t, execute(newCompletionCmdRun(env, never), tt.args...), tt.args, tt.msg)
	}
}
