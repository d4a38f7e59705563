package history

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// trickyRepo makes a repository whose history holds what the streaming
// walk must get right: versions that do not parse and that do not
// validate, each coming back later with the same bytes; a file removed and
// added again as it was; a rename; the same bytes under two evaluations;
// several files in one commit; files that are no recommendation; a merged
// branch; and more versions than one batch, so batches overlap git.
func trickyRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	orig := map[string]string{}
	files, _ := filepath.Glob("../../data/EVO-2024-03/*.yaml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		orig[path.Join("data/EVO-2024-03", filepath.Base(f))] = string(b)
	}
	const r1, r2, r3, r4 = "data/EVO-2024-03/rec-01.yaml", "data/EVO-2024-03/rec-02.yaml", "data/EVO-2024-03/rec-03.yaml", "data/EVO-2024-03/rec-04.yaml"
	// set gives the file with the n-th line starting with prefix replaced.
	set := func(name, prefix string, n int, line string) string {
		lines := strings.SplitAfter(orig[name], "\n")
		k := 0
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				if k == n {
					lines[i] = line
				}
				k++
			}
		}
		return strings.Join(lines, "")
	}
	due := func(name string, n int) string { // an action's due date moved
		return set(name, "    due: ", n, fmt.Sprintf("    due: 2026-%02d\n", n%12+1))
	}
	unparsable := orig[r1] + "actions: [\n"
	invalid := strings.Replace(orig[r2], "status: ", "status: bogus-", 1)
	type change struct{ name, data string } // data "" removes the file
	var stream bytes.Buffer
	mark := 0
	commit := func(branch string, from, merge int, changes ...change) int {
		mark++
		msg := fmt.Sprintf("Step %d", mark)
		fmt.Fprintf(&stream, "commit refs/heads/%s\nmark :%d\ncommitter Officer <o@example.org> %d +0000\ndata %d\n%s\n", branch, mark, 1735689600+mark*3600, len(msg), msg)
		if from > 0 {
			fmt.Fprintf(&stream, "from :%d\n", from)
		}
		if merge > 0 {
			fmt.Fprintf(&stream, "merge :%d\n", merge)
		}
		for _, c := range changes {
			if c.data == "" {
				fmt.Fprintf(&stream, "D %s\n", c.name)
			} else {
				fmt.Fprintf(&stream, "M 100644 inline %s\ndata %d\n%s\n", c.name, len(c.data), c.data)
			}
		}
		return mark
	}
	var all []change
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range orig {
			if !yield(k) {
				return
			}
		}
	}) {
		all = append(all, change{name, orig[name]})
	}
	last := commit("main", 0, 0, append(all, change{"README.md", "# data\n"})...)
	step := func(cs ...change) { last = commit("main", last, 0, cs...) }
	step(change{r1, unparsable})
	step(change{r1, orig[r1]}) // the first version's bytes again
	step(change{r2, invalid})
	step(change{r2, due(r2, 0)})
	step(change{r2, invalid}) // a broken version's bytes again
	step(change{r2, due(r2, 1)})
	step(change{r3, ""})
	step(change{r3, orig[r3]}) // removed, then back as it was
	step(change{r4, ""}, change{"data/EVO-2024-03/rec-14.yaml", orig[r4]})
	step(change{"data/EVO-2025-01/evaluation.yaml", strings.Replace(orig["data/EVO-2024-03/evaluation.yaml"], "EVO-2024-03", "EVO-2025-01", -1)},
		change{"data/EVO-2025-01/rec-05.yaml", orig["data/EVO-2024-03/rec-05.yaml"]})
	step(change{r1, due(r1, 2)}, change{r2, due(r2, 2)}, change{r3, due(r3, 1)}, change{"README.md", "# data, again\n"})
	step(change{"data/EVO-2024-03/evaluation.yaml", orig["data/EVO-2024-03/evaluation.yaml"] + "# a comment\n"})
	const r6, r7 = "data/EVO-2024-03/rec-06.yaml", "data/EVO-2024-03/rec-07.yaml"
	step(change{r6, set(r6, "        due: ", 1, "        due: 2027-01\n")})              // a step's due date
	step(change{r7, set(r7, "        status_text: ", 0, "        status_text: Fait\n")}) // a step's status text
	step(change{r7, set(r7, "title: ", 0, "title: Un autre titre\n")})                   // the recommendation's
	fork := last
	side := commit("side", fork, 0, change{"data/EVO-2024-03/rec-06.yaml", due("data/EVO-2024-03/rec-06.yaml", 0)})
	side = commit("side", side, 0, change{"data/EVO-2024-03/rec-07.yaml", due("data/EVO-2024-03/rec-07.yaml", 0)})
	step(change{"data/EVO-2024-03/rec-08.yaml", due("data/EVO-2024-03/rec-08.yaml", 0)})
	last = commit("main", last, side)
	for i := range 3 * versionBatch {
		name := fmt.Sprintf("data/EVO-2024-03/rec-%02d.yaml", 5+i%5)
		step(change{name, due(name, i/5)})
	}
	dir := t.TempDir()
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"fast-import", "--quiet"}, {"checkout", "-q", "main"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if args[0] == "fast-import" {
			cmd.Stdin = &stream
		}
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

// oldVersions is how Versions read the history before it streamed: the
// whole listing, then every blob through one cat-file, then every version
// validated in one pass. The streaming walk must give what it gives.
func oldVersions(t *testing.T, h *History, files ...string) (map[string][]Version, []*git.Commit) {
	t.Helper()
	paths := files
	if len(paths) == 0 {
		paths = []string{h.dir}
	}
	commits, err := h.repo.Log("", paths...)
	if err != nil {
		t.Fatal(err)
	}
	var blobs []git.Blob
	var owners []*git.Commit
	for _, c := range commits {
		for i, f := range c.Files {
			if kind, _ := validate.KindOf(path.Base(f)); kind == validate.KindRecommendation && h.within(f) {
				blobs = append(blobs, git.Blob{Rev: c.Hash, Path: f, Hash: c.Blobs[i]})
				owners = append(owners, c)
			}
		}
	}
	data, err := h.repo.Read(blobs)
	if err != nil {
		t.Fatal(err)
	}
	srcs := make([]load.Source, len(blobs))
	index := map[string]int{}
	for i, b := range blobs {
		srcs[i] = h.source(owners[i], b.Path, data[i])
		srcs[i].Abs = fmt.Sprintf("/v%d/%s", i, b.Path)
		index[srcs[i].Path] = i
	}
	res := load.FromSources(h.schemas, slices.DeleteFunc(slices.Clone(srcs), func(s load.Source) bool { return s.Data == nil }))
	recs := make([]*model.Recommendation, len(blobs))
	for _, r := range recsOf(res.Evaluations) {
		recs[index[r.File]] = r
	}
	broken := map[string][]finding.Finding{}
	for _, f := range errorsOf(res.Findings) {
		broken[f.File] = append(broken[f.File], f)
	}
	out := map[string][]Version{}
	for i, b := range blobs {
		v := Version{Commit: owners[i], Rec: recs[i]}
		if data[i] != nil && v.Rec == nil {
			v.Broken = broken[srcs[i].Path]
		}
		out[b.Path] = append(out[b.Path], v)
	}
	return out, commits
}

// The streaming walk gives the versions, the commits, the activity and the
// timelines the one-pass walk gave, on the whole folder and on one file.
func TestVersionsAgreeWithOnePass(t *testing.T) {
	h := open(t, trickyRepo(t))
	for _, files := range [][]string{nil, {"data/EVO-2024-03/rec-02.yaml"}, {"data/EVO-2024-03/rec-01.yaml", "data/EVO-2025-01"}} {
		t.Run(fmt.Sprint(files), func(t *testing.T) {
			got, gotCommits, err := h.Versions(files...)
			if err != nil {
				t.Fatal(err)
			}
			want, wantCommits := oldVersions(t, h, files...)
			if !reflect.DeepEqual(gotCommits, wantCommits) {
				t.Fatalf("commits differ:\n%s\nwant\n%s", commitList(gotCommits), commitList(wantCommits))
			}
			if !slices.Equal(slices.Sorted(mapKeys(got)), slices.Sorted(mapKeys(want))) {
				t.Fatalf("files %v, want %v", slices.Sorted(mapKeys(got)), slices.Sorted(mapKeys(want)))
			}
			broken, reused := 0, 0
			for name, vs := range want {
				if len(got[name]) != len(vs) {
					t.Fatalf("%s: %d versions, want %d", name, len(got[name]), len(vs))
				}
				for i, w := range vs {
					g := got[name][i]
					where := fmt.Sprintf("%s@%s", name, w.Commit.Short())
					if g.Commit.Hash != w.Commit.Hash {
						t.Errorf("%s: version %d is of %s", where, i, g.Commit.Short())
					}
					if !reflect.DeepEqual(g.Broken, w.Broken) {
						t.Errorf("%s: broken %v, want %v", where, g.Broken, w.Broken)
					}
					broken += min(len(w.Broken), 1)
					if (g.Rec == nil) != (w.Rec == nil) {
						t.Fatalf("%s: record %v, want %v", where, g.Rec != nil, w.Rec != nil)
					}
					if g.Rec != nil {
						if g.Rec.File != w.Rec.File {
							reused++ // the model of an earlier version with the same bytes
						}
						if !sameTree(g.Rec, w.Rec) {
							t.Errorf("%s: the records differ", where)
						}
					}
				}
			}
			if files == nil && (broken < 4 || reused < 2) {
				t.Errorf("the history has %d broken versions and %d read again; want at least 4 and 2", broken, reused)
			}
			ga, wa := Analyse(got), Analyse(want)
			if !reflect.DeepEqual(ga.Slips, wa.Slips) {
				t.Errorf("slips %v\nwant %v", ga.Slips, wa.Slips)
			}
			if !reflect.DeepEqual(ga.LastChange, wa.LastChange) {
				t.Errorf("last changes differ")
			}
			for name, vs := range want {
				for _, id := range []string{"R1", "R2.1", "R3.2", "R5", "R14.1"} {
					if g, w := Timeline(got[name], id), Timeline(vs, id); !reflect.DeepEqual(g, w) {
						t.Errorf("%s: timeline of %s differs:\n%v\nwant\n%v", name, id, g, w)
					}
				}
			}
		})
	}
}

// sameTree reports that two recommendations hold the same values, their
// actions and steps included, and belong to evaluations of the same id.
func sameTree(a, b *model.Recommendation) bool {
	return a.Evaluation.ID == b.Evaluation.ID && sameRecommendation(a, b) &&
		slices.EqualFunc(a.Actions, b.Actions, sameAction)
}

func never(a, b *model.Step) bool { return false }

func commitList(cs []*git.Commit) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%s %s %v %v\n", c.Short(), c.Subject, c.Files, c.Blobs)
	}
	return b.String()
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Where the quick comparison says two versions of an action or a
// recommendation hold the same values, the field-by-field comparison finds
// no change either, over every pair of versions of every file; and it does
// find the changes where it says they differ.
func TestSameAgreesWithFieldByField(t *testing.T) {
	h := open(t, trickyRepo(t))
	versions, _, err := h.Versions()
	if err != nil {
		t.Fatal(err)
	}
	pairs, same := 0, 0
	for _, vs := range versions {
		var recs []*model.Recommendation
		for _, v := range vs {
			if v.Rec != nil {
				recs = append(recs, v.Rec)
			}
		}
		for _, a := range recs {
			for _, b := range recs {
				if s := sameRecommendation(a, b); s != (len(diffRecommendationFields(a, b)) == 0) {
					t.Errorf("R%d: sameRecommendation %v, field by field %v", a.Number, s, diffRecommendationFields(a, b))
				}
				for _, x := range a.Actions {
					if y := findAction(b, x.Number); y != nil {
						pairs++
						s := sameAction(x, y)
						if s {
							same++
						}
						if fieldByField := diffActionFields(x, y, never); s != (len(fieldByField) == 0) {
							t.Errorf("%s: sameAction %v, field by field %v", x.ID(), s, fieldByField)
						}
						if !reflect.DeepEqual(diffAction(x, y), diffActionFields(x, y, never)) {
							t.Errorf("%s: the steps the same were not", x.ID())
						}
					}
				}
			}
		}
	}
	if same == 0 || same == pairs {
		t.Errorf("%d of %d pairs of actions the same: the history tests nothing", same, pairs)
	}
}

