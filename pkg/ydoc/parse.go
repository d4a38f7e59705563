// Package ydoc parses one record file into yaml.v3 nodes, so every later
// finding can name a line and a column, and turns nodes into the plain
// values a JSON schema validates. It checks what YAML itself allows but
// records must not contain (aliases, duplicate keys, several documents); it
// knows nothing of the record format.
package ydoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// MaxDepth is the deepest nesting accepted; a recommendation needs six.
const MaxDepth = 32

// Problem is a finding without its file.
type Problem struct {
	Line, Col int
	Rule      string
	Message   string
	Hint      string
}

// Parse reads one YAML document into a node tree and checks it can stand
// for a record. It returns the document's root node (nil when there is no
// usable document) and every problem found; a non-nil root with problems
// can still be validated further. A file in fmt's canonical layout is read
// by parseCanonical, anything else by yaml.v3; the trees are the same.
func Parse(data []byte) (*yaml.Node, []Problem) {
	return parse(data, string(data), new(Parser))
}

// parse is Parse reading the canonical layout from src, data as a string,
// into nodes from mem.
func parse(data []byte, src string, mem *Parser) (*yaml.Node, []Problem) {
	if !cleanText(data) {
		if p, ok := checkEncoding(data); !ok {
			return nil, []Problem{p}
		}
		if probs := checkCharacters(data); len(probs) > 0 {
			return nil, probs
		}
	}
	if !hasContent(data) {
		return nil, []Problem{{Line: 1, Col: 1, Rule: finding.RuleEmptyFile, Message: "file holds no YAML document", Hint: "start from an existing record or run mrtrack new"}}
	}
	if root, ok := parseCanonical(src, mem); ok {
		return root, nil // it gives up on whatever check would report
	}
	return parseYAML(data)
}

// parseYAML is Parse's way for any document: yaml.v3.
func parseYAML(data []byte) (*yaml.Node, []Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decode(dec, &doc); err != nil {
		return nil, []Problem{syntaxProblem(err, data)}
	}
	var probs []Problem
	var second yaml.Node
	switch err := decode(dec, &second); {
	case errors.Is(err, io.EOF):
	case err != nil:
		probs = append(probs, syntaxProblem(err, data))
	default:
		probs = append(probs, Problem{Line: second.Line, Col: second.Column, Rule: finding.RuleMultiDocument,
			Message: "file holds more than one YAML document", Hint: "keep one record per file and remove the '---' separator"})
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, append(probs, Problem{Line: 1, Col: 1, Rule: finding.RuleEmptyFile, Message: "file holds no YAML document"})
	}
	root := doc.Content[0]
	probs = append(probs, summariseAliases(check(root, data))...)
	return root, probs
}

// decode turns panics inside the YAML library into errors: no input may
// crash mrtrack.
func decode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return dec.Decode(n)
}

var lineRE = lazyregexp.New(`^yaml: (?:line (\d+): )?(.*)$`)

// syntaxProblem places a yaml.v3 error. The library reports a line but no
// column, so the column is that of the line's first non-blank character,
// unless realLine finds the line the trouble is really on.
func syntaxProblem(err error, data []byte) Problem {
	msg := err.Error()
	line := 1
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		msg = m[2]
	}
	if strings.Contains(msg, "exceeded max depth") {
		return Problem{Line: line, Col: firstColumn(data, line), Rule: finding.RuleTooDeep,
			Message: "nesting too deep: " + msg}
	}
	col := firstColumn(data, line)
	if l, c, ok := realLine(msg, data, line); ok {
		line, col = l, c
	}
	return Problem{Line: line, Col: col, Rule: finding.RuleYAMLSyntax,
		Message: "YAML syntax: " + msg, Hint: syntaxHint(msg)}
}

