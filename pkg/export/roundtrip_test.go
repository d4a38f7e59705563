package export

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/importer"
	"go.yaml.in/yaml/v3"
)

// shiftedColumns are the differences the round trip still has, each a
// field path of a record file. The records of R1.2, R1.5 and R2.2 keep,
// as due_text, a status wording the source had in its shifted columns
// ("Planifié"); the export writes it under the completion date, where it
// belongs, and import, seeing a status in the date column, reads the two
// columns the other way round as it must for the source. A reader that
// trusts the columns of a document mrtrack wrote (docProps/app.xml names
// the application) would remove them. The test fails when one no longer
// differs, so the list only shrinks.
var shiftedColumns = map[string]bool{
	"rec-01.yaml $.actions[1].due_text": true, "rec-01.yaml $.actions[1].status": true, "rec-01.yaml $.actions[1].status_text": true,
	"rec-01.yaml $.actions[4].due_text": true, "rec-01.yaml $.actions[4].status_text": true,
	"rec-02.yaml $.actions[1].due_text": true, "rec-02.yaml $.actions[1].status_text": true,
}

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
	seen := map[string]bool{}
	check := func(file string, want any, got *yaml.Node, level string) {
		for _, d := range diffValues("$", normal(want, level), normal(decodeNode(t, got), level)) {
			key := file + " " + d[:strings.Index(d, ": ")]
			if shiftedColumns[key] {
				seen[key] = true
				continue
			}
			t.Errorf("%s: %s", file, d)
		}
	}
	check("evaluation.yaml", readRecord(t, filepath.Join(dir, "evaluation.yaml")), draft.Evaluation, "evaluation")
	for i, f := range files {
		check(filepath.Base(f), readRecord(t, f), draft.Recommendations[i], "recommendation")
	}
	for key := range shiftedColumns {
		if !seen[key] {
			t.Errorf("%s round-trips now: drop it from shiftedColumns", key)
		}
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
