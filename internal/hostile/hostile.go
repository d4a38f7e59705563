// Package hostile builds data folders that are broken, or built to hurt:
// huge files, deep nesting, alias bombs, bytes that are not text, FIFOs
// and folders named like records, symbolic links that loop or lead out of
// the data folder, a valid record at the read limit whose every line fmt
// rewrites. mrtrack must answer each with a finding and exit 1 (or, where
// nothing is wrong, a clean exit 0), quickly and in bounded memory. The
// end-to-end tests (cmd/mrtrack) and the benchmark (mrbench hostile) share
// these cases; the package writes files and never runs mrtrack.
package hostile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/finding"
)

// Case is one hostile data folder.
type Case struct {
	Name string
	// File is the path, relative to the data folder, of the file the
	// finding is about, and Rule the rule it reports; a case without a Rule
	// must end cleanly, exit 0.
	File, Rule string
	// Unix cases need FIFOs or symbolic links.
	Unix bool
	// make writes the case's files into the data folder dir. outside is a
	// folder beside dir, for what links point out to.
	make func(dir, outside string) error
}

// Make writes the case into the data folder dir, which must exist: an
// evaluation E-1 with a valid evaluation.yaml and rec-01.yaml, and the
// hostile part beside them.
func (c Case) Make(dir string) error {
	e := filepath.Join(dir, "E-1")
	if err := os.MkdirAll(e, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(e, "evaluation.yaml"), []byte(Evaluation), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(e, "rec-01.yaml"), []byte(Recommendation), 0o644); err != nil {
		return err
	}
	outside := dir + "-outside"
	if err := os.MkdirAll(outside, 0o755); err != nil {
		return err
	}
	return c.make(dir, outside)
}

// Evaluation and Recommendation are the valid records every case starts
// from, so its only findings are the hostile part's.
const (
	Evaluation = `# yaml-language-server: $schema=../../schema/evaluation.schema.json
id: E-1
reference: E/1
title: Test evaluation
language: en
commissioned_by: Evaluation Office
response_due: 2024-07-20
coordinator: {name: A. Officer, title: Coordinator}
approved_by: {name: B. Director, title: Director, office: HQ}
approved_on: 2024-08-09
`
	Recommendation = `# yaml-language-server: $schema=../../schema/recommendation.schema.json
number: 1
title: Strengthen monitoring
text: Strengthen the monitoring of mixed movements.
response: agree
responsible:
  - Protection
actions:
  - number: 1
    title: Extend the monitoring project
    owner: Protection
    description: Cover 15 regions.
    due: 2024-12-31
    status: in-progress
    progress: ""
`
)

// write writes what data makes to E-1/name under dir; the bytes are made
// only then, so listing the cases costs nothing.
func write(name string, data func() []byte) func(dir, outside string) error {
	return func(dir, _ string) error { return os.WriteFile(filepath.Join(dir, "E-1", name), data(), 0o644) }
}

func text(s string) func() []byte { return func() []byte { return []byte(s) } }

// repeat builds prefix + n times unit + suffix.
func repeat(prefix, unit string, n int, suffix string) []byte {
	var b bytes.Buffer
	b.Grow(len(prefix) + len(unit)*n + len(suffix))
	b.WriteString(prefix)
	for range n {
		b.WriteString(unit)
	}
	b.WriteString(suffix)
	return b.Bytes()
}

// bomb is a billion laughs: nine anchors of nine aliases each, 9^9
// values if anything expanded them.
func bomb() []byte {
	var b strings.Builder
	b.WriteString("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		fmt.Fprintf(&b, "%s: &%s [%s*%s]\n", name, name, strings.Repeat("*"+prev+", ", 8), prev)
		prev = name
	}
	return []byte(b.String())
}

// keys is a record of some 2 MiB whose top level holds 200,000 keys the
// schema does not know: one finding each, in time linear in their number.
func keys() []byte {
	var b bytes.Buffer
	b.WriteString("number: 2\n")
	for i := 0; b.Len() < 2<<20-32; i++ {
		fmt.Fprintf(&b, "k%d: 1\n", i)
	}
	return b.Bytes()
}

// Large is the case of a valid record at the read limit that fmt rewrites
// on every line (Reindented): validate ends cleanly, and the end-to-end
// tests also run fmt --diff and set --dry-run on it, whose diffs must stay
// linear in time and memory.
var Large = Case{Name: "a valid record of 2 MiB indented by four spaces", File: "E-1/rec-02.yaml",
	make: write("rec-02.yaml", Reindented)}

