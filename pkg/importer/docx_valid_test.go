package importer

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// findings writes a draft's records as files would hold them (modeline,
// canonical layout) and validates them: "file: rule: message" for each
// finding.
func findings(t *testing.T, d *Draft) []string {
	t.Helper()
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*yaml.Node{validate.EvaluationFile: d.Evaluation}
	for _, r := range d.Recommendations {
		var n int
		if err := r.Content[1].Decode(&n); err != nil {
			t.Fatal(err)
		}
		files[validate.RecFileName(n)] = r
	}
	var out []string
	for name, node := range files {
		body, err := yaml.Marshal(node)
		if err != nil {
			t.Fatal(err)
		}
		schema := "recommendation"
		if name == validate.EvaluationFile {
			schema = "evaluation"
		}
		src := append([]byte("# yaml-language-server: $schema=../../schema/"+schema+".schema.json\n"), body...)
		canonical, err := format.Format(name, src)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, src)
		}
		path := filepath.Join("data", d.ID, name)
		for _, f := range schemas.Check(path, filepath.Join(t.TempDir(), d.ID, name), canonical).Findings {
			out = append(out, fmt.Sprintf("%s: %s: %s", name, f.Rule, f.Message))
		}
	}
	slices.Sort(out)
	return out
}

// The drafts are records validate accepts, but for the placeholders
// whose notes ask for review.
func TestDocxDraftsValidate(t *testing.T) {
	for name, want := range map[string][]string{
		"english-EVO-2025-07.docx": nil,
		"mali-EVO-2024-03.docx":    {"rec-01.yaml: unfilled: title is not filled in yet"},
	} {
		got := findings(t, readDocxFile(t, name, Options{}))
		if !slices.Equal(got, want) {
			t.Errorf("%s: findings %q, want %q", name, got, want)
		}
	}
}
