package history

import (
	"cmp"
	"maps"
	"path"
	"runtime"
	"slices"
	"sync"

	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// EvaluationChanges is what changed in one evaluation between two points.
type EvaluationChanges struct {
	Evaluation string   `json:"evaluation"`
	Completed  []Change `json:"completed"`      // actions and steps that became completed
	Status     []Change `json:"status_changes"` // other status changes
	Added      []Change `json:"added"`          // new recommendations, actions and steps
	Removed    []Change `json:"removed"`
	DueMoved   []Change `json:"due_moved"`
	Other      []Change `json:"other_changes"` // every other field that changed
}

// Empty reports whether nothing changed.
func (e *EvaluationChanges) Empty() bool {
	return len(e.Completed)+len(e.Status)+len(e.Added)+len(e.Removed)+len(e.DueMoved)+len(e.Other) == 0
}

// Compare lists, per evaluation, what changed from the records in a to
// those in b.
func Compare(a, b []*model.Evaluation) []EvaluationChanges {
	ids := map[string]bool{}
	for _, e := range slices.Concat(a, b) {
		ids[e.ID] = true
	}
	var out []EvaluationChanges
	for _, id := range sortedKeys(ids) {
		ea, eb := find(a, id), find(b, id)
		ec := EvaluationChanges{Evaluation: id}
		nums := map[int]bool{}
		for _, r := range slices.Concat(recs(ea), recs(eb)) {
			nums[r.Number] = true
		}
		for _, n := range sortedInts(nums) {
			for _, c := range Diff(rec(ea, n), rec(eb, n)) {
				ec.add(c)
			}
		}
		out = append(out, ec)
	}
	return out
}

func (ec *EvaluationChanges) add(c Change) {
	switch {
	case c.Field == Created:
		ec.Added = append(ec.Added, c)
	case c.Field == Removed:
		ec.Removed = append(ec.Removed, c)
	case c.Field == "status" && c.New == string(model.Completed):
		ec.Completed = append(ec.Completed, c)
	case c.Field == "status":
		ec.Status = append(ec.Status, c)
	case c.Field == "due":
		ec.DueMoved = append(ec.DueMoved, c)
	default:
		ec.Other = append(ec.Other, c)
	}
}

// Key names an action across versions: its evaluation folder,
// recommendation number and action number.
type Key struct {
	Evaluation string
	Rec        int
	Action     int
}

// KeyOf is the key of a current action.
func KeyOf(a *model.Action) Key {
	return Key{a.Recommendation.Evaluation.ID, a.Recommendation.Number, a.Number}
}

// Slip is how often and how far an action's due date moved.
type Slip struct {
	Moves int    // every change of the due date
	Days  int    // net days the deadline moved, over changes between dated values
	First string // the first due date recorded
}

// Activity is what the history says about each action.
type Activity struct {
	Slips      map[Key]Slip
	LastChange map[Key]*git.Commit // the newest commit that changed the action or its steps
}

// Analyse walks every version of every recommendation file once, the
// files in parallel; what two files say of one action (a file renamed)
// adds up as if the files were walked one after the other, in name order.
func Analyse(versions map[string][]Version) *Activity {
	files := make([]string, 0, len(versions))
	for f := range versions {
		files = append(files, f)
	}
	slices.Sort(files)
	parts := make([]*Activity, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range next {
				parts[i] = analyseFile(files[i], versions[files[i]])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	act := &Activity{Slips: map[Key]Slip{}, LastChange: map[Key]*git.Commit{}}
	for _, p := range parts {
		for k, s := range p.Slips {
			if have, ok := act.Slips[k]; ok {
				s.Moves += have.Moves
				s.Days += have.Days
				s.First = cmp.Or(have.First, s.First)
			}
			act.Slips[k] = s
		}
		maps.Copy(act.LastChange, p.LastChange)
	}
	return act
}

// analyseFile is what the versions of one file say of its actions.
func analyseFile(file string, vs []Version) *Activity {
	act := &Activity{Slips: map[Key]Slip{}, LastChange: map[Key]*git.Commit{}}
	eval := path.Base(path.Dir(file))
	var prev *model.Recommendation
	for _, v := range vs {
		if v.Rec == nil && len(v.Broken) > 0 {
			continue // an invalid version is skipped, not fatal
		}
		for _, c := range diff(prev, v.Rec, false) { // what the actions and steps changed
			if c.Action == 0 {
				continue // an action numbered 0, which the schema refuses, counts as the recommendation
			}
			k := Key{eval, recNumber(v.Rec, prev), c.Action}
			act.LastChange[k] = v.Commit
			s := act.Slips[k]
			switch {
			case c.Step != 0:
			case c.Field == Created:
				if a := findAction(v.Rec, c.Action); a != nil && s.First == "" {
					s.First = a.Due.String()
				}
			case c.Field == "due":
				s.Moves++
				s.Days += c.Days
			}
			act.Slips[k] = s
		}
		prev = v.Rec
	}
	return act
}

func recNumber(rs ...*model.Recommendation) int {
	for _, r := range rs {
		if r != nil {
			return r.Number
		}
	}
	return 0
}

func find(evals []*model.Evaluation, id string) *model.Evaluation {
	for _, e := range evals {
		if e.ID == id {
			return e
		}
	}
	return nil
}

func recs(e *model.Evaluation) []*model.Recommendation {
	if e == nil {
		return nil
	}
	return e.Recommendations
}

func rec(e *model.Evaluation, n int) *model.Recommendation {
	for _, r := range recs(e) {
		if r.Number == n {
			return r
		}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedInts(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
