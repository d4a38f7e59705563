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
title: It's new

actions:
  # first action
  - number: 1
    title: New "title"
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

// setOne parses in, sets key of the mapping at path (list indexes into
// "actions") and returns the file.
func setOne(t *testing.T, in, key string, v Value) string {
	t.Helper()
	d, err := Parse([]byte(in))
	must(t, err)
	m := d.Root()
	if a := Lookup(m, "actions"); a != nil {
		m = a.Content[0]
	}
	must(t, d.Set(m, key, v, order))
	return string(d.Bytes())
}

// Text a record may not hold is refused, not written escaped: the file
// would no longer read.
func TestSetRefusesForbiddenText(t *testing.T) {
	for _, text := range []string{"a\u0085b", "a\u2028b\nc", "a\rb", "a\x00b", "\x1b[31m", "a\u2029"} {
		d, err := Parse([]byte("progress: x\n"))
		must(t, err)
		if err := d.Set(d.Root(), "progress", Value{Text: text}, order); err == nil || !strings.Contains(err.Error(), "records do not allow") {
			t.Errorf("set to %q: got %v, want a refusal", text, err)
		}
		if err := d.Append(d.Root(), "actions", []Field{{"title", Value{Text: text}}}, order); err == nil {
			t.Errorf("append of %q: got no error", text)
		}
	}
}

// A comment after the old value stays a comment after the new one, on the
// key's line, whatever the two values' styles (issue 11 item 5).
func TestSetKeepsTrailingComment(t *testing.T) {
	for _, c := range []struct{ name, in, text, want string }{
		{"empty to block", "progress: \"\" # to fill in Q1\nupdated: 2025-01-01\n", "Line one\nLine two",
			"progress: |- # to fill in Q1\n  Line one\n  Line two\nupdated: 2025-01-01\n"},
		{"plain to block", "progress: old   # note\n", "a\nb",
			"progress: |-   # note\n  a\n  b\n"},
		{"block to plain", "progress: |- # note\n  a\n  b\nupdated: 2025-01-01\n", "Closed",
			"progress: Closed # note\nupdated: 2025-01-01\n"},
		{"block to block", "progress: | # note\n  a\n", "x\ny",
			"progress: |- # note\n  x\n  y\n"},
		{"plain to plain", "progress: old # note\n", "new",
			"progress: new # note\n"},
	} {
		if got := setOne(t, c.in, "progress", Value{Text: c.text}); got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// A block scalar is every line indented more than its key, whatever the
// line holds: a "# heading", spaces only, a deeper last line (issue 11
// item 6). A plain scalar continues over blank lines.
func TestSetReplacesWholeValue(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"heading", "progress: |\n  Intro\n  # Heading\n  text\nupdated: 2025-01-01\n",
			"progress: Closed\nupdated: 2025-01-01\n"},
		{"heading last", "progress: |\n  Intro\n  # Heading\n# a comment\nupdated: 2025-01-01\n",
			"progress: Closed\n# a comment\nupdated: 2025-01-01\n"},
		{"spaces", "progress: |\n  a\n     \nupdated: 2025-01-01\n",
			"progress: Closed\nupdated: 2025-01-01\n"},
		{"deeper last line", "progress: >\n  a\n    b\n\nupdated: 2025-01-01\n",
			"progress: Closed\n\nupdated: 2025-01-01\n"},
		{"keep takes its blank lines", "progress: |+\n  a\n\n\nupdated: 2025-01-01\n",
			"progress: Closed\nupdated: 2025-01-01\n"},
		{"plain over a blank line", "progress: one\n  two\n\n  three\nupdated: 2025-01-01\n",
			"progress: Closed\nupdated: 2025-01-01\n"},
		{"on the next line", "progress:\n  old text\nupdated: 2025-01-01\n",
			"progress: Closed\nupdated: 2025-01-01\n"},
		{"no value", "progress:\nupdated: 2025-01-01\n",
			"progress: Closed\nupdated: 2025-01-01\n"},
		{"in a list item", "actions:\n  - progress: |\n      a\n      # h\n     \n        deeper\n    updated: 2025-01-01\n",
			"actions:\n  - progress: Closed\n    updated: 2025-01-01\n"},
	} {
		got := setOne(t, c.in, "progress", Value{Text: "Closed"})
		if got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
		// Set twice: nothing of the old value comes back.
		if again := setOne(t, got, "progress", Value{Text: "Closed"}); again != c.want {
			t.Errorf("%s, twice: got\n%s", c.name, again)
		}
	}
}

