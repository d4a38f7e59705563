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

// Every mrtrack command the generated workflows run, and every one the
// officers' README shows in its sh blocks, in both languages, is a command
// of this mrtrack with flags it has: they can only call what exists.
func TestGeneratedFilesCallRealCommands(t *testing.T) {
	var schemas []scaffold.Schema
	for _, s := range schemaFiles {
		schemas = append(schemas, scaffold.Schema{File: s.file, Data: s.data})
	}
	calls := 0
	check := func(path, line string) {
		line, _, _ = strings.Cut(line, " #")
		line, _, _ = strings.Cut(line, ">") // a redirection, not an argument
		args := shellFields(line)[1:]
		env, _, _ := queryEnv(false, 0, nil)
		root := NewRoot(env)
		cmd, rest, err := root.Find(args)
		if err != nil || cmd == root || !cmd.Runnable() {
			t.Errorf("%s: %q is no mrtrack command (%v)", path, line, err)
			return
		}
		if err := cmd.ParseFlags(rest); err != nil {
			t.Errorf("%s: %q: %v", path, line, err)
		}
		calls++
	}
	for _, lang := range scaffold.Langs {
		files, err := scaffold.Files(scaffold.Params{Version: "v1.0.0", Lang: lang, Schemas: schemas})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			var lines []string
			switch {
			case strings.HasPrefix(f.Path, ".github/workflows/"):
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
						lines = append(lines, strings.Split(step.Run, "\n")...)
					}
				}
			case f.Path == "data/README.md":
				for _, block := range strings.Split(string(f.Data), "```sh\n")[1:] {
					block, _, _ = strings.Cut(block, "```")
					lines = append(lines, strings.Split(block, "\n")...)
				}
			}
			for _, line := range lines {
				if line = strings.TrimSpace(line); strings.HasPrefix(line, "mrtrack ") {
					check(lang+":"+f.Path, line)
				}
			}
		}
	}
	if calls < 25 {
		t.Errorf("only %d mrtrack calls found", calls)
	}
}

// shellFields splits a command line as sh would for the lines the
// generated files hold: words, and "…" or '…' quoted words.
func shellFields(line string) []string {
	var out []string
	var word strings.Builder
	quote, inWord := rune(0), false
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				out = append(out, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		out = append(out, word.String())
	}
	return out
}
