package report_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/mrtrack/mrtrack/pkg/report"
	"github.com/mrtrack/mrtrack/pkg/report/dashboard"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// BenchmarkReport measures what report does once the records are loaded
// (git aside): compute the indicators by owner, then write the JSON and
// the dashboard, on a country office, an evaluation office and a
// system-wide repository.
//
//	go test -run '^$' -bench Report -benchmem ./pkg/report
func BenchmarkReport(b *testing.B) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("recs=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if _, err := gen.Write(dir, gen.Options{Seed: 1, Recommendations: n}); err != nil {
				b.Fatal(err)
			}
			res, err := load.Load(schemas, load.Options{Paths: []string{dir}, Cwd: dir, Limits: store.DefaultLimits})
			if err != nil {
				b.Fatal(err)
			}
			f := &query.Filter{}
			today := gen.Reference
			items := f.Select(res.Evaluations, today)
			json, _ := render.New("json", render.Options{})
			b.ReportAllocs()
			for b.Loop() {
				r := report.Build(report.Input{Evaluations: res.Evaluations, Filter: f, Items: items, Today: today,
					Period: report.YearOf(today), By: report.ByOwner, Lang: report.English})
				if err := json.Write(io.Discard, r.Document()); err != nil {
					b.Fatal(err)
				}
				if err := dashboard.Write(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(items)), "actions")
		})
	}
}
