package load_test

import (
	"fmt"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// sizes are the numbers of recommendation files the benchmarks run on: a
// country office, an evaluation office, a system-wide repository.
var sizes = []int{100, 1000, 10000}

// BenchmarkLoad measures what every command starts with: find, read, parse
// and validate the files, and assemble the model. Throughput (MB/s) is of
// record bytes; files/s and ns/file are reported beside it.
//
//	go test -run '^$' -bench Load -benchmem ./pkg/load
func BenchmarkLoad(b *testing.B) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("recs=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			st, err := gen.Write(dir, gen.Options{Seed: 1, Recommendations: n})
			if err != nil {
				b.Fatal(err)
			}
			opts := load.Options{Paths: []string{dir}, Cwd: dir, Limits: store.DefaultLimits}
			b.SetBytes(st.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				res, err := load.Load(schemas, opts)
				if err != nil {
					b.Fatal(err)
				}
				if res.Stats.Errors+res.Stats.Warnings > 0 || res.Stats.Recommendations != n {
					b.Fatalf("generated tree: %+v", res.Stats)
				}
			}
			perFile := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(st.Files)
			b.ReportMetric(perFile, "ns/file")
			b.ReportMetric(1e9/perFile, "files/s")
		})
	}
}
