package query

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/parallel"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// Counts are the numbers in a row of a progress table. Every action has
// one status, so the status counts add up to Actions; Overdue counts
// across them, and Validated is the part of Completed the evaluation
// office accepted.
type Counts struct {
	Actions            int
	NotStarted         int
	InProgress         int
	Completed          int
	Validated          int
	Ongoing            int
	NoLongerApplicable int
	Overdue            int
}

// Add counts one more action.
func (c *Counts) Add(it Item) {
	c.Actions++
	switch it.Action.Status {
	case model.NotStarted:
		c.NotStarted++
	case model.InProgress:
		c.InProgress++
	case model.Completed:
		c.Completed++
		if it.Action.Validated() {
			c.Validated++
		}
	case model.Ongoing:
		c.Ongoing++
	case model.NoLongerApplicable:
		c.NoLongerApplicable++
	}
	if it.Overdue {
		c.Overdue++
	}
}

// Applicable is the number of actions the implementation rate is taken
// over: all but those no longer applicable.
func (c Counts) Applicable() int { return c.Actions - c.NoLongerApplicable }

// Rate is the implementation rate, completed / (all − no longer
// applicable), as DOMAIN.md defines it; false when no action applies.
func (c Counts) Rate() (float64, bool) {
	if c.Applicable() <= 0 {
		return 0, false
	}
	return float64(c.Completed) / float64(c.Applicable()), true
}

// Grouping is what the rows of a progress table stand for.
type Grouping string

// The groupings of status --by.
const (
	ByRecommendation Grouping = "recommendation"
	ByUnit           Grouping = "unit"
	ByOwner          Grouping = "owner"
	ByEvaluation     Grouping = "evaluation"
	ByDueYear        Grouping = "due-year"
	ByTag            Grouping = "tag"
)

// Groupings lists the groupings in help order.
var Groupings = []Grouping{ByRecommendation, ByUnit, ByOwner, ByEvaluation, ByDueYear, ByTag}

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
	return "", &Error{Msg: fmt.Sprintf("cannot group by %q", s), Hint: "group by " + strings.Join(names, ", ")}
}

// NoDate is the key of the due-year row for actions without a deadline,
// NoTag that of the tag row for recommendations without tags.
const (
	NoDate = "no date"
	NoTag  = "no tag"
)

// Row is one row of a progress table.
type Row struct {
	Key            string // R1, a unit, an owner, an evaluation id, a year or NoDate
	Title          string // the recommendation's or the evaluation's
	Recommendation *model.Recommendation
	Evaluation     *model.Evaluation
	Counts
}

// Table is a progress table. Total counts each action once; by unit, an
// action counts under every unit responsible for its recommendation, and
// by tag under every tag of it, so the rows may add up to more.
type Table struct {
	Evaluation *model.Evaluation // by recommendation, the evaluation of the rows; else nil
	By         Grouping
	Rows       []Row
	Total      Counts
}

