package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

const testEvaluation = `# yaml-language-server: $schema=../../schema/evaluation.schema.json
id: %ID%
reference: EVO/2025/01
title: Evaluation of the country strategy
language: en
commissioned_by: Evaluation Office
response_due: 2025-07-20
coordinator:
  name: A Person
  title: Officer
approved_by:
  name: B Person
  title: Director
  office: RB
approved_on: 2025-08-09
`

const testRecommendation = `# yaml-language-server: $schema=../../schema/recommendation.schema.json
number: 1
title: Strengthen partnerships
text: Strengthen partnerships.
response: agree
responsible:
  - CO Mali
  - RB-WCA
actions:
  - number: 1
    title: Meet the donors
    owner: External Relations
    description: Meetings.
    due: 2025-12
    status: in-progress
    progress: ""
  - number: 2
    title: Write the strategy
    owner: Administration/Ressources Humaines
    description: A strategy.
    due: 2026-03-31
    status: not-started
    progress: ""
`

// writeTestData writes one small valid evaluation per id under dir/data.
func writeTestData(t *testing.T, ids ...string) string {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	for _, id := range ids {
		dir := filepath.Join(data, id)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(dir, "evaluation.yaml"), strings.ReplaceAll(testEvaluation, "%ID%", id))
		writeTestFile(t, filepath.Join(dir, "rec-01.yaml"), testRecommendation)
	}
	return data
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func completionNoop(*cobra.Command, []string) error { return nil }

// completionRoot stands in for the command tree: commands with the flags
// and arguments the query commands have, built the way NewRoot builds.
func completionRoot(env *Env) *cobra.Command {
	g := &global{}
	root := &cobra.Command{Use: "mrtrack", SilenceErrors: true, SilenceUsage: true}
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.PersistentFlags().StringVar(&g.dataDir, "data", "", "")
	root.PersistentFlags().StringVar(&g.asOf, "as-of", "", "")

	list := &cobra.Command{Use: "list", RunE: completionNoop}
	for _, name := range []string{"owner", "unit", "rec", "evaluation"} {
		list.Flags().String(name, "", "")
	}
	list.Flags().StringSlice("status", nil, "")
	list.Flags().String("response", "", "")
	show := &cobra.Command{Use: "show ID", RunE: completionNoop}
	many := &cobra.Command{Use: "many [EVALUATION/ID...]", RunE: completionNoop}
	files := &cobra.Command{Use: "files [PATH...]", RunE: completionNoop}
	keep := &cobra.Command{Use: "keep", RunE: completionNoop}
	keep.Flags().String("owner", "", "")
	keep.RegisterFlagCompletionFunc("owner", cobra.FixedCompletions([]string{"mine"}, cobra.ShellCompDirectiveNoFileComp))
	set := &cobra.Command{Use: "set ID [FIELD=VALUE...]", RunE: completionNoop}
	step := &cobra.Command{Use: "step ACTION", RunE: completionNoop}
	newEval := &cobra.Command{Use: "evaluation ID", RunE: completionNoop, ValidArgsFunction: cobra.NoFileCompletions}
	root.AddCommand(list, show, many, files, keep, set, step, newEval)
	registerDataCompletions(root, env, g)
	return root
}

