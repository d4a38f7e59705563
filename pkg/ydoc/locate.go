package ydoc

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Locate follows a JSON pointer (/actions/2/due) from root and returns the
// deepest node it reaches and, when the last step was a mapping key, that
// key's node. A pointer into a missing key stops at its parent mapping.
func Locate(root *yaml.Node, pointer string) (node, key *yaml.Node) {
	node = root
	if pointer == "" {
		return node, nil
	}
	for _, tok := range tokens(pointer) {
		switch node.Kind {
		case yaml.MappingNode:
			k, v := MapEntry(node, tok)
			if v == nil {
				return node, nil
			}
			node, key = v, k
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(node.Content) {
				return node, nil
			}
			node, key = node.Content[i], nil
		default:
			return node, key
		}
	}
	return node, key
}

// MapEntry returns the key and value nodes of key in mapping m, or nils.
func MapEntry(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// FieldPath turns a JSON pointer into the path shown beside findings:
// /actions/2/due becomes $.actions[2].due.
func FieldPath(pointer string) string {
	var b strings.Builder
	b.WriteString("$")
	if pointer == "" {
		return b.String()
	}
	for _, tok := range tokens(pointer) {
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
		} else {
			b.WriteString("." + tok)
		}
	}
	return b.String()
}

// tokens splits a JSON pointer into its unescaped reference tokens.
func tokens(pointer string) []string {
	toks := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i, t := range toks {
		toks[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return toks
}
