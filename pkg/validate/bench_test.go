package validate_test

import (
	"path/filepath"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"go.yaml.in/yaml/v3"
)

// benchFiles are 1,000 generated recommendations and their evaluations,
// in memory, so these benchmarks measure CPU alone, on one core.
func benchFiles(b *testing.B) ([]gen.File, int64) {
	files, st := gen.Generate(gen.Options{Seed: 1, Recommendations: 1000})
	return files, st.Bytes
}

// BenchmarkCheck is parse and validate of one file at a time, the work
// each loader worker does per file.
//
//	go test -run '^$' -bench Check -benchmem -cpuprofile cpu.out ./pkg/validate
func BenchmarkCheck(b *testing.B) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		b.Fatal(err)
	}
	files, size := benchFiles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			vf := schemas.Check(f.Path, filepath.Join("/data", f.Path), f.Data)
			if !vf.Valid() {
				b.Fatalf("%s: %+v", f.Path, vf.Findings)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}

// BenchmarkBareParse is the floor BenchmarkCheck is measured against: the
// same files parsed by yaml.v3 into nodes, and nothing else.
func BenchmarkBareParse(b *testing.B) {
	files, size := benchFiles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			var n yaml.Node
			if err := yaml.Unmarshal(f.Data, &n); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}
