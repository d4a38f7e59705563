// Package fields is the table of the records' fields, read once from the
// embedded JSON schemas: for each record level (evaluation,
// recommendation, action, step) its fields in the schema's order, each
// with its kind, its allowed values, whether it is required and whether
// `set` may change it. Everything that lists fields (the formatter's key
// order, the decoder's tests, history comparisons, CSV columns, show,
// completion, set and new) reads them here, so a field is declared once,
// in the schema. What the schema's keywords do not say is given by the
// schema's own annotation keyword, x-mrtrack: {"kind": "markdown" | "date"
// | "due", "set": true, "placeholder": "what new writes after TODO:"}; the
// value a new record starts with is the schema's own default keyword.
//
// It holds declarations only: it does not validate, decode or print.
package fields

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/schema"
	"go.yaml.in/yaml/v3"
)

// Kind is what a field holds.
type Kind string

// The kinds of field.
const (
	Text     Kind = "text"     // one line of text, or a short paragraph
	Markdown Kind = "markdown" // prose, possibly many paragraphs
	Enum     Kind = "enum"     // one of Values
	Date     Kind = "date"     // a day, YYYY-MM-DD
	Due      Kind = "due"      // a due date: a day, month, year or an undated form
	Number   Kind = "number"   // an integer
	List     Kind = "list"     // a list of text
	Object   Kind = "object"   // a mapping with fields of its own (a person)
	Items    Kind = "items"    // a list of records of the next level (actions, steps)
)

// Level names a kind of record.
type Level string

// The record levels. Person is the shape of coordinator and approved_by;
// Verification, Deadline and Extension are the shapes of an item's
// verification and of the entries of its deadlines and extensions.
const (
	Evaluation     Level = "evaluation"
	Recommendation Level = "recommendation"
	Action         Level = "action"
	Step           Level = "step"
	Person         Level = "person"
	Verification   Level = "verification"
	Deadline       Level = "deadline"
	Extension      Level = "extension"
)

// Field is one key of a record.
type Field struct {
	Name     string
	Level    Level
	Kind     Kind
	Values   []string // an enum's values, in the schema's order
	Required bool
	NonEmpty bool // text that must not be empty (minLength 1)
	Settable bool // set may change it
	// Written is the field holding the source's wording of this one
	// (due → due_text), "" when there is none.
	Written string
	// Wording is true for a field that holds the source's wording of
	// another (due_text): Written of that field names it.
	Wording bool
	// Sub is the record of an Object field, or of the items of an Items
	// field.
	Sub *Record
	// Description is the schema's description, the field's hover text.
	Description string
	// Placeholder is what new writes after validate's TODO: prefix when
	// no flag gives the field: x-mrtrack's placeholder, else for an enum,
	// a date or a due date the one of its kind.
	Placeholder string
	// Default is the value a new record starts with (the schema's
	// default: language en, status not-started), nil when there is none;
	// new writes it instead of a placeholder, even on an optional field.
	Default *string

	goIndex []int // the model's Go field, found once (nil: look it up)
}

// kindPlaceholders are the placeholders of the kinds whose form says what
// to write, for fields whose schema gives none.
var kindPlaceholders = map[Kind]string{
	Date: "YYYY-MM-DD",
	Due:  "YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown or every N months",
}

// placeholderOf is the placeholder of a field the schema gives none: its
// form, or an enum's values.
func placeholderOf(f *Field) string {
	if f.Kind == Enum && len(f.Values) > 1 {
		return strings.Join(f.Values[:len(f.Values)-1], ", ") + " or " + f.Values[len(f.Values)-1]
	}
	return kindPlaceholders[f.Kind]
}

// Flag is the field's name as a command-line flag: due_text → due-text.
func (f *Field) Flag() string { return strings.ReplaceAll(f.Name, "_", "-") }

// Token reports whether the field's value is written plain in YAML (a
// status, a date) rather than as text that may need quotes.
func (f *Field) Token() bool {
	return f.Kind == Enum || f.Kind == Date || f.Kind == Due || f.Kind == Number
}

// Record is the fields of one level, in the schema's order.
type Record struct {
	Level  Level
	Fields []*Field
}

