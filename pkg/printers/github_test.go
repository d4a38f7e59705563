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

func TestEscape(t *testing.T) {
	tests := []struct {
		in, data, property string
	}{
		{"plain text", "plain text", "plain text"},
		{"100%", "100%25", "100%25"},
		{"a\nb", "a%0Ab", "a%0Ab"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"key: value, more", "key: value, more", "key%3A value%2C more"},
		// Text that looks like an escape must come back as itself.
		{"%0A and %25", "%250A and %2525", "%250A and %2525"},
		{"::error file=x::y", "::error file=x::y", "%3A%3Aerror file=x%3A%3Ay"},
		{"data/a,b:c%/rec-01.yaml", "data/a,b:c%25/rec-01.yaml", "data/a%2Cb%3Ac%25/rec-01.yaml"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.property {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.property)
		}
		if back := unescape(escapeData(tt.in), false); back != tt.in {
			t.Errorf("data %q does not survive: came back as %q", tt.in, back)
		}
		if back := unescape(escapeProperty(tt.in), true); back != tt.in {
			t.Errorf("property %q does not survive: came back as %q", tt.in, back)
		}
	}
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
	if wantMsg := f.Message + "\nat $.actions[0].status\nhint: use one of: a, b"; msg != wantMsg {
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
