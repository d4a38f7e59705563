package history

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// buildRepo makes a git repository holding the Mali data with n commits of
// quarterly-update-like edits, through git fast-import (a commit a
// millisecond rather than a process a commit). Every fifth commit moves a
// due date by a month; it returns how many times each action's due date
// moved, keyed "rec-NN.yaml/number".
func buildRepo(t testing.TB, n int) (dir string, moves map[string]int) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir = t.TempDir()
	files, _ := filepath.Glob("../../data/EVO-2024-03/*.yaml")
	if len(files) == 0 {
		t.Fatal("no data")
	}
	content := map[string][]byte{}
	var recs []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := "data/EVO-2024-03/" + filepath.Base(f)
		content[name] = b
		if kind, _ := validate.KindOf(filepath.Base(f)); kind == validate.KindRecommendation {
			recs = append(recs, name)
		}
	}
	slices.Sort(recs)
	var stream bytes.Buffer
	commit := func(i int, msg string, changed ...string) {
		fmt.Fprintf(&stream, "commit refs/heads/main\nmark :%d\ncommitter Officer <o@example.org> %d +0000\ndata %d\n%s\n", i+1, 1735689600+i*86400, len(msg), msg)
		if i > 0 {
			fmt.Fprintf(&stream, "from :%d\n", i)
		}
		for _, name := range changed {
			fmt.Fprintf(&stream, "M 100644 inline %s\ndata %d\n%s\n", name, len(content[name]), content[name])
		}
	}
	names := make([]string, 0, len(content))
	for k := range content {
		names = append(names, k)
	}
	slices.Sort(names)
	commit(0, "Initial data", names...)
	rng := rand.New(rand.NewPCG(1, 2))
	moves = map[string]int{}
	order := format.Keys(validate.KindRecommendation, "actions")
	for i := 1; i < n; i++ {
		name := recs[rng.IntN(len(recs))]
		doc, err := edit.Parse(content[name])
		if err != nil {
			t.Fatal(err)
		}
		actions := edit.Lookup(doc.Root(), "actions").Content
		a := actions[rng.IntN(len(actions))]
		due := fmt.Sprintf("%d-%02d", 2025+i/12%3, i%12+1)
		if i%5 == 0 && edit.Lookup(a, "due").Value != due {
			moves[filepath.Base(name)+"/"+edit.Lookup(a, "number").Value]++
			if err := doc.Set(a, "due", edit.Value{Text: due, Token: true}, order); err != nil {
				t.Fatal(err)
			}
		} else if err := doc.Set(a, "progress", edit.Value{Text: fmt.Sprintf("Update %d.", i)}, order); err != nil {
			t.Fatal(err)
		}
		content[name] = doc.Bytes()
		commit(i, fmt.Sprintf("Update %d", i), name)
	}
	run := func(stdin []byte, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Stdin = bytes.NewReader(stdin)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run(nil, "init", "-q", "-b", "main")
	run(stream.Bytes(), "fast-import", "--quiet")
	run(nil, "repack", "-a", "-d", "-f", "-q") // as a clone is packed: see mrbench's history-repo
	run(nil, "checkout", "-q", "main")
	return dir, moves
}

func open(t testing.TB, dir string) *History {
	t.Helper()
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	h, err := Open(filepath.Join(dir, "data"), schemas)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Every due-date move made in the history is counted once, on its action.
func TestAnalyseCountsMoves(t *testing.T) {
	dir, moves := buildRepo(t, 60)
	h := open(t, dir)
	versions, commits, err := h.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if len(commits) != 60 {
		t.Fatalf("%d commits, want 60", len(commits))
	}
	act := Analyse(versions)
	got := map[string]int{}
	for k, s := range act.Slips {
		if s.Moves > 0 {
			got[fmt.Sprintf("rec-%02d.yaml/%d", k.Rec, k.Action)] = s.Moves
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(moves) {
		t.Errorf("moves = %v\nwant %v", got, moves)
	}
	if len(moves) == 0 {
		t.Error("the generated history moved no due date")
	}
}

// BenchmarkHistory measures log, changes and the whole-history walk of
// list --slipped on 1,000 commits over the Mali data, beside the floor:
// git log alone listing the same commits.
func BenchmarkHistory(b *testing.B) {
	dir, _ := buildRepo(b, 1000)
	h := open(b, dir)
	first, err := h.repo.Log("", "data")
	if err != nil || len(first) != 1000 {
		b.Fatalf("%d commits, %v", len(first), err)
	}
	b.Run("floor-git-log", func(b *testing.B) {
		for b.Loop() {
			if _, err := h.repo.Log("", "data"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("log-one-action", func(b *testing.B) {
		for b.Loop() {
			v, _, err := h.Versions("data/EVO-2024-03/rec-03.yaml")
			if err != nil {
				b.Fatal(err)
			}
			Timeline(v["data/EVO-2024-03/rec-03.yaml"], "R3.6")
		}
	})
	b.Run("changes-two-points", func(b *testing.B) {
		for b.Loop() {
			s1, err := h.At(first[100])
			if err != nil {
				b.Fatal(err)
			}
			s2, err := h.At(first[len(first)-1])
			if err != nil {
				b.Fatal(err)
			}
			Compare(s1.Evaluations, s2.Evaluations)
		}
	})
	b.Run("slipped-whole-history", func(b *testing.B) {
		for b.Loop() {
			v, _, err := h.Versions()
			if err != nil {
				b.Fatal(err)
			}
			Analyse(v)
		}
	})
}
