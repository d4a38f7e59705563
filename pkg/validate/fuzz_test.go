package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/gen"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"github.com/rogpeppe/go-internal/txtar"
)

// seeds are record files to start fuzzing from: the bundled data, every
// file of the end-to-end scripts (valid records and the corpus of broken
// ones), and a few generated records.
func seeds(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	paths, _ := filepath.Glob("../../data/*/*.yaml")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out["data/"+filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p)] = b
	}
	scripts, _ := filepath.Glob("../../testdata/script/*.txtar")
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".yaml") {
				out[filepath.Base(s)+":"+f.Name] = f.Data
			}
		}
	}
	files, _ := gen.Generate(gen.Options{Seed: 3, Recommendations: 5})
	for _, f := range files {
		out["gen/"+f.Path] = f.Data
	}
	if len(out) < 50 {
		t.Fatalf("only %d seed files: are data/ and testdata/script/ where they were?", len(out))
	}
	return out
}

// The quick check must be compiled for both schemas, or every file pays
// for the full validator; a keyword it does not know disables it.
func TestQuickCompiles(t *testing.T) {
	s, err := LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*compiled{"evaluation": s.evaluation, "recommendation": s.recommendation} {
		if _, err := compileQuick(c.raw); err != nil || c.quick == nil {
			t.Errorf("%s schema: no quick check: %v (teach quick.go the keyword, or accept that every file takes the slow path)", name, err)
		}
	}
}

// quickAgrees checks that quick and the full validator give one answer.
func quickAgrees(t *testing.T, s *Schemas, data []byte) {
	root, probs := ydoc.Parse(data)
	if root == nil || len(probs) > 0 {
		return
	}
	v := ydoc.Value(root)
	for name, c := range map[string]*compiled{"evaluation": s.evaluation, "recommendation": s.recommendation} {
		full := c.schema.Validate(v) == nil
		if q := c.quick.valid(v); q != full {
			t.Fatalf("%s schema: quick says valid=%v, full validator valid=%v, for\n%s", name, q, full, data)
		}
	}
}

func TestQuickAgrees(t *testing.T) {
	s, err := LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range seeds(t) {
		t.Run(name, func(t *testing.T) { quickAgrees(t, s, b) })
	}
}

// FuzzQuickAgrees holds the quick check to the full validator's answer on
// any document, both ways: a record quick accepts must be valid, or an
// error would go unreported.
func FuzzQuickAgrees(f *testing.F) {
	for _, b := range seeds(f) {
		f.Add(b)
	}
	s, err := LoadSchemas()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) { quickAgrees(t, s, data) })
}
