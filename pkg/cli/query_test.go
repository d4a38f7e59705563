package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/spf13/cobra"
)

// queryEnv is an environment writing to buffers, on 2025-01-01 unless
// --as-of says otherwise.
func queryEnv(terminal bool, width int, vars map[string]string) (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errs bytes.Buffer
	return &Env{
		Stdout: &out, Stderr: &errs,
		Getenv:     func(k string) string { return vars[k] },
		Cwd:        os.TempDir(),
		Now:        func() time.Time { return time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC) },
		IsTerminal: terminal, Width: width,
	}, &out, &errs
}

func bundledData(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// execute runs a command built on its own, as root would.
func execute(cmd *cobra.Command, args ...string) error {
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usage("%s", err) })
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	return cmd.Execute()
}

func TestListFlags(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var got *listOptions
	stub := func(_ *Env, _ *global, o *listOptions) error { got = o; return nil }

	err := execute(newListCmdRun(env, &global{}, stub),
		"--due-soon", "--status", "completed,ongoing", "--status", "in-progress", "--owner", "ressources humaines",
		"--owner", "protection, santé", "--sort", "due", "-o", "csv", "--rec", "R3", "--rec", "EVO-2024-03/R4", "--search", "évacuation")
	if err != nil {
		t.Fatal(err)
	}
	f := got.filter
	if f.dueSoon != "30d" || !slices.Equal(f.statuses, []string{"completed", "ongoing", "in-progress"}) ||
		!slices.Equal(f.owners, []string{"ressources humaines", "protection, santé"}) || got.sort != query.ByDue || got.output.format != "csv" ||
		!slices.Equal(f.recs, []string{"R3", "EVO-2024-03/R4"}) || f.search != "évacuation" {
		t.Errorf("options = %+v", got)
	}

	if err := execute(newListCmdRun(env, &global{}, stub), "--due-soon=2w"); err != nil || got.filter.dueSoon != "2w" {
		t.Errorf("--due-soon=2w: %v, %q", err, got.filter.dueSoon)
	}
}

func TestListFlagErrors(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	stub := func(*Env, *global, *listOptions) error { t.Error("run called"); return nil }
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"--due-soon", "2w"}, "--due-soon=2w"},
		{[]string{"R3"}, "list takes no arguments"},
		{[]string{"--sort", "priority"}, "sort by due, id, status, overdue"},
		{[]string{"-o", "xml"}, "use one of text, json, csv, markdown"},
		{[]string{"--nope"}, "unknown flag"},
	}
	for _, tt := range tests {
		err := execute(newListCmdRun(env, &global{}, stub), tt.args...)
		if codeOf(err) != ExitUsage {
			t.Errorf("%v: exit %d (%v), want 2", tt.args, codeOf(err), err)
			continue
		}
		var stderr bytes.Buffer
		printError(&stderr, err)
		if !strings.Contains(stderr.String(), tt.msg) {
			t.Errorf("%v: %q does not say %q", tt.args, stderr.String(), tt.msg)
		}
	}
}

func TestStatusFlags(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var got *statusOptions
	stub := func(_ *Env, _ *global, o *statusOptions) error { got = o; return nil }
	if err := execute(newStatusCmdRun(env, &global{}, stub)); err != nil || got.by != query.ByRecommendation || got.window != "30d" || got.overdue {
		t.Errorf("defaults: %v, %+v", err, got)
	}
	if err := execute(newStatusCmdRun(env, &global{}, stub), "--by", "due-year", "--due-soon", "2w", "--unit", "rb"); err != nil || got.by != query.ByDueYear || got.window != "2w" || !slices.Equal(got.filter.units, []string{"rb"}) {
		t.Errorf("--by due-year: %v, %+v", err, got)
	}
	if err := execute(newStatusCmdRun(env, &global{}, stub), "--overdue", "--fail-on-overdue"); err != nil || !got.overdue || !got.failOnOverdue {
		t.Errorf("--overdue --fail-on-overdue: %v, %+v", err, got)
	}
	for _, args := range [][]string{{"--by", "colour"}, {"--overdue", "--by", "due-year"}, {"R3"}, {"--status", "completed"}} {
		if err := execute(newStatusCmdRun(env, &global{}, stub), args...); codeOf(err) != ExitUsage {
			t.Errorf("%v: exit %d (%v), want 2", args, codeOf(err), err)
		}
	}
}

