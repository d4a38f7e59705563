package escape

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzEscape holds every reader's function to its promise on any input:
// Line and Text print nothing a terminal acts on and start no workflow
// command, Cell never starts a formula, and the fast path (isPlain) says
// "nothing to do" exactly when the full rewrite changes nothing. JSON
// keeps the value a program reads.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "plain", "é – œ", "\x1b[31m", "\u009b", "a\nb", "::error::x", " ##[x", "=1", "-30", "\xff", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, keep := range []bool{false, true} {
			if isPlain(s, keep) != (visible(s, keep) == s) {
				t.Fatalf("isPlain(%q, %v) disagrees with visible", s, keep)
			}
		}
		for name, out := range map[string]string{"Line": Line(s), "Text": Text(s), "Cell": Cell(s), "Markdown": Markdown(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q is not UTF-8", name, s, out)
			}
			for _, r := range out {
				if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || unsafeRune(r) {
					t.Fatalf("%s(%q) = %q holds %U", name, s, out, r)
				}
			}
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(strings.TrimLeftFunc(l, unicode.IsSpace), "::") || strings.Contains(l, "##[") {
					t.Fatalf("%s(%q) = %q holds a workflow command", name, s, out)
				}
			}
		}
		if l := Line(s); strings.ContainsAny(l, "\n\t") {
			t.Fatalf("Line(%q) = %q is not one line", s, l)
		}
		if c := Cell(s); c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !isNumber(c) {
			t.Fatalf("Cell(%q) = %q starts a formula", s, c)
		}
		enc, err := json.Marshal(s)
		if err != nil {
			t.Skip()
		}
		var before, after string
		if json.Unmarshal(enc, &before) != nil || json.Unmarshal(JSON(enc), &after) != nil || before != after {
			t.Fatalf("JSON changed the value of %q: %q", s, JSON(enc))
		}
		if bytes.ContainsAny(JSON(enc), "\u009b\u202e") {
			t.Fatalf("JSON left a control character in %q", JSON(enc))
		}
	})
}
