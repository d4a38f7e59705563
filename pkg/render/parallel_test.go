package render

import (
	"runtime"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// The documents of list and status over a repository large enough to be
// split between cores (several thousand rows, hundreds of evaluations) are
// written the same on one core and on four, in every format. Under
// -race, it also checks that the parts built at once share nothing.
func TestParallelLayoutIsSerialLayout(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.Write(dir, gen.Options{Seed: 3, Recommendations: 600}); err != nil {
		t.Fatal(err)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Load(schemas, load.Options{Paths: []string{dir}, Cwd: ".", Limits: store.DefaultLimits})
	if err != nil {
		t.Fatal(err)
	}
	day := civil.New(2026, 11, 28)
	f := &query.Filter{}
	items := f.Select(res.Evaluations, day)
	if len(items) < 4*512 {
		t.Fatalf("only %d actions: too few to split", len(items))
	}
	in := StatusInput{Day: Day{Today: day, Until: day.AddDays(90)}, Window: 90, WindowUnit: civil.Days,
		Scope: res.Evaluations, Qualified: true, Selected: len(items),
		Overdue: query.OverdueByRecommendation(items), DueSoon: query.FallingDue(items, day, day.AddDays(90))}
	docs := func() map[string]*Document {
		out := map[string]*Document{
			"list":    List(ListInput{Day: in.Day, Items: items, Of: len(items), Qualified: true}),
			"overdue": Overdue(in),
		}
		byUnit := in
		byUnit.By, byUnit.Overdue = query.ByUnit, query.OverdueBy(items, query.ByUnit, f)
		out["overdue by unit"] = Overdue(byUnit)
		progress := in
		progress.By, progress.Tables = query.ByRecommendation, query.Progress(res.Evaluations, f, items, query.ByRecommendation)
		out["status"] = Status(progress)
		return out
	}
	outputs := func(procs int) map[string]string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		out := map[string]string{}
		for name, doc := range docs() {
			for _, format := range Formats {
				for _, opts := range []Options{{}, {Width: 80, Color: true}} {
					out[name+" "+format+" "+string(rune('0'+opts.Width/10))] = write(t, format, opts, doc)
				}
			}
		}
		return out
	}
	serial, parallel := outputs(1), outputs(4)
	for k, want := range serial {
		if got := parallel[k]; got != want {
			t.Errorf("%s: on four cores %d bytes, on one %d, not the same", k, len(got), len(want))
		}
	}
}
