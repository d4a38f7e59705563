package ydoc

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/internal/corpus"
	"go.yaml.in/yaml/v3"
)

// canonicalCases are small documents at the edges of the canonical subset:
// each form of scalar it reads, and forms next to them it must leave to
// yaml.v3, each as a mapping value and as a sequence item; then layouts.
// Whether a case is taken is not the point; that the two readers agree
// whenever the fast one takes it is.
func canonicalCases() []string {
	values := []string{
		"b", "b c", "e: f", "h #i", "k#l", "n:", "http://x", "d'accès", "[x]", "-", "? x", "&x b", "*x", "!!str b", "> ",
		"[]", "{}", "[ ]", "'it''s'", "''", "''''", "'x' y", "'multi",
		`"\u00e9\x41\t\"\\"`, `""`, `"\uD800"`, `"\U0001F600\N\_\L\P\e\0\a\b\v\f\r\ \'"`, `"\/"`, `"\x4"`, `"\u+0FF"`,
		`"x\`, `"unterminated`, `"a" b`, `"\x85\u2028"`,
		"1", "-1", "0", "0x10", "0o17", "-0o17", "017", "1_000", "09", "1.5", "1e3", "+1", "0b101", "-0b1", "0b+1",
		"99999999999999999999", "-99999999999999999999", "1.", ".5", "+.inf", "-.INF", ".nan", "3 mois", "31 décembre 2024",
		"1-2", "-1-2", "0b1+1", "1e5-3", "1.5e-3", "1_-2", "1e_-5", "0x1-2",
		"2024-12-31", "2024-1-2", "2024-13-01", "2024-02-29", "2023-02-29", "2024-00-10", "0000-01-01", "2024-12-32", "2024-12-3x", "2024-12-31T10:00:00Z", "2024-12-31 10:00:00", "2024-12", "2024",
		"true", "True", "yes", "null", "~", "NULL", "Off", "<<", "<x>",
		"|\n  one\n\n  two\n\n\n", "|-\n  x\n", "|+\n  y\n\n\n", "|+\n  y\n", "|2\n  z\n", "|\n    deeper\n  less\n",
		"|\n  x\n   \n  y\n", "|\n\n  x\n", "|\n  # not a comment\n", "|\nx\n", "|\n",
	}
	var cases []string
	for _, v := range values {
		v = strings.TrimSuffix(v, "\n")
		cases = append(cases, "a: "+v+"\nz: end\n", "a:\n  - "+v+"\n  - end\nz: end\n")
	}
	// Nesting at MaxDepth and around it, which check reports past it.
	for _, depth := range []int{MaxDepth - 2, MaxDepth - 1, MaxDepth, MaxDepth + 1} {
		var deep strings.Builder
		for i := range depth - 1 {
			deep.WriteString(strings.Repeat("  ", i) + "k:\n")
		}
		deep.WriteString(strings.Repeat("  ", depth-1) + "k: v\n")
		cases = append(cases, deep.String())
	}
	return append(cases,
		"a: b\n", "# head\n# two\na: b\n", "# head\n\na: b\n", "#head \na: b\n", "a: b\n\n\nc: d\n",
		"a:\n  b: c\n  d:\n    - e\n    - f: g\n      h: i\n", "a:\n- b\n", "a:\n    b: c\n", "a:\nb: c\n",
		"a:\n", "a:\n\nb:\n  c:\n", "true: a\n", "null: b\n", "1: c\n", "a: b\n  c\n", "a: b\n\n  c\n",
		"a:  b\n", "a: b \n", "a: b\n---\nc: d\n", "a: b\n...\n", "- a\n", "a:\n  - - a\n",
		"a:\n  -\n    b: c\n", "a:\n  - b\n  -c\n", "a: b\na: c\n", "a-b: c\n_d: e\n", "é: x\n",
		"a:\n  b: c\n d: e\n", "a:\n  - b\n c: d\n", "a:\n  - b: c\n    d: e\n   f: g\n",
		"actions:\n  - number: 1\n    steps:\n      - number: 1\n        title: x\n",
		"a:\n  - b: |\n      text\n    c: d\n", "a:\n  - |\n    lit\n  - 'q'\n",
	)
}

// TestCanonicalAgrees runs both readers on every record of the repository
// and generated ones (internal/corpus) and on the edge cases; and the
// canonical reader must take every bundled and generated record, or the
// fast path is gone without a test noticing.
func TestCanonicalAgrees(t *testing.T) {
	recs, err := corpus.Records("../..", 50)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(recs))
	for name := range recs {
		names = append(names, name)
	}
	slices.Sort(names)
	taken := 0
	for _, name := range names {
		ok := canonicalAgrees(t, name, recs[name])
		if ok {
			taken++
		}
		if !ok && (strings.HasPrefix(name, "data/") || strings.HasPrefix(name, "gen/")) {
			t.Errorf("%s: the canonical reader does not take it", name)
		}
	}
	for i, c := range canonicalCases() {
		canonicalAgrees(t, fmt.Sprint("case ", i), []byte(c))
	}
	t.Logf("canonical reader took %d of %d records", taken, len(recs))
}

