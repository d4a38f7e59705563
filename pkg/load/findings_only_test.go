package load_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// TestFindingsOnlyFindsTheSame holds a findings-only load (validate's) to
// a whole one: the same findings and counts, with owners.yaml's checks
// across the records too, and outlines that keep every action's id and
// owner but none of the records' text.
func TestFindingsOnlyFindsTheSame(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if _, err := gen.Write(data, gen.Options{Seed: 7, Recommendations: 60}); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(data, "EVO-2024-03"), os.DirFS("../../data/EVO-2024-03")); err != nil {
		t.Fatal(err)
	}
	// An owners list that knows some owners, not all: warnings across files.
	list, err := os.ReadFile("../../testdata/owners/mali.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, validate.OwnersFile), list, 0o644); err != nil {
		t.Fatal(err)
	}
	// And a broken record, left out of the model.
	if err := os.WriteFile(filepath.Join(data, "EVO-2024-03", "rec-99.yaml"), []byte("number: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	run := func(findingsOnly bool) *load.Result {
		opts := load.Options{Paths: []string{data}, Cwd: dir, Limits: store.DefaultLimits, DataDir: data, FindingsOnly: findingsOnly}
		res, err := load.Load(schemas, opts)
		if err != nil {
			t.Fatal(err)
		}
		owners.Attach(res, opts)
		return res
	}
	whole, outlined := run(false), run(true)
	if len(whole.Findings) == 0 {
		t.Fatal("no findings: the test checks nothing")
	}
	if !reflect.DeepEqual(whole.Findings, outlined.Findings) {
		t.Errorf("findings differ:\nwhole    %v\noutlined %v", whole.Findings, outlined.Findings)
	}
	if whole.Stats != outlined.Stats {
		t.Errorf("stats differ: whole %+v, outlined %+v", whole.Stats, outlined.Stats)
	}
	type use struct{ Owner, ID, File, Pointer string }
	uses := func(res *load.Result) (out []use) {
		for _, u := range owners.Uses(res.Evaluations) {
			out = append(out, use{u.Owner, u.ID(), u.File(), u.Pointer()})
		}
		return out
	}
	if w, o := uses(whole), uses(outlined); len(w) == 0 || !reflect.DeepEqual(w, o) {
		t.Errorf("owners' uses differ (%d whole, %d outlined)", len(w), len(o))
	}
	for _, e := range outlined.Evaluations {
		for _, r := range e.Recommendations {
			if r.Title != "" || r.Text != "" {
				t.Fatalf("%s/%s: the outline keeps the record's text", e.ID, r.ID())
			}
		}
	}
}
