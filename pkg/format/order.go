package format

import (
	"sync"

	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/validate"
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

// orders are built on first use, as the field table is.
var orders = sync.OnceValue(func() struct{ evaluation, recommendation *keyOrder } {
	return struct{ evaluation, recommendation *keyOrder }{
		evaluation:     orderOf(fields.Of(fields.Evaluation)),
		recommendation: orderOf(fields.Of(fields.Recommendation)),
	}
})

// orderOf is a record's key order, from the field table (the schema's
// order).
func orderOf(r *fields.Record) *keyOrder {
	o := &keyOrder{keys: r.Names(), children: map[string]*keyOrder{}}
	for _, f := range r.Fields {
		switch f.Kind {
		case fields.Object:
			o.children[f.Name] = orderOf(f.Sub)
		case fields.Items:
			o.children[f.Name] = &keyOrder{children: map[string]*keyOrder{}, items: orderOf(f.Sub)}
		default:
			o.children[f.Name] = &keyOrder{children: map[string]*keyOrder{}}
		}
	}
	return o
}

// Keys returns the schema's key order for the object reached from a record's
// root through path, where a list key stands for its items:
// Keys(KindRecommendation, "actions", "steps") gives a step's keys.
func Keys(kind validate.Kind, path ...string) []string {
	o := orders().recommendation
	if kind == validate.KindEvaluation {
		o = orders().evaluation
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
