package validate

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// quick is a schema compiled for the common case: a record that is valid.
// It answers only "valid or not", reading the node tree as ydoc.Value
// would (allocating only to box a number), for the draft-07 keywords
// mrtrack's schemas use; when it says no, the full validator runs on the
// plain values and explains. On 10,000 files it saves most of the time the full
// validator spends building error scopes that valid records never need.
//
// It is compiled from the same JSON as the full validator, so the schema
// files stay the only statement of the format. A schema using any keyword
// it does not know is not compiled (compileQuick returns an error) and every
// file goes to the full validator. TestQuickAgrees and FuzzQuickAgrees hold
// the two to the same answer.
type quick struct {
	types      []string // JSON types allowed; empty: any
	properties map[string]property
	// Of the required names, those the properties list are counted as an
	// object's keys are ranged over (requiredListed of them must be met);
	// the others (requiredOther) are looked up one by one.
	requiredListed int
	requiredOther  []string
	closed         bool // additionalProperties: false
	items          *quick
	enum           []any // strings and numbers only
	pattern        *pattern
	minimum        *float64
	maximum        *float64
	minLength      int
	minItems       int
}

// property is the schema of one property of an object, and whether the
// object requires it.
type property struct {
	*quick
	required bool
}

// annotations are keywords that do not constrain a value.
var annotations = map[string]bool{"$schema": true, "$id": true, "$comment": true, "title": true, "description": true, "x-mrtrack": true,
	"default": true, "examples": true, "definitions": true}

// compileQuick compiles a root schema whose references all point into its
// own definitions.
func compileQuick(root map[string]any) (*quick, error) {
	defs, _ := root["definitions"].(map[string]any)
	compiled := map[string]*quick{}
	var comp func(s any, at string) (*quick, error)
	comp = func(s any, at string) (*quick, error) {
		m, ok := s.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: not a schema object", at)
		}
		if ref, ok := m["$ref"].(string); ok {
			// In draft-07 a $ref replaces the whole object it stands in.
			name, ok := strings.CutPrefix(ref, "#/definitions/")
			if !ok || strings.ContainsAny(name, "/~") || defs[name] == nil {
				return nil, fmt.Errorf("%s: unsupported reference %q", at, ref)
			}
			if q, ok := compiled[name]; ok {
				return q, nil
			}
			q := &quick{}
			compiled[name] = q // before compiling it, so recursive schemas end
			body, err := comp(defs[name], "#/definitions/"+name)
			if err != nil {
				return nil, err
			}
			*q = *body
			return q, nil
		}
		q := &quick{minLength: -1, minItems: -1}
		var required []string
		for k, v := range m {
			var err error
			switch k {
			case "type":
				q.types, err = stringList(v)
			case "required":
				required, err = stringList(v)
			case "properties":
				props, ok := v.(map[string]any)
				if !ok {
					return nil, fmt.Errorf("%s/properties: not an object", at)
				}
				q.properties = make(map[string]property, len(props))
				for name, p := range props {
					c, err := comp(p, at+"/properties/"+name)
					if err != nil {
						return nil, err
					}
					q.properties[name] = property{quick: c}
				}
			case "additionalProperties":
				b, ok := v.(bool)
				if !ok {
					return nil, fmt.Errorf("%s: additionalProperties other than true or false", at)
				}
				q.closed = !b
			case "items":
				q.items, err = comp(v, at+"/items")
			case "enum":
				list, _ := v.([]any)
				for _, e := range list {
					switch e.(type) {
					case string, float64:
					default:
						return nil, fmt.Errorf("%s: enum of %T", at, e)
					}
				}
				q.enum = list
			case "pattern":
				s, _ := v.(string)
				q.pattern, err = compilePattern(s)
			case "minimum", "maximum":
				f, ok := v.(float64)
				if !ok {
					return nil, fmt.Errorf("%s/%s: not a number", at, k)
				}
				if k == "minimum" {
					q.minimum = &f
				} else {
					q.maximum = &f
				}
			case "minLength", "minItems":
				f, ok := v.(float64)
				if !ok || f != math.Trunc(f) || f < 0 {
					return nil, fmt.Errorf("%s/%s: not a count", at, k)
				}
				if k == "minLength" {
					q.minLength = int(f)
				} else {
					q.minItems = int(f)
				}
			default:
				if !annotations[k] {
					return nil, fmt.Errorf("%s: keyword %q is not supported", at, k)
				}
			}
			if err != nil {
				return nil, err
			}
		}
		seen := map[string]bool{}
		for _, name := range required {
			if p, ok := q.properties[name]; ok && !seen[name] {
				p.required = true
				q.properties[name] = p
				q.requiredListed++
			} else if !ok {
				q.requiredOther = append(q.requiredOther, name)
			}
			seen[name] = true
		}
		return q, nil
	}
	return comp(root, "#")
}

