package format

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/corpus"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"go.yaml.in/yaml/v3"
)

// fmt on any record either refuses or gives a file that reads as the same
// data (Format checks that itself), keeps every comment, and that fmt
// leaves as it is.
func FuzzFormat(f *testing.F) {
	records, err := corpus.Records("../..", 5)
	if err != nil {
		f.Fatal(err)
	}
	for name, data := range records {
		f.Add(filepath.Base(name) == validate.EvaluationFile, data)
	}
	f.Add(false, []byte("number: 1\ractions:\r  - number: 1\r    evidence: [a] # keep me"))
	f.Fuzz(func(t *testing.T, evaluation bool, data []byte) {
		name := "rec-01.yaml"
		if evaluation {
			name = validate.EvaluationFile
		}
		once, err := Format(name, data)
		if err != nil {
			return
		}
		if twice, err := Format(name, once); err != nil || !bytes.Equal(twice, once) {
			t.Fatalf("formatting twice differs from once (%v):\n%s\nthen\n%s", err, once, twice)
		}
		if before, after := comments(data), comments(once); !slices.Equal(before, after) {
			t.Fatalf("comments %q became %q:\n%s\nformatted:\n%s", before, after, data, once)
		}
	})
}

// comments lists the comment lines of a document, sorted.
func comments(data []byte) []string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range strings.Split(c, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out = append(out, line)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	slices.Sort(out)
	return out
}
