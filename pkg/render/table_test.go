package render

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

var update = flag.Bool("update", false, "rewrite testdata/tables.golden")

// corpus is every table the commands make of the bundled data and of a
// small generated repository (several evaluations, so ids are qualified),
// each on a day.
func corpus(tb testing.TB) []Table {
	tb.Helper()
	dir := tb.TempDir()
	if _, err := gen.Write(dir, gen.Options{Seed: 7, Recommendations: 12}); err != nil {
		tb.Fatal(err)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		tb.Fatal(err)
	}
	var tables []Table
	for _, c := range []struct {
		data string
		day  civil.Date
	}{{"../../data", civil.New(2025, 1, 1)}, {dir, civil.New(2026, 11, 28)}} {
		data, day := c.data, c.day
		res, err := load.Load(schemas, load.Options{Paths: []string{data}, Cwd: ".", Limits: store.DefaultLimits})
		if err != nil {
			tb.Fatal(err)
		}
		{
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
					if t, ok := b.(Table); ok {
						tables = append(tables, t)
					}
				}
			}
		}
	}
	if len(tables) < 30 {
		tb.Fatalf("only %d tables", len(tables))
	}
	return tables
}

// layouts are the option sets the corpus is laid out with: natural width,
// fitted to terminals, coloured.
var layouts = []Options{{}, {Width: 60}, {Width: 80, Color: true}}

// Every table of the corpus is laid out byte for byte as
// testdata/tables.golden holds it (go test -update rewrites it). The
// tables without colour in it were written by the tablewriter engine this
// package had before, so the one engine left keeps that layout; the
// coloured ones differ from tablewriter's only where it wrote a stray reset
// code after a painted cell's padding, and the spaces before it.
func TestTableLayoutGolden(t *testing.T) {
	tables := corpus(t)
	var got bytes.Buffer
	for _, opts := range layouts {
		w := tableWriter{opts}
		for i, tb := range tables {
			fmt.Fprintf(&got, "== table %d, width %d, colour %v\n", i, opts.Width, opts.Color)
			if err := w.table(&got, tb); err != nil {
				t.Fatal(err)
			}
		}
	}
	const golden = "testdata/tables.golden"
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		g, w := bytes.Split(got.Bytes(), []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := range min(len(g), len(w)) {
			if !bytes.Equal(g[i], w[i]) {
				t.Fatalf("%s line %d:\ngot:  %q\nwant: %q", golden, i+1, g[i], w[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", golden, len(g), len(w))
	}
}

// Colour changes no column: a coloured table without its colour codes is
// the same table uncoloured, byte for byte.
func TestTableColourKeepsLayout(t *testing.T) {
	codes := regexp.MustCompile("\x1b\\[[0-9;]*m")
	painted := 0
	for i, tb := range corpus(t) {
		for _, width := range []int{0, 60} {
			var plain, colour bytes.Buffer
			if err := (tableWriter{Options{Width: width}}).table(&plain, tb); err != nil {
				t.Fatal(err)
			}
			if err := (tableWriter{Options{Width: width, Color: true}}).table(&colour, tb); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(colour.String(), "\x1b[") {
				painted++
			}
			if stripped := codes.ReplaceAllString(colour.String(), ""); stripped != plain.String() {
				t.Fatalf("table %d, width %d: coloured, without its codes:\n%s\nuncoloured:\n%s", i, width, stripped, plain.String())
			}
		}
	}
	if painted == 0 {
		t.Fatal("no table was painted")
	}
}

// BenchmarkTable lays out the overdue table of a generated repository of
// 1,000 recommendations, some 600 rows, as status --overdue does.
func BenchmarkTable(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Write(dir, gen.Options{Seed: 1, Recommendations: 1000}); err != nil {
		b.Fatal(err)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		b.Fatal(err)
	}
	res, err := load.Load(schemas, load.Options{Paths: []string{dir}, Cwd: ".", Limits: store.DefaultLimits})
	if err != nil {
		b.Fatal(err)
	}
	day := civil.New(2025, 6, 30)
	items := (&query.Filter{}).Select(res.Evaluations, day)
	doc := Overdue(StatusInput{Day: Day{Today: day, Until: day.AddDays(30)}, Window: 30, WindowUnit: civil.Days,
		Scope: res.Evaluations, Qualified: true, Overdue: query.OverdueByRecommendation(items), Selected: len(items)})
	var tb Table
	for _, bl := range doc.Blocks {
		if t, ok := bl.(Table); ok && len(t.Rows) > len(tb.Rows) {
			tb = t
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := (tableWriter{}).table(io.Discard, tb); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(tb.Rows)), "rows")
}
