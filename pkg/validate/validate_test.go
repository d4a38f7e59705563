package validate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/schema"
)

// Editors show a property's description on hover: every property of both
// schemas must have one.
func TestSchemaDescriptions(t *testing.T) {
	for name, src := range map[string][]byte{"evaluation": schema.Evaluation, "recommendation": schema.Recommendation} {
		var root map[string]any
		if err := json.Unmarshal(src, &root); err != nil {
			t.Fatal(err)
		}
		var walk func(path string, v any)
		walk = func(path string, v any) {
			m, ok := v.(map[string]any)
			if !ok {
				return
			}
			if props, ok := m["properties"].(map[string]any); ok {
				for k, p := range props {
					if d, _ := p.(map[string]any)["description"].(string); d == "" {
						t.Errorf("%s: %s/%s has no description", name, path, k)
					}
				}
			}
			for k, c := range m {
				walk(path+"/"+k, c)
			}
		}
		walk("", root)
	}
}

// Every rule in the catalogue is exercised by an end-to-end script, except
// those that need conditions a script cannot create; those are tested here
// or in pkg/store.
func TestEveryRuleHasAScript(t *testing.T) {
	notScripted := map[string]string{
		finding.RuleUnreadable:   "permission errors depend on the user running the tests (root reads everything)",
		finding.RuleTooLarge:     "needs a file over 2 MiB; see TestReadLimit in pkg/store",
		finding.RuleTooManyFiles: "needs 100,000 files; see TestDiscoverMaxFiles in pkg/store",
		finding.RuleSchemaOther:  "a fallback for schema keywords the explanations do not cover",
	}
	scripts, err := filepath.Glob("../../testdata/script/*.txtar")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts found: %v", err)
	}
	var all strings.Builder
	for _, s := range scripts {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	for _, r := range finding.Rules {
		if _, ok := notScripted[r.ID]; ok {
			continue
		}
		if !strings.Contains(all.String(), "["+r.ID+"]") {
			t.Errorf("rule %s appears in no testdata/script expected output", r.ID)
		}
	}
}

func TestCheckKinds(t *testing.T) {
	s, err := LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	f := s.Check("x/rec-01.yaml", "/d/E-1/rec-01.yaml", []byte("number: 1\n"))
	if f.Kind != KindRecommendation || f.Folder != "E-1" || f.Valid() {
		t.Errorf("Check = kind %v folder %q valid %v", f.Kind, f.Folder, f.Valid())
	}
	for _, fd := range f.Findings {
		if fd.File != "x/rec-01.yaml" || fd.Line < 1 || fd.Col < 1 {
			t.Errorf("finding without a position: %+v", fd)
		}
	}
}

// FuzzCheck feeds arbitrary bytes to the parser and validator: whatever
// the input, Check returns findings and never panics or hangs.
func FuzzCheck(f *testing.F) {
	for name, b := range seeds(f) { // data/, testdata/script/, generated
		f.Add(name[strings.LastIndexAny(name, ":/")+1:], b) // the file name
	}
	f.Add("rec-01.yaml", []byte("a: &a [x]\nb: [*a, *a]\n"))
	f.Add("evaluation.yaml", []byte("\xff\xfe"))
	s, err := LoadSchemas()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if strings.ContainsAny(name, "/\\") {
			name = "rec-01.yaml"
		}
		file := s.Check("f/"+name, filepath.Join("/data/E-1", name), data)
		if f := file.Findings; file.Root == nil && len(f) == 0 {
			t.Fatalf("no document and no finding for %q", data)
		}
	})
}

// The placeholder hint never offers "" where the schema refuses it.
func TestPlaceholderHintFollowsSchema(t *testing.T) {
	for key, empty := range map[string]bool{"owner": false, "title": false, "responsible": false, "evidence": false,
		"progress": true, "reasons": true, "description": true, "name": false} {
		if got := !mustHaveText(key); got != empty {
			t.Errorf("%s: empty allowed = %v, want %v", key, got, empty)
		}
	}
}

