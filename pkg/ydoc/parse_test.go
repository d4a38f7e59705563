package ydoc

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
)

func TestParseHostile(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
		prev = name
	}
	tests := []struct {
		name     string
		in       string
		rule     string
		line     int
		col      int
		wantRoot bool
	}{
		{"block nesting 100k", strings.Repeat("- ", 100_000) + "x\n", finding.RuleTooDeep, 1, 1, false},
		{"flow nesting 100k", strings.Repeat("[", 100_000), finding.RuleTooDeep, 1, 1, false},
		{"nesting 40", "a: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", finding.RuleTooDeep, 1, 35, true},
		{"alias bomb", bomb, finding.RuleAlias, 1, 4, true},
		{"nul", "a: 1\nb: \x00\n", finding.RuleEncoding, 2, 4, false},
		{"latin-1", "a: 1\nb: caf\xe9\n", finding.RuleEncoding, 2, 7, false},
		{"utf-16", "\xff\xfea\x00", finding.RuleEncoding, 1, 1, false},
		{"utf-32le", "\xff\xfe\x00\x00a\x00\x00\x00", finding.RuleEncoding, 1, 1, false},
		{"utf-32be", "\x00\x00\xfe\xff\x00\x00\x00a", finding.RuleEncoding, 1, 1, false},
		{"form feed", "a: 1\nb: x\fy\n", finding.RuleControlCharacter, 2, 5, false},
		{"escape after é", "a: é\x1b\n", finding.RuleControlCharacter, 1, 5, false},
		{"DEL", "a: \x7f\n", finding.RuleControlCharacter, 1, 4, false},
		{"C1 CSI", "a: \u009b\n", finding.RuleControlCharacter, 1, 4, false},
		{"U+FFFE", "a: 1\r\nb: \ufffe\n", finding.RuleControlCharacter, 2, 4, false},
		{"NEL", "a: 1\u0085b: 2\n", finding.RuleLineBreak, 1, 5, false},
		{"LS", "a: 1\n\u2028b: 2\n", finding.RuleLineBreak, 2, 1, false},
		{"lone CR", "a: 1\rb: 2\r", finding.RuleLineBreak, 1, 5, false},
		{"escaped ESC", "a: 1\nb: \"x\\\n  y\\e[31m\"\n", finding.RuleControlCharacter, 3, 4, true},
		{"escaped LS in a key", "\"k\\L\": 1\n", finding.RuleControlCharacter, 1, 3, true},
		{"empty", "", finding.RuleEmptyFile, 1, 1, false},
		{"comments only", "# a\n  # b\n", finding.RuleEmptyFile, 1, 1, false},
		{"two documents", "a: 1\n---\nb: 2\n", finding.RuleMultiDocument, 2, 1, true},
		{"duplicate key", "a: 1\nb: 2\na: 3\n", finding.RuleDuplicateKey, 3, 1, true},
		{"tab", "a:\n\tb: 1\n", finding.RuleYAMLSyntax, 2, 2, false},
		{"complex key", "? [a, b]\n: c\n", finding.RuleKeyType, 1, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, probs := Parse([]byte(tt.in))
			if (root != nil) != tt.wantRoot {
				t.Errorf("root = %v, want present=%v", root, tt.wantRoot)
			}
			if len(probs) == 0 {
				t.Fatalf("no problem reported, want %s", tt.rule)
			}
			p := probs[0]
			if p.Rule != tt.rule || p.Line != tt.line || p.Col != tt.col {
				t.Errorf("first problem = %d:%d %s %q, want %d:%d %s", p.Line, p.Col, p.Rule, p.Message, tt.line, tt.col, tt.rule)
			}
		})
	}
}

func TestParseLargeFile(t *testing.T) {
	// 50 MB of valid YAML parses without error and without a finding: the
	// size limit belongs to the store, which refuses such files before this.
	var b bytes.Buffer
	b.WriteString("text: |\n")
	line := "  " + strings.Repeat("x", 98) + "\n"
	for b.Len() < 50<<20 {
		b.WriteString(line)
	}
	if testing.Short() {
		t.Skip("50 MB parse")
	}
	root, probs := Parse(b.Bytes())
	if root == nil || len(probs) != 0 {
		t.Fatalf("root=%v problems=%v", root != nil, probs)
	}
}

