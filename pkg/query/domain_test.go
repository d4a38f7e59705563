package query

import (
	"testing"

	"github.com/mrtrack/mrtrack/pkg/model"
)

// TestDomainExample is the example of DOMAIN.md on the bundled data: on
// 2024-06-01 nothing is overdue; on 2025-01-01 action 6 of recommendation
// 1 (due 31 December 2024, "Planifié") is, by one day.
func TestDomainExample(t *testing.T) {
	evals := loadMali(t)
	f := &Filter{Overdue: true}
	if got := f.Select(evals, day("2024-06-01")); len(got) != 0 {
		t.Errorf("overdue on 2024-06-01: %v, want none", itemIDs(got))
	}
	r16, err := Resolve(evals, "R1.6")
	if err != nil {
		t.Fatal(err)
	}
	a := r16.Action
	if a.DueText != "31 décembre 2024" || a.StatusText != "Planifié" || a.Status != model.NotStarted {
		t.Fatalf("R1.6 is not the action of the example: %q, %q, %s", a.DueText, a.StatusText, a.Status)
	}
	it := Facts(a, day("2025-01-01"))
	if !it.Overdue || it.DaysOverdue != 1 {
		t.Errorf("R1.6 on 2025-01-01: overdue %v by %d, want by 1 day", it.Overdue, it.DaysOverdue)
	}
	if it := Facts(a, day("2024-12-31")); it.Overdue || !it.Upcoming || it.DueIn != 0 {
		t.Errorf("R1.6 on 2024-12-31: %+v, want due today, not overdue", it)
	}
}
