package edit

import (
	"go.yaml.in/yaml/v3"
	"strings"
	"testing"
)

const src = `# yaml-language-server: $schema=../../schema/recommendation.schema.json
number: 3   # the number
title: 'It''s quoted'

actions:
  # first action
  - number: 1
    title: "Double \"quoted\""
    owner: Protection
    description: |
      Line one

      Line three
    due: 2024-12-31 # end of year
    status: not-started
    progress: >-
      folded
      text
    steps:
      - {number: 1, title: s, due: 2024, status: in-progress}

  - number: 2
    title: plain
      continued
    owner: X
    status: in-progress
    progress: ""
`

var order = []string{"number", "title", "owner", "description", "due", "status", "progress", "updated", "steps"}

func action(t *testing.T, d *Doc, i int) *yaml.Node {
	t.Helper()
	return Lookup(d.Root(), "actions").Content[i]
}

func TestSet(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n"} {
		in := strings.ReplaceAll(src, "\n", nl)
		d, err := Parse([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		a1, a2 := action(t, d, 0), action(t, d, 1)
		must(t, d.Set(a1, "status", Value{Text: "completed", Token: true}, order))
		must(t, d.Set(a1, "progress", Value{Text: "Done.\n\nSee the report."}, order))
		must(t, d.Set(a1, "title", Value{Text: `New "title"`}, order))
		must(t, d.Set(a1, "due", Value{Text: "2025", Token: true}, order))
		must(t, d.Set(d.Root(), "title", Value{Text: "It's new"}, order))
		must(t, d.Set(a2, "title", Value{Text: "one line: with a colon"}, order))
		must(t, d.Set(a2, "updated", Value{Text: "2025-01-15", Token: true}, order))
		must(t, d.Set(a2, "description", Value{Text: "added"}, order))
		step := Lookup(a1, "steps").Content[0]
		if err := d.Set(step, "status", Value{Text: "completed", Token: true}, order); err == nil || !strings.Contains(err.Error(), "flow style") {
			t.Errorf("flow mapping: err = %v", err)
		}
		want := strings.ReplaceAll(`# yaml-language-server: $schema=../../schema/recommendation.schema.json
number: 3   # the number
title: 'It''s new'

actions:
  # first action
  - number: 1
    title: "New \"title\""
    owner: Protection
    description: |
      Line one

      Line three
    due: 2025 # end of year
    status: completed
    progress: |-
      Done.

      See the report.
    steps:
      - {number: 1, title: s, due: 2024, status: in-progress}

  - number: 2
    title: 'one line: with a colon'
    owner: X
    description: added
    status: in-progress
    progress: ""
    updated: 2025-01-15
`, "\n", nl)
		if got := string(d.Bytes()); got != want {
			t.Errorf("line ending %q: got:\n%s\nwant:\n%s", nl, got, want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestAppend(t *testing.T) {
	in := "number: 1\nactions:\n  - number: 1\n    title: A # note\n    steps: []\n  # trailing comment\n\n  - number: 2\n    title: B\n    description: |\n      text\n\n# end\n"
	d, err := Parse([]byte(in))
	must(t, err)
	actions := Lookup(d.Root(), "actions")
	step := []Field{{"number", Value{Text: "1", Token: true}}, {"title", Value{Text: "TODO: what"}}}
	must(t, d.Append(actions.Content[0], "steps", step, order))
	must(t, d.Append(actions.Content[1], "steps", step, order))
	must(t, d.Append(d.Root(), "actions", []Field{{"number", Value{Text: "3", Token: true}}, {"title", Value{Text: "Multi\nline"}}}, order))
	want := "number: 1\nactions:\n  - number: 1\n    title: A # note\n    steps:\n      - number: 1\n        title: 'TODO: what'\n  # trailing comment\n\n  - number: 2\n    title: B\n    description: |\n      text\n    steps:\n      - number: 1\n        title: 'TODO: what'\n  - number: 3\n    title: |-\n      Multi\n      line\n\n# end\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
