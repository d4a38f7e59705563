package query

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/model"
)

// SortKey is an order for lists of actions.
type SortKey string

// The orders of --sort.
const (
	ByID        SortKey = "id"      // evaluation, recommendation, action
	ByDue       SortKey = "due"     // earliest deadline first, undated last
	ByStatus    SortKey = "status"  // not started, in progress, completed, ongoing, dropped
	ByOverdue   SortKey = "overdue" // most overdue first, then what falls due next
	ByOwnerName SortKey = "owner"   // owner, case and accents ignored (ByOwner is a grouping)
)

// SortKeys lists the orders in help order.
var SortKeys = []SortKey{ByDue, ByID, ByStatus, ByOverdue, ByOwnerName}

// ParseSortKey reads a --sort value.
func ParseSortKey(s string) (SortKey, error) {
	for _, k := range SortKeys {
		if string(k) == strings.ToLower(strings.TrimSpace(s)) {
			return k, nil
		}
	}
	names := make([]string, len(SortKeys))
	for i, k := range SortKeys {
		names[i] = string(k)
	}
	return "", &Error{Msg: fmt.Sprintf("cannot sort by %q", s), Hint: "sort by " + strings.Join(names, ", ")}
}

// Sort orders items by key; ties fall back to id order, so the order never
// depends on how the items arrived.
func Sort(items []Item, key SortKey) {
	slices.SortStableFunc(items, func(a, b Item) int {
		var c int
		switch key {
		case ByDue:
			c = compareDue(a.Action, b.Action)
		case ByStatus:
			c = cmp.Compare(slices.Index(model.Statuses, a.Action.Status), slices.Index(model.Statuses, b.Action.Status))
		case ByOverdue:
			c = compareUrgency(a, b)
		case ByOwnerName:
			c = strings.Compare(Fold(a.Action.Owner), Fold(b.Action.Owner))
		}
		if c != 0 {
			return c
		}
		return CompareID(a.Action, b.Action)
	})
}

// CompareID orders actions by evaluation, recommendation and number.
func CompareID(a, b *model.Action) int {
	ra, rb := a.Recommendation, b.Recommendation
	return cmp.Or(
		strings.Compare(ra.Evaluation.ID, rb.Evaluation.ID),
		cmp.Compare(ra.Number, rb.Number),
		cmp.Compare(a.Number, b.Number),
	)
}

// compareDue puts dated actions first, earliest deadline first, then the
// undated ones by kind (continuous, recurring, conditional, unknown).
func compareDue(a, b *model.Action) int {
	da, oka := a.Deadline()
	db, okb := b.Deadline()
	switch {
	case oka && okb:
		return da.Compare(db)
	case oka != okb:
		if oka {
			return -1
		}
		return 1
	}
	return cmp.Compare(a.Due.Kind, b.Due.Kind)
}

// compareUrgency puts the most overdue first, then what falls due soonest,
// then the rest.
func compareUrgency(a, b Item) int {
	switch {
	case a.Overdue != b.Overdue:
		if a.Overdue {
			return -1
		}
		return 1
	case a.Overdue:
		return cmp.Compare(b.DaysOverdue, a.DaysOverdue)
	case a.Upcoming != b.Upcoming:
		if a.Upcoming {
			return -1
		}
		return 1
	case a.Upcoming:
		return cmp.Compare(a.DueIn, b.DueIn)
	}
	return 0
}
