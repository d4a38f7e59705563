// Package validate checks parsed record files against the JSON schemas and
// the rules beyond them, and reports findings with positions. It reads no
// files: the loader hands it bytes.
package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"github.com/mrtrack/mrtrack/schema"
	"github.com/santhosh-tekuri/jsonschema/v5"
	"go.yaml.in/yaml/v3"
)

// compiled is one schema, compiled for validation and kept as raw JSON to
// read keyword values (required names, allowed keys) when explaining errors.
// quick, when the schema allows it, accepts valid records first; the full
// validator is then compiled only when a record fails it, since compiling
// checks the schema against the metaschema, which costs more than
// validating a small data folder.
type compiled struct {
	schema func() (*jsonschema.Schema, error)
	raw    map[string]any
	quick  *quick
}

func compile(name string, src []byte) (*compiled, error) {
	full := sync.OnceValues(func() (*jsonschema.Schema, error) {
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft7
		url := "mrtrack:///schema/" + name
		if err := c.AddResource(url, bytes.NewReader(src)); err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		s, err := c.Compile(url)
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		return s, nil
	})
	var raw map[string]any
	if err := json.Unmarshal(src, &raw); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	q, err := compileQuick(raw)
	if err != nil {
		// A keyword quick does not know: the full validator does it all,
		// and a schema it cannot compile is refused here.
		if _, err := full(); err != nil {
			return nil, err
		}
		q = nil
	}
	return &compiled{full, raw, q}, nil
}

// check validates the document root and maps every leaf error back to
// its node. values makes the plain values the full validator reads, only
// for a document the quick check does not accept.
func (c *compiled) check(root *yaml.Node, values func(*yaml.Node) any) []located {
	if c.quick != nil && c.quick.valid(root) {
		return nil
	}
	value := values(root)
	full, err := c.schema()
	if err != nil {
		return []located{{node: root, rule: finding.RuleSchemaOther, msg: err.Error()}}
	}
	err = full.Validate(value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []located{{node: root, rule: finding.RuleSchemaOther, msg: err.Error()}}
	}
	var out []located
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, c.explain(root, value, e)...)
			return
		}
		for _, cause := range e.Causes {
			walk(cause)
		}
	}
	walk(ve)
	return out
}

// keyword returns the schema value at an absolute keyword location such as
// mrtrack:///schema/recommendation.schema.json#/definitions/action/required.
func (c *compiled) keyword(absLoc string) any {
	_, frag, _ := strings.Cut(absLoc, "#")
	return ydoc.Pointer(c.raw, frag)
}

// parentSchema returns the schema object holding the keyword at absLoc.
func (c *compiled) parentSchema(absLoc string) map[string]any {
	i := strings.LastIndex(absLoc, "/")
	if i < 0 {
		return nil
	}
	m, _ := c.keyword(absLoc[:i]).(map[string]any)
	return m
}

// subschema returns the schema object that applies to the value at path
// at, following properties, items and references; nil when the schema
// does not describe that place.
func (c *compiled) subschema(at path) map[string]any {
	s := c.resolve(c.raw)
	for _, tok := range at {
		if p, ok := ydoc.Pointer(s, "/properties/"+strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")).(map[string]any); ok {
			s = c.resolve(p)
			continue
		}
		items, ok := s["items"].(map[string]any)
		if _, err := strconv.Atoi(tok); !ok || err != nil {
			return nil
		}
		s = c.resolve(items)
	}
	return s
}

// resolve follows a schema object's $ref into the definitions.
func (c *compiled) resolve(s map[string]any) map[string]any {
	for range maxRefs {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		s, _ = c.keyword(ref).(map[string]any)
	}
	return s
}

// maxRefs bounds a chain of references, so a schema referring to itself
// cannot loop.
const maxRefs = 8

// Schemas holds the compiled schemas of both record kinds.
type Schemas struct {
	evaluation, recommendation *compiled
}

// LoadSchemas returns the embedded schemas, compiled on first use only.
func LoadSchemas() (*Schemas, error) { return loadSchemas() }

var loadSchemas = sync.OnceValues(func() (*Schemas, error) {
	ev, err := compile("evaluation.schema.json", schema.Evaluation)
	if err != nil {
		return nil, err
	}
	rec, err := compile("recommendation.schema.json", schema.Recommendation)
	if err != nil {
		return nil, err
	}
	return &Schemas{ev, rec}, nil
})

// located is a problem tied to a node, before it becomes a finding.
type located struct {
	node     *yaml.Node
	pointer  string
	rule     string
	msg      string
	hint     string
	severity finding.Severity
}