func TestValueAndLocate(t *testing.T) {
	root, probs := Parse([]byte("a: 2023\nb: 2024-12-31\nc: [x, {d: 1.5}]\ne: ~\nf: true\ng: \"2023\"\nh/i: 0x1F\n"))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	v := Value(root).(map[string]any)
	want := map[string]any{"a": int64(2023), "b": "2024-12-31", "e": nil, "f": true, "g": "2023", "h/i": int64(31)}
	for k, w := range want {
		if v[k] != w {
			t.Errorf("%s = %#v, want %#v", k, v[k], w)
		}
	}
	if d := v["c"].([]any)[1].(map[string]any)["d"]; d != 1.5 {
		t.Errorf("c[1].d = %#v", d)
	}
	for _, tt := range []struct {
		pointer   string
		line, col int
		path      string
	}{
		{"/c/1/d", 3, 12, "$.c[1].d"},
		{"/c/0", 3, 5, "$.c[0]"},
		{"/h~1i", 7, 6, "$.h/i"},
		{"/missing", 1, 1, "$.missing"},
		{"", 1, 1, "$"},
	} {
		n, _ := Locate(root, tt.pointer)
		if n.Line != tt.line || n.Column != tt.col {
			t.Errorf("Locate(%q) = %d:%d, want %d:%d", tt.pointer, n.Line, n.Column, tt.line, tt.col)
		}
		if got := FieldPath(tt.pointer); got != tt.path {
			t.Errorf("FieldPath(%q) = %q, want %q", tt.pointer, got, tt.path)
		}
	}
}

// A Parser keeps the texts of literal blocks until Recycle, and writes
// over them only after it.
func TestParserKeepsTextsUntilRecycled(t *testing.T) {
	doc := func(text string) []byte { return []byte("a: |\n  " + text + "\n  second line\nb: x\n") }
	var p Parser
	first, _ := p.Parse(doc("first"))
	kept := first.Content[1].Value
	for i := range 100 {
		if root, _ := p.Parse(doc(fmt.Sprint("next ", i))); root.Content[1].Value != fmt.Sprint("next ", i, "\nsecond line\n") {
			t.Fatalf("parse %d read %q", i, root.Content[1].Value)
		}
	}
	if kept != "first\nsecond line\n" {
		t.Fatalf("a text kept without Recycle changed to %q", kept)
	}
	p.Recycle()
	last, _ := p.Parse(doc("after"))
	recycled := last.Content[1].Value
	p.Recycle()
	if again, _ := p.Parse(doc("AFTER")); again.Content[1].Value != "AFTER\nsecond line\n" || recycled != "AFTER\nsecond line\n" {
		t.Fatalf("after Recycle the next parse reads %q; the recycled text is %q, and should have been written over", again.Content[1].Value, recycled)
	}
	if kept != "first\nsecond line\n" {
		t.Fatalf("Recycle wrote over a text of an earlier parse: %q", kept)
	}
}

// Of a repeated key the first value counts, as the duplicate is reported,
// also in the values of a Parser that read a file without repeats before.
func TestParserValueKeepsTheFirstOfRepeatedKeys(t *testing.T) {
	var p Parser
	for _, src := range []string{"a: 1\nb: x\n", "a: 1\nb: x\na: 2\n", "a: 1\nb: x\n", "l:\n  - a: 1\n    a: 2\n"} {
		root, _ := p.Parse([]byte(src))
		if got, want := p.Value(root), Value(root); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: Parser.Value %v, Value %v", src, got, want)
		}
		if m := p.Value(root).(map[string]any); m["a"] != nil && m["a"] != int64(1) {
			t.Errorf("%q: a = %v, want the first, 1", src, m["a"])
		}
	}
}
