package gen_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

func TestDeterministic(t *testing.T) {
	a, sa := gen.Generate(gen.Options{Seed: 7, Recommendations: 50})
	b, sb := gen.Generate(gen.Options{Seed: 7, Recommendations: 50})
	c, _ := gen.Generate(gen.Options{Seed: 8, Recommendations: 50})
	if sa != sb || len(a) != len(b) {
		t.Fatalf("same seed, different trees: %+v, %+v", sa, sb)
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("same seed, %s differs", a[i].Path)
		}
	}
	if bytes.Equal(a[1].Data, c[1].Data) {
		t.Errorf("seeds 7 and 8 gave the same %s", a[1].Path)
	}
}

// The generated tree is what the benchmarks measure: it must be clean
// (validate exits 0 on it) and cover every status, response and due form.
func TestTreeValidatesAndCoversTheFormat(t *testing.T) {
	dir := t.TempDir()
	st, err := gen.Write(dir, gen.Options{Seed: 1, Recommendations: 300})
	if err != nil {
		t.Fatal(err)
	}
	if st.Recommendations != 300 || st.Files != st.Evaluations+300 || st.Actions < 300 || st.Steps == 0 {
		t.Errorf("stats = %+v", st)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Load(schemas, load.Options{Paths: []string{dir}, Cwd: dir, Limits: store.DefaultLimits})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Col, f.Message, f.Rule)
	}
	if res.Stats.Recommendations != st.Recommendations || res.Stats.Actions != st.Actions || res.Stats.Evaluations != st.Evaluations {
		t.Errorf("load counted %+v, gen %+v", res.Stats, st)
	}

	files, _ := gen.Generate(gen.Options{Seed: 1, Recommendations: 300})
	var all bytes.Buffer
	for _, f := range files {
		all.Write(f.Data)
	}
	for _, want := range []string{
		`status: not-started\n`, `status: in-progress\n`, `status: completed\n`, `status: ongoing\n`, `status: no-longer-applicable\n`,
		`response: agree\n`, `response: partially-agree\n`, `response: disagree\n`,
		`due: \d{4}-\d{2}-\d{2}\n`, `due: \d{4}-\d{2}\n`, `due: \d{4}\n`, `due: "\d{4}"\n`,
		`due: continuous\n`, `due: every \d+ \w+\n`, `due: conditional\n`, `due: unknown\n`,
		`original_due: `, `due: \d{4}-Q\d\n`, `due: \d{4}-H\d\n`, `deadlines:\n`, `met_on: `, `extensions:\n`,
		`added: `, `completed_on: `, `verification:\n`, `organization: `, `links:\n`, `priority: `, `tags:\n`,
		`response: not-stated\n`, `language: fr\n`, `language: en\n`, `[éèàç]`, `steps:\n`, `evidence:\n`,
	} {
		if !regexp.MustCompile(want).Match(all.Bytes()) {
			t.Errorf("no generated file matches %q", want)
		}
	}
}