// TestSameValuesIsDeepEqual holds the quick comparison to reflect.DeepEqual
// of the values (the links and the items below left aside), on the edits
// that change one field each, empty and nil lists included.
func TestSameValuesIsDeepEqual(t *testing.T) {
	base := func() *model.Action {
		a := &model.Action{Owner: "Protection", Description: "d"}
		a.Number, a.Title, a.Status, a.Evidence = 2, "t", model.Completed, []string{"x"}
		a.Due = model.Due{Kind: model.DueDay, Date: civil.New(2025, 3, 31)}
		return a
	}
	edits := map[string]func(a *model.Action){
		"none":             func(*model.Action) {},
		"title":            func(a *model.Action) { a.Title = "u" },
		"number":           func(a *model.Action) { a.Number = 3 },
		"due":              func(a *model.Action) { a.Due.Date = civil.New(2025, 4, 1) },
		"owner":            func(a *model.Action) { a.Owner = "" },
		"evidence nil":     func(a *model.Action) { a.Evidence = nil },
		"evidence empty":   func(a *model.Action) { a.Evidence = []string{} },
		"evidence changed": func(a *model.Action) { a.Evidence = []string{"y"} },
		"original due":     func(a *model.Action) { a.OriginalDue = &model.Due{Kind: model.DueDay, Date: civil.New(2024, 1, 1)} },
		"original due 2":   func(a *model.Action) { a.OriginalDue = &model.Due{Kind: model.DueDay, Date: civil.New(2024, 1, 2)} },
		"updated":          func(a *model.Action) { a.Updated = civil.New(2025, 1, 1) },
		"steps only":       func(a *model.Action) { a.Steps = []*model.Step{{}} },
	}
	for name1, e1 := range edits {
		for name2, e2 := range edits {
			a, b := base(), base()
			e1(a)
			e2(b)
			ca, cb := *a, *b
			ca.Steps, cb.Steps, ca.Recommendation, cb.Recommendation = nil, nil, nil, nil
			if got, want := sameValues(actionValues, a, b), reflect.DeepEqual(ca, cb); got != want {
				t.Errorf("%s against %s: sameValues %v, DeepEqual %v", name1, name2, got, want)
			}
		}
	}
}
