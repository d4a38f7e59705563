package importer

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/mrtrack/mrtrack/pkg/validate"
)

// yStr is a text value: always a string, quoted by the writer when YAML
// would read it otherwise ("2023" in a due_text).
func yStr(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// yToken is a value written plain and read by YAML's rules: a number, a
// date, a status, a year as an integer.
func yToken(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// yMap is a mapping of key, value pairs; a value is a *yaml.Node or a
// string (a text value).
func yMap(pairs ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(pairs); i += 2 {
		v, ok := pairs[i+1].(*yaml.Node)
		if !ok {
			v = yStr(fmt.Sprint(pairs[i+1]))
		}
		m.Content = append(m.Content, yStr(pairs[i].(string)), v)
	}
	return m
}

// ySeq is a sequence of nodes.
func ySeq(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
}

// unfilled is the placeholder import writes for a required value the source
// lacks: the one mrtrack new writes, which validate reports until a
// person fills it in.
func unfilled(what string) string { return validate.Unfilled + " " + what }
