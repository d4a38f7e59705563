package render

import (
	"io"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

func BenchmarkTmpEngines(b *testing.B) {
	schemas, _ := validate.LoadSchemas()
	res, err := load.Load(schemas, load.Options{Paths: []string{"/tmp/dt/data-10000"}, Cwd: ".", Limits: store.DefaultLimits})
	if err != nil {
		b.Fatal(err)
	}
	day := civil.New(2025, 6, 30)
	f := &query.Filter{}
	items := f.Select(res.Evaluations, day)
	in := StatusInput{Day: Day{Today: day, Until: day.AddDays(30)}, Window: 30, WindowUnit: civil.Days,
		Scope: res.Evaluations, Qualified: len(res.Evaluations) > 1,
		Overdue: query.OverdueByRecommendation(items), DueSoon: query.FallingDue(items, day, day.AddDays(30)), Selected: len(items)}
	doc := Overdue(in)
	var tb Table
	rows := 0
	for _, bl := range doc.Blocks {
		if t, ok := bl.(Table); ok && len(t.Rows) > rows {
			tb, rows = t, len(t.Rows)
		}
	}
	b.Logf("rows %d", rows)
	tw := tableWriter{Options{}}
	b.Run("tablewriter", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tw.tablewriter(io.Discard, tb, fitWidths(&tb, 0))
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tw.plainTable(io.Discard, tb, fitWidths(&tb, 0))
		}
	})
}