// canonicalAgrees reports whether parseCanonical took data, failing t when
// what it built differs from yaml.v3's reading in any field.
func canonicalAgrees(t *testing.T, name string, data []byte) bool {
	t.Helper()
	if _, ok := checkEncoding(data); !ok || len(checkCharacters(data)) > 0 || !hasContent(data) {
		return false // Parse stops before either reader
	}
	fast, ok := parseCanonical(string(data), new(Parser))
	if !ok {
		return false
	}
	slow, probs := parseYAML(data)
	if slow == nil {
		t.Fatalf("%s: the canonical reader took what yaml.v3 refuses (%v):\n%s", name, probs, data)
	}
	if d := nodeDiff(fast, slow, "$"); d != "" {
		t.Fatalf("%s: the readers differ at %s:\n%s", name, d, data)
	}
	// Parse skips check on what the canonical reader takes: it must give
	// up on anything check would report.
	if fastProbs := check(fast, data); len(fastProbs) > 0 || len(probs) > 0 {
		t.Fatalf("%s: the canonical reader took a file with problems:\nits tree %v\nyaml.v3 %v\n%s", name, fastProbs, probs, data)
	}
	// The same through a Parser that has read other files before: no
	// node may keep what an earlier tree put in it.
	again, againProbs := reused.Parse(bytes.Clone(data))
	if d := nodeDiff(again, slow, "$"); d != "" {
		t.Fatalf("%s: a reused Parser differs from yaml.v3 at %s:\n%s", name, d, data)
	}
	if !slices.Equal(againProbs, probs) {
		t.Fatalf("%s: problems differ:\nreused Parser %v\nyaml.v3 %v\n%s", name, againProbs, probs, data)
	}
	// Nor may a value keep what an earlier file's values put in its maps.
	if got, want := reused.Value(again), Value(slow); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: a reused Parser's values differ:\n%#v\nyaml.v3's\n%#v\n%s", name, got, want, data)
	}
	reused.Recycle() // nothing of this tree is used again: the next input writes over its texts
	return true
}

// reused is the Parser canonicalAgrees reads every input with, after all
// the inputs before it.
var reused Parser

// nodeDiff names the first field in which two trees differ, or "".
func nodeDiff(a, b *yaml.Node, at string) string {
	type fields struct {
		Kind                                  yaml.Kind
		Style                                 yaml.Style
		Tag, Value, Anchor                    string
		HeadComment, LineComment, FootComment string
		Line, Column, Content                 int
		Alias                                 bool
	}
	of := func(n *yaml.Node) fields {
		return fields{n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.HeadComment, n.LineComment, n.FootComment,
			n.Line, n.Column, len(n.Content), n.Alias != nil}
	}
	if fa, fb := of(a), of(b); fa != fb {
		return fmt.Sprintf("%s\nfast    %+v\nyaml.v3 %+v", at, fa, fb)
	}
	for i := range a.Content {
		if d := nodeDiff(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// FuzzCanonicalAgrees: whatever the canonical reader takes, it reads as
// yaml.v3 does. Seeded with every record and the edge cases.
//
//	go test -run '^$' -fuzz FuzzCanonicalAgrees ./pkg/ydoc
func FuzzCanonicalAgrees(f *testing.F) {
	recs, err := corpus.Records("../..", 20)
	if err != nil {
		f.Fatal(err)
	}
	for _, data := range recs {
		f.Add(data)
	}
	for _, c := range canonicalCases() {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		canonicalAgrees(t, "input", data)
	})
}

// isTimestamp takes its shortcuts (a day checked by hand, no layout tried
// without a second dash) only where yaml.v3's layouts agree.
func TestTimestampShortcuts(t *testing.T) {
	layouts := func(s string) bool {
		if len(s) < 5 || s[4] != '-' || strings.Trim(s[:4], "0123456789") != "" {
			return false
		}
		for _, layout := range timestampFormats {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
		return false
	}
	var cases []string
	for _, y := range []int{1900, 1999, 2000, 2023, 2024, 2100, 2400} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%04d-%02d-%02d", y, m, d), fmt.Sprintf("%d-%d-%d", y, m, d))
			}
			cases = append(cases, fmt.Sprintf("%04d-%02d", y, m))
		}
	}
	cases = append(cases, "2025-Q3", "2025-H1", "2025-06-30T10:00:00Z", "2025-6-3t1:2:3Z", "2025-06-30 10:00:00",
		"2025-06-30 10:00", "2025--", "2025-", "2025-06-", "2025-06-3x", "2025-06-30x")
	for _, s := range cases {
		if got, want := isTimestamp(s), layouts(s); got != want {
			t.Errorf("isTimestamp(%q) = %v, yaml.v3's layouts say %v", s, got, want)
		}
	}
}