func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "tab"):
		return "indent with spaces, not tabs"
	case strings.Contains(msg, "mapping values are not allowed"):
		return "a value containing ': ' must be quoted, or the indentation is off"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-'"):
		return "check the indentation of this line and the one above"
	case strings.Contains(msg, "found character that cannot start any token"):
		return "quote the value, or replace tabs with spaces"
	}
	return ""
}

func firstColumn(data []byte, line int) int {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return 1
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	col := 1
	for _, r := range string(data) {
		if r != ' ' && r != '\t' {
			return col
		}
		col++
	}
	return 1
}

// checkEncoding rejects bytes that are not UTF-8 text, naming where.
func checkEncoding(data []byte) (Problem, bool) {
	if enc := unicodeEncoding(data); enc != "" {
		return Problem{Line: 1, Col: 1, Rule: finding.RuleEncoding, Message: "file is " + enc + "; records are UTF-8", Hint: "save the file as UTF-8"}, false
	}
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		return Problem{}, true // the common case, at memory speed; the loop below places a problem
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		c := data[i]
		if c == 0 {
			return Problem{Line: line, Col: col, Rule: finding.RuleEncoding, Message: "NUL byte: this is not a text file"}, false
		}
		if c < utf8.RuneSelf {
			i++
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return Problem{Line: line, Col: col, Rule: finding.RuleEncoding,
				Message: fmt.Sprintf("invalid UTF-8 byte 0x%02X", c), Hint: "save the file as UTF-8 (it may be Latin-1 or Windows-1252)"}, false
		}
		i += size
		col++
	}
	return Problem{}, true
}

// unicodeEncoding names the UTF-16 or UTF-32 encoding data starts with, by
// its byte order mark or, without one, by the zero bytes an ASCII first
// character has in it; "" for anything else. UTF-32LE's mark starts with
// UTF-16LE's, so the longer marks are tested first.
func unicodeEncoding(data []byte) string {
	marks := []struct {
		prefix string
		name   string
	}{
		{"\xFF\xFE\x00\x00", "UTF-32LE"}, {"\x00\x00\xFE\xFF", "UTF-32BE"},
		{"\xFF\xFE", "UTF-16LE"}, {"\xFE\xFF", "UTF-16BE"},
	}
	for _, m := range marks {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.name
		}
	}
	if len(data) < 4 {
		return ""
	}
	ascii := func(c byte) bool { return c != 0 && c < utf8.RuneSelf }
	switch z := [4]bool{data[0] == 0, data[1] == 0, data[2] == 0, data[3] == 0}; {
	case ascii(data[0]) && z == [4]bool{false, true, true, true}:
		return "UTF-32LE (without a byte order mark)"
	case ascii(data[3]) && z == [4]bool{true, true, true, false}:
		return "UTF-32BE (without a byte order mark)"
	case ascii(data[0]) && ascii(data[2]) && z == [4]bool{false, true, false, true}:
		return "UTF-16LE (without a byte order mark)"
	case ascii(data[1]) && ascii(data[3]) && z == [4]bool{true, false, true, false}:
		return "UTF-16BE (without a byte order mark)"
	}
	return ""
}

// hasContent reports whether data has a line that is neither blank nor a
// comment, so a file of comments alone counts as empty.
func hasContent(data []byte) bool {
	for line := range bytes.Lines(data) {
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			return true
		}
	}
	return false
}