// The messages name the bounds the schemas set: every date pattern takes
// the years MinYear to MaxYear and no other, every period 1 to MaxPeriod,
// and every number 1 to MaxNumber.
func TestSchemaBounds(t *testing.T) {
	s, err := LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	dates, periods, numbers := 0, 0, 0
	for _, c := range []*compiled{s.evaluation, s.recommendation} {
		var visit func(v any)
		visit = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				if p, ok := x["pattern"].(string); ok {
					re := regexp.MustCompile(p)
					if re.MatchString("2024-01-01") && !re.MatchString("E-1") {
						dates++
						for y, want := range map[int]bool{MinYear - 1: false, MinYear: true, MaxYear: true, MaxYear + 1: false, 1: false, 9999: false} {
							if got := re.MatchString(fmt.Sprintf("%04d-12-31", y)); got != want {
								t.Errorf("pattern %s: year %d accepted=%v, want %v", p, y, got, want)
							}
						}
					}
					if re.MatchString("every 2 weeks") {
						periods++
						for n, want := range map[int]bool{0: false, 1: true, MaxPeriod: true, MaxPeriod + 1: false, 2147483647: false} {
							if got := re.MatchString(fmt.Sprintf("every %d weeks", n)); got != want {
								t.Errorf("pattern %s: every %d weeks accepted=%v, want %v", p, n, got, want)
							}
						}
					}
				}
				if x["type"] == "integer" {
					numbers++
					if x["minimum"] != 1.0 || x["maximum"] != float64(MaxNumber) {
						t.Errorf("a number runs from %v to %v, want 1 to %d", x["minimum"], x["maximum"], MaxNumber)
					}
				}
				for _, e := range x {
					visit(e)
				}
			case []any:
				for _, e := range x {
					visit(e)
				}
			}
		}
		visit(c.raw)
	}
	if dates != 19 || periods != 6 || numbers != 3 {
		t.Errorf("%d date patterns, %d period patterns, %d numbers: the schemas changed, update this test", dates, periods, numbers)
	}
}

func TestKindOf(t *testing.T) {
	for name, want := range map[string]struct {
		kind Kind
		n    int
	}{
		"evaluation.yaml": {KindEvaluation, 0}, "rec-01.yaml": {KindRecommendation, 1}, "rec-7.yaml": {KindRecommendation, 7},
		"rec-120.yaml": {KindRecommendation, 120}, "rec-.yaml": {KindOther, 0}, "12.yaml": {KindOther, 0},
		"rec-01.yml": {KindOther, 0}, "rec-+1.yaml": {KindOther, 0}, "rec-1a.yaml": {KindOther, 0},
		"Rec-01.yaml": {KindOther, 0}, "rec-99999999999999999999.yaml": {KindOther, 0}, "notes.yaml": {KindOther, 0},
	} {
		if kind, n := KindOf(name); kind != want.kind || n != want.n {
			t.Errorf("KindOf(%q) = %v, %d; want %v, %d", name, kind, n, want.kind, want.n)
		}
	}
}

func TestRecFileNameIsPercent02d(t *testing.T) {
	for _, n := range []int{-12, -1, 0, 1, 9, 10, 99, 100, 1234} {
		if got, want := RecFileName(n), fmt.Sprintf("rec-%02d.yaml", n); got != want {
			t.Errorf("RecFileName(%d) = %q, want %q", n, got, want)
		}
		for _, name := range []string{RecFileName(n), fmt.Sprintf("rec-%d.yaml", n), fmt.Sprintf("rec-%03d.yaml", n),
			fmt.Sprintf("rec-%02d.yml", n), fmt.Sprintf("Rec-%02d.yaml", n), "rec-.yaml", "rec-0.yaml", "rec-00.yaml", "x"} {
			if got, want := isRecFileName(name, n), name == RecFileName(n); got != want {
				t.Errorf("isRecFileName(%q, %d) = %v, want %v", name, n, got, want)
			}
		}
	}
}
