package ydoc

import "testing"

// The syntax errors yaml.v3 places on the wrong line land on the line a
// person has to fix.
func TestSyntaxPosition(t *testing.T) {
	head := "number: 1\ntitle: t\nresponse: agree\nresponsible:\n  - P\nactions:\n  - number: 1\n    title: T\n" // 8 lines
	for _, tc := range []struct {
		name      string
		src       string
		line, col int
	}{
		{"tab starting a line", head + "\towner: P\n    due: 2024\n", 9, 1},
		{"tab after spaces", head + "  \towner: P\n", 9, 3},
		{"tab in a block scalar", head + "    description: |\n      a\n\tb\n", 11, 1},
		{"key indented too little", head + "   owner: P\n    due: 2024\n", 9, 4},
		{"later key indented too little", head + "    owner: P\n   due: 2024\n", 10, 4},
		{"key at the dash's column", head + "    owner: P\n  due: 2024\n", 10, 3},
		{"step key off by one", head + "    steps:\n      - number: 1\n       title: x\n", 11, 8},
		{"after a block scalar", head + "    description: |\n      a\n\n      b\n   owner: P\n", 13, 4},
		{"nested mapping", "a:\n  b: 1\n c: 2\n", 3, 2},
		{"sequence at its key's column", "a:\n- 1\n- 2\nb:\n  c: 1\n d: 2\n", 6, 2},
		{"comment lines skipped", head + "# note\n    owner: P\n # odd\n   due: 2024\n", 12, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := Parse([]byte(tc.src))
			if len(probs) != 1 {
				t.Fatalf("problems %+v, want one", probs)
			}
			if p := probs[0]; p.Line != tc.line || p.Col != tc.col {
				t.Errorf("at %d:%d (%s), want %d:%d", p.Line, p.Col, p.Message, tc.line, tc.col)
			}
		})
	}
}

// A syntax error realLine has nothing to say about keeps yaml.v3's line.
func TestSyntaxPositionKept(t *testing.T) {
	_, probs := Parse([]byte("a: 1\ntitle: Monitoring: phase 2\n"))
	if len(probs) != 1 || probs[0].Line != 2 || probs[0].Col != 1 {
		t.Fatalf("problems %+v, want one at 2:1", probs)
	}
}