// completeArgs runs the hidden __complete command as a shell script does
// and returns the candidates, the directive line and stderr.
func completeArgs(t *testing.T, cwd string, args ...string) (cands []string, directive string, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }, Cwd: cwd,
		Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}
	root := completionRoot(env)
	root.SetArgs(append([]string{cobra.ShellCompRequestCmd}, args...))
	if err := root.Execute(); err != nil {
		t.Fatalf("__complete %v: %v", args, err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	return lines[:len(lines)-1], lines[len(lines)-1], errOut.String()
}

func TestDataCompletions(t *testing.T) {
	data := writeTestData(t, "EVO-2025-01")
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"list", "--owner", ""}, []string{"Administration/Ressources Humaines", "External Relations"}},
		{[]string{"list", "--owner", "Ext"}, []string{"External Relations"}},
		{[]string{"list", "--unit", ""}, []string{"CO Mali", "RB-WCA"}},
		{[]string{"list", "--status", "in"}, []string{"in-progress"}},
		{[]string{"list", "--status", ""}, []string{"not-started", "in-progress", "completed", "ongoing", "no-longer-applicable"}},
		{[]string{"list", "--evaluation", ""}, []string{"EVO-2025-01\tEvaluation of the country strategy"}},
		{[]string{"list", "--rec", ""}, []string{"R1\tStrengthen partnerships"}},
		{[]string{"list", "--rec", "EVO-2025-01/"}, []string{"EVO-2025-01/R1\tStrengthen partnerships"}},
		{[]string{"show", ""}, []string{"EVO-2025-01\tEvaluation of the country strategy", "R1\tStrengthen partnerships",
			"R1.1\tMeet the donors", "R1.2\tWrite the strategy"}},
		{[]string{"show", "R1."}, []string{"R1.1\tMeet the donors", "R1.2\tWrite the strategy"}},
		{[]string{"many", "EVO-2025-01/R1.2"}, []string{"EVO-2025-01/R1.2\tWrite the strategy"}},
		{[]string{"keep", "--owner", ""}, []string{"mine"}},
		{[]string{"list", "--response", "p"}, []string{"partially-agree"}},
		{[]string{"set", ""}, []string{"EVO-2025-01\tEvaluation of the country strategy", "R1\tStrengthen partnerships",
			"R1.1\tMeet the donors", "R1.2\tWrite the strategy"}},
		{[]string{"set", "R1.1", ""}, nil}, // FIELD=VALUE: nothing to offer, and no file names
		{[]string{"step", ""}, []string{"R1.1\tMeet the donors", "R1.2\tWrite the strategy"}},
		{[]string{"step", "R1.1", ""}, nil},
		{[]string{"evaluation", ""}, nil}, // opted out: a new id
		{[]string{"--as-of", "eo"}, nil},  // fixed list, filtered by the shell
	}
	for _, tt := range tests {
		args := append([]string{"--data", data}, tt.args...)
		got, directive, _ := completeArgs(t, t.TempDir(), args...)
		if tt.args[0] == "--as-of" {
			if !slices.Contains(got, "eom") || directive != ":4" {
				t.Errorf("%v: %q %s", tt.args, got, directive)
			}
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%v:\n got %q\nwant %q", tt.args, got, tt.want)
		}
		if directive != ":4" { // ShellCompDirectiveNoFileComp
			t.Errorf("%v: directive %s, want :4 (no file completion)", tt.args, directive)
		}
	}
}

func TestIDCompletionQualifiesAmbiguousIDs(t *testing.T) {
	data := writeTestData(t, "EVO-2025-01", "EVO-2025-02")
	got, _, _ := completeArgs(t, t.TempDir(), "--data", data, "list", "--rec", "")
	want := []string{"EVO-2025-01/R1\tStrengthen partnerships", "EVO-2025-02/R1\tStrengthen partnerships"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCompletionNeverFails(t *testing.T) {
	broken := t.TempDir()
	os.MkdirAll(filepath.Join(broken, "EVO-X"), 0o755)
	writeTestFile(t, filepath.Join(broken, "EVO-X", "evaluation.yaml"), "id: [unclosed\n")
	writeTestFile(t, filepath.Join(broken, "EVO-X", "rec-01.yaml"), "\x00\x01 not yaml")
	for name, args := range map[string][]string{
		"broken data":   {"--data", broken, "list", "--owner", ""},
		"missing data":  {"--data", filepath.Join(broken, "nope"), "show", ""},
		"no data found": {"list", "--unit", ""},
	} {
		t.Run(name, func(t *testing.T) {
			got, directive, stderr := completeArgs(t, t.TempDir(), args...)
			if len(got) != 0 || directive != ":4" {
				t.Errorf("got %q %s, want no candidates and :4", got, directive)
			}
			if strings.Contains(stderr, "mrtrack:") || strings.Contains(strings.ToLower(stderr), "error") {
				t.Errorf("stderr: %q", stderr)
			}
		})
	}
}

func TestFileArgumentsKeepFileCompletion(t *testing.T) {
	data := writeTestData(t, "EVO-2025-01")
	got, directive, _ := completeArgs(t, t.TempDir(), "--data", data, "files", "")
	if len(got) != 0 || directive != ":0" {
		t.Errorf("files: got %q %s, want the shell's file completion (:0)", got, directive)
	}
}

func TestArgKinds(t *testing.T) {
	tests := []struct {
		use  string
		want []argKind
	}{
		{"show ID", []argKind{{"ID", false}}},
		{"show [ID...]", []argKind{{"ID", true}}},
		{"many EVALUATION/ID", []argKind{{"ID", false}}},
		{"set ID [FIELD=VALUE...]", []argKind{{"ID", false}, {"", true}}},
		{"action RECOMMENDATION", []argKind{{"RECOMMENDATION", false}}},
		{"step ACTION", []argKind{{"ACTION", false}}},
		{"recommendation --evaluation ID", nil}, // the flag's value, not an argument
		{"changes --since DATE|REV [--until DATE|REV]", nil},
		{"validate [PATH...]", nil},
		{"list", nil},
		{"IDENTITY", nil},
	}
	for _, tt := range tests {
		if got := argKinds(tt.use); !slices.Equal(got, tt.want) {
			t.Errorf("argKinds(%q) = %v, want %v", tt.use, got, tt.want)
		}
	}
}
