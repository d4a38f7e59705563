package validate

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// quick is a schema compiled for the common case: a record that is valid.
// It answers only "valid or not", with no allocation, for the draft-07
// keywords mrtrack's schemas use; when it says no, the full validator runs
// and explains. On 10,000 files it saves most of the time the full
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

// valid reports whether v, a value made by ydoc.Value, satisfies the
// schema, deciding as santhosh-tekuri/jsonschema does.
func (q *quick) valid(v any) bool {
	if len(q.types) > 0 && !q.typeOK(v) {
		return false
	}
	if q.enum != nil && !q.inEnum(v) {
		return false
	}
	switch x := v.(type) {
	case string:
		// A character is at most four bytes: only a short text is counted.
		if q.minLength > 0 && len(x) < 4*q.minLength && utf8.RuneCountInString(x) < q.minLength {
			return false
		}
		if q.pattern != nil && !q.pattern.MatchString(x) {
			return false
		}
	case int64:
		if (q.minimum != nil && float64(x) < *q.minimum) || (q.maximum != nil && float64(x) > *q.maximum) {
			return false // the bounds are small whole numbers: exact as floats
		}
	case float64:
		if (q.minimum != nil && x < *q.minimum) || (q.maximum != nil && x > *q.maximum) {
			return false
		}
	case []any:
		if q.minItems >= 0 && len(x) < q.minItems {
			return false
		}
		if q.items != nil {
			for _, e := range x {
				if !q.items.valid(e) {
					return false
				}
			}
		}
	case map[string]any:
		for _, r := range q.requiredOther {
			if _, ok := x[r]; !ok {
				return false
			}
		}
		met := 0
		for k, e := range x {
			p, ok := q.properties[k]
			if !ok {
				if q.closed {
					return false
				}
				continue
			}
			if p.required {
				met++
			}
			if !p.valid(e) {
				return false
			}
		}
		if met < q.requiredListed {
			return false
		}
	}
	return true
}

func (q *quick) typeOK(v any) bool {
	for _, t := range q.types {
		switch x := v.(type) {
		case nil:
			if t == "null" {
				return true
			}
		case bool:
			if t == "boolean" {
				return true
			}
		case string:
			if t == "string" {
				return true
			}
		case int64:
			if t == "number" || t == "integer" {
				return true
			}
		case float64:
			if t == "number" || (t == "integer" && x == math.Trunc(x)) {
				return true
			}
		case []any:
			if t == "array" {
				return true
			}
		case map[string]any:
			if t == "object" {
				return true
			}
		}
	}
	return false
}

func (q *quick) inEnum(v any) bool {
	for _, e := range q.enum {
		switch x := v.(type) {
		case string:
			if e == x {
				return true
			}
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
