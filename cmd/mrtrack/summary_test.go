package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/cli"
)

// A file with more findings than it lists: the summary counts all that were
// found and says how many were not shown, in text and in JSON. 1500 actions
// each have an unknown status (an error) and a placeholder title (a
// warning); validate lists 1000 of each.
func TestSummaryCountsFindingsNotShown(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "data", "E-1")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	eval, err := os.ReadFile("../../testdata/script/validate-rule-tabs.txtar")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(eval), "-- data/E-1/evaluation.yaml --\n")
	evalYAML, _, _ := strings.Cut(after, "-- ")
	var rec strings.Builder
	rec.WriteString("# yaml-language-server: $schema=../../schema/recommendation.schema.json\nnumber: 1\ntitle: T\ntext: T\nresponse: agree\nresponsible: [P]\nactions:\n")
	for i := range 1500 {
		fmt.Fprintf(&rec, "  - {number: %d, title: TBD, owner: o, description: d, due: 2024, status: done, progress: \"\"}\n", i%999+1)
	}
	for name, body := range map[string]string{"evaluation.yaml": evalYAML, "rec-01.yaml": rec.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (string, int) {
		var stdout, stderr bytes.Buffer
		env := &cli.Env{Stdout: &stdout, Stderr: &stderr, Cwd: root, Getenv: func(string) string { return "" },
			Now: func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }}
		code := cli.Main(append([]string{"validate", "--data", "data"}, args...), env)
		if stderr.Len() > 0 {
			t.Errorf("stderr: %s", stderr.String())
		}
		return stdout.String(), code
	}
	// 1500 unknown statuses and 501 duplicate numbers (1000 to 1500 reuse 1 to 501).
	out, code := run()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if want := "2 files, 1 recommendation, 1500 actions: 2001 errors (1001 not shown), 1500 warnings (500 not shown)"; code != 1 || lines[len(lines)-1] != want {
		t.Errorf("exit %d, summary\n%s\nwant\n%s", code, lines[len(lines)-1], want)
	}
	if got := strings.Count(out, ": error: "); got != 1000 {
		t.Errorf("%d errors listed, want 1000", got)
	}
	if !strings.Contains(out, "(and 1001 more errors in this file, not shown)") {
		t.Error("the last error listed does not say how many more there are")
	}
	out, _ = run("-o", "json")
	for _, want := range []string{`"errors": 2001,`, `"warnings": 1500,`, `"errors_not_shown": 1001,`, `"warnings_not_shown": 500`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON summary lacks %s:\n%s", want, out[strings.LastIndex(out, `"summary"`):])
		}
	}
}
