package render

import (
	"bytes"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// The fast layout of long tables gives the same bytes as tablewriter on
// every table the commands make of the bundled data and of generated data,
// at natural width and fitted to terminals (without colour: coloured tables
// always go through tablewriter).
func TestPlainMatchesTablewriter(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.Write(dir, gen.Options{Seed: 7, Recommendations: 60}); err != nil {
		t.Fatal(err)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	var tables []Table
	for _, data := range []string{"../../data", dir} {
		res, err := load.Load(schemas, load.Options{Paths: []string{data}, Cwd: ".", Limits: store.DefaultLimits})
		if err != nil {
			t.Fatal(err)
		}
		for _, day := range []civil.Date{civil.New(2024, 6, 1), civil.New(2025, 1, 1), civil.New(2026, 11, 28)} {
			f := &query.Filter{}
			items := f.Select(res.Evaluations, day)
			in := StatusInput{Day: Day{Today: day, Until: day.AddDays(30)}, Window: 30, WindowUnit: civil.Days,
				Scope: res.Evaluations, Qualified: len(res.Evaluations) > 1,
				Overdue: query.OverdueByRecommendation(items), DueSoon: query.FallingDue(items, day, day.AddDays(30)), Selected: len(items)}
			docs := []*Document{List(ListInput{Day: in.Day, Items: items, Of: len(items), Qualified: in.Qualified}), Overdue(in)}
			for _, by := range []query.Grouping{query.ByRecommendation, query.ByUnit, query.ByOwner, query.ByDueYear} {
				in.By, in.Tables = by, query.Progress(res.Evaluations, f, items, by)
				docs = append(docs, Status(in))
			}
			for _, e := range res.Evaluations {
				for _, r := range e.Recommendations {
					docs = append(docs, Show(ShowInput{Day: in.Day, Target: query.Target{Kind: query.KindRecommendation, Evaluation: e, Recommendation: r},
						Items: (&query.Filter{Recommendations: []*model.Recommendation{r}}).Select(res.Evaluations, day)}))
				}
			}
			for _, d := range docs {
				for _, b := range d.Blocks {
					if tb, ok := b.(Table); ok {
						tables = append(tables, tb)
					}
				}
			}
		}
	}
	if len(tables) < 100 {
		t.Fatalf("only %d tables to compare", len(tables))
	}
	for _, opts := range []Options{{}, {Width: 100}, {Width: 60}} {
		tw := tableWriter{opts}
		for i, tb := range tables {
			widths := fitWidths(&tb, opts.Width)
			var want, got bytes.Buffer
			if err := tw.tablewriter(&want, tb, widths); err != nil {
				t.Fatal(err)
			}
			if err := tw.plainTable(&got, tb, widths); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("table %d, options %+v:\ntablewriter:\n%s\nplain:\n%s", i, opts, want.String(), got.String())
			}
		}
	}
}
