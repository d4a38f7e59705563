//go:build readdocx

// The round trip needs importer.ReadDocx (branch docx). Until it is
// merged, run it with: go test -tags readdocx ./pkg/export -run RoundTrip

package export

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/importer"
)

// Re-importing the exported Mali response gives back data/EVO-2024-03
// field for field, but for what the template cannot carry.
func TestDocxRoundTrip(t *testing.T) {
	b := export(t, mali(t))
	draft, err := importer.ReadDocx("mali.docx", bytes.NewReader(b), int64(len(b)), importer.Options{ID: "EVO-2024-03"})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range draft.Notes {
		t.Logf("import note: %s: %s: %q: %s", n.At, n.Field, n.Raw, n.Message)
	}
	dir := "../../data/EVO-2024-03"
	compare(t, "evaluation.yaml", readRecord(t, filepath.Join(dir, "evaluation.yaml")), decodeNode(t, draft.Evaluation), "evaluation")
	files, _ := filepath.Glob(filepath.Join(dir, "rec-*.yaml"))
	if len(draft.Recommendations) != len(files) {
		t.Fatalf("import read %d recommendations, the data has %d", len(draft.Recommendations), len(files))
	}
	for i, f := range files {
		compare(t, filepath.Base(f), readRecord(t, f), decodeNode(t, draft.Recommendations[i]), "recommendation")
	}
}
