package fields

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// The model's Go fields are found by their yaml tags, the same names the
// schema uses, so a field added to the schema and the model is read here
// without code of its own. TestModelHasEveryField fails when the model
// lacks a schema field.

var modelTypes = map[Level]reflect.Type{
	Evaluation:     reflect.TypeFor[model.Evaluation](),
	Recommendation: reflect.TypeFor[model.Recommendation](),
	Action:         reflect.TypeFor[model.Action](),
	Step:           reflect.TypeFor[model.Step](),
	Person:         reflect.TypeFor[model.Person](),
	Verification:   reflect.TypeFor[model.Verification](),
	Deadline:       reflect.TypeFor[model.Deadline](),
	Extension:      reflect.TypeFor[model.Extension](),
}

// goFields maps each level's yaml names to the index of the Go field; it
// is built on first use.
var goFields = sync.OnceValue(func() map[Level]map[string][]int {
	out := map[Level]map[string][]int{}
	for l, t := range modelTypes {
		m := map[string][]int{}
		var walk func(t reflect.Type, at []int)
		walk = func(t reflect.Type, at []int) {
			for i := range t.NumField() {
				sf := t.Field(i)
				name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
				idx := append(append([]int{}, at...), i)
				switch {
				case name == "-":
				case opts == "inline":
					walk(sf.Type, idx)
				case name != "":
					m[name] = idx
				}
			}
		}
		walk(t, nil)
		out[l] = m
	}
	return out
})

// Value returns the field's value in rec, a *model.Evaluation,
// *model.Recommendation, *model.Action, *model.Step or *model.Person
// of the field's level; ok is false when the model has no such field.
func (f *Field) Value(rec any) (v any, ok bool) {
	idx, ok := f.index()
	rv := reflect.ValueOf(rec)
	if !ok || rv.Kind() != reflect.Pointer || rv.Elem().Type() != modelTypes[f.Level] {
		return nil, false
	}
	return rv.Elem().FieldByIndex(idx).Interface(), true
}

// Same reports whether the field holds equal values in a and b, records
// of the field's level, without building either's text: equal values
// have equal Text, so a comparison of every field of two versions can
// skip the unchanged ones, nearly all. Values that are pointers, or that
// cannot be read, are never the same here; compare their Text.
func (f *Field) Same(a, b any) bool {
	idx, ok := f.index()
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if !ok || va.Kind() != reflect.Pointer || vb.Kind() != reflect.Pointer {
		return false
	}
	if t := modelTypes[f.Level]; va.Elem().Type() != t || vb.Elem().Type() != t {
		return false
	}
	x, y := va.Elem().FieldByIndex(idx), vb.Elem().FieldByIndex(idx)
	switch x.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Func, reflect.Chan:
		return false
	case reflect.Slice:
		if x.Len() == 0 && y.Len() == 0 {
			return true // absent and empty read the same
		}
		return reflect.DeepEqual(x.Interface(), y.Interface())
	case reflect.String:
		return x.String() == y.String()
	}
	return x.Comparable() && x.Equal(y)
}

// index is the model's Go field of f, found when the table was built or
// else by name.
func (f *Field) index() ([]int, bool) {
	if f.goIndex != nil {
		return f.goIndex, true
	}
	idx, ok := goFields()[f.Level][f.Name]
	return idx, ok
}

// Text is the field's value in rec as one string: text as it is, a due
// date or a day as written in records, a list joined with ", ", "" for a
// value that is absent, a verification, deadlines or extensions in the
// one-line form their model types write. Numbers, persons and the items of
// the next level have no text form here and give "".
func (f *Field) Text(rec any) string {
	v, ok := f.Value(rec)
	if !ok {
		panic(fmt.Sprintf("fields: the model has no %s field %s (or rec is a %T)", f.Level, f.Name, rec))
	}
	switch v := v.(type) {
	case string:
		return v
	case []string:
		return strings.Join(v, ", ")
	case civil.Date:
		if v.IsZero() {
			return ""
		}
		return v.String()
	case model.Due:
		return v.String()
	case *model.Due:
		if v == nil {
			return ""
		}
		return v.String()
	case fmt.Stringer:
		return v.String()
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return rv.String() // Status, Response and the like
	}
	return ""
}
