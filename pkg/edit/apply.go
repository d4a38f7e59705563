package edit

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"go.yaml.in/yaml/v3"
)

// Item names a mapping of a record file by the numbers on the way to it:
// none for the file's top mapping, {3} for action 3, {3, 2} for step 2 of
// action 3. Numbers, not positions, so an item appended or moved by
// another writer meanwhile does not shift it.
type Item []int

// itemLists are the lists an Item's numbers index, level by level.
var itemLists = []string{"actions", "steps"}

// Scope says what a change may alter in the mapping Item names: the values
// of Keys (set, added or removed) and, when Append is a list key, items
// added at the end of that list. Anything else that differs after the
// change makes the transaction refuse it.
type Scope struct {
	Item   Item
	Keys   []string
	Append string
}

// Record is a record file being changed inside Apply: the bytes to splice
// (Doc) and what the file is, for the schema's key order.
type Record struct {
	*Doc
	kind validate.Kind
}

// Find returns the mapping item names and the schema's key order for it.
// An item the file no longer holds means it changed since it was loaded.
func (r *Record) Find(item Item) (*yaml.Node, []string, error) {
	m := r.Root()
	for i, n := range item {
		list := Lookup(m, itemLists[i])
		m = nil
		if list != nil && list.Kind == yaml.SequenceNode {
			for _, c := range list.Content {
				if v := Lookup(c, "number"); c.Kind == yaml.MappingNode && v != nil && v.Value == strconv.Itoa(n) {
					m = c
					break
				}
			}
		}
		if m == nil {
			return nil, nil, store.ErrChanged
		}
	}
	return m, format.Keys(r.kind, itemLists[:len(item)]...), nil
}

// NextNumber is one more than the highest number of the items of list in
// the mapping item names, refusing to go past MaxNumber.
func (r *Record) NextNumber(item Item, list string) (int, error) {
	m, _, err := r.Find(item)
	if err != nil {
		return 0, err
	}
	n := 0
	if l := Lookup(m, list); l != nil {
		for _, c := range l.Content {
			if v := Lookup(c, "number"); v != nil {
				k, err := strconv.Atoi(v.Value)
				if err != nil || k > MaxNumber {
					return 0, &NumberError{Have: v.Value}
				}
				n = max(n, k)
			}
		}
	}
	if n >= MaxNumber {
		return 0, &NumberError{Have: strconv.Itoa(n)}
	}
	return n + 1, nil
}

// MaxNumber is the highest number mrtrack gives a recommendation, an
// action or a step: the one validate accepts.
const MaxNumber = validate.MaxNumber

// NumberError: the next number would be past MaxNumber.
type NumberError struct{ Have string }

func (e *NumberError) Error() string {
	return fmt.Sprintf("the highest number already used is %s; mrtrack numbers go up to %d", e.Have, MaxNumber)
}

// Apply is Rewrite for a change made by splicing (Set, Append) through
// change. The result must validate with no error the file did not have
// (the placeholders of a skeleton aside), and read back as the same data
// except for what may allows; otherwise nothing is written and the error
// is an *InvalidError or *InternalError. A later writer (import, update
// rounds) passes the file, its change and its scopes, and gets the same
// locking, checks and atomic write as set and new.
//
// The result's Findings are the warnings the change added, for the writer
// to print.
func Apply(f File, may []Scope, change func(*Record) error) (*Result, error) {
	kind, _ := validate.KindOf(filepath.Base(f.Abs))
	var warnings []finding.Finding
	res, err := Rewrite(f, func(old []byte) ([]byte, error) {
		doc, err := Parse(old)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		if err := change(&Record{doc, kind}); err != nil {
			return nil, err
		}
		out := doc.Bytes()
		if string(out) == string(old) {
			return out, nil
		}
		warnings, err = check(f, old, out, may)
		return out, err
	})
	if res != nil {
		res.Findings = warnings
	}
	return res, err
}

// check validates the changed file and checks that it says what it said
// before except where may allows, so nothing else can be lost; it returns
// the warnings the change added.
func check(f File, old, out []byte, may []Scope) ([]finding.Finding, error) {
	schemas, err := validate.LoadSchemas()
	if err != nil {
		return nil, err
	}
	before := schemas.Check(f.Path, f.Abs, old)
	after := schemas.Check(f.Path, f.Abs, out)
	var errs, warnings []finding.Finding
	for _, fd := range newFindings(before.Findings, after.Findings) {
		if fd.Severity == finding.Error {
			errs = append(errs, fd)
		} else {
			warnings = append(warnings, fd)
		}
	}
	if len(errs) > 0 {
		return nil, &InvalidError{Path: f.Path, Findings: errs}
	}
	if !sameOutside(before.Value(), after.Value(), may) {
		return nil, &InternalError{Path: f.Path}
	}
	return warnings, nil
}

// sameOutside reports whether before and after hold the same data once
// what may allows to change is taken out of both. It consumes both values.
func sameOutside(before, after any, may []Scope) bool {
	type cut struct {
		b, a map[string]any
		s    Scope
	}
	var cuts []cut
	for _, s := range may {
		b, a := itemValue(before, s.Item), itemValue(after, s.Item)
		if b == nil || a == nil {
			return false
		}
		cuts = append(cuts, cut{b, a, s})
	}
	for _, c := range cuts {
		for _, k := range c.s.Keys {
			delete(c.b, k)
			delete(c.a, k)
		}
	}
	for _, c := range cuts {
		if c.s.Append == "" {
			continue
		}
		bl, _ := c.b[c.s.Append].([]any)
		al, _ := c.a[c.s.Append].([]any)
		if len(al) < len(bl) {
			return false
		}
		for i := range bl {
			if !reflect.DeepEqual(al[i], bl[i]) {
				return false
			}
		}
		delete(c.b, c.s.Append)
		delete(c.a, c.s.Append)
	}
	return reflect.DeepEqual(before, after)
}

// itemValue finds the mapping item names in a document's plain values.
func itemValue(v any, item Item) map[string]any {
	m, _ := v.(map[string]any)
	for i, n := range item {
		list, _ := m[itemLists[i]].([]any)
		m = nil
		for _, c := range list {
			if cm, ok := c.(map[string]any); ok && fmt.Sprint(cm["number"]) == strconv.Itoa(n) {
				m = cm
				break
			}
		}
	}
	return m
}

// newFindings returns the findings of after that before did not have (by
// rule, field and message: lines move when text is added), leaving out the
// placeholders of a skeleton, which a change may leave for later.
func newFindings(before, after []finding.Finding) []finding.Finding {
	type key struct{ rule, field, msg string }
	had := map[key]bool{}
	for _, f := range before {
		had[key{f.Rule, f.Field, f.Message}] = true
	}
	var out []finding.Finding
	for _, f := range after {
		if f.Rule != finding.RuleUnfilled && !had[key{f.Rule, f.Field, f.Message}] {
			out = append(out, f)
		}
	}
	return out
}
