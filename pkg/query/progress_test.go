package query

import (
	"math"
	"slices"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/model"
)

func TestRate(t *testing.T) {
	tests := []struct {
		c    Counts
		rate float64
		ok   bool
	}{
		{Counts{Actions: 6, Completed: 3}, 0.5, true},
		{Counts{Actions: 4, Completed: 1, NoLongerApplicable: 2}, 0.5, true}, // dropped ones leave the base
		{Counts{Actions: 2, Completed: 0, NoLongerApplicable: 2}, 0, false},
		{Counts{}, 0, false},
		{Counts{Actions: 34, Completed: 10}, 10.0 / 34, true},
	}
	for _, tt := range tests {
		r, ok := tt.c.Rate()
		if ok != tt.ok || math.Abs(r-tt.rate) > 1e-12 {
			t.Errorf("%+v.Rate() = %v, %v; want %v, %v", tt.c, r, ok, tt.rate, tt.ok)
		}
	}
}

// TestProgressOnMali checks the progress table against the data by hand:
// see the comments for where each count comes from.
func TestProgressOnMali(t *testing.T) {
	evals := loadMali(t)
	f := &Filter{}
	items := f.Select(evals, day("2025-01-01"))
	tables := Progress(evals, f, items, ByRecommendation)
	if len(tables) != 1 || len(tables[0].Rows) != 9 {
		t.Fatalf("tables = %d, rows = %d; want 1 table of 9 rows", len(tables), len(tables[0].Rows))
	}
	want := map[string]Counts{
		// R1.1, R1.3, R1.4 completed; R1.2, R1.5 in progress (undated);
		// R1.6 not started, due 2024-12-31: overdue.
		"R1": {Actions: 6, Completed: 3, InProgress: 2, NotStarted: 1, Overdue: 1},
		// R3.1 ongoing; R3.2-4 completed; R3.5-9 in progress, R3.5 and R3.9
		// due 2024-12-31.
		"R3": {Actions: 9, Completed: 3, InProgress: 5, Ongoing: 1, Overdue: 2},
		// R6.3 is late through its step 1 only.
		"R6": {Actions: 3, Completed: 1, InProgress: 2, Overdue: 1},
		// R7.1 late through steps 2 and 4, R7.2 by its own date.
		"R7": {Actions: 2, InProgress: 2, Overdue: 2},
		"R9": {Actions: 3, NotStarted: 1, Ongoing: 2},
	}
	for _, r := range tables[0].Rows {
		if w, ok := want[r.Key]; ok && r.Counts != w {
			t.Errorf("%s = %+v, want %+v", r.Key, r.Counts, w)
		}
	}
	total := Counts{Actions: 34, Completed: 10, InProgress: 14, NotStarted: 7, Ongoing: 3, Overdue: 11}
	if tables[0].Total != total {
		t.Errorf("total = %+v, want %+v", tables[0].Total, total)
	}
}

func TestProgressGroupings(t *testing.T) {
	evals := loadMali(t)
	f := &Filter{}
	items := f.Select(evals, day("2025-01-01"))

	keys := func(tb Table) []string {
		var out []string
		for _, r := range tb.Rows {
			out = append(out, r.Key)
		}
		return out
	}
	years := Progress(evals, f, items, ByDueYear)[0]
	if got := keys(years); !slices.Equal(got, []string{"2023", "2024", "2025", "2026", NoDate}) {
		t.Errorf("due-year rows = %v", got)
	}
	units := Progress(evals, f, items, ByUnit)[0]
	if got := keys(units); !slices.Equal(got, []string{"CO UNHCR Mali", "CO UNHCR Mali - Programme", "RB-WCA"}) {
		t.Errorf("unit rows = %v", got)
	}
	// R7's two actions are the only ones of "CO UNHCR Mali - Programme";
	// the others count under both CO UNHCR Mali and RB-WCA.
	if units.Rows[0].Actions != 32 || units.Rows[1].Actions != 2 || units.Rows[2].Actions != 32 || units.Total.Actions != 34 {
		t.Errorf("unit counts = %d, %d, %d, total %d", units.Rows[0].Actions, units.Rows[1].Actions, units.Rows[2].Actions, units.Total.Actions)
	}
	owners := Progress(evals, f, items, ByOwner)[0]
	if len(owners.Rows) != 12 || owners.Rows[0].Key != "Administration/Ressources Humaines" || owners.Total.Actions != 34 {
		t.Errorf("owner rows = %v", keys(owners))
	}
	byEval := Progress(evals, f, items, ByEvaluation)[0]
	if len(byEval.Rows) != 1 || byEval.Rows[0].Key != "EVO-2024-03" || byEval.Rows[0].Counts != byEval.Total {
		t.Errorf("evaluation rows = %+v", byEval.Rows)
	}
	// A unit filter keeps only the matching unit's row.
	fu := &Filter{Units: []string{"rb-wca"}}
	rb := Progress(evals, fu, fu.Select(evals, day("2025-01-01")), ByUnit)[0]
	if got := keys(rb); !slices.Equal(got, []string{"RB-WCA"}) {
		t.Errorf("unit rows with --unit rb-wca = %v", got)
	}
}

