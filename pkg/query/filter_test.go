package query

import (
	"slices"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/model"
)

func TestFilterOnMali(t *testing.T) {
	evals := loadMali(t)
	e := evals[0]
	r7 := e.Recommendations[6]
	tests := []struct {
		name  string
		f     Filter
		today string
		want  []string
	}{
		{"owner, case and accents ignored", Filter{Owners: []string{"ressources humaines"}}, "2025-01-01", []string{"R9.1", "R9.2", "R9.3"}},
		{"owner substring", Filter{Owners: []string{"EDUCATION"}}, "2025-01-01", []string{"R4.1", "R4.2", "R4.3"}},
		{"any of several owners", Filter{Owners: []string{"EDUCATION", "ressources humaines"}}, "2025-01-01", []string{"R4.1", "R4.2", "R4.3", "R9.1", "R9.2", "R9.3"}},
		{"search without accents finds accented text", Filter{Search: "evacuation medicale"}, "2025-01-01", []string{"R9.3"}},
		{"search reaches progress comments", Filter{Search: "Mise à jour au 31 decembre"}, "2025-01-01", []string{"R2.2"}},
		{"search reaches steps", Filter{Search: "guichet unique"}, "2025-01-01", []string{"R6.2"}},
		{"status, repeated", Filter{Statuses: []model.Status{model.Ongoing, model.NoLongerApplicable}}, "2025-01-01", []string{"R3.1", "R9.1", "R9.3"}},
		{"recommendation", Filter{Recommendations: []*model.Recommendation{r7}}, "2025-01-01", []string{"R7.1", "R7.2"}},
		{"unit of the recommendation", Filter{Units: []string{"programme"}, Overdue: true}, "2025-01-01", []string{"R7.1", "R7.2"}},
		{"response", Filter{Responses: []model.Response{model.Disagree}}, "2025-01-01", []string{}},
		{"overdue on 2024-06-01: nothing (DOMAIN.md)", Filter{Overdue: true}, "2024-06-01", []string{}},
		{"overdue through steps", Filter{Overdue: true, Recommendations: []*model.Recommendation{e.Recommendations[5]}}, "2025-01-01", []string{"R6.3"}},
		{"due before the end of 2023", Filter{DueBefore: day("2023-12-31")}, "2025-01-01", []string{"R3.3", "R3.4"}},
		{"due in 2025", Filter{DueAfter: day("2024-12-31"), DueBefore: day("2025-12-31"), Statuses: []model.Status{model.NotStarted}}, "2025-01-01", []string{"R2.3", "R2.4", "R4.2"}},
		{"due soon includes what a step owes", Filter{DueSoon: true, DueUntil: day("2025-01-14"), Recommendations: []*model.Recommendation{e.Recommendations[5]}}, "2024-12-15", []string{"R6.3"}},
		{"due soon: 33 days is outside 30", Filter{DueSoon: true, DueUntil: day("2026-12-28")}, "2026-11-28", []string{}},
		{"due soon: inside 6 weeks", Filter{DueSoon: true, DueUntil: day("2027-01-09")}, "2026-11-28", []string{"R9.2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.f
			if got := itemIDs(f.Select(evals, day(tt.today))); !slices.Equal(got, tt.want) {
				t.Errorf("Select = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFilterScope(t *testing.T) {
	evals := twoEvaluations()
	f := &Filter{Evaluations: evals[1:]}
	if got := f.Select(evals, day("2025-01-01")); len(got) != 1 || got[0].Evaluation().ID != "EVO-2025-01" {
		t.Errorf("Select by evaluation = %v", got)
	}
	if f.Narrows() {
		t.Error("an evaluation filter narrows recommendations, not actions")
	}
	if !(&Filter{Owners: []string{"x"}}).Narrows() || !(&Filter{Overdue: true}).Narrows() {
		t.Error("owner and overdue narrow actions")
	}
	if got := (&Filter{}).Select(nil, day("2025-01-01")); got == nil || len(got) != 0 {
		t.Errorf("Select over no data = %#v, want an empty, non-nil list", got)
	}
}
