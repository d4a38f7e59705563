package diff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
	want := `--- x
+++ y
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -8,3 +8,4 @@
 h
 i
 j
+k
`
	if got := Unified("x", "y", []byte(old), []byte(new)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := Unified("x", "y", []byte(old), []byte(old)); got != "" {
		t.Errorf("equal inputs: %q", got)
	}
}

// The diff applies with patch(1), which is the point of writing one.
func TestUnifiedApplies(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("no patch command")
	}
	cases := [][2]string{
		{"a\nb\nc\n", "a\nc\n"},
		{"", "x\ny\n"},
		{"x\ny\n", ""},
		{"a\r\nb\r\n", "a\r\nB\r\n"},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n"},
		{"no newline", "no newline at all"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		f := filepath.Join(dir, "f")
		os.WriteFile(f, []byte(c[0]), 0o644)
		d := Unified("f", "f", []byte(c[0]), []byte(c[1]))
		cmd := exec.Command(patch, "-s", f)
		cmd.Stdin = strings.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("patch %q -> %q: %v\n%s\n%s", c[0], c[1], err, out, d)
			continue
		}
		if got, _ := os.ReadFile(f); string(got) != c[1] {
			t.Errorf("patched %q -> %q gives %q\n%s", c[0], c[1], got, d)
		}
	}
}
