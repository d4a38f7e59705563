// Package format lays a record file out in mrtrack's canonical form: keys
// in the schema's order, two-space indentation, block style for the record
// structure and for text spanning lines, comments kept. It changes layout
// only: a result that would read back as different data is refused.
package format

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// ErrNotRecord reports a file whose name is not a record's.
var ErrNotRecord = errors.New("not a record file (evaluation.yaml or rec-NN.yaml)")

// Format returns data in canonical form. name is the file's base name,
// which tells the record kind. Line endings follow the file's own (CRLF
// stays CRLF).
func Format(name string, data []byte) ([]byte, error) {
	kind, _ := validate.KindOf(name)
	order := orders.recommendation
	switch kind {
	case validate.KindEvaluation:
		order = orders.evaluation
	case validate.KindOther:
		return nil, ErrNotRecord
	}
	wasCRLF := crlf(data)
	if wasCRLF {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	root, probs := ydoc.Parse(data)
	for _, p := range probs {
		if rule, _ := finding.Info(p.Rule); rule.Severity == finding.Error {
			return nil, fmt.Errorf("%d:%d: %s; fix it before formatting", p.Line, p.Col, p.Message)
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	top := doc.Content[0]
	var header string
	if top.Kind == yaml.MappingNode && len(top.Content) > 0 {
		// The file's opening comments (the schema modeline) belong to the
		// file, not to whichever key happens to come first.
		header, top.Content[0].HeadComment = top.Content[0].HeadComment, ""
	}
	arrange(top, order)
	if header != "" {
		first := top.Content[0]
		first.HeadComment = strings.TrimSuffix(header+"\n"+first.HeadComment, "\n")
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	formatted := out.Bytes()
	if err := sameData(root, formatted); err != nil {
		return nil, err
	}
	if wasCRLF {
		formatted = bytes.ReplaceAll(formatted, []byte("\n"), []byte("\r\n"))
	}
	return formatted, nil
}

// crlf reports whether most line breaks in data are CRLF.
func crlf(data []byte) bool {
	n := bytes.Count(data, []byte("\n"))
	return n > 0 && bytes.Count(data, []byte("\r\n"))*2 > n
}

// sameData refuses a layout that would change what the file says.
func sameData(orig *yaml.Node, formatted []byte) error {
	again, probs := ydoc.Parse(formatted)
	if again == nil || len(probs) > 0 || !reflect.DeepEqual(ydoc.Value(orig), ydoc.Value(again)) {
		return errors.New("internal: formatting would change the data; the file was left as it is (please report this)")
	}
	return nil
}

// arrange sorts n's keys by ord and sets the canonical styles, recursively.
func arrange(n *yaml.Node, ord *keyOrder) {
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) > 0 {
			n.Style &^= yaml.FlowStyle
		}
		if ord != nil {
			sortPairs(n, ord.keys)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			arrange(n.Content[i+1], ord.child(n.Content[i].Value))
		}
	case yaml.SequenceNode:
		if len(n.Content) > 0 {
			n.Style &^= yaml.FlowStyle
		}
		for _, c := range n.Content {
			arrange(c, ord.item())
		}
	case yaml.ScalarNode:
		if n.ShortTag() != "!!str" {
			return
		}
		n.Style &^= yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle | yaml.FoldedStyle | yaml.LiteralStyle
		if bytes.ContainsRune([]byte(n.Value), '\n') {
			n.Style |= yaml.LiteralStyle
		}
	}
}

// sortPairs orders a mapping's key/value pairs: known keys in schema order,
// then unknown keys as they were (validate reports them).
func sortPairs(m *yaml.Node, keys []string) {
	rank := make(map[string]int, len(keys))
	for i, k := range keys {
		rank[k] = i
	}
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		pairs = append(pairs, pair{m.Content[i], m.Content[i+1]})
	}
	pos := func(p pair) int {
		if r, ok := rank[p.k.Value]; ok {
			return r
		}
		return len(keys)
	}
	// Insertion sort: stable, and records have a dozen keys at most.
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && pos(pairs[j]) < pos(pairs[j-1]); j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	for i, p := range pairs {
		m.Content[2*i], m.Content[2*i+1] = p.k, p.v
	}
}
