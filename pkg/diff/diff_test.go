package diff

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/hostile"
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
	// Below the bound the diff is minimal: 40 changed lines, 40 hunks.
	if got := Unified("x", "y", []byte(numbered(400, -1)), []byte(numbered(400, 5))); strings.Count(got, "\n@@ ") != 40 || strings.Count(got, "\n-") != 40 {
		t.Errorf("40 separate changes:\n%s", got)
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
		{numbered(600, -1), numbered(600, 5)},     // past the bound: 60 changes
		{numbered(30, -1), numbered(30, 5) + "x"}, // and no newline at the end
		{string(hostile.Reindented()[:40_000]), halveIndent(hostile.Reindented()[:40_000])},
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

// numbered is n lines "line i", with every tenth from the changed-th one
// on written "changed i" (none when changed < 0).
func numbered(n, changed int) string {
	var b strings.Builder
	for i := range n {
		if changed >= 0 && i%10 == changed {
			fmt.Fprintf(&b, "changed %d\n", i)
		} else {
			fmt.Fprintf(&b, "line %d\n", i)
		}
	}
	return b.String()
}

// halveIndent is what fmt does to hostile.Reindented: four-space
// indentation becomes two, so every indented line changes.
func halveIndent(b []byte) string {
	var out strings.Builder
	for l := range strings.Lines(string(b)) {
		body := strings.TrimLeft(l, " ")
		out.WriteString(strings.Repeat(" ", (len(l)-len(body))/2) + body)
	}
	return out.String()
}

// A record at the read limit whose every line changes is diffed in memory
// that grows with its size: the allocations are counted, not timed. (The
// longest-common-subsequence table this package used before needed
// 73,000² cells, over 40 GB, for it.)
func TestUnifiedMemoryIsLinear(t *testing.T) {
	old := hostile.Reindented()
	new := []byte(halveIndent(old))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d := Unified("a", "b", old, new)
	runtime.ReadMemStats(&after)
	if strings.Count(d, "\n-") < 72_000 || strings.Count(d, "\n+") < 72_000 {
		t.Fatalf("diff does not replace every line:\n%.300s", d)
	}
	if n, limit := after.TotalAlloc-before.TotalAlloc, uint64(64*len(old)); n > limit {
		t.Errorf("diff of %d bytes allocated %d bytes, more than %d", len(old), n, limit)
	}
}

// BenchmarkUnified reports the bytes each diff allocates, per diff and per
// byte of input, for a record at the read limit: rewritten on every line
// (fmt --diff on a file indented by four spaces) and changed on one line
// (set --dry-run).
func BenchmarkUnified(b *testing.B) {
	old := hostile.Reindented()
	oneLine := []byte(strings.Replace(string(old), "status: in-progress", "status: completed", 1))
	for _, c := range []struct {
		name string
		new  []byte
	}{{"every line of 2 MiB", []byte(halveIndent(old))}, {"one line of 2 MiB", oneLine}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(old)))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				Unified("a", "b", old, c.new)
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(old)), "alloc-B/input-B")
		})
	}
}