func TestProgressKeepsEmptyRecommendations(t *testing.T) {
	e := evaluation("EVO-2025-01",
		rec{response: model.Disagree}, // no planned action
		rec{response: model.Agree, actions: []act{{due: "2025-06-30", status: "no-longer-applicable"}, {due: "2025-06-30", status: "completed"}}},
	)
	evals := []*model.Evaluation{e}
	f := &Filter{}
	tb := Progress(evals, f, f.Select(evals, day("2025-01-01")), ByRecommendation)[0]
	if len(tb.Rows) != 2 || tb.Rows[0].Actions != 0 {
		t.Fatalf("rows = %+v, want R1 with no action kept", tb.Rows)
	}
	if r, ok := tb.Rows[1].Rate(); !ok || r != 1 {
		t.Errorf("R2 rate = %v, %v; want 1 (the dropped action leaves the base)", r, ok)
	}
	// When the filter narrows actions, a recommendation without a match
	// has no row.
	fo := &Filter{Statuses: []model.Status{model.Completed}}
	tb = Progress(evals, fo, fo.Select(evals, day("2025-01-01")), ByRecommendation)[0]
	if len(tb.Rows) != 1 || tb.Rows[0].Key != "R2" {
		t.Errorf("rows with --status completed = %+v", tb.Rows)
	}
}

func TestOverdueByRecommendation(t *testing.T) {
	evals := loadMali(t)
	items := (&Filter{}).Select(evals, day("2026-11-28"))
	groups := OverdueByRecommendation(items)
	var recs []string
	for _, g := range groups {
		recs = append(recs, g.Recommendation.ID())
	}
	// R7 has an action 728 days late (step R7.1.1, first due 2024-11);
	// every other group but R2 one 697 days late (due 2024-12-31); R2's
	// are 332 days late (due 2025-12-31).
	if !slices.Equal(recs, []string{"R7", "R1", "R3", "R4", "R5", "R6", "R8", "R2"}) {
		t.Errorf("groups = %v", recs)
	}
	if got := itemIDs(groups[3].Items); !slices.Equal(got, []string{"R4.1", "R4.3", "R4.2"}) {
		t.Errorf("R4 = %v, want most overdue first", got)
	}
	if groups[0].DaysOverdue != 728 || groups[3].DaysOverdue != 697 || groups[7].DaysOverdue != 332 {
		t.Errorf("days = %d, %d, %d", groups[0].DaysOverdue, groups[3].DaysOverdue, groups[7].DaysOverdue)
	}
	if got := OverdueByRecommendation((&Filter{}).Select(evals, day("2024-06-01"))); len(got) != 0 {
		t.Errorf("overdue on 2024-06-01 = %d groups, want none (DOMAIN.md)", len(got))
	}
}

func TestFallingDue(t *testing.T) {
	evals := loadMali(t)
	items := (&Filter{}).Select(evals, day("2024-12-15"))
	got := itemIDs(FallingDue(items, day("2024-12-15"), day("2025-01-14")))
	want := []string{"R1.6", "R3.5", "R3.9", "R4.1", "R4.3", "R5.1", "R5.2", "R6.3", "R7.1", "R7.2", "R8.1"}
	if !slices.Equal(got, want) {
		t.Errorf("FallingDue = %v, want %v", got, want)
	}
}
