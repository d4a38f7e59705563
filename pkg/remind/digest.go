// Package remind makes the reminders the evaluation office sends owners: a
// short digest per owner of what is overdue and what falls due soon, as
// Markdown, as a ready-to-send RFC 5322 message (.eml) and as JSON. It
// derives everything from the model and the owners list; it sends nothing,
// reads no clock and writes no file.
package remind

import (
	"cmp"
	"slices"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/owners"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// Digest is what one owner is reminded of on one day.
type Digest struct {
	Owner string `json:"owner"` // as owners.yaml names it, else as the records do
	// Listed says owners.yaml lists the owner; Emails are its addresses.
	Listed   bool       `json:"listed"`
	Emails   []string   `json:"emails"`
	Language string     `json:"language"` // en or fr
	AsOf     civil.Date `json:"as_of"`
	Until    civil.Date `json:"until"` // the end of the window "due soon" looks at
	Overdue  []Item     `json:"overdue"`
	DueSoon  []Item     `json:"due_soon"`
	// Round is the update round whose form the owner has not sent back,
	// RoundDue its due day ("" both without one); Awaiting are the items
	// that form holds still open.
	Round    string `json:"round"`
	RoundDue string `json:"round_due"`
	Awaiting []Item `json:"awaiting_update"`
}

// Item is one action in a digest.
type Item struct {
	ID     string       `json:"id"` // qualified: EVO-2024-03/R1.6
	Title  string       `json:"title"`
	Status model.Status `json:"status"`
	// Due is the deadline that counts, as the record writes it; Step is
	// the step it belongs to ("R6.3.2"), "" for the action's own.
	Due  string `json:"due"`
	Step string `json:"step,omitempty"`
	// Days is how late the item is (overdue) or how many days are left
	// (due soon).
	Days int `json:"days"`
}

// Options say whom to remind of what.
type Options struct {
	Today, Until civil.Date
	Owners       *owners.File // nil when the data folder has none
	// Only keeps the owners whose name contains one of these, as `list
	// --owner` selects; none keeps every owner.
	Only []string
	// Round, when set, adds to each digest what its owner was sent in
	// that update round and has not answered yet.
	Round *Round
}

// Round is an update round as a reminder sees it.
type Round struct {
	Name string
	Due  civil.Date
	// Awaiting holds, per owner as the round names them, the qualified ids
	// (EVO-2024-03/R1.6) of the items sent whose form has not come back.
	Awaiting map[string][]string
}

// Digests builds one digest per owner with something overdue or falling
// due by opts.Until, ordered by owner; owners with nothing to do get none.
// Owners are told apart as owners.yaml matches them (case and accents
// aside), so "Protection" and "protection" get one digest.
func Digests(evals []*model.Evaluation, opts Options) []Digest {
	byKey := map[string]*Digest{}
	var keys []string
	for _, e := range evals {
		for _, r := range e.Recommendations {
			for _, a := range r.Actions {
				if len(opts.Only) > 0 && !slices.ContainsFunc(opts.Only, func(n string) bool { return query.Contains(a.Owner, n) }) {
					continue
				}
				it := query.Facts(a, opts.Today)
				late, soon := it.Overdue, !it.Overdue && it.DueWithin(opts.Today, opts.Until)
				if !late && !soon {
					continue
				}
				key := query.Fold(a.Owner)
				d := byKey[key]
				if d == nil {
					d = newDigest(a.Owner, opts)
					byKey[key] = d
					keys = append(keys, key)
				}
				if late {
					d.Overdue = append(d.Overdue, overdueItem(it, opts.Today))
				} else {
					d.DueSoon = append(d.DueSoon, soonItem(it))
				}
			}
		}
	}
	if opts.Round != nil {
		keys = addAwaiting(evals, opts, byKey, keys)
	}
	out := make([]Digest, 0, len(keys))
	for _, k := range keys {
		d := byKey[k]
		// Most overdue first, then soonest; ties by id, as status sorts.
		slices.SortStableFunc(d.Overdue, func(a, b Item) int { return cmp.Compare(b.Days, a.Days) })
		slices.SortStableFunc(d.DueSoon, func(a, b Item) int { return cmp.Compare(a.Days, b.Days) })
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b Digest) int { return cmp.Compare(query.Fold(a.Owner), query.Fold(b.Owner)) })
	return out
}

// addAwaiting adds to the digests (creating those it needs) the items of
// opts.Round each owner has not answered, still open, in the order the
// form listed them; it returns the digests' keys.
func addAwaiting(evals []*model.Evaluation, opts Options, byKey map[string]*Digest, keys []string) []string {
	open := map[string]Item{}
	for _, e := range evals {
		for _, r := range e.Recommendations {
			for _, a := range r.Actions {
				add := func(id string, t *model.Tracking) {
					if !t.Status.Closed() {
						open[model.QualifiedID(e, id)] = Item{ID: model.QualifiedID(e, id), Title: t.Title, Status: t.Status,
							Due: t.Current().String(), Days: opts.Round.Due.DaysSince(opts.Today)}
					}
				}
				add(a.ID(), &a.Tracking)
				for _, st := range a.Steps {
					add(st.ID(), &st.Tracking)
				}
			}
		}
	}
	names := make([]string, 0, len(opts.Round.Awaiting))
	for name := range opts.Round.Awaiting {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if len(opts.Only) > 0 && !slices.ContainsFunc(opts.Only, func(n string) bool { return query.Contains(name, n) }) {
			continue
		}
		var items []Item
		for _, id := range opts.Round.Awaiting[name] {
			if it, ok := open[id]; ok {
				items = append(items, it)
			}
		}
		if len(items) == 0 {
			continue
		}
		key := query.Fold(name)
		d := byKey[key]
		if d == nil {
			d = newDigest(name, opts)
			byKey[key] = d
			keys = append(keys, key)
		}
		d.Awaiting = append(d.Awaiting, items...)
	}
	return keys
}

func newDigest(name string, opts Options) *Digest {
	o, listed := opts.Owners.Lookup(name)
	d := &Digest{Owner: name, Listed: listed, Emails: []string{}, Language: o.FormLanguage(), AsOf: opts.Today, Until: opts.Until,
		Overdue: []Item{}, DueSoon: []Item{}, Awaiting: []Item{}}
	if opts.Round != nil {
		d.Round, d.RoundDue = opts.Round.Name, opts.Round.Due.String()
	}
	if listed {
		d.Owner = o.Name
		d.Emails = append(d.Emails, o.Emails...)
	}
	return d
}

// overdueItem is an overdue action, with the step whose deadline is the
// most overdue when that is later than the action's own.
func overdueItem(it query.Item, today civil.Date) Item {
	a := it.Action
	item := Item{ID: model.QualifiedID(it.Evaluation(), a.ID()), Title: a.Title, Status: a.Status, Due: a.Current().String(), Days: it.DaysOverdue}
	if own, late := a.Tracking.DaysOverdue(today); late && own == it.DaysOverdue {
		return item
	}
	for _, s := range it.OverdueSteps {
		if d, _ := s.DaysOverdue(today); d == it.DaysOverdue {
			item.Due, item.Step = s.Current().String(), s.ID()
			break
		}
	}
	return item
}

// soonItem is an action falling due, with the step that falls due first
// when it comes before the action's own deadline.
func soonItem(it query.Item) Item {
	a := it.Action
	item := Item{ID: model.QualifiedID(it.Evaluation(), a.ID()), Title: a.Title, Status: a.Status, Due: a.Current().String(), Days: it.DueIn}
	if s := it.NextStep; s != nil {
		item.Due, item.Step = s.Current().String(), s.ID()
	}
	return item
}
