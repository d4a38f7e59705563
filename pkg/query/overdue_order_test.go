package query

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// The overdue groups come in the order a stable sort by days overdue and
// CompareID gives (the sort OverdueByRecommendation had): on a generated
// repository of many evaluations, with ties in days among hundreds of
// groups, and on the same groups arriving reversed.
func TestOverdueOrderIsTheStableOrder(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.Write(dir, gen.Options{Seed: 5, Recommendations: 400}); err != nil {
		t.Fatal(err)
	}
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Load(schemas, load.Options{Paths: []string{filepath.Clean(dir)}, Cwd: ".", Limits: store.DefaultLimits})
	if err != nil {
		t.Fatal(err)
	}
	items := (&Filter{}).Select(res.Evaluations, day("2026-11-28"))
	reversed := slices.Clone(items)
	slices.Reverse(reversed)
	byID := func(a, b OverdueGroup) int {
		return cmp.Or(cmp.Compare(b.DaysOverdue, a.DaysOverdue), CompareID(a.Items[0].Action, b.Items[0].Action))
	}
	first := OverdueByRecommendation(items)
	if len(first) < 100 {
		t.Fatalf("only %d groups", len(first))
	}
	for _, in := range [][]Item{items, reversed} {
		got := OverdueByRecommendation(in)
		if !slices.IsSortedFunc(got, byID) {
			t.Fatalf("not most overdue first, then by id: %v", ids(got))
		}
		if fmt.Sprint(ids(got)) != fmt.Sprint(ids(first)) {
			t.Fatalf("the order depends on the items' order:\n%v\n%v", ids(got), ids(first))
		}
	}
}

func ids(groups []OverdueGroup) []string {
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = fmt.Sprintf("%s/%s:%d", g.Recommendation.Evaluation.ID, g.Recommendation.ID(), g.DaysOverdue)
	}
	return out
}