// Field returns the named field, or nil.
func (r *Record) Field(name string) *Field {
	if r == nil {
		return nil
	}
	for _, f := range r.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Names lists the fields' names in the schema's order.
func (r *Record) Names() []string {
	out := make([]string, len(r.Fields))
	for i, f := range r.Fields {
		out[i] = f.Name
	}
	return out
}

// Required lists the required fields in the schema's order: what a new
// record's skeleton holds.
func (r *Record) Required() []*Field {
	return slices.DeleteFunc(slices.Clone(r.Fields), func(f *Field) bool { return !f.Required })
}

// Settable lists the fields set may change on a record of this level.
func (r *Record) Settable() []*Field {
	return slices.DeleteFunc(slices.Clone(r.Fields), func(f *Field) bool { return !f.Settable })
}

// levels is read on first use, not at start: each command would pay for
// it, the ones that never look at a field too.
var levels = sync.OnceValue(func() map[Level]*Record {
	m := map[Level]*Record{}
	add := func(r *Record) {
		var walk func(r *Record)
		walk = func(r *Record) {
			if r == nil {
				return
			}
			if _, ok := m[r.Level]; !ok {
				m[r.Level] = r
			}
			for _, f := range r.Fields {
				walk(f.Sub)
			}
		}
		walk(r)
	}
	add(read(schema.Evaluation, Evaluation))
	add(read(schema.Recommendation, Recommendation))
	return m
})

// Of returns the fields of a level.
func Of(l Level) *Record {
	r := levels()[l]
	if r == nil {
		panic("fields: no level " + string(l))
	}
	return r
}

// Levels lists the record levels, top down.
var Levels = []Level{Evaluation, Recommendation, Action, Step}

// ActionOnly reports whether an action field is one that steps lack, such
// as owner: set refuses it on a step.
func ActionOnly(name string) bool {
	return Of(Action).Field(name) != nil && Of(Step).Field(name) == nil
}

// Enums lists every enum field of every level, top down, each name once:
// completion offers their values.
func Enums() []*Field {
	var out []*Field
	seen := map[string]bool{}
	for _, l := range Levels {
		for _, f := range Of(l).Fields {
			if f.Kind == Enum && !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// read builds the record of a schema's root. JSON objects have no order
// once decoded into Go maps, so the schema is read as YAML nodes, which
// keep it.
func read(src []byte, top Level) *Record {
	root, err := jsonNodes(src)
	if err != nil {
		panic(fmt.Sprintf("fields: embedded schema does not parse: %v", err))
	}
	return record(root, root, top)
}

// jsonNodes reads a JSON document into YAML nodes in the order written,
// scalars as their text (true, 0): what yaml.v3 reads of JSON, at a
// fraction of the cost of a YAML parse or of encoding/json's tokens, which
// every command would pay at start. The schemas are embedded and tested,
// so this reads JSON as RFC 8259 writes it and no more: anything else is
// an error, never a guess.
func jsonNodes(src []byte) (*yaml.Node, error) {
	r := &jsonReader{src: src}
	n, err := r.value()
	if err == nil {
		if r.space(); r.at < len(src) {
			err = r.fail("text after the document")
		}
	}
	return n, err
}

type jsonReader struct {
	src   []byte
	at    int
	nodes []yaml.Node // allocated in slabs: a schema is thousands of nodes
}

func (r *jsonReader) node(kind yaml.Kind, value string) *yaml.Node {
	if len(r.nodes) == 0 {
		r.nodes = make([]yaml.Node, 512)
	}
	n := &r.nodes[0]
	r.nodes = r.nodes[1:]
	n.Kind, n.Value = kind, value
	return n
}

func (r *jsonReader) fail(what string) error {
	return fmt.Errorf("offset %d: %s", r.at, what)
}

// peek is the byte at the reader, 0 at the end.
func (r *jsonReader) peek() byte {
	if r.at == len(r.src) {
		return 0
	}
	return r.src[r.at]
}

func (r *jsonReader) space() {
	for r.at < len(r.src) && isJSONSpace(r.src[r.at]) {
		r.at++
	}
}

func (r *jsonReader) value() (*yaml.Node, error) {
	r.space()
	switch c := r.peek(); c {
	case 0:
		return nil, r.fail("a value is missing")
	case '{', '[':
		n := r.node(yaml.SequenceNode, "")
		end := byte(']')
		if c == '{' {
			n.Kind, end = yaml.MappingNode, '}'
		}
		r.at++
		for first := true; ; first = false {
			if r.space(); r.peek() == end {
				r.at++
				return n, nil
			}
			if !first {
				if r.peek() != ',' {
					return nil, r.fail("a comma or " + string(end) + " is missing")
				}
				r.at++
			}
			if n.Kind == yaml.MappingNode {
				if r.space(); r.peek() != '"' {
					return nil, r.fail("a key is missing")
				}
				key, err := r.value()
				if err != nil {
					return nil, err
				}
				if r.space(); r.peek() != ':' {
					return nil, r.fail("a colon is missing")
				}
				r.at++
				n.Content = append(n.Content, key)
			}
			v, err := r.value()
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
		}
	case '"':
		end, plain := r.at+1, true
		for end < len(r.src) && r.src[end] != '"' {
			if c := r.src[end]; c == '\\' {
				end, plain = end+1, false
			} else if c < ' ' {
				plain = false
			}
			end++
		}
		if end >= len(r.src) {
			return nil, r.fail("a string is not closed")
		}
		text := string(r.src[r.at+1 : end])
		if !utf8.ValidString(text) {
			return nil, r.fail("a string is not UTF-8")
		}
		if !plain { // encoding/json reads the escapes
			if err := json.Unmarshal(r.src[r.at:end+1], &text); err != nil {
				return nil, r.fail(err.Error())
			}
		}
		r.at = end + 1
		return r.node(yaml.ScalarNode, text), nil
	default:
		end := r.at
		for end < len(r.src) && !isJSONSpace(r.src[end]) && r.src[end] != ',' && r.src[end] != ']' && r.src[end] != '}' {
			end++
		}
		text := string(r.src[r.at:end])
		if !json.Valid(r.src[r.at:end]) {
			return nil, r.fail(strconv.Quote(text) + " is not a JSON value")
		}
		r.at = end
		return r.node(yaml.ScalarNode, text), nil
	}
}

func isJSONSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// itemLevel is the level of the records in a list field, objectLevel that
// of a mapping field.
var (
	itemLevel   = map[string]Level{"actions": Action, "steps": Step, "deadlines": Deadline, "extensions": Extension}
	objectLevel = map[string]Level{"coordinator": Person, "approved_by": Person, "verification": Verification}
)

// Children reports whether the field holds the records of the next level
// down (actions, steps), which callers walk item by item, rather than data
// of the record itself (a person, a verification, deadlines) that has a
// one-line text form.
func (f *Field) Children() bool {
	return f.Kind == Items && (f.Sub.Level == Action || f.Sub.Level == Step)
}

func record(root, s *yaml.Node, level Level) *Record {
	s = resolve(root, s)
	r := &Record{Level: level}
	required := map[string]bool{}
	if req := get(s, "required"); req != nil {
		for _, n := range req.Content {
			required[n.Value] = true
		}
	}
	props := get(s, "properties")
	if props == nil {
		return r
	}
	for i := 0; i+1 < len(props.Content); i += 2 {
		name, p := props.Content[i].Value, resolve(root, props.Content[i+1])
		f := &Field{Name: name, Level: level, Required: required[name]}
		f.goIndex = goFields()[level][name]
		ann := get(p, "x-mrtrack")
		if k := get(ann, "kind"); k != nil {
			f.Kind = Kind(k.Value)
		}
		f.Settable = get(ann, "set") != nil && get(ann, "set").Value == "true"
		if d := get(p, "description"); d != nil {
			f.Description = d.Value
		}
		if ph := get(ann, "placeholder"); ph != nil {
			f.Placeholder = ph.Value
		}
		if d := get(p, "default"); d != nil {
			f.Default = &d.Value
		}
		if n := get(p, "minLength"); n != nil && n.Value != "0" {
			f.NonEmpty = true
		}
		if e := get(p, "enum"); e != nil {
			for _, v := range e.Content {
				f.Values = append(f.Values, v.Value)
			}
			if f.Kind == "" {
				f.Kind = Enum
			}
		}
		if f.Kind == "" {
			f.Kind = kindOf(root, p, name, f)
		}
		if f.Placeholder == "" {
			f.Placeholder = placeholderOf(f)
		}
		r.Fields = append(r.Fields, f)
	}
	for _, f := range r.Fields {
		if w := r.Field(f.Name + "_text"); w != nil {
			f.Written, w.Wording = w.Name, true
		}
	}
	return r
}

// kindOf reads a field's kind from its JSON type when no annotation
// gives it.
func kindOf(root, p *yaml.Node, name string, f *Field) Kind {
	switch t := get(p, "type"); {
	case t == nil:
		panic("fields: schema property " + name + " has no type and no x-mrtrack kind")
	case t.Value == "integer":
		return Number
	case t.Value == "string":
		return Text
	case t.Value == "object":
		level, ok := objectLevel[name]
		if !ok {
			panic("fields: schema object " + name + " has no known level")
		}
		f.Sub = record(root, p, level)
		return Object
	case t.Value == "array":
		items := resolve(root, get(p, "items"))
		if it := get(items, "type"); it != nil && it.Value == "string" {
			return List
		}
		level, ok := itemLevel[name]
		if !ok {
			panic("fields: schema list " + name + " holds records of no known level")
		}
		f.Sub = record(root, items, level)
		return Items
	}
	panic("fields: schema property " + name + " has a type the table does not know; give it an x-mrtrack kind")
}

// resolve follows a local $ref such as #/definitions/action.
func resolve(root, s *yaml.Node) *yaml.Node {
	ref := get(s, "$ref")
	if ref == nil {
		return s
	}
	cur := root
	for _, tok := range strings.Split(strings.TrimPrefix(ref.Value, "#/"), "/") {
		if cur = get(cur, tok); cur == nil {
			panic("fields: schema reference " + ref.Value + " points nowhere")
		}
	}
	return cur
}

func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
