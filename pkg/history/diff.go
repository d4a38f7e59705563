package history

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// Change is one difference between two versions of a recommendation, about
// the recommendation itself, one of its actions or one of their steps.
type Change struct {
	ID string `json:"id"` // R3, R3.6 or R7.1.2
	// Action and Step are the numbers within the recommendation (0 for a
	// change to the recommendation itself, or to an action).
	Action int    `json:"-"`
	Step   int    `json:"-"`
	Title  string `json:"title"` // of the item, as it is in the newer version
	Owner  string `json:"owner"` // of the action (a step's: its action's); "" for a recommendation
	Field  string `json:"field"` // a field name, or "created" / "removed"
	Old    string `json:"old,omitempty"`
	New    string `json:"new,omitempty"`
	// Days is how far a due date moved, for due changes between two dated
	// values (positive: later); Dated says it is meaningful.
	Days  int  `json:"-"`
	Dated bool `json:"-"`
}

// MarshalJSON writes days only for due changes between dated values, where
// it means something (0 included).
func (c Change) MarshalJSON() ([]byte, error) {
	type plain Change
	var days *int
	if c.Dated {
		days = &c.Days
	}
	return json.Marshal(struct {
		plain
		Days *int `json:"days,omitempty"`
	}{plain(c), days})
}

// subject names what a change is about.
type subject struct {
	id, title, owner string
	action, step     int
}

func recSubject(r *model.Recommendation) subject { return subject{id: r.ID(), title: r.Title} }
func actionSubject(a *model.Action) subject {
	return subject{id: a.ID(), title: a.Title, owner: a.Owner, action: a.Number}
}
func stepSubject(s *model.Step) subject {
	return subject{id: s.ID(), title: s.Title, owner: s.Action.Owner, action: s.Action.Number, step: s.Number}
}

func (s subject) change(field, old, new string) Change {
	return Change{ID: s.id, Title: s.title, Owner: s.owner, Action: s.action, Step: s.step, Field: field, Old: old, New: new}
}

// Created and Removed are the Field of a change that adds or drops an
// action, a step or a recommendation.
const (
	Created = "created"
	Removed = "removed"
)

// Diff lists what changed from old to new (either may be nil: a file
// created or removed), in record order.
func Diff(old, new *model.Recommendation) []Change { return diff(old, new, true) }

// diff is Diff, leaving out the changes to the recommendation itself
// unless withRec.
func diff(old, new *model.Recommendation, withRec bool) []Change {
	var out []Change
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		if withRec {
			out = append(out, recSubject(new).change(Created, "", ""))
		}
		for _, a := range new.Actions {
			out = append(out, actionSubject(a).change(Created, "", ""))
		}
		return out
	case new == nil:
		if withRec {
			out = append(out, recSubject(old).change(Removed, "", ""))
		}
		for _, a := range old.Actions {
			out = append(out, actionSubject(a).change(Removed, "", ""))
		}
		return out
	}
	if withRec && !sameRecommendation(old, new) {
		out = diffRecommendationFields(old, new)
	}
	for _, a := range new.Actions {
		if prev := findAction(old, a.Number); prev != nil {
			out = append(out, diffAction(prev, a)...)
		} else {
			out = append(out, actionSubject(a).change(Created, "", ""))
		}
	}
	for _, a := range old.Actions {
		if findAction(new, a.Number) == nil {
			out = append(out, actionSubject(a).change(Removed, "", ""))
		}
	}
	return out
}

// diffRecommendationFields compares the fields of the recommendation
// itself, not its actions.
func diffRecommendationFields(old, new *model.Recommendation) []Change {
	return diffFields(nil, recSubject(new), fields.Of(fields.Recommendation), old, new)
}

func diffAction(old, new *model.Action) []Change {
	if sameAction(old, new) {
		return nil
	}
	return diffActionFields(old, new, sameStep)
}

// diffActionFields compares an action and its steps field by field, but
// for the steps same says are the same.
func diffActionFields(old, new *model.Action, same func(a, b *model.Step) bool) []Change {
	out := diffFields(nil, actionSubject(new), fields.Of(fields.Action), old, new)
	for _, s := range new.Steps {
		i := slices.IndexFunc(old.Steps, func(o *model.Step) bool { return o.Number == s.Number })
		if i < 0 {
			out = append(out, stepSubject(s).change(Created, "", ""))
			continue
		}
		if !same(old.Steps[i], s) {
			out = diffFields(out, stepSubject(s), fields.Of(fields.Step), old.Steps[i], s)
		}
	}
	for _, s := range old.Steps {
		if !slices.ContainsFunc(new.Steps, func(n *model.Step) bool { return n.Number == s.Number }) {
			out = append(out, stepSubject(s).change(Removed, "", ""))
		}
	}
	return out
}

// sameRecommendation, sameAction and sameStep report that two versions
// hold the same values, leaving aside the items of the next level and the
// links to the level above. Most versions of a file change one action, and
// one comparison of all its values costs a fraction of the field-by-field
// comparison: when they are the same, that one finds nothing. They compare
// every value of the model, which holds at least every field the field
// table lists, so a field added to the schema is compared here too.
func sameRecommendation(a, b *model.Recommendation) bool {
	return sameValues(recommendationValues, a, b)
}

