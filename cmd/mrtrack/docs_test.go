package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/cli"
	"github.com/rogpeppe/go-internal/txtar"
)

// The documentation is checked against the code: what these tests read is
// what a user reads. Paths are relative to the repository root.
const repoRoot = "../.."

func readDoc(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// docFiles are the Markdown pages whose links must resolve.
func docFiles(t *testing.T) []string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(repoRoot, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"README.md", "CONTRIBUTING.md"}
	for _, p := range pages {
		files = append(files, filepath.ToSlash(strings.TrimPrefix(p, repoRoot+string(filepath.Separator))))
	}
	return files
}

// block is a fenced code block and the heading it stands under.
type block struct {
	heading, lang string
	lines         []string
}

// markdown splits a page into its prose lines (outside code blocks) and
// its code blocks.
func markdown(doc string) (prose []string, blocks []block) {
	var heading string
	var open *block
	for line := range strings.SplitSeq(doc, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case open != nil && trimmed == "```":
			blocks = append(blocks, *open)
			open = nil
		case open != nil:
			open.lines = append(open.lines, line)
		case strings.HasPrefix(trimmed, "```"):
			open = &block{heading: heading, lang: strings.TrimPrefix(trimmed, "```")}
		default:
			if strings.HasPrefix(line, "#") {
				heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
			}
			prose = append(prose, line)
		}
	}
	return prose, blocks
}

// anchors are the fragment ids GitHub gives a page's headings: lower case,
// punctuation dropped, spaces as hyphens, repeats numbered.
func anchors(doc string) map[string]bool {
	prose, _ := markdown(doc)
	out := map[string]bool{}
	drop := regexp.MustCompile(`[^\p{L}\p{N} _-]`)
	for _, line := range prose {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		slug := strings.ReplaceAll(drop.ReplaceAllString(strings.ToLower(strings.TrimSpace(strings.TrimLeft(line, "#"))), ""), " ", "-")
		id := slug
		for n := 1; out[id]; n++ {
			id = slug + "-" + strconv.Itoa(n)
		}
		out[id] = true
	}
	return out
}

// Every relative link in the README, CONTRIBUTING.md and docs/ points at a
// file that exists and, with a #fragment into a Markdown page, at one of
// its headings.
func TestDocLinks(t *testing.T) {
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	checked := 0
	for _, name := range docFiles(t) {
		doc := readDoc(t, name)
		prose, _ := markdown(doc)
		for _, m := range link.FindAllStringSubmatch(strings.Join(prose, "\n"), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, fragment, _ := strings.Cut(target, "#")
			file := name
			if path != "" {
				file = filepath.ToSlash(filepath.Join(filepath.Dir(name), path))
			}
			checked++
			if _, err := os.Stat(filepath.Join(repoRoot, file)); err != nil {
				t.Errorf("%s: link %s: %s does not exist", name, target, file)
				continue
			}
			if fragment != "" && strings.HasSuffix(file, ".md") && !anchors(readDoc(t, file))[fragment] {
				t.Errorf("%s: link %s: %s has no heading #%s", name, target, file, fragment)
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d relative links found: is the link pattern still right?", checked)
	}
}

// The README's quick start is two commands, and its test command is the
// one CI runs (.ci/run says so).
func TestREADMECommands(t *testing.T) {
	_, blocks := markdown(readDoc(t, "README.md"))
	i := slices.IndexFunc(blocks, func(b block) bool { return b.heading == "Quick start" && b.lang == "sh" })
	if i < 0 {
		t.Fatal("README.md has no sh block under ## Quick start")
	}
	var commands []string
	for _, line := range blocks[i].lines {
		cmd, _, _ := strings.Cut(line, "#")
		commands = append(commands, strings.TrimSpace(cmd))
	}
	want := []string{"go run ./cmd/mrtrack status --overdue", "go test ./..."}
	if !slices.Equal(commands, want) {
		t.Errorf("README quick start runs %q, want %q", commands, want)
	}
	if !slices.Contains(strings.Split(readDoc(t, ".ci/run"), "\n"), want[1]) {
		t.Errorf(".ci/run does not run the README's test command %q", want[1])
	}
}

// bundled is a copy of data/ in a folder outside any git checkout, so
// that commands print no history and file paths read data/….
func bundled(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "data"), os.DirFS(filepath.Join(repoRoot, "data"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// run runs mrtrack in dir as a user would, without a terminal.
func run(t testing.TB, dir string, args ...string) (stdout string, code int) {
	t.Helper()
	var out, errs bytes.Buffer
	env := &cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs,
		Getenv: func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] },
		Cwd:    dir,
		Now:    func() time.Time { return time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC) },
	}
	code = cli.Main(args, env)
	if errs.Len() > 0 {
		t.Logf("mrtrack %s: stderr:\n%s", strings.Join(args, " "), errs.String())
	}
	return out.String(), code
}

