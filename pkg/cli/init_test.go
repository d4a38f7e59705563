package cli

import (
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/scaffold"
	"go.yaml.in/yaml/v3"
)

func TestInitFlags(t *testing.T) {
	var got *initOptions
	stub := func(_ *Env, o *initOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	if err := execute(newInitCmdRun(env, "v1.4.0", stub)); err != nil || *got != (initOptions{dir: ".", lang: "en", version: "v1.4.0"}) {
		t.Errorf("defaults from a release binary: %v, %+v", err, got)
	}
	if err := execute(newInitCmdRun(env, "devel", stub), "records", "--lang", "fr", "--organization", "my-office", "--from-release", "0.3.1"); err != nil ||
		*got != (initOptions{dir: "records", lang: "fr", organization: "my-office", version: "v0.3.1"}) {
		t.Errorf("records --lang fr --organization my-office --from-release 0.3.1: %v, %+v", err, got)
	}
	if err := execute(newInitCmdRun(env, "v1.4.0", stub), "--from-release", "v1.5.0-rc.1"); err != nil || got.version != "v1.5.0-rc.1" {
		t.Errorf("--from-release wins over the binary: %v, %+v", err, got)
	}

	never := func(*Env, *initOptions) error { t.Error("run called"); return nil }
	for _, tt := range []struct {
		binary string
		args   []string
		msg    string
	}{
		{"devel", nil, `this mrtrack is "devel", not a release`},
		{"v0.1.1-0.20261128201500-0123456789ab", nil, "pass --from-release VERSION"},
		{"v0.0.0-20261128201500-0123456789ab", nil, "not a release"},
		{"v1.2.3+dirty", nil, "not a release"},
		{"v1.0.0", []string{"--from-release", "latest"}, `--from-release: "latest" is not a release version such as v1.2.3`},
		{"v1.0.0", []string{"--from-release", "1.2"}, "not a release version"},
		{"v1.0.0", []string{"--lang", "de"}, `--lang "de" is not a language init writes: use en or fr`},
		{"v1.0.0", []string{"--organization", "my office"}, "is not a GitHub organization name"},
		{"v1.0.0", []string{"--organization", "-office"}, "is not a GitHub organization name"},
		{"v1.0.0", []string{"a", "b"}, "accepts at most 1 arg(s), received 2"},
	} {
		wantUsage(t, execute(newInitCmdRun(env, tt.binary, never), tt.args...), append([]string{tt.binary}, tt.args...), tt.msg)
	}
}

func TestIssuesFlags(t *testing.T) {
	var got *issuesOptions
	stub := func(_ *Env, _ *global, o *issuesOptions) error { got = o; return nil }
	env, _, _ := queryEnv(false, 0, nil)
	if err := execute(newIssuesCmdRun(env, &global{}, stub), "--repo", "office/records", "--dry-run"); err != nil || *got != (issuesOptions{repo: "office/records", dryRun: true}) {
		t.Errorf("--repo office/records --dry-run: %v, %+v", err, got)
	}
	never := func(*Env, *global, *issuesOptions) error { t.Error("run called"); return nil }
	wantUsage(t, execute(newIssuesCmdRun(env, &global{}, never), "--repo", "records"), []string{"--repo", "records"}, `--repo "records" is not OWNER/NAME`)
	wantUsage(t, execute(newIssuesCmdRun(env, &global{}, never), "R1"), []string{"R1"}, "unknown command")
}

// Without gh on the PATH, issues cannot run, and says how to get it.
func TestIssuesWithoutGH(t *testing.T) {
	env, _, _ := queryEnv(false, 0, map[string]string{"PATH": t.TempDir()})
	err := runIssues(env, &global{dataDir: bundledData(t), asOf: "2025-01-01"}, &issuesOptions{})
	if codeOf(err) != ExitCannotRun || !strings.Contains(err.Error(), "gh, the GitHub CLI, is not installed") {
		t.Fatalf("exit %d: %v", codeOf(err), err)
	}
	if hint, _ := hintOf(err); !strings.Contains(hint, "https://cli.github.com") {
		t.Errorf("hint %q", hint)
	}
}

// Every mrtrack command the generated workflows run is a command of this
// mrtrack, with flags it has: a workflow can only call what exists.
func TestWorkflowsCallRealCommands(t *testing.T) {
	var schemas []scaffold.Schema
	for _, s := range schemaFiles {
		schemas = append(schemas, scaffold.Schema{File: s.file, Data: s.data})
	}
	files, err := scaffold.Files(scaffold.Params{Version: "v1.0.0", Lang: "en", Schemas: schemas})
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	for _, f := range files {
		if !strings.HasPrefix(f.Path, ".github/workflows/") {
			continue
		}
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Run string `yaml:"run"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal(f.Data, &wf); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		for _, job := range wf.Jobs {
			for _, step := range job.Steps {
				for _, line := range strings.Split(step.Run, "\n") {
					line, _, _ = strings.Cut(strings.TrimSpace(line), "#")
					if !strings.HasPrefix(line, "mrtrack ") {
						continue
					}
					line, _, _ = strings.Cut(line, ">") // the redirection, not an argument
					args := strings.Fields(strings.ReplaceAll(line, `"`, ""))[1:]
					env, _, _ := queryEnv(false, 0, nil)
					root := NewRoot(env)
					cmd, rest, err := root.Find(args)
					if err != nil || cmd == root || !cmd.Runnable() {
						t.Errorf("%s: %q is no mrtrack command (%v)", f.Path, line, err)
						continue
					}
					if err := cmd.ParseFlags(rest); err != nil {
						t.Errorf("%s: %q: %v", f.Path, line, err)
					}
					calls++
				}
			}
		}
	}
	if calls < 10 {
		t.Errorf("only %d mrtrack calls found in the workflows", calls)
	}
}
