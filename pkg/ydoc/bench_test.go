package ydoc

import (
	"testing"

	"github.com/mrtrack/mrtrack/internal/corpus"
)

// BenchmarkParse reads the bundled and generated records with Parse (the
// canonical reader where it applies) and with yaml.v3 alone, the floor
// it replaces. MB/s are of record bytes, on one core.
//
//	go test -run '^$' -bench Parse -benchmem ./pkg/ydoc
func BenchmarkParse(b *testing.B) {
	recs, err := corpus.Records("../..", 200)
	if err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	var size int64
	for name, data := range recs {
		if len(name) > 4 && (name[:4] == "data" || name[:4] == "gen/") {
			files = append(files, data)
			size += int64(len(data))
		}
	}
	for _, c := range []struct {
		name  string
		parse func([]byte) bool
	}{
		{"Parse", func(d []byte) bool { root, _ := Parse(d); return root != nil }},
		{"canonical", func(d []byte) bool { _, ok := parseCanonical(string(d), new(Parser)); return ok }},
		{"Parser", func(d []byte) bool { root, _ := reusedInBench.Parse(d); return root != nil }},
		{"yaml.v3", func(d []byte) bool { root, _ := parseYAML(d); return root != nil }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					if !c.parse(f) {
						b.Fatal("not read")
					}
				}
			}
		})
	}
}

var reusedInBench Parser
