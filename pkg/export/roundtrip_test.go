package export

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/importer"
	"go.yaml.in/yaml/v3"
)

// Re-importing the exported Mali response gives back data/EVO-2024-03
// field for field, but for what the template cannot carry.
func TestDocxRoundTrip(t *testing.T) {
	b := export(t, mali(t))
	draft, err := importer.ReadDocx("mali.docx", bytes.NewReader(b), int64(len(b)), importer.Options{ID: "EVO-2024-03"})
	if err != nil {
		t.Fatal(err)
	}
	dir := "../../data/EVO-2024-03"
	files, _ := filepath.Glob(filepath.Join(dir, "rec-*.yaml"))
	if len(draft.Recommendations) != len(files) {
		t.Fatalf("import read %d recommendations, the data has %d", len(draft.Recommendations), len(files))
	}
	check := func(file string, want any, got *yaml.Node, level string) {
		for _, d := range diffValues("$", normal(want, level), normal(decodeNode(t, got), level)) {
			t.Errorf("%s: %s", file, d)
		}
	}
	check("evaluation.yaml", readRecord(t, filepath.Join(dir, "evaluation.yaml")), draft.Evaluation, "evaluation")
	for i, f := range files {
		check(filepath.Base(f), readRecord(t, f), draft.Recommendations[i], "recommendation")
	}
}

// An English response with no source wording reads back as the same
// values: each date and status written in words is read as what it was.
// Import keeps the words it read as due_text, status_text…: those
// additions are the only difference allowed.
func TestDocxRoundTripInWords(t *testing.T) {
	e := english(t)
	b := export(t, e)
	draft, err := importer.ReadDocx("english.docx", bytes.NewReader(b), int64(len(b)), importer.Options{ID: e.ID})
	if err != nil {
		t.Fatal(err)
	}
	allowed := regexp.MustCompile(`_text: import added `)
	check := func(file string, want any, got *yaml.Node, level string) {
		for _, d := range diffValues("$", normal(asYAML(t, want), level), normal(decodeNode(t, got), level)) {
			if !allowed.MatchString(d) {
				t.Errorf("%s: %s", file, d)
			}
		}
	}
	check("evaluation", e, draft.Evaluation, "evaluation")
	if len(draft.Recommendations) != len(e.Recommendations) {
		t.Fatalf("import read %d recommendations, want %d", len(draft.Recommendations), len(e.Recommendations))
	}
	for i, r := range e.Recommendations {
		check(fmt.Sprintf("R%d", r.Number), r, draft.Recommendations[i], "recommendation")
	}
}

// asYAML is a record as its file would hold it.
func asYAML(t *testing.T, v any) any {
	t.Helper()
	b, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := yaml.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