// Reindented is a valid recommendation record of almost 2 MiB, the read
// limit, indented by four spaces: fmt rewrites every line of its actions
// to two, so fmt --diff must compare some 73,000 lines that all differ.
// Numbers stop at 999, so the size comes from steps: 24 to each action.
func Reindented() []byte {
	var b bytes.Buffer
	b.WriteString("# yaml-language-server: $schema=../../schema/recommendation.schema.json\n" +
		"number: 2\ntitle: Strengthen monitoring\ntext: Strengthen the monitoring of mixed movements.\n" +
		"response: agree\nresponsible:\n    - Protection\nactions:\n")
	var action bytes.Buffer
	for n := 1; ; n++ {
		action.Reset()
		fmt.Fprintf(&action, "    - number: %d\n"+
			"      title: Extend the monitoring project to region %d\n"+
			"      owner: Protection\n"+
			"      description: Cover the region with two teams.\n"+
			"      due: 2024-12-31\n"+
			"      status: in-progress\n"+
			"      progress: \"\"\n"+
			"      steps:\n", n, n)
		for step := 1; step <= 24; step++ {
			fmt.Fprintf(&action, "          - number: %d\n"+
				"            title: Hire team %d\n"+
				"            due: 2024-09-30\n"+
				"            status: not-started\n", step, step)
		}
		if b.Len()+action.Len() > 2<<20-64 {
			return b.Bytes()
		}
		b.Write(action.Bytes())
	}
}

// Cases lists every case.
func Cases() []Case {
	const rec = "E-1/rec-02.yaml"
	return []Case{
		{Name: "a 50 MB file", File: rec, Rule: finding.RuleTooLarge,
			make: write("rec-02.yaml", func() []byte { return repeat("text: |\n", "  "+strings.Repeat("x", 98)+"\n", 50<<20/100, "") })},
		{Name: "100,000 nested block lists", File: rec, Rule: finding.RuleTooDeep,
			make: write("rec-02.yaml", func() []byte { return repeat("", "- ", 100_000, "x\n") })},
		{Name: "100,000 nested flow lists", File: rec, Rule: finding.RuleTooDeep,
			make: write("rec-02.yaml", func() []byte { return repeat("number: ", "[", 100_000, "\n") })},
		{Name: "100,000 nested flow mappings", File: rec, Rule: finding.RuleTooDeep,
			make: write("rec-02.yaml", func() []byte { return repeat("", "{a: ", 100_000, "1"+strings.Repeat("}", 100_000)+"\n") })},
		{Name: "an alias bomb (9^9 values)", File: rec, Rule: finding.RuleAlias, make: write("rec-02.yaml", bomb)},
		{Name: "200,000 unknown keys in 2 MiB", File: rec, Rule: finding.RuleUnknownKey, make: write("rec-02.yaml", keys)},
		Large,
		{Name: "a 1,000-character unknown key", File: rec, Rule: finding.RuleUnknownKey,
			make: write("rec-02.yaml", text("number: 2\n"+strings.Repeat("k", 1000)+": 1\n"))},
		{Name: "invalid UTF-8", File: rec, Rule: finding.RuleEncoding, make: write("rec-02.yaml", text("number: 2\ntitle: caf\xe9\n"))},
		{Name: "NUL bytes", File: rec, Rule: finding.RuleEncoding, make: write("rec-02.yaml", func() []byte { return repeat("number: 2\n", "\x00", 1<<20, "") })},
		{Name: "UTF-16", File: rec, Rule: finding.RuleEncoding, make: write("rec-02.yaml", text("\xff\xfen\x00u\x00m\x00"))},
		{Name: "a folder named rec-02.yaml", File: rec, Rule: finding.RuleNotAFile,
			make: func(dir, _ string) error { return os.Mkdir(filepath.Join(dir, rec), 0o755) }},
		{Name: "a FIFO named rec-02.yaml", File: rec, Rule: finding.RuleNotAFile, Unix: true, make: mkfifo(rec)},
		{Name: "a symbolic link to itself", File: rec, Rule: finding.RuleSymlink, Unix: true,
			make: func(dir, _ string) error { return os.Symlink("rec-02.yaml", filepath.Join(dir, rec)) }},
		{Name: "a file linked from outside the data folder", File: rec, Rule: finding.RuleSymlink, Unix: true,
			make: func(dir, outside string) error {
				target := filepath.Join(outside, "rec-02.yaml")
				if err := os.WriteFile(target, []byte(Recommendation), 0o644); err != nil {
					return err
				}
				return os.Symlink(target, filepath.Join(dir, rec))
			}},
		{Name: "a folder linked from outside the data folder", File: "E-2", Rule: finding.RuleSymlink, Unix: true,
			make: func(dir, outside string) error { return os.Symlink(outside, filepath.Join(dir, "E-2")) }},
		{Name: "a folder linked to the folder above it", Unix: true,
			// The loop is walked once, as the folder it leads back to was
			// visited already: nothing to report, and an end.
			make: func(dir, _ string) error { return os.Symlink("..", filepath.Join(dir, "E-1", "again")) }},
	}
}
