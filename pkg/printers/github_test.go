package printers

import (
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
)

// unescape undoes the escaping as the Actions runner does (ActionCommand.cs
// in actions/runner: each mapping replaced back in turn, % last).
func unescape(s string, property bool) string {
	for _, m := range [][2]string{{"\r", "%0D"}, {"\n", "%0A"}, {":", "%3A"}, {",", "%2C"}, {"%", "%25"}} {
		if !property && (m[0] == ":" || m[0] == ",") {
			continue
		}
		s = strings.ReplaceAll(s, m[1], m[0])
	}
	return s
}

// parseAnnotation splits a workflow command as the runner does: the
// command, properties up to the first "::", the message after it.
func parseAnnotation(t *testing.T, line string) (cmd string, props map[string]string, msg string) {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("%q does not start with ::", line)
	}
	head, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("%q has no :: before the message", line)
	}
	cmd, list, _ := strings.Cut(head, " ")
	props = map[string]string{}
	for _, kv := range strings.Split(list, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("property %q in %q has no =", kv, line)
		}
		props[k] = unescape(v, true)
	}
	return cmd, props, unescape(data, false)
}

func TestAnnotationSurvivesHostileText(t *testing.T) {
	f := finding.Finding{
		File: "data/EVO,1:2%/rec-01.yaml", Line: 12, Col: 7, Severity: finding.Error, Rule: "invalid-value",
		Message: "status \"done: 50%, mostly\" is not allowed\r\nsecond line, with: colons",
		Field:   "$.actions[0].status", Hint: "use one of: a, b",
	}
	line := Annotation(f)
	if strings.ContainsAny(line, "\r\n") {
		t.Fatalf("annotation spans lines: %q", line)
	}
	cmd, props, msg := parseAnnotation(t, line)
	if cmd != "error" {
		t.Errorf("command %q, want error", cmd)
	}
	want := map[string]string{"file": f.File, "line": "12", "col": "7", "title": "invalid-value"}
	for k, v := range want {
		if props[k] != v {
			t.Errorf("property %s = %q, want %q", k, props[k], v)
		}
	}
	if len(props) != len(want) {
		t.Errorf("properties %v, want exactly %v", props, want)
	}
	// The message's own line break is written visibly: only the parts of
	// the annotation are on lines of their own.
	if wantMsg := `status "done: 50%, mostly" is not allowed\r\nsecond line, with: colons` + "\nat $.actions[0].status\nhint: use one of: a, b"; msg != wantMsg {
		t.Errorf("message %q, want %q", msg, wantMsg)
	}
}

func TestAnnotationWholeFileWarning(t *testing.T) {
	got := Annotation(finding.Finding{File: "data/x.yaml", Severity: finding.Warning, Rule: "modeline", Message: "m"})
	if want := "::warning file=data/x.yaml,title=modeline::m"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestGitHubGroupsPerFileThenText(t *testing.T) {
	fs := []finding.Finding{
		{File: "a.yaml", Line: 1, Col: 1, Severity: finding.Error, Rule: "r1", Message: "one"},
		{File: "a.yaml", Line: 2, Col: 3, Severity: finding.Warning, Rule: "r2", Message: "two"},
		{File: "b.yaml", Line: 4, Col: 5, Severity: finding.Error, Rule: "r3", Message: "three"},
	}
	var b strings.Builder
	if err := (GitHub{}).Write(&b, fs, load.Stats{Files: 2, Errors: 2, Warnings: 1}); err != nil {
		t.Fatal(err)
	}
	want := `::group::a.yaml
::error file=a.yaml,line=1,col=1,title=r1::one
::warning file=a.yaml,line=2,col=3,title=r2::two
::endgroup::
::group::b.yaml
::error file=b.yaml,line=4,col=5,title=r3::three
::endgroup::
a.yaml:1:1: error: one [r1]
a.yaml:2:3: warning: two [r2]
b.yaml:4:5: error: three [r3]
2 files, 0 recommendations, 0 actions: 2 errors, 1 warning
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A YAML key can hold a line break and a file name can too: neither may
// start a line of the log, where the runner would take it for a command.
func TestGitHubHostileTextStartsNoCommand(t *testing.T) {
	fs := []finding.Finding{
		{File: "::stop-commands::x.yaml", Line: 3, Col: 1, Severity: finding.Error, Rule: "unknown-key",
			Message: `unknown field "x\n::error file=a,line=1::INJ"`, Field: "$.x\n::error file=a,line=1::INJ",
			Hint: "allowed here:\n##[error]INJ"},
	}
	var b strings.Builder
	if err := (GitHub{}).Write(&b, fs, load.Stats{Files: 1, Errors: 1}); err != nil {
		t.Fatal(err)
	}
	want := `::group::\x3a:stop-commands::x.yaml
::error file=%3A%3Astop-commands%3A%3Ax.yaml,line=3,col=1,title=unknown-key::unknown field "x\n::error file=a,line=1::INJ"%0Aat $.x\n::error file=a,line=1::INJ%0Ahint: allowed here:\n##\x5berror]INJ
::endgroup::
\x3a:stop-commands::x.yaml:3:1: error: unknown field "x\n::error file=a,line=1::INJ" [unknown-key] $.x\n::error file=a,line=1::INJ
    hint: allowed here:\n##\x5berror]INJ
1 file, 0 recommendations, 0 actions: 1 error, 0 warnings
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