// archived returns the file name of a testscript archive, failing unless
// the script compares a command's stdout with it (so it is real output).
func archived(t *testing.T, script, name string) string {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join(repoRoot, "testdata", "script", script))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^cmp stdout (\$WORK/)?` + regexp.QuoteMeta(name) + `$`).Match(a.Comment) {
		t.Fatalf("%s does not compare any output with %s", script, name)
	}
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("%s holds no file %s", script, name)
	return ""
}

// jsonKeys adds every object key in a JSON document, at any depth.
func jsonKeys(t *testing.T, doc string, keys map[string]bool) {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				keys[k] = true
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
}

// Every key docs/json.md documents for a command appears in that command's
// real output, and every key any command prints is documented. Output is
// run on the bundled data, or, for what needs git history or broken files,
// taken from the testscripts that compare it with the real command's.
func TestJSONKeysDocumented(t *testing.T) {
	dir := bundled(t)
	day := "--as-of=2025-01-01"
	outputs := map[string][]string{}
	for heading, runs := range map[string][][]string{
		"list -o json":             {{"list", "-o", "json", day}},
		"status -o json":           {{"status", "-o", "json", day}},
		"status --overdue -o json": {{"status", "--overdue", "-o", "json", day}},
		"show -o json": {
			{"show", "EVO-2024-03", "-o", "json", day}, {"show", "R3", "-o", "json", day},
			{"show", "R3.5", "-o", "json", day}, {"show", "R7.1.2", "-o", "json", day},
		},
	} {
		for _, args := range runs {
			out, code := run(t, dir, args...)
			if code != 0 {
				t.Fatalf("mrtrack %s: exit %d", strings.Join(args, " "), code)
			}
			outputs[heading] = append(outputs[heading], out)
		}
	}
	outputs["list -o json"] = append(outputs["list -o json"], archived(t, "history-log-changes.txtar", "stale.json"))
	outputs["log -o json"] = []string{archived(t, "history-log-changes.txtar", "log-r1.json")}
	outputs["changes -o json"] = []string{archived(t, "history-log-changes.txtar", "changes.json")}
	outputs["validate -o json"] = []string{archived(t, "validate-cli-json.txtar", "findings.json")}
	outputs["round status -o json"] = []string{archived(t, "round-status.txtar", "status.json")}
	outputs["report -o json"] = []string{archived(t, "report-mali.txtar", "report.json")}
	outputs["remind -o json"] = []string{archived(t, "remind-json.txtar", "digests.json")}

	documented := map[string]map[string]bool{}
	var section string
	row := regexp.MustCompile("^\\| `([a-z_]+)` \\|")
	for line := range strings.SplitSeq(readDoc(t, "docs/json.md"), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			section = strings.Trim(h, "`")
			continue
		}
		if m := row.FindStringSubmatch(line); m != nil && strings.HasSuffix(section, "-o json") {
			if documented[section] == nil {
				documented[section] = map[string]bool{}
			}
			documented[section][m[1]] = true
		}
	}
	all := map[string]bool{}
	for section, keys := range documented {
		if outputs[section] == nil {
			t.Errorf("docs/json.md has a section ## `%s` that this test does not run: add its command here", section)
			continue
		}
		printed := map[string]bool{}
		for _, out := range outputs[section] {
			jsonKeys(t, out, printed)
		}
		for k := range keys {
			all[k] = true
			if !printed[k] {
				t.Errorf("docs/json.md documents %q under %s; the command prints no such key", k, section)
			}
		}
	}
	for section, outs := range outputs {
		if documented[section] == nil {
			t.Errorf("docs/json.md has no key table under ## `%s`", section)
		}
		printed := map[string]bool{}
		for _, out := range outs {
			jsonKeys(t, out, printed)
		}
		for k := range printed {
			if !all[k] {
				t.Errorf("%s prints key %q, which docs/json.md does not document", section, k)
			}
		}
	}
}

