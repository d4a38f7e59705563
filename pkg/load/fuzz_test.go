package load

import (
	"github.com/mrtrack/mrtrack/internal/corpus"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// seeds are the records to test and fuzz with (see package corpus).
func seeds(t testing.TB) map[string][]byte {
	out, err := corpus.Records("../..", 20)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fastAgrees decodes data both ways and fails when the hand decoder
// accepts a document and builds anything but what yaml.v3 builds. It
// reports whether the hand decoder accepted it.
func fastAgrees(t *testing.T, data []byte) bool {
	root, probs := ydoc.Parse(data)
	if root == nil || len(probs) > 0 {
		return false
	}
	var d fastDecoder
	var fastRec, slowRec model.Recommendation
	d.recommendation(root, &fastRec)
	recOK := !d.failed
	if recOK && root.Decode(&slowRec) != nil {
		t.Fatalf("hand decoder accepted a recommendation yaml.v3 rejects:\n%s", data)
	}
	if recOK && !reflect.DeepEqual(fastRec, slowRec) {
		t.Fatalf("recommendation decoded differently:\nhand   %+v\nyaml.v3 %+v\nfrom\n%s", fastRec, slowRec, data)
	}
	d = fastDecoder{}
	fastEval, slowEval := model.Evaluation{ID: "E-1"}, model.Evaluation{ID: "E-1"}
	d.evaluation(root, &fastEval)
	evalOK := !d.failed
	if evalOK && root.Decode(&slowEval) != nil {
		t.Fatalf("hand decoder accepted an evaluation yaml.v3 rejects:\n%s", data)
	}
	if evalOK && !reflect.DeepEqual(fastEval, slowEval) {
		t.Fatalf("evaluation decoded differently:\nhand   %+v\nyaml.v3 %+v\nfrom\n%s", fastEval, slowEval, data)
	}
	return recOK || evalOK
}

// The hand decoder builds what yaml.v3 builds, and it does take the
// records it is for: every bundled and generated file.
func TestFastDecodeAgrees(t *testing.T) {
	for name, b := range seeds(t) {
		t.Run(name, func(t *testing.T) {
			if ok := fastAgrees(t, b); !ok && (strings.HasPrefix(name, "data/") || strings.HasPrefix(name, "gen/")) {
				t.Errorf("the hand decoder gave up on %s: every file takes the slow path", name)
			}
		})
	}
}

func FuzzFastDecodeAgrees(f *testing.F) {
	for _, b := range seeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) { fastAgrees(t, data) })
}

// FuzzValidIsReadable: a file the validator passes always decodes into the
// model. This is FuzzLoad's promise without the disk, so it runs a hundred
// times faster; a failure means the schema or the rules let through a value
// the model cannot hold.
func FuzzValidIsReadable(f *testing.F) {
	for name, b := range seeds(f) {
		f.Add(name[strings.LastIndexAny(name, ":/")+1:], b)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name != validate.EvaluationFile {
			name = "rec-01.yaml"
		}
		vf := schemas.Check("E-1/"+name, "/data/E-1/"+name, data)
		if !vf.Valid() {
			return
		}
		if c := decode(vf); c.decodeErr != nil {
			t.Fatalf("%s passed validation but does not fit the model: %v\n%s", name, c.decodeErr, data)
		}
	})
}

// FuzzLoad runs the whole loader on a folder holding the bundled
// evaluation and one fuzzed file, under a fuzzed name: whatever the bytes,
// the load ends with findings or records, never a panic, and a file the
// validator passes always makes it into the model (a "cannot read record"
// finding would mean the schema lets through what the model cannot hold).
func FuzzLoad(f *testing.F) {
	eval, err := os.ReadFile("../../data/EVO-2024-03/evaluation.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for name, b := range seeds(f) {
		base := filepath.Base(name)
		if i := strings.LastIndex(base, ":"); i >= 0 {
			base = base[i+1:]
		}
		f.Add(base, b)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if !store.IsRecordName(name) || strings.ContainsAny(name, "/\\\x00") || name != filepath.Base(name) || name[0] == '.' {
			name = "rec-01.yaml"
		}
		dir := filepath.Join(t.TempDir(), "EVO-2024-03")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if name != validate.EvaluationFile {
			if err := os.WriteFile(filepath.Join(dir, validate.EvaluationFile), eval, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Load(schemas, Options{Paths: []string{"."}, Cwd: filepath.Dir(dir), Limits: store.DefaultLimits})
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range res.Findings {
			if fd.Rule == finding.RuleSchemaOther && strings.HasPrefix(fd.Message, "cannot read record") {
				t.Fatalf("%s passed validation but does not fit the model: %s\n%s", name, fd.Message, data)
			}
		}
		if res.Stats.Errors == 0 && res.Stats.Files != len(res.Evaluations[0].Recommendations)+1 {
			t.Fatalf("no error, yet %d files gave %d recommendations", res.Stats.Files, len(res.Evaluations[0].Recommendations))
		}
	})
}

// Decoding the generated files by hand is the point: check it on a larger
// sample than the seeds, since the generator draws every form of value.
func TestFastDecodeTakesGeneratedRecords(t *testing.T) {
	files, _ := gen.Generate(gen.Options{Seed: 11, Recommendations: 300})
	for _, f := range files {
		if !fastAgrees(t, f.Data) {
			t.Errorf("%s: the hand decoder gave up", f.Path)
		}
	}
}
