package ydoc

import (
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Value converts a node tree that passed Parse's checks into the values a
// JSON schema validates: map[string]any, []any, string, int64, float64,
// bool and nil. Timestamps stay strings as written, so dates keep their
// form; of duplicate keys the first wins, as the duplicate is reported.
func Value(n *yaml.Node) any {
	return value(n, 1, nil)
}

// value builds the values of n; a nil mem allocates them anew.
func value(n *yaml.Node, depth int, mem *Parser) any {
	if depth > MaxDepth {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := mem.mapping(len(n.Content) / 2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if _, dup := m[k.Value]; dup || k.Kind != yaml.ScalarNode {
				continue
			}
			m[k.Value] = value(n.Content[i+1], depth+1, mem)
		}
		return m
	case yaml.SequenceNode:
		s := mem.sequence(len(n.Content))
		for i, c := range n.Content {
			s[i] = value(c, depth+1, mem)
		}
		return s
	case yaml.ScalarNode:
		return scalar(n)
	}
	return nil
}

func scalar(n *yaml.Node) any {
	if v, ok := Typed(n); ok {
		return v
	}
	return n.Value
}

// Typed is what Value makes of the scalar n when that is not its text: nil,
// a bool, an int64 or a float64, and true; false when Value reads n as the
// string n.Value. The checks that read nodes ask it, so that text, nearly
// every scalar, is never boxed.
func Typed(n *yaml.Node) (any, bool) {
	switch n.ShortTag() {
	case "!!null":
		return nil, true
	case "!!bool":
		if b, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
			return b, true
		}
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return i, true
		}
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(f, 0) {
			return f, true
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f, true
		}
	}
	return nil, false
}

// Pointer returns the value a JSON pointer (/actions/2) leads to in a value
// made by Value, or nil.
func Pointer(v any, pointer string) any {
	if pointer == "" {
		return v
	}
	for _, tok := range tokens(pointer) {
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}
