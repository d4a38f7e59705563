package format

import (
	"github.com/mrtrack/mrtrack/pkg/validate"
	"strings"

	"github.com/mrtrack/mrtrack/schema"
	"go.yaml.in/yaml/v3"
)

// keyOrder is the order of an object's keys in the schema, with the orders
// of the objects below it.
type keyOrder struct {
	keys     []string
	children map[string]*keyOrder
	items    *keyOrder // for the objects of a list
}

func (o *keyOrder) child(key string) *keyOrder {
	if o == nil {
		return nil
	}
	return o.children[key]
}

func (o *keyOrder) item() *keyOrder {
	if o == nil {
		return nil
	}
	return o.items
}

var orders = struct{ evaluation, recommendation *keyOrder }{
	evaluation:     orderOf(schema.Evaluation),
	recommendation: orderOf(schema.Recommendation),
}

// orderOf reads the key order out of a schema. JSON objects have no order
// once decoded into Go maps, so the schema is read as YAML nodes, which
// keep it.
func orderOf(src []byte) *keyOrder {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 {
		panic("format: embedded schema does not parse: " + err.Error())
	}
	root := doc.Content[0]
	return build(root, root)
}

func build(root, s *yaml.Node) *keyOrder {
	s = resolve(root, s)
	if s == nil {
		return nil
	}
	o := &keyOrder{children: map[string]*keyOrder{}}
	if props := get(s, "properties"); props != nil {
		for i := 0; i+1 < len(props.Content); i += 2 {
			name := props.Content[i].Value
			o.keys = append(o.keys, name)
			o.children[name] = build(root, props.Content[i+1])
		}
	}
	if items := get(s, "items"); items != nil {
		o.items = build(root, items)
	}
	return o
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
			return nil
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

// Keys returns the schema's key order for the object reached from a record's
// root through path, where a list key stands for its items:
// Keys(KindRecommendation, "actions", "steps") gives a step's keys.
func Keys(kind validate.Kind, path ...string) []string {
	o := orders.recommendation
	if kind == validate.KindEvaluation {
		o = orders.evaluation
	}
	for _, p := range path {
		o = o.child(p)
		if o != nil && o.items != nil {
			o = o.items
		}
	}
	if o == nil {
		return nil
	}
	return o.keys
}