// Progress counts items into progress tables: one per evaluation by
// recommendation, else one. Rows with no action are kept when the filter
// does not narrow actions (a recommendation with no planned action still
// has a row).
func Progress(evals []*model.Evaluation, f *Filter, items []Item, by Grouping) []Table {
	switch by {
	case ByRecommendation:
		return byRecommendation(evals, f, items)
	case ByEvaluation:
		return []Table{byEvaluation(evals, f, items)}
	}
	t := Table{By: by}
	rows := map[string]*Row{}
	var keys []string
	for _, it := range items {
		t.Total.Add(it)
		for _, key := range keysOf(it, by, f) {
			id := Fold(key)
			r, ok := rows[id]
			if !ok {
				r = &Row{Key: key}
				rows[id] = r
				keys = append(keys, id)
			}
			r.Add(it)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		if last := lastKey(by); last != "" && (a == last) != (b == last) {
			return cmp.Compare(boolInt(a == last), boolInt(b == last))
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys {
		t.Rows = append(t.Rows, *rows[k])
	}
	return []Table{t}
}

// lastKey is the row that comes after the others: the one for what has no
// value to group by.
func lastKey(by Grouping) string {
	switch by {
	case ByDueYear:
		return NoDate
	case ByTag:
		return NoTag
	}
	return ""
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// keysOf returns the rows an item counts under.
func keysOf(it Item, by Grouping, f *Filter) []string {
	a := it.Action
	switch by {
	case ByUnit:
		var units []string
		for _, u := range a.Recommendation.Responsible {
			if f.unitMatches(u) {
				units = append(units, u)
			}
		}
		return units
	case ByOwner:
		return []string{a.Owner}
	case ByTag:
		if len(a.Recommendation.Tags) == 0 {
			return []string{NoTag}
		}
		var tags []string
		for _, t := range a.Recommendation.Tags {
			if f.tagMatches(t) {
				tags = append(tags, t)
			}
		}
		return tags
	case ByDueYear:
		if end, ok := a.Deadline(); ok {
			return []string{strconv.Itoa(end.Year)}
		}
		return []string{NoDate}
	}
	return nil
}

func byRecommendation(evals []*model.Evaluation, f *Filter, items []Item) []Table {
	counts := map[*model.Recommendation]*Counts{}
	for _, it := range items {
		r := it.Action.Recommendation
		if counts[r] == nil {
			counts[r] = &Counts{}
		}
		counts[r].Add(it)
	}
	var tables []Table
	for _, r := range f.RecommendationsOf(evals) {
		c := counts[r]
		if c == nil {
			if f.Narrows() {
				continue
			}
			c = &Counts{}
		}
		if len(tables) == 0 || tables[len(tables)-1].Evaluation != r.Evaluation {
			tables = append(tables, Table{Evaluation: r.Evaluation, By: ByRecommendation})
		}
		t := &tables[len(tables)-1]
		t.Rows = append(t.Rows, Row{Key: r.ID(), Title: r.Title, Recommendation: r, Evaluation: r.Evaluation, Counts: *c})
		t.Total = t.Total.Plus(*c)
	}
	return tables
}

func byEvaluation(evals []*model.Evaluation, f *Filter, items []Item) Table {
	t := Table{By: ByEvaluation}
	counts := map[*model.Evaluation]*Counts{}
	for _, it := range items {
		e := it.Evaluation()
		if counts[e] == nil {
			counts[e] = &Counts{}
		}
		counts[e].Add(it)
		t.Total.Add(it)
	}
	for _, e := range evals {
		if len(f.Evaluations) > 0 && !slices.Contains(f.Evaluations, e) {
			continue
		}
		c := counts[e]
		if c == nil {
			if f.Narrows() || f.narrowsRecommendations() && len(f.RecommendationsOf([]*model.Evaluation{e})) == 0 {
				continue
			}
			c = &Counts{}
		}
		t.Rows = append(t.Rows, Row{Key: e.ID, Title: e.Title, Evaluation: e, Counts: *c})
	}
	return t
}

// Plus adds two counts.
func (c Counts) Plus(d Counts) Counts {
	return Counts{
		Actions:            c.Actions + d.Actions,
		NotStarted:         c.NotStarted + d.NotStarted,
		InProgress:         c.InProgress + d.InProgress,
		Completed:          c.Completed + d.Completed,
		Validated:          c.Validated + d.Validated,
		Ongoing:            c.Ongoing + d.Ongoing,
		NoLongerApplicable: c.NoLongerApplicable + d.NoLongerApplicable,
		Overdue:            c.Overdue + d.Overdue,
	}
}

// OverdueGroup is the overdue actions of a recommendation, an owner or a
// unit, most overdue first.
type OverdueGroup struct {
	Recommendation *model.Recommendation // by recommendation; else nil
	Key            string                // by owner or unit: the owner or the unit
	DaysOverdue    int                   // the most any of them is
	Items          []Item
}

// OverdueByRecommendation keeps the overdue items, grouped by
// recommendation; the most overdue group comes first, and within a group
// the most overdue action. Ties keep id order.
func OverdueByRecommendation(items []Item) []OverdueGroup {
	var groups []OverdueGroup
	index := map[*model.Recommendation]int{}
	for _, it := range items {
		if !it.Overdue {
			continue
		}
		r := it.Action.Recommendation
		i, ok := index[r]
		if !ok {
			i = len(groups)
			index[r] = i
			groups = append(groups, OverdueGroup{Recommendation: r, Items: make([]Item, 0, len(r.Actions))})
		}
		g := &groups[i]
		g.Items = append(g.Items, it)
		g.DaysOverdue = max(g.DaysOverdue, it.DaysOverdue)
	}
	parallel.Each(len(groups), func(i int) { Sort(groups[i].Items, ByOverdue) })
	// Most overdue first, then by the id of the first action (CompareID),
	// ties in their places: the stable order, sorting keys read once
	// rather than following the groups' pointers at each comparison.
	type key struct {
		days           int
		eval           string
		rec, act, from int
	}
	keys := make([]key, len(groups))
	for i, g := range groups {
		a := g.Items[0].Action
		keys[i] = key{g.DaysOverdue, a.Recommendation.Evaluation.ID, a.Recommendation.Number, a.Number, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(b.days, a.days), strings.Compare(a.eval, b.eval), cmp.Compare(a.rec, b.rec), cmp.Compare(a.act, b.act), cmp.Compare(a.from, b.from))
	})
	sorted := make([]OverdueGroup, len(groups))
	for k, key := range keys {
		sorted[k] = groups[key.from]
	}
	return sorted
}

// OverdueBy keeps the overdue items, grouped by recommendation (as
// OverdueByRecommendation), by owner or by unit; owners and units come in
// alphabetical order, each the list that owner or unit is sent. By unit,
// an action is in the group of every unit responsible for its
// recommendation that f keeps.
func OverdueBy(items []Item, by Grouping, f *Filter) []OverdueGroup {
	if by != ByOwner && by != ByUnit {
		return OverdueByRecommendation(items)
	}
	index := map[string]int{}
	var groups []OverdueGroup
	for _, it := range items {
		if !it.Overdue {
			continue
		}
		for _, key := range keysOf(it, by, f) {
			i, ok := index[Fold(key)]
			if !ok {
				i = len(groups)
				index[Fold(key)] = i
				groups = append(groups, OverdueGroup{Key: key})
			}
			g := &groups[i]
			g.Items = append(g.Items, it)
			g.DaysOverdue = max(g.DaysOverdue, it.DaysOverdue)
		}
	}
	parallel.Each(len(groups), func(i int) { Sort(groups[i].Items, ByOverdue) })
	slices.SortFunc(groups, func(a, b OverdueGroup) int { return strings.Compare(Fold(a.Key), Fold(b.Key)) })
	return groups
}

// FallingDue keeps the items that fall due between today and until, the
// soonest first.
func FallingDue(items []Item, today, until civil.Date) []Item {
	out := []Item{}
	for _, it := range items {
		if it.DueWithin(today, until) {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.DueIn, b.DueIn), CompareID(a.Action, b.Action))
	})
	return out
}
