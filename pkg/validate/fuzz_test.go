package validate

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/corpus"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// seeds are the records to test and fuzz with (see package corpus).
func seeds(t testing.TB) map[string][]byte {
	out, err := corpus.Records("../..", 5)
	if err != nil {
		t.Fatal(err)
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
		// The full validator is compiled on first use: the embedded
		// schemas must compile, or explaining an error would fail.
		if _, err := c.schema(); err != nil {
			t.Errorf("%s schema: %v", name, err)
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
		schema, err := c.schema()
		if err != nil {
			t.Fatal(err)
		}
		full := schema.Validate(v) == nil
		if q := c.quick.valid(root); q != full {
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

// suggestPlain is suggest as first written, the full Levenshtein table for
// every candidate: the reference the bounded one must agree with.
func suggestPlain(s string, candidates []string) string {
	best, bestDist := "", 4
	for _, c := range candidates {
		a, b := strings.ToLower(s), c
		prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
		for j := range prev {
			prev[j] = j
		}
		for i := 1; i <= len(a); i++ {
			cur[0] = i
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			}
			prev, cur = cur, prev
		}
		if d := prev[len(b)]; d < bestDist && d <= max(1, len(c)/3) {
			best, bestDist = c, d
		}
	}
	return best
}

var suggestCandidates = []string{"number", "title", "text", "response", "reasons", "responsible", "responsible_text",
	"actions", "owner", "owner_text", "description", "due", "due_text", "original_due", "status", "status_text",
	"progress", "updated", "evidence", "steps", "not-started", "in-progress", "completed", "ongoing", "no-longer-applicable"}

func TestSuggest(t *testing.T) {
	for _, s := range []string{"stauts", "Status", "tilte", "respnsible", "ownr", "k123456", "", "x", "due_txt", "progres", "done",
		"in progress", strings.Repeat("a", 200), "évidence"} {
		if got, want := suggest(s, suggestCandidates), suggestPlain(s, suggestCandidates); got != want {
			t.Errorf("suggest(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzSuggest holds the bounded did-you-mean to the plain one.
func FuzzSuggest(f *testing.F) {
	for _, s := range []string{"stauts", "tilte", "k123456", "in progress"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			s = s[:64] // longer keys only take the length test; the reference is quadratic
		}
		if got, want := suggest(s, suggestCandidates), suggestPlain(s, suggestCandidates); got != want {
			t.Fatalf("suggest(%q) = %q, want %q", s, got, want)
		}
	})
}

// The quick tests that replace regular expressions must say what the
// expressions said.
func FuzzShapesAndPrefilter(f *testing.F) {
	for _, s := range []string{"2024-12-31", "2024-12", "2024-1-31", "[add text]", " TODO later", "n/a", "NA", "<x>", "tbd", "Fixme: x", "prose",
		"0x1F", "0o17", ".5", "-.inf", ".NaN", "1e3", "_1", "1_000", "+12"} {
		f.Add(s)
	}
	day := regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	month := regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)
	f.Fuzz(func(t *testing.T, s string) {
		if shaped(s, "0000-00-00") != day.MatchString(s) || shaped(s, "0000-00") != month.MatchString(s) {
			t.Fatalf("shaped(%q) disagrees with the expression", s)
		}
		if placeholderRE.MatchString(s) && !mayBePlaceholder(s) {
			t.Fatalf("%q is a placeholder, but the first-character test skips it", s)
		}
		plain := &yaml.Node{Kind: yaml.ScalarNode, Value: s}
		if tag := plain.ShortTag(); (tag == "!!int" || tag == "!!float") && !mayBeNumber(s) {
			t.Fatalf("YAML reads %q as %s, but the first-character test skips it", s, tag)
		}
	})
}

func TestPathString(t *testing.T) {
	if got := (path{"actions", "2", "a/b", "~c"}).String(); got != "/actions/2/a~1b/~0c" {
		t.Errorf("path = %q", got)
	}
	if got := (path{}).String(); got != "" {
		t.Errorf("empty path = %q", got)
	}
}

// A file reports at most MaxFindings errors and as many warnings, the last
// of each saying how many more there were; below the limit nothing changes.
func TestFindingsCapped(t *testing.T) {
	s, err := LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("number: 1\ntitle: TBD\ntext: t\nresponse: agree\nresponsible: [TBD]\nactions:\n")
	for i := range 2500 {
		fmt.Fprintf(&b, "  - {number: %d, title: TBD, owner: o, description: d, due: 2024, status: done, progress: TBD}\n", i+1)
	}
	f := s.Check("rec-01.yaml", "/d/E-1/rec-01.yaml", []byte(b.String()))
	errs, warns := finding.Count(f.Findings)
	if errs != MaxFindings || warns != MaxFindings {
		t.Fatalf("%d errors and %d warnings reported, want %d of each", errs, warns, MaxFindings)
	}
	var lastErr, lastWarn string
	for _, fd := range f.Findings {
		if fd.Severity == finding.Error {
			lastErr = fd.Message
		} else {
			lastWarn = fd.Message
		}
	}
	// 2500 actions done (not a status) and 1501 numbered past 999.
	if !strings.HasSuffix(lastErr, "(and 3001 more errors in this file, not shown)") {
		t.Errorf("last error: %q", lastErr)
	}
	if !strings.HasSuffix(lastWarn, "warnings in this file, not shown)") {
		t.Errorf("last warning: %q", lastWarn)
	}
}
