package query

import (
	"slices"
	"testing"
)

func TestSortOnMali(t *testing.T) {
	evals := loadMali(t)
	pick := func(ids ...string) []Item {
		var out []Item
		for _, it := range (&Filter{}).Select(evals, day("2025-01-01")) {
			if slices.Contains(ids, it.Action.ID()) {
				out = append(out, it)
			}
		}
		return out
	}
	// R3.1 continuous, R3.3 2023 (31 December), R3.4 2023-10, R3.5 2024-12-31 late,
	// R4.2 2025-06-30, R6.3 step late, R7.1 2025-11 (steps late, step 1 since 2024-11-30),
	// R9.2 2026-12-31, R9.3 every 6 months.
	ids := []string{"R9.3", "R9.2", "R7.1", "R6.3", "R4.2", "R3.5", "R3.4", "R3.3", "R3.1"}
	tests := []struct {
		key  SortKey
		want []string
	}{
		{ByID, []string{"R3.1", "R3.3", "R3.4", "R3.5", "R4.2", "R6.3", "R7.1", "R9.2", "R9.3"}},
		{ByDue, []string{"R3.4", "R3.3", "R3.5", "R4.2", "R7.1", "R6.3", "R9.2", "R3.1", "R9.3"}},
		{ByStatus, []string{"R4.2", "R9.2", "R3.5", "R6.3", "R7.1", "R3.3", "R3.4", "R3.1", "R9.3"}},
		{ByOverdue, []string{"R7.1", "R3.5", "R6.3", "R4.2", "R9.2", "R3.1", "R3.3", "R3.4", "R9.3"}},
	}
	for _, tt := range tests {
		items := pick(ids...)
		slices.Reverse(items)
		Sort(items, tt.key)
		if got := itemIDs(items); !slices.Equal(got, tt.want) {
			t.Errorf("Sort by %s = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestParseSortKey(t *testing.T) {
	if k, err := ParseSortKey(" Due "); err != nil || k != ByDue {
		t.Errorf("ParseSortKey(Due) = %v, %v", k, err)
	}
	if _, err := ParseSortKey("priority"); err == nil || err.(*Error).Hint != "sort by due, id, status, overdue, owner" {
		t.Errorf("ParseSortKey(priority) = %v", err)
	}
}
