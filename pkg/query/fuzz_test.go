package query_test

import (
	"path/filepath"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// FuzzResolve feeds any text to the id grammar (EVO-2024-03, R3, R3.6,
// R7.1.2, qualified or not, by id or reference) over the bundled data and a
// generated repository: it names something or says why not, never panics,
// and what it names resolves again from its qualified id.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"R1", "r1.6", "1.6", "R7.1.2", "EVO-2024-03", "evo-2024-03/R3.6", "EVO/2024/03/R3.6",
		"EVO-2006-01/R2.1", "R99", "R1.99", "R7.1.99", "R1.2.3.4", "R-1", "R+1", "/R1", "EVO-2024-03/", "R1.", ".1", "R", "",
		"R99999999999999999999", "EVO-2024-03/R1/R2"} {
		f.Add(s)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		f.Fatal(err)
	}
	data, err := filepath.Abs("../../data")
	if err != nil {
		f.Fatal(err)
	}
	dir := f.TempDir()
	if _, err := gen.Write(dir, gen.Options{Seed: 5, Recommendations: 60}); err != nil {
		f.Fatal(err)
	}
	res, err := load.Load(schemas, load.Options{Paths: []string{data, dir}, Cwd: dir, Limits: store.DefaultLimits})
	if err != nil || res.Stats.Errors > 0 {
		f.Fatalf("loading the fixtures: %v, %+v", err, res.Stats)
	}
	evals := res.Evaluations
	f.Fuzz(func(t *testing.T, id string) {
		target, err := query.Resolve(evals, id)
		if err != nil {
			if _, ok := err.(*query.Error); !ok {
				t.Fatalf("Resolve(%q): %T %v, want a *query.Error", id, err, err)
			}
			return
		}
		qualified := model.QualifiedID(target.Evaluation, target.ID())
		if target.Kind == query.KindEvaluation {
			qualified = target.Evaluation.ID
		}
		again, err := query.Resolve(evals, qualified)
		if err != nil || again != target {
			t.Fatalf("Resolve(%q) = %s, but Resolve(%q) = %+v, %v", id, qualified, qualified, again, err)
		}
	})
}
