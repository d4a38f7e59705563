package load

import (
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// TestLoadSameOnAnyCores: the walk feeds the workers while it goes on, and
// whatever the number of workers, and however the walk and they interleave,
// the files come back in the walk's order with the same findings.
func TestLoadSameOnAnyCores(t *testing.T) {
	data, schemas := generated(t, 300)
	want, _, err := store.Discover([]string{data}, data, store.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var first *Result
	for _, procs := range []int{1, 2, 4, 1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		res, err := Load(schemas, Options{Paths: []string{data}, Cwd: data, Limits: store.DefaultLimits})
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Files) != len(want) {
			t.Fatalf("GOMAXPROCS %d: %d files, the walk lists %d", procs, len(res.Files), len(want))
		}
		for i, f := range res.Files {
			if f.Abs != want[i].Abs {
				t.Fatalf("GOMAXPROCS %d: file %d is %s, the walk lists %s", procs, i, f.Abs, want[i].Abs)
			}
		}
		if first == nil {
			first = res
			continue
		}
		if !reflect.DeepEqual(res.Findings, first.Findings) || res.Stats != first.Stats || len(res.Evaluations) != len(first.Evaluations) {
			t.Fatalf("GOMAXPROCS %d: the result differs from the first load's", procs)
		}
	}
}

// TestLoadMissingPath: a path that does not exist stops the load with an
// error, whether or not files were fed before it.
func TestLoadMissingPath(t *testing.T) {
	data, schemas := generated(t, 20)
	if _, err := Load(schemas, Options{Paths: []string{data, filepath.Join(data, "nowhere")}, Cwd: data, Limits: store.DefaultLimits}); err == nil {
		t.Fatal("a missing path loaded without error")
	}
}

// generated writes a generated data folder of recs recommendations.
func generated(t *testing.T, recs int) (string, *validate.Schemas) {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	if _, err := gen.Write(data, gen.Options{Seed: 3, Recommendations: recs}); err != nil {
		t.Fatal(err)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	return data, schemas
}