func stringList(v any) ([]string, error) {
	switch x := v.(type) {
	case string:
		return []string{x}, nil
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("%v is not a list of names", v)
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, fmt.Errorf("%v is not a list of names", v)
}

// valid reports whether the document n satisfies the schema, deciding as
// santhosh-tekuri/jsonschema does on ydoc.Value(n).
func (q *quick) valid(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.MappingNode:
		return q.admits("object") && q.enum == nil && q.validMapping(n)
	case yaml.SequenceNode:
		if !q.admits("array") || q.enum != nil || q.minItems >= 0 && len(n.Content) < q.minItems {
			return false
		}
		if q.items != nil {
			for _, c := range n.Content {
				if !q.items.valid(c) {
					return false
				}
			}
		}
		return true
	case yaml.ScalarNode:
		if v, typed := ydoc.Typed(n); typed {
			return q.validScalar(v)
		}
		return q.validText(n.Value)
	}
	return q.validScalar(nil) // what ydoc.Value makes of any other node
}

func (q *quick) validMapping(n *yaml.Node) bool {
	for _, r := range q.requiredOther {
		if field(n, r) == nil {
			return false
		}
	}
	met := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue // not a key of the plain value
		}
		p, ok := q.properties[k.Value]
		if !ok {
			if q.closed {
				return false
			}
			continue
		}
		if p.required {
			met++
		}
		if !p.valid(n.Content[i+1]) {
			return false
		}
	}
	return met >= q.requiredListed
}

func (q *quick) validText(s string) bool {
	if !q.admits("string") {
		return false
	}
	if q.enum != nil && !q.inEnumText(s) {
		return false
	}
	// A character is at most four bytes: only a short text is counted.
	if q.minLength > 0 && len(s) < 4*q.minLength && utf8.RuneCountInString(s) < q.minLength {
		return false
	}
	return q.pattern == nil || q.pattern.MatchString(s)
}

// validScalar is valid for a scalar that is not text: nil, a bool, an
// int64 or a float64.
func (q *quick) validScalar(v any) bool {
	var t string
	switch x := v.(type) {
	case nil:
		t = "null"
	case bool:
		t = "boolean"
	case int64:
		t = "integer"
	case float64:
		t = "number"
		if x == math.Trunc(x) {
			t = "integer"
		}
	}
	if !q.admits(t) || q.enum != nil && !q.inEnum(v) {
		return false
	}
	switch x := v.(type) {
	case int64:
		if (q.minimum != nil && float64(x) < *q.minimum) || (q.maximum != nil && float64(x) > *q.maximum) {
			return false // the bounds are small whole numbers: exact as floats
		}
	case float64:
		if (q.minimum != nil && x < *q.minimum) || (q.maximum != nil && x > *q.maximum) {
			return false
		}
	}
	return true
}

// admits reports whether the schema's types take a value of JSON type t;
// an integer is a number too.
func (q *quick) admits(t string) bool {
	if len(q.types) == 0 {
		return true
	}
	for _, s := range q.types {
		if s == t || t == "integer" && s == "number" {
			return true
		}
	}
	return false
}

func (q *quick) inEnumText(s string) bool {
	for _, e := range q.enum {
		if t, ok := e.(string); ok && t == s {
			return true
		}
	}
	return false
}

// inEnum is for a scalar that is not text.
func (q *quick) inEnum(v any) bool {
	for _, e := range q.enum {
		switch x := v.(type) {
		case int64:
			if f, ok := e.(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1<<53 && int64(f) == x {
				return true
			}
		case float64:
			if f, ok := e.(float64); ok && f == x {
				return true
			}
		}
	}
	return false
}
