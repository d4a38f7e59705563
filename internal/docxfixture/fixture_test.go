package docxfixture

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/import/*.docx")

// fixtures are the documents this package writes, by file name, from
// their sources under testdata/import.
var fixtures = map[string]func() ([]byte, error){
	"mali-EVO-2024-03.docx": func() ([]byte, error) {
		seed, err := os.ReadFile(filepath.Join(dir, "mali-EVO-2024-03.txt"))
		if err != nil {
			return nil, err
		}
		return Mali(string(seed))
	},
	"english-EVO-2025-07.docx": English,
}

const dir = "../../testdata/import"

// TestFixturesUpToDate regenerates every fixture and compares it byte for
// byte with the committed file; -update rewrites them.
func TestFixturesUpToDate(t *testing.T) {
	for name, build := range fixtures {
		got, err := build()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, err := build()
		if err != nil || !bytes.Equal(got, again) {
			t.Fatalf("%s: two builds differ: the generator is not deterministic", name)
		}
		path := filepath.Join(dir, name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/docxfixture -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what the generator writes: run go test ./internal/docxfixture -update and commit it", path)
		}
	}
}
