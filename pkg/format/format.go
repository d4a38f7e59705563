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
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// ErrNotRecord reports a file whose name is not a record's.
var ErrNotRecord = errors.New("not a record file (evaluation.yaml or rec-NN.yaml)")

// InputError is a problem in the file, at its line and column, that
// keeps it from being formatted until it is fixed.
type InputError struct{ ydoc.Problem }

func (e *InputError) Error() string {
	return fmt.Sprintf("%d:%d: %s; fix it before formatting", e.Line, e.Col, e.Message)
}

// Format returns data in canonical form. name is the file's base name,
// which tells the record kind. Line endings follow the file's own (CRLF
// stays CRLF).
func Format(name string, data []byte) ([]byte, error) {
	kind, _ := validate.KindOf(name)
	order := orders().recommendation
	switch kind {
	case validate.KindEvaluation:
		order = orders().evaluation
	case validate.KindOther:
		return nil, ErrNotRecord
	}
	// YAML reads CRLF and a lone CR as a line break; reading LF only
	// changes nothing, and the output takes the file's own ending again,
	// except a lone CR, which validate refuses (git and editors see one
	// long line): fmt is how such a file is repaired, so it writes LF.
	nl := LineEnding(data)
	if nl == "\r" {
		nl = "\n"
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	formatted, commented, err := layout(data, order)
	// The encoder places some comments (one after a key with no value,
	// at the end of the file) where reading them back attaches them
	// elsewhere; laying the result out again settles them, so that fmt
	// leaves its own output alone. Files without comments settle at once,
	// and so does a file already canonical: layout gave back its bytes,
	// and would again.
	settled := err == nil && bytes.Equal(formatted, data)
	for i := 0; commented && !settled && i < 2 && err == nil; i++ {
		var again []byte
		if again, _, err = layout(formatted, order); err == nil && bytes.Equal(again, formatted) {
			break
		}
		formatted = again
	}
	if err != nil {
		return nil, err
	}
	if nl != "\n" {
		formatted = bytes.ReplaceAll(formatted, []byte("\n"), []byte(nl))
	}
	return formatted, nil
}

// layout is one pass of Format over LF-only data. commented says whether
// the file holds comments besides its header.
func layout(data []byte, order *keyOrder) (formatted []byte, commented bool, err error) {
	root, probs := ydoc.Parse(data)
	for _, p := range probs {
		if rule, _ := finding.Info(p.Rule); rule.Severity == finding.Error {
			return nil, false, &InputError{p}
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, false, err
	}
	top := doc.Content[0]
	var header string
	if top.Kind == yaml.MappingNode && len(top.Content) > 0 {
		// The file's opening comments (the schema modeline) belong to the
		// file, not to whichever key happens to come first.
		header, top.Content[0].HeadComment = top.Content[0].HeadComment, ""
	}
	keepLineComment(top, nil, order)
	arrange(top, order)
	commented = hasComments(&doc)
	if header != "" {
		first := top.Content[0]
		first.HeadComment = strings.TrimSuffix(header+"\n"+first.HeadComment, "\n")
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, false, err
	}
	if err := enc.Close(); err != nil {
		return nil, false, err
	}
	formatted = out.Bytes()
	if bytes.Equal(formatted, data) {
		return formatted, commented, nil // already canonical: the same bytes say the same
	}
	if err := sameData(root, formatted); err != nil {
		return nil, false, err
	}
	return formatted, commented, nil
}

// hasComments reports whether a comment is attached to n or below it.
func hasComments(n *yaml.Node) bool {
	if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
		return true
	}
	for _, c := range n.Content {
		if hasComments(c) {
			return true
		}
	}
	return false
}

// LineEnding returns the line break most of data's lines end with: "\n",
// "\r\n" or a lone "\r" (which YAML reads as a break too); "\n" for a tie
// or a file of one line.
func LineEnding(data []byte) string {
	crlf := bytes.Count(data, []byte("\r\n"))
	cr := bytes.Count(data, []byte("\r")) - crlf
	lf := bytes.Count(data, []byte("\n")) - crlf
	switch {
	case crlf > lf && crlf >= cr:
		return "\r\n"
	case cr > lf && cr > crlf:
		return "\r"
	}
	return "\n"
}

// Scalar returns value written as fmt writes it after "key: ", for a key
// indented by indent spaces, with nl between lines. text says value is
// text (a string however it reads); otherwise it is a token (a number,
// date or status) written plain where YAML allows, whose type YAML
// resolves. The writers use it so that what they write is already in
// canonical form.
func Scalar(value string, text bool, indent int, nl string) (string, error) {
	if !utf8.ValidString(value) {
		return "", errors.New("the value is not valid UTF-8")
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value}
	if text {
		n.Tag = "!!str"
		n.Style = textStyle(value)
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	key := &yaml.Node{Kind: yaml.ScalarNode, Value: "k"}
	if err := enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{key, n}}); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	s := strings.TrimSuffix(strings.TrimPrefix(out.String(), "k:"), "\n")
	s = strings.TrimPrefix(s, " ")
	lines := strings.Split(s, "\n")
	pad := strings.Repeat(" ", indent)
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, nl), nil
}

// textStyle is the canonical style of a text value: a literal block for
// text spanning lines, double quotes (which escape them) when it holds a
// line break other than LF, and otherwise none, so that the encoder picks
// plain, then single quotes, then double quotes, as the text allows.
func textStyle(value string) yaml.Style {
	switch {
	case strings.ContainsAny(value, "\r\u0085\u2028\u2029"):
		// The encoder would write NEL, LS and PS raw, and YAML reads
		// them (and CR) as line breaks.
		return yaml.DoubleQuotedStyle
	case strings.Contains(value, "\n"):
		return yaml.LiteralStyle
	}
	return 0
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
			keepLineComment(n.Content[i+1], n.Content[i], nil)
			arrange(n.Content[i+1], ord.child(n.Content[i].Value))
		}
	case yaml.SequenceNode:
		if len(n.Content) > 0 {
			n.Style &^= yaml.FlowStyle
		}
		for _, c := range n.Content {
			keepLineComment(c, nil, ord.item())
			arrange(c, ord.item())
		}
	case yaml.ScalarNode:
		if n.ShortTag() != "!!str" {
			return
		}
		n.Style &^= yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle | yaml.FoldedStyle | yaml.LiteralStyle
		n.Style |= textStyle(n.Value)
	}
}

// keepLineComment moves the comment after a flow collection that becomes
// a block (key: [a] # c) to the node that ends the same line once it is a
// block: the key, or the first item or value. The encoder would write a
// block collection's own line comment after its next scalar, elsewhere in
// the file, or drop it at the end of the file.
// ord is n's key order, which decides which key comes first.
func keepLineComment(n, key *yaml.Node, ord *keyOrder) {
	if n.Style&yaml.FlowStyle == 0 || len(n.Content) == 0 || n.LineComment == "" {
		return
	}
	if n.Kind == yaml.MappingNode && ord != nil {
		sortPairs(n, ord.keys)
	}
	to := key
	switch {
	case to != nil:
	case n.Kind == yaml.MappingNode && n.Content[1].Kind == yaml.ScalarNode:
		to = n.Content[1]
	default:
		// The first key of a mapping whose value is a collection, or the
		// first item of a list, which is moved on in turn if it is a flow
		// collection itself.
		to = n.Content[0]
	}
	to.LineComment = strings.TrimPrefix(to.LineComment+" "+n.LineComment, " ")
	n.LineComment = ""
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
