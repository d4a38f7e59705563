package validate

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/schema"
)

// schemaPatterns are the pattern keywords of the embedded schemas.
func schemaPatterns(t testing.TB) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if p, ok := x["pattern"].(string); ok {
				out = append(out, p)
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	for _, src := range [][]byte{schema.Evaluation, schema.Recommendation, schema.Owners, schema.Round} {
		var v any
		if err := json.Unmarshal(src, &v); err != nil {
			t.Fatal(err)
		}
		walk(v)
	}
	if len(out) == 0 {
		t.Fatal("no pattern in the schemas")
	}
	return out
}

// morePatterns try what the schemas do not use yet: unanchored ends,
// alternatives of several lengths, empty matches, case folding.
var morePatterns = []string{`\S`, `^$`, `^a*$`, `a|^b`, `x$`, `(?i)^todo`, `^(ab|a)(c|bcd)$`, `^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`,
	`^.?$`, `(^|-)q`, `^[^\r\n]*$`, `b*`, `$`}

var patternTexts = []string{"", " ", "a", "b", "x", "ab", "abc", "abcd", "2025-06-30", "2025-13-01", "1899-01-01", "2025-06",
	"2025-Q3", "2025-H2", "2025-Q5", "continuous", "every 3 months", "every 0 days", "every 12 year", "TODO x", "todo",
	"fr", "fr-CA", "en-", "@org/team", "@-org", "a@b.org", "x@y", "0123456789abcdef", "EVO-2024-03/R1.2", "EVO/R1.2.3",
	"two\nlines", "trailing\n", "-q", "q", "é", "2025-06-30é", "\x00", "\x7f", "ALL CAPS", "mixed Case 42"}

func TestPatternAgrees(t *testing.T) {
	for _, expr := range append(schemaPatterns(t), morePatterns...) {
		p, err := compilePattern(expr)
		if err != nil {
			t.Fatalf("%q: %v", expr, err)
		}
		if p.table() == nil && !strings.Contains(expr, `\b`) {
			t.Errorf("%q: no table built", expr)
		}
		re := regexp.MustCompile(expr)
		for _, s := range patternTexts {
			if got, want := tableMatch(p, s), re.MatchString(s); got != want {
				t.Errorf("%q on %q: %v, regexp says %v", expr, s, got, want)
			}
		}
	}
}

// tableMatch is p's answer by its table where the table gives one, as
// MatchString gives it once the pattern has been used enough.
func tableMatch(p *pattern, s string) bool {
	if t := p.table(); t != nil {
		if match, ok := t.match(s); ok {
			return match
		}
	}
	return p.re.MatchString(s)
}

// MatchString goes to the table after tableAfter matches.
func TestPatternSwitchesToTable(t *testing.T) {
	p, err := compilePattern(`^x$`)
	if err != nil {
		t.Fatal(err)
	}
	for range tableAfter + 10 {
		if !p.MatchString("x") || p.MatchString("y") {
			t.Fatal("wrong answer")
		}
	}
	if p.uses.Load() != tableAfter {
		t.Errorf("uses = %d, want %d: the table is never taken", p.uses.Load(), tableAfter)
	}
}

// A pattern using a word boundary gets no table and is matched by regexp.
func TestPatternWithoutTable(t *testing.T) {
	p, err := compilePattern(`\bdo\b`)
	if err != nil || p.table() != nil {
		t.Fatalf("table built for a word boundary (err %v)", err)
	}
	if !p.MatchString("to do it") || p.MatchString("todo") {
		t.Error("regexp's answers changed")
	}
}

func FuzzPatternAgrees(f *testing.F) {
	exprs := append(schemaPatterns(f), morePatterns...)
	for i := range exprs {
		for _, s := range patternTexts {
			f.Add(uint8(i), s)
		}
	}
	compiled := make([]*pattern, len(exprs))
	for i, e := range exprs {
		compiled[i], _ = compilePattern(e)
	}
	f.Fuzz(func(t *testing.T, i uint8, s string) {
		p := compiled[int(i)%len(compiled)]
		if got, want := tableMatch(p, s), p.re.MatchString(s); got != want {
			t.Fatalf("%q on %q: %v, regexp says %v", p.re, s, got, want)
		}
	})
}

// BenchmarkPattern is the due-date pattern on a day, by table and by
// regexp.
//
//	go test -run '^$' -bench Pattern ./pkg/validate
func BenchmarkPattern(b *testing.B) {
	expr := `^((19|20|21)[0-9]{2}(-[0-9]{2}(-[0-9]{2})?|-Q[1-4]|-H[12])?|continuous|conditional|unknown|every [1-9][0-9]{0,2} (day|week|month|year)s?)$`
	p, err := compilePattern(expr)
	if err != nil || p.table() == nil {
		b.Fatal("no table", err)
	}
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			if !tableMatch(p, "2025-06-30") {
				b.Fatal("no match")
			}
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			if !p.re.MatchString("2025-06-30") {
				b.Fatal("no match")
			}
		}
	})
}

// BenchmarkBuildTables is what the first use of every schema pattern
// costs.
func BenchmarkBuildTables(b *testing.B) {
	exprs := schemaPatterns(b)
	for b.Loop() {
		for _, e := range exprs {
			buildTable(e)
		}
	}
}