func TestShowArgs(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var got *showOptions
	stub := func(_ *Env, _ *global, o *showOptions) error { got = o; return nil }
	if err := execute(newShowCmdRun(env, &global{}, stub), "R7.1.2", "-o", "json"); err != nil || got.id != "R7.1.2" || got.output.format != "json" {
		t.Errorf("show R7.1.2 -o json: %v, %+v", err, got)
	}
	for _, args := range [][]string{{}, {"R1", "R2"}} {
		if err := execute(newShowCmdRun(env, &global{}, stub), args...); codeOf(err) != ExitUsage {
			t.Errorf("%v: exit %d (%v), want 2", args, codeOf(err), err)
		}
	}
}

// TestTerminal: on a terminal, titles are shortened to its width and
// late days are red, unless NO_COLOR is set.
func TestTerminal(t *testing.T) {
	data := bundledData(t)
	for _, noColor := range []string{"", "1"} {
		env, out, errs := queryEnv(true, 80, map[string]string{"NO_COLOR": noColor})
		if code := Main([]string{"list", "--data", data, "--rec", "R1"}, env); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		coloured := strings.Contains(out.String(), "\x1b[31m1d late\x1b[0m") // the short form that fits 80
		if coloured != (noColor == "") {
			t.Errorf("NO_COLOR=%q: coloured = %v\n%s", noColor, coloured, out)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if n := textWidth(stripColour(line)); n > 80 {
				t.Errorf("line of %d columns on an 80-column terminal: %q", n, line)
			}
		}
		if !strings.Contains(out.String(), "…") {
			t.Errorf("nothing shortened:\n%s", out)
		}
	}
}

// TestOffATerminal: piped output has no colour and whole titles.
func TestOffATerminal(t *testing.T) {
	env, out, errs := queryEnv(false, 0, nil)
	if code := Main([]string{"list", "--data", bundledData(t), "--rec", "R1"}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(out.String(), "\x1b[") || !strings.Contains(out.String(), "Développement d'une stratégie de relations externes et de mobilisation de ressources.") {
		t.Errorf("output:\n%s", out)
	}
}

// TestAsOfDefaultsToTheClock: without --as-of the day is env.Now's.
func TestAsOfDefaultsToTheClock(t *testing.T) {
	env, out, _ := queryEnv(false, 0, nil) // the clock says 2025-01-01
	Main([]string{"show", "--data", bundledData(t), "R1.6"}, env)
	if !strings.Contains(out.String(), "Overdue         1 day on 2025-01-01") {
		t.Errorf("show R1.6 without --as-of:\n%s", out)
	}
}

func TestFailOnOverdue(t *testing.T) {
	data := bundledData(t)
	env, _, errs := queryEnv(false, 0, nil)
	if code := Main([]string{"status", "--data", data, "--overdue", "--fail-on-overdue", "--as-of", "2025-01-01"}, env); code != ExitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	if want := "mrtrack: 11 actions are overdue on 2025-01-01 (--fail-on-overdue)\n"; errs.String() != want {
		t.Errorf("stderr = %q, want %q", errs, want)
	}
	env, _, errs = queryEnv(false, 0, nil)
	if code := Main([]string{"status", "--data", data, "--fail-on-overdue", "--as-of", "2024-06-01"}, env); code != 0 {
		t.Errorf("nothing overdue: exit %d (%s), want 0", code, errs)
	}
}

// TestBrokenDataExitsOne: a broken file is left out, its findings go to
// stderr, the rest is shown, and the exit status is 1.
func TestBrokenDataExitsOne(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS(bundledData(t))); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "EVO-2024-03", "rec-09.yaml")
	if err := os.WriteFile(broken, []byte("number: 9\ntitle: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"status"}, {"show", "R1.6"}} {
		env, out, errs := queryEnv(false, 0, nil)
		code := Main(append(args, "--data", dir), env)
		if code != ExitFindings || !strings.Contains(errs.String(), "rec-09.yaml") || out.Len() == 0 {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q", args, code, out.Len(), errs)
		}
	}
}

func stripColour(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		s = s[:i] + s[i+j+1:]
	}
}

func textWidth(s string) int { return len([]rune(s)) }

// TestDefaultWindow: the window --due-soon defaults to parses, and
// defaultUntil is its last day.
func TestDefaultWindow(t *testing.T) {
	if _, _, err := civil.ParseSpan(defaultWindow); err != nil {
		t.Fatalf("defaultWindow %q: %v", defaultWindow, err)
	}
	today := civil.Date{Year: 2025, Month: 1, Day: 1}
	if got, want := defaultUntil(today), (civil.Date{Year: 2025, Month: 1, Day: 31}); got != want {
		t.Errorf("defaultUntil(%s) = %s, want %s", today, got, want)
	}
}
