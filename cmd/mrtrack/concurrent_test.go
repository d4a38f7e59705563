package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mrtrack/mrtrack/internal/hostile"
	"go.yaml.in/yaml/v3"
)

// concurrentRounds is how many times each race below is run. Against the
// code before the lock file (check, then rename), 60 rounds lost an update
// in 3 rounds of the set race and in nearly every round of the others.
const concurrentRounds = 60

// concurrentRecord has two actions and, after them, a long comment: the
// larger the file, the longer each writer's read-check-write takes, and
// the wider the window the race needs.
func concurrentRecord(size int) string {
	var b strings.Builder
	b.WriteString(writeRecord)
	b.WriteString(`  - number: 2
    title: Second
    owner: Protection
    description: ""
    due: 2025-06-30
    status: not-started
    progress: ""
`)
	for b.Len() < size {
		b.WriteString("# padding to widen the window of a race between two writers of this file\n")
	}
	return b.String()
}

// TestConcurrentWriters starts two mrtrack processes at once on the same
// file, round after round, and checks that every change reported with
// exit 0 is in the file afterwards: two sets of different actions, two
// new recommendations, two new actions. A writer may only fail with exit 3
// (the other held the file too long). MRTRACK_BIN runs another build of
// mrtrack instead, to show the test catches the old race.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts hundreds of processes")
	}
	bin := os.Getenv("MRTRACK_BIN")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("mrtrack"); err != nil {
			t.Fatal(err)
		}
	}
	races := []struct {
		name string
		size int // of the record file
		a, b []string
		// check reports what is missing from the data after the race, given
		// which of the two writers exited 0.
		check func(dir string, okA, okB bool) string
	}{
		{"set two actions", 1 << 20,
			[]string{"set", "R1.1", "status=completed", "--no-stamp"},
			[]string{"set", "R1.2", "progress=B", "--no-stamp"},
			func(dir string, okA, okB bool) string {
				acts := readActions(t, filepath.Join(dir, "E-1", "rec-01.yaml"))
				var lost []string
				if okA && acts[1]["status"] != "completed" {
					lost = append(lost, "R1.1 status")
				}
				if okB && acts[2]["progress"] != "B" {
					lost = append(lost, "R1.2 progress")
				}
				return strings.Join(lost, ", ")
			}},
		{"new recommendation twice", 0,
			[]string{"new", "recommendation", "--evaluation", "E-1", "--title", "A"},
			[]string{"new", "recommendation", "--evaluation", "E-1", "--title", "B"},
			func(dir string, okA, okB bool) string {
				titles := map[string]bool{}
				for _, n := range []int{2, 3} {
					var r struct{ Title string }
					if b, err := os.ReadFile(filepath.Join(dir, "E-1", fmt.Sprintf("rec-%02d.yaml", n))); err == nil {
						yaml.Unmarshal(b, &r)
						titles[r.Title] = true
					}
				}
				var lost []string
				if okA && !titles["A"] {
					lost = append(lost, "recommendation A")
				}
				if okB && !titles["B"] {
					lost = append(lost, "recommendation B")
				}
				return strings.Join(lost, ", ")
			}},
		{"new action twice", 512 << 10,
			[]string{"new", "action", "R1", "--title", "A"},
			[]string{"new", "action", "R1", "--title", "B"},
			func(dir string, okA, okB bool) string {
				titles := map[string]bool{}
				for _, a := range readActions(t, filepath.Join(dir, "E-1", "rec-01.yaml")) {
					titles[fmt.Sprint(a["title"])] = true
				}
				var lost []string
				if okA && !titles["A"] {
					lost = append(lost, "action A")
				}
				if okB && !titles["B"] {
					lost = append(lost, "action B")
				}
				return strings.Join(lost, ", ")
			}},
	}
	for _, race := range races {
		t.Run(race.name, func(t *testing.T) {
			record := concurrentRecord(race.size)
			lostRounds, busy := 0, 0
			for round := range concurrentRounds {
				dir := filepath.Join(t.TempDir(), "data")
				writeFiles(t, dir, map[string]string{"E-1/evaluation.yaml": hostile.Evaluation, "E-1/rec-01.yaml": record})
				codes, outs := [2]int{}, [2]string{}
				var wg sync.WaitGroup
				for i, args := range [][]string{race.a, race.b} {
					wg.Go(func() {
						cmd := exec.Command(bin, append([]string{"--data", dir}, args...)...)
						out, err := cmd.CombinedOutput()
						outs[i] = string(out)
						if ee, ok := err.(*exec.ExitError); ok {
							codes[i] = ee.ExitCode()
						} else if err != nil {
							codes[i] = -1
						}
					})
				}
				wg.Wait()
				for i, c := range codes {
					switch c {
					case 0:
					case 3:
						busy++
					default:
						t.Fatalf("round %d: writer %d exited %d:\n%s", round, i+1, c, outs[i])
					}
				}
				if lost := race.check(dir, codes[0] == 0, codes[1] == 0); lost != "" {
					lostRounds++
					t.Errorf("round %d: both reported success, but the file lost %s\n%s%s", round, lost, outs[0], outs[1])
				}
			}
			t.Logf("%d rounds: %d lost an update, %d writers gave up (exit 3)", concurrentRounds, lostRounds, busy)
		})
	}
}

// readActions returns the actions of a record by number.
func readActions(t *testing.T, path string) map[int]map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r struct{ Actions []map[string]any }
	if err := yaml.Unmarshal(b, &r); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[int]map[string]any{}
	for _, a := range r.Actions {
		n, _ := a["number"].(int)
		out[n] = a
	}
	return out
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