func sameAction(a, b *model.Action) bool {
	return sameValues(actionValues, a, b) && slices.EqualFunc(a.Steps, b.Steps, sameStep)
}

func sameStep(a, b *model.Step) bool { return sameValues(stepValues, a, b) }

// The fields of the model that hold values rather than structure.
var (
	recommendationValues = valueFields[model.Recommendation]("Actions", "Evaluation", "File")
	actionValues         = valueFields[model.Action]("Steps", "Recommendation")
	stepValues           = valueFields[model.Step]("Action")
)

// valueField is one field of a model type that holds a value; a struct
// (Tracking, a due date, a day) is taken field by field.
type valueField struct {
	index []int
	kind  reflect.Kind
}

// valueFields lists the fields of T but those named.
func valueFields[T any](structure ...string) []valueField {
	t := reflect.TypeFor[T]()
	var out []valueField
	var walk func(t reflect.Type, at []int)
	walk = func(t reflect.Type, at []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			idx := append(slices.Clone(at), i)
			switch {
			case len(at) == 0 && slices.Contains(structure, sf.Name):
			case sf.Type.Kind() == reflect.Struct:
				walk(sf.Type, idx)
			default:
				out = append(out, valueField{idx, sf.Type.Kind()})
			}
		}
	}
	walk(t, nil)
	for _, name := range structure {
		if _, ok := t.FieldByName(name); !ok {
			panic(fmt.Sprintf("history: %s has no field %s", t, name))
		}
	}
	return out
}

// sameValues compares the fields listed of *a and *b as reflect.DeepEqual
// does: texts, numbers and nil pointers directly, two empty lists by
// whether they are nil, anything else deeply, through pointers so that
// nothing is copied.
func sameValues[T any](fields []valueField, a, b *T) bool {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for _, f := range fields {
		x, y := va.FieldByIndex(f.index), vb.FieldByIndex(f.index)
		switch f.kind {
		case reflect.String:
			if x.String() != y.String() {
				return false
			}
			continue
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if x.Int() != y.Int() {
				return false
			}
			continue
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			if x.Uint() != y.Uint() {
				return false
			}
			continue
		case reflect.Bool:
			if x.Bool() != y.Bool() {
				return false
			}
			continue
		case reflect.Pointer:
			if x.IsNil() || y.IsNil() {
				if x.IsNil() != y.IsNil() {
					return false
				}
				continue
			}
		case reflect.Slice:
			if x.Len() == 0 && y.Len() == 0 {
				if x.IsNil() != y.IsNil() {
					return false
				}
				continue
			}
		}
		if !reflect.DeepEqual(x.Addr().Interface(), y.Addr().Interface()) {
			return false
		}
	}
	return true
}

// diffFields compares every field of a record the field table lists, in
// the schema's order, so a field added to the schema is compared without
// code here. Numbers identify the item and lists of items are compared
// item by item by the caller.
func diffFields(out []Change, sub subject, rec *fields.Record, old, new any) []Change {
	for _, f := range rec.Fields {
		// The items of the next level are the caller's: comparing them here
		// would walk the whole tree below for nothing.
		if f.Kind == fields.Number || f.Children() || f.Same(old, new) {
			continue // unchanged: no text to build
		}
		switch f.Kind {
		case fields.Items, fields.Object:
			out = appendText(out, sub, f.Name, f.Text(old), f.Text(new))
		case fields.Markdown:
			out = appendChanged(out, sub, f.Name, f.Text(old), f.Text(new))
		case fields.Due:
			out = appendDue(out, sub, f, old, new)
		default:
			out = appendText(out, sub, f.Name, f.Text(old), f.Text(new))
		}
	}
	return out
}

// appendDue records a due date's change with how many days it moved,
// when both values are dated.
func appendDue(out []Change, sub subject, f *fields.Field, old, new any) []Change {
	o, n := f.Text(old), f.Text(new)
	if o == n {
		return out
	}
	c := sub.change(f.Name, o, n)
	od, ok1 := deadline(f, old)
	nd, ok2 := deadline(f, new)
	if ok1 && ok2 {
		c.Days, c.Dated = nd.DaysSince(od), true
	}
	return append(out, c)
}

func deadline(f *fields.Field, rec any) (civil.Date, bool) {
	switch v, _ := f.Value(rec); d := v.(type) {
	case model.Due:
		return d.Deadline()
	case *model.Due:
		if d != nil {
			return d.Deadline()
		}
	}
	return civil.Date{}, false
}

// appendText records a short value's change with both values.
func appendText(out []Change, sub subject, field, old, new string) []Change {
	if old == new {
		return out
	}
	return append(out, sub.change(field, old, new))
}

// appendChanged records that a long text changed, without quoting it.
func appendChanged(out []Change, sub subject, field, old, new string) []Change {
	if old == new {
		return out
	}
	return append(out, sub.change(field, "", ""))
}

func findAction(r *model.Recommendation, n int) *model.Action {
	for _, a := range r.Actions {
		if a.Number == n {
			return a
		}
	}
	return nil
}