// replayed names the sections of docs/workflows.md whose output comes from
// a testscript's repository (it needs a git history made for the purpose)
// rather than from the bundled data.
var replayed = map[string]string{
	"The quarterly follow-up report":           "history-log-changes.txtar",
	"Reminders":                                "remind-workflow.txtar",
	"The quarterly update round":               "round-workflow.txtar",
	"Bring an existing management response in": "import-undp.txtar",
}

// Every `$ mrtrack ...` command shown in docs/workflows.md prints what the
// page shows: run in order on a copy of the bundled data, or, in a
// replayed section, as the testscript's own run of that command.
func TestWorkflowsOutput(t *testing.T) {
	dir := bundled(t)
	_, blocks := markdown(readDoc(t, "docs/workflows.md"))
	checked := 0
	for _, b := range blocks {
		var cmd string
		var shown []string
		flush := func() {
			if cmd == "" {
				return
			}
			checked++
			want := strings.TrimRight(strings.Join(shown, "\n"), "\n")
			var got string
			if script, ok := replayed[b.heading]; ok {
				got = replayedOutput(t, script, cmd)
			} else {
				out, code := run(t, dir, shellWords(t, cmd)...)
				if code != 0 && code != 1 {
					t.Errorf("docs/workflows.md: mrtrack %s exits %d", cmd, code)
				}
				got = out
			}
			if got = strings.TrimRight(got, "\n"); got != want {
				t.Errorf("docs/workflows.md, under %q: mrtrack %s prints\n%s\nthe page shows\n%s", b.heading, cmd, got, want)
			}
		}
		for _, line := range b.lines {
			if rest, ok := strings.CutPrefix(line, "$ "); ok {
				flush()
				cmd, shown = "", nil
				if args, ok := strings.CutPrefix(rest, "mrtrack "); ok {
					cmd = args
				}
				continue
			}
			shown = append(shown, line)
		}
		flush()
	}
	if checked < 8 {
		t.Errorf("checked only %d commands in docs/workflows.md: are the `$ mrtrack` lines still there?", checked)
	}
}

// replayedOutput is the expected stdout the testscript compares with its
// run of "mrtrack ARGS".
func replayedOutput(t *testing.T, script, args string) string {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join(repoRoot, "testdata", "script", script))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^exits 0 mrtrack ` + regexp.QuoteMeta(args) + `\ncmp stdout \$WORK/(\S+)$`).FindSubmatch(a.Comment)
	if m == nil {
		t.Errorf("%s does not run and compare mrtrack %s", script, args)
		return ""
	}
	return archived(t, script, string(m[1]))
}

// shellWords splits a command line as a shell would, for the plain
// quoting the pages use; anything more is a page the test cannot run.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var word strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		case strings.ContainsRune("|&;<>$`\\*?", r):
			t.Fatalf("docs/workflows.md: %q needs a shell; show a plain mrtrack command", line)
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		t.Fatalf("docs/workflows.md: unclosed quote in %q", line)
	}
	if inWord {
		words = append(words, word.String())
	}
	return words
}