// A value is written as mrtrack fmt writes it, whatever the old value's
// quoting (issue 13 item 1); NEL, LS, PS and CR are escaped in double
// quotes, since YAML reads them as line breaks (issue 11 item 20).
func TestSetWritesCanonicalForm(t *testing.T) {
	for _, c := range []struct {
		in   string
		v    Value
		want string
	}{
		{`progress: ""`, Value{Text: "Premier draft en revue."}, "progress: Premier draft en revue."},
		{`progress: 'x'`, Value{Text: "Hold the validation workshop"}, "progress: Hold the validation workshop"},
		{`due: 'TODO: YYYY-MM'`, Value{Text: "2027-05", Token: true}, "due: 2027-05"},
		{`due: "2024"`, Value{Text: "2024-12-31", Token: true}, "due: 2024-12-31"},
		{`progress: x`, Value{Text: "2027-05-01"}, `progress: "2027-05-01"`},
		{`progress: x`, Value{Text: "it's: here"}, `progress: 'it''s: here'`},
	} {
		got := setOne(t, c.in+"\n", keyOf(c.in), c.v)
		if got != c.want+"\n" {
			t.Errorf("%s set to %q: got %q, want %q", c.in, c.v.Text, got, c.want+"\n")
		}
		var back map[string]string
		if err := yaml.Unmarshal([]byte(got), &back); err != nil || back[keyOf(c.in)] != c.v.Text {
			t.Errorf("%q reads back as %q (%v)", got, back, err)
		}
	}
	d, _ := Parse([]byte("progress: x\n"))
	if err := d.Set(d.Root(), "progress", Value{Text: "\xff" + strings.Repeat("x", 100)}, order); err == nil || !strings.Contains(err.Error(), "not valid UTF-8") || len(err.Error()) > 100 {
		t.Errorf("invalid UTF-8: err = %v", err)
	}
}

// keyOf is the key of a one-line "key: value".
func keyOf(line string) string {
	k, _, _ := strings.Cut(line, ":")
	return k
}

// YAML reads a lone CR (and NEL, LS, PS) as a line break; the editor
// counts lines the same way, and writes the file's own ending (issue 11
// item 10).
func TestLoneCR(t *testing.T) {
	in := "number: 1\ractions:\r  - number: 1\r    title: A\r    progress: \"\"\r"
	d, err := Parse([]byte(in))
	must(t, err)
	actions := Lookup(d.Root(), "actions")
	must(t, d.Set(actions.Content[0], "progress", Value{Text: "a\nb"}, order))
	must(t, d.Append(d.Root(), "actions", []Field{{"number", Value{Text: "2", Token: true}}, {"title", Value{Text: "B"}}}, order))
	want := "number: 1\ractions:\r  - number: 1\r    title: A\r    progress: |-\r      a\r      b\r  - number: 2\r    title: B\r"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	ls := "number: 1\ntitle: \"a\u2028b\"\nactions:\n  - number: 1\n"
	d, err = Parse([]byte(ls))
	must(t, err)
	must(t, d.Append(d.Root(), "actions", []Field{{"number", Value{Text: "2", Token: true}}}, order))
	if got, want := string(d.Bytes()), ls+"  - number: 2\n"; got != want {
		t.Errorf("LS in a value: got %q\nwant %q", got, want)
	}
}

// Appending after a flow collection that spans lines, and to "key: []"
// with a comment, keeps both intact.
func TestAppendAfterFlow(t *testing.T) {
	in := "actions:\n  - number: 1\n    evidence: [a,\n      'b]', \"c]\"] # c\n  - number: 2\n    steps: [] # none yet\n"
	d, err := Parse([]byte(in))
	must(t, err)
	actions := Lookup(d.Root(), "actions")
	step := []Field{{"number", Value{Text: "1", Token: true}}}
	must(t, d.Append(actions.Content[1], "steps", step, order))
	must(t, d.Append(d.Root(), "actions", []Field{{"number", Value{Text: "3", Token: true}}}, order))
	want := "actions:\n  - number: 1\n    evidence: [a,\n      'b]', \"c]\"] # c\n  - number: 2\n    steps: # none yet\n      - number: 1\n  - number: 3\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
