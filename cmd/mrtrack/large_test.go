package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/hostile"
)

// largeData writes hostile.Large into a new data folder and returns the
// working folder above it and the record's bytes.
func largeData(tb testing.TB) (root string, record []byte) {
	tb.Helper()
	root = tb.TempDir()
	data := filepath.Join(root, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := hostile.Large.Make(data); err != nil {
		tb.Fatal(err)
	}
	record, err := os.ReadFile(filepath.Join(data, hostile.Large.File))
	if err != nil {
		tb.Fatal(err)
	}
	return root, record
}

// fmt --diff on a record at the read limit that fmt rewrites on every
// line: one hunk replacing all 73,325 lines below the first three, which
// patch turns into exactly what fmt writes. The record is left alone.
func TestFmtDiffAtTheReadLimit(t *testing.T) {
	root, record := largeData(t)
	file := filepath.Join(root, "data", hostile.Large.File)
	diff, code := run(t, root, "fmt", "--diff", "data/"+hostile.Large.File)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	head := "--- a/data/E-1/rec-02.yaml\n+++ b/data/E-1/rec-02.yaml\n@@ -4,73325 +4,73325 @@\n" +
		" text: Strengthen the monitoring of mixed movements.\n response: agree\n responsible:\n-    - Protection\n+  - Protection\n actions:\n-    - number: 1\n"
	if !strings.HasPrefix(diff, head) || strings.Count(diff, "\n@@ ") != 1 {
		t.Fatalf("diff starts:\n%.400s\nwant:\n%s", diff, head)
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, record) {
		t.Fatal("fmt --diff changed the record")
	}
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("no patch command to apply the diff with")
	}
	patched := filepath.Join(root, "patched.yaml")
	if err := os.WriteFile(patched, record, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(patch, "-s", patched)
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s", err, out)
	}
	if _, code := run(t, root, "fmt", "data/"+hostile.Large.File); code != 0 {
		t.Fatalf("fmt: exit %d", code)
	}
	want, _ := os.ReadFile(file)
	if got, _ := os.ReadFile(patched); !bytes.Equal(got, want) {
		t.Error("the diff, applied, does not give what fmt writes")
	}
}

// set --dry-run in the middle of the same record shows the one changed
// step, with its context, and writes nothing.
func TestSetDryRunAtTheReadLimit(t *testing.T) {
	root, record := largeData(t)
	diff, code := run(t, root, "set", "R2.400.1", "--status", "completed", "--as-of", "2025-01-15", "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d, want 0", code)
	}
	want := `--- a/data/E-1/rec-02.yaml
+++ b/data/E-1/rec-02.yaml
@@ -41513,7 +41513,9 @@
           - number: 1
             title: Hire team 1
             due: 2024-09-30
-            status: not-started
+            status: completed
+            updated: 2025-01-15
+            completed_on: 2025-01-15
           - number: 2
             title: Hire team 2
             due: 2024-09-30
`
	if diff != want {
		t.Errorf("set --dry-run:\n%s\nwant:\n%s", diff, want)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "data", hostile.Large.File)); !bytes.Equal(got, record) {
		t.Error("set --dry-run changed the record")
	}
}

// BenchmarkFmtDiffAtTheReadLimit reports what fmt --diff allocates on the
// record of TestFmtDiffAtTheReadLimit, formatting included; the diff's own
// share is BenchmarkUnified in pkg/diff.
func BenchmarkFmtDiffAtTheReadLimit(b *testing.B) {
	root, record := largeData(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(record)))
	for b.Loop() {
		if _, code := run(b, root, "fmt", "--diff", "data/"+hostile.Large.File); code != 1 {
			b.Fatalf("exit %d", code)
		}
	}
}
