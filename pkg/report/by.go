package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// Grouping is what the rows of the --by breakdown stand for.
type Grouping string

// The groupings of report --by.
const (
	ByUnit     Grouping = "unit"
	ByOwner    Grouping = "owner"
	ByPriority Grouping = "priority"
	ByTag      Grouping = "tag"
)

// Groupings lists them in help order.
var Groupings = []Grouping{ByUnit, ByOwner, ByPriority, ByTag}

// ParseGrouping reads a --by value.
func ParseGrouping(s string) (Grouping, error) {
	for _, g := range Groupings {
		if string(g) == strings.ToLower(strings.TrimSpace(s)) {
			return g, nil
		}
	}
	names := make([]string, len(Groupings))
	for i, g := range Groupings {
		names[i] = string(g)
	}
	return "", &query.Error{Msg: fmt.Sprintf("cannot group by %q", s), Hint: "group by " + strings.Join(names, ", ")}
}

// The keys of what has no value to group by; they come last.
const (
	NoUnit     = "no unit"
	NoOwner    = "no owner"
	NoPriority = "no priority"
	NoTag      = query.NoTag
)

// keys returns the groups a recommendation counts under (unit, priority,
// tag); an action counts under its recommendation's, or (owner) its own.
func keys(by Grouping, rc *model.Recommendation, a *model.Action) []string {
	switch by {
	case ByUnit:
		if len(rc.Responsible) == 0 {
			return []string{NoUnit}
		}
		return rc.Responsible
	case ByPriority:
		if rc.Priority == "" {
			return []string{NoPriority}
		}
		return []string{string(rc.Priority)}
	case ByTag:
		if len(rc.Tags) == 0 {
			return []string{NoTag}
		}
		return rc.Tags
	case ByOwner:
		if a == nil {
			return nil
		}
		if strings.TrimSpace(a.Owner) == "" {
			return []string{NoOwner}
		}
		return []string{a.Owner}
	}
	return nil
}

// groups breaks the figures down by. A recommendation counts under each
// of its units or tags, so the groups may add up to more than the total;
// by owner, a recommendation counts under each owner of its actions.
func groups(by Grouping, recs []*model.Recommendation, actions []ActionRow, f *query.Filter) []Group {
	type group struct {
		key     string
		recs    []*model.Recommendation
		has     map[*model.Recommendation]bool
		actions []ActionRow
	}
	index := map[string]*group{}
	var order []string
	add := func(key string) *group {
		id := query.Fold(key)
		g := index[id]
		if g == nil {
			g = &group{key: key, has: map[*model.Recommendation]bool{}}
			index[id] = g
			order = append(order, id)
		}
		return g
	}
	for _, rc := range recs {
		for _, k := range keys(by, rc, nil) {
			g := add(k)
			g.recs = append(g.recs, rc)
			g.has[rc] = true
		}
	}
	for _, a := range actions {
		for _, k := range keys(by, a.Action.Recommendation, a.Action) {
			g := add(k)
			g.actions = append(g.actions, a)
			if rc := a.Action.Recommendation; by == ByOwner && !g.has[rc] {
				g.recs = append(g.recs, rc)
				g.has[rc] = true
			}
		}
	}
	slices.SortFunc(order, func(a, b string) int { return compareKeys(by, index[a].key, index[b].key) })
	out := []Group{}
	for _, id := range order {
		g := index[id]
		out = append(out, Group{Key: g.key, Figures: figures(g.recs, g.actions, nil, f)})
	}
	return out
}

// compareKeys orders groups: priorities high to low, others by name, what
// has no value last.
func compareKeys(by Grouping, a, b string) int {
	rank := func(k string) int {
		switch k {
		case NoUnit, NoOwner, NoPriority, NoTag:
			return 9
		}
		if by == ByPriority {
			return slices.Index([]model.Priority{model.High, model.Medium, model.Low}, model.Priority(k))
		}
		return 0
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	return strings.Compare(query.Fold(a), query.Fold(b))
}
