package validate

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
)

// yamlExample returns the first ```yaml block after the line heading in
// the Markdown file at path.
func yamlExample(t *testing.T, path, heading string) []byte {
	t.Helper()
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)\n" + regexp.QuoteMeta(heading) + "\n.*?```yaml\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatalf("%s has no yaml example under %s", path, heading)
	}
	return m[1]
}

// The record examples of docs/format.md are the format's documentation,
// and the README's is a newcomer's first record: they must validate
// without a finding.
func TestDocExamplesValidate(t *testing.T) {
	s, err := LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ doc, heading, file, folder string }{
		{"../../docs/format.md", "### `evaluation.yaml`", "evaluation.yaml", "EVO-2024-03"},
		{"../../docs/format.md", "### `rec-NN.yaml`", "rec-06.yaml", "EVO-2024-03"},
		{"../../docs/format.md", "### An evaluation in UNDP's layout", "evaluation.yaml", "UNDP-ML-2023"},
		{"../../docs/format.md", "### A recommendation with the v2 fields", "rec-02.yaml", "UNDP-ML-2023"},
		{"../../README.md", "## A record", "rec-03.yaml", "EVO-2024-03"},
	} {
		f := s.Check(c.file, "/data/"+c.folder+"/"+c.file, yamlExample(t, c.doc, c.heading))
		if !f.Valid() || len(f.Findings) != 0 {
			t.Errorf("%s, example under %s: %+v", c.doc, c.heading, f.Findings)
		}
	}
}

// The rule table of docs/format.md lists every rule mrtrack reports, with
// its severity, and no other.
func TestRuleTableDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\| (error|warning) \\|").FindAllStringSubmatch(string(doc), -1) {
		documented[m[1]] = m[2]
	}
	for _, r := range finding.Rules {
		want := "error"
		if r.Severity == finding.Warning {
			want = "warning"
		}
		switch got, ok := documented[r.ID]; {
		case !ok:
			t.Errorf("rule %s is not in the rule table of docs/format.md", r.ID)
		case got != want:
			t.Errorf("docs/format.md says rule %s is a %s; it is a %s", r.ID, got, want)
		}
		delete(documented, r.ID)
	}
	for id := range documented {
		t.Errorf("docs/format.md documents rule %s, which mrtrack does not report", id)
	}
	if !strings.Contains(string(doc), "## Rules") {
		t.Error("docs/format.md has no ## Rules section")
	}
}