// check walks the tree of data once for what records must not contain. It
// stops descending past MaxDepth, so hostile nesting costs nothing further.
func check(root *yaml.Node, data []byte) []Problem {
	var probs []Problem
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := make([]item, 1, 64)
	stack[0] = item{root, 1}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if it.depth > MaxDepth {
			probs = append(probs, Problem{Line: n.Line, Col: n.Column, Rule: finding.RuleTooDeep,
				Message: fmt.Sprintf("nesting deeper than %d levels", MaxDepth)})
			continue
		}
		if n.Kind == yaml.AliasNode {
			probs = append(probs, Problem{Line: n.Line, Col: n.Column, Rule: finding.RuleAlias,
				Message: "alias *" + n.Value + " is not allowed in records", Hint: "write the value out in full"})
			continue
		}
		if n.Anchor != "" {
			probs = append(probs, Problem{Line: n.Line, Col: n.Column, Rule: finding.RuleAlias,
				Message: "anchor &" + n.Anchor + " is not allowed in records", Hint: "remove the anchor"})
		}
		// An explicit tag makes YAML read a value otherwise than Value
		// does (!!binary decodes base64, !!float fails on text), so a record
		// the schema passed could not be read into the model. !!str, which
		// only says "text", is harmless.
		if n.Style&yaml.TaggedStyle != 0 && n.Tag != "!!str" {
			probs = append(probs, Problem{Line: n.Line, Col: n.Column, Rule: finding.RuleYAMLSyntax,
				Message: "tag " + n.Tag + " is not allowed in records", Hint: "remove the tag; quote the value if it must be read as text"})
		}
		// Only an escape can put a refused character in a double-quoted
		// value: checkCharacters has refused them raw.
		if n.Kind == yaml.ScalarNode && n.Style&yaml.DoubleQuotedStyle != 0 && IndexForbidden(n.Value) >= 0 {
			probs = append(probs, escapedProblem(data, n))
		}
		if n.Kind == yaml.MappingNode {
			var seen map[string]*yaml.Node // large mappings only: see earlier
			if len(n.Content) > 2*smallMapping {
				seen = make(map[string]*yaml.Node, len(n.Content)/2)
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode || (k.Tag != "!!str" && k.Tag != "!!merge") {
					probs = append(probs, Problem{Line: k.Line, Col: k.Column, Rule: finding.RuleKeyType,
						Message: "mapping key must be a plain string", Hint: "quote the key or fix the indentation"})
					continue
				}
				if k.Tag == "!!merge" {
					probs = append(probs, Problem{Line: k.Line, Col: k.Column, Rule: finding.RuleAlias,
						Message: "merge key << is not allowed in records", Hint: "write the keys out in full"})
					continue
				}
				if prev := earlier(n, i, seen); prev != nil {
					probs = append(probs, Problem{Line: k.Line, Col: k.Column, Rule: finding.RuleDuplicateKey,
						Message: fmt.Sprintf("key %q appears twice (first at line %d)", k.Value, prev.Line),
						Hint:    "keep one of the two"})
					continue
				}
				if seen != nil {
					seen[k.Value] = k
				}
			}
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, item{n.Content[i], it.depth + 1})
		}
	}
	return probs
}

// smallMapping is the most keys a mapping has for earlier to compare them
// pair by pair: a record's mappings have a dozen, and a map for each would
// cost more than the comparisons.
const smallMapping = 16

// earlier returns the first plain key before position i of mapping n that
// has the same text as the key at i, or nil. seen holds those keys when the
// mapping is too large to compare pair by pair.
func earlier(n *yaml.Node, i int, seen map[string]*yaml.Node) *yaml.Node {
	k := n.Content[i]
	if seen != nil {
		return seen[k.Value]
	}
	for j := 0; j < i; j += 2 {
		if p := n.Content[j]; p.Kind == yaml.ScalarNode && p.Tag == "!!str" && p.Value == k.Value {
			return p
		}
	}
	return nil
}

// summariseAliases keeps the first anchor or alias problem and counts the
// rest, so an alias bomb gives one finding rather than thousands.
func summariseAliases(probs []Problem) []Problem {
	out := probs[:0:0]
	first, more := -1, 0
	for _, p := range probs {
		if p.Rule != finding.RuleAlias {
			out = append(out, p)
			continue
		}
		if first >= 0 {
			more++
			continue
		}
		first = len(out)
		out = append(out, p)
	}
	if more > 0 {
		out[first].Message += fmt.Sprintf(" (and %d more anchors or aliases)", more)
	}
	return out
}
