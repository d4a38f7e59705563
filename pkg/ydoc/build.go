package ydoc

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Str is a text value, written quoted wherever YAML would read it as
// something else.
func Str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// Token is a value written plain (numbers, dates, statuses), whose type
// YAML resolves.
func Token(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// Mapping builds a mapping node from alternating keys and values; a value
// is a *yaml.Node, or a string taken as text (Str).
func Mapping(pairs ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(pairs); i += 2 {
		v, ok := pairs[i+1].(*yaml.Node)
		if !ok {
			v = Str(fmt.Sprint(pairs[i+1]))
		}
		m.Content = append(m.Content, Str(pairs[i].(string)), v)
	}
	return m
}

// Sequence builds a list node.
func Sequence(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Content: items}
}
