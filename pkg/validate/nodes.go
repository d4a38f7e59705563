package validate

import (
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// The quick check and the rules read the node tree as ydoc.Value would
// read it, without building the values: a mapping's scalar keys (of
// repeated ones the first, though Parse's checks let none reach the
// rules), its scalars as ydoc.Typed reads them. Only the full validator,
// explaining an error, takes the plain values.

// field is the value of key in the mapping n; nil when n is no mapping
// or does not hold key.
func field(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// text is the string n reads as; false when it reads as anything else.
func text(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	if _, typed := ydoc.Typed(n); typed {
		return "", false
	}
	return n.Value, true
}

// integer is the whole number n reads as, when it reads as an int64.
func integer(n *yaml.Node) (int64, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return 0, false
	}
	v, _ := ydoc.Typed(n)
	i, ok := v.(int64)
	return i, ok
}

// items are the items of the sequence n; false when n is no sequence.
func items(n *yaml.Node) ([]*yaml.Node, bool) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil, false
	}
	return n.Content, true
}

// isMapping reports whether n is a mapping.
func isMapping(n *yaml.Node) bool { return n != nil && n.Kind == yaml.MappingNode }

// plain is n's plain value (nil for no node), for a message or a value
// that is not text.
func plain(n *yaml.Node) any {
	if n == nil {
		return nil
	}
	return ydoc.Value(n)
}

// isNull reports whether n's plain value is nil.
func isNull(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		return false
	case yaml.ScalarNode:
		v, typed := ydoc.Typed(n)
		return typed && v == nil
	}
	return true
}

// sprint writes n's value as fmt.Sprint writes its plain value.
func sprint(n *yaml.Node) string {
	if s, ok := text(n); ok {
		return s
	}
	return fmt.Sprint(plain(n))
}
