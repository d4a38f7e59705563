// Package edit changes values in a record file by splicing new text into
// the original bytes at the nodes' positions, so comments, key order,
// quoting, blank lines, line endings and every untouched line stay exactly
// as they were. It refuses what it cannot do without guessing (values
// inside flow collections {…}, [...]).
package edit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Doc is a record file being edited.
type Doc struct {
	src    []byte
	root   *yaml.Node // the document's top mapping
	nl     string     // the file's line ending
	starts []int      // byte offset of each line
	edits  []splice
}

type splice struct {
	start, end int
	text       string
}

// Parse reads a record file for editing.
func Parse(src []byte) (*Doc, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the file does not hold a mapping")
	}
	d := &Doc{src: src, root: doc.Content[0], nl: "\n", starts: []int{0}}
	if bytes.Contains(src, []byte("\r\n")) {
		d.nl = "\r\n"
	}
	for i, c := range src {
		if c == '\n' {
			d.starts = append(d.starts, i+1)
		}
	}
	return d, nil
}

// Root returns the document's top mapping.
func (d *Doc) Root() *yaml.Node { return d.root }

// Bytes returns the file with every edit applied.
func (d *Doc) Bytes() []byte {
	// Apply from the end of the file back, so offsets stay true; of two
	// edits at one place the later is applied first, so it ends up after.
	edits := slices.Clone(d.edits)
	slices.Reverse(edits)
	slices.SortStableFunc(edits, func(a, b splice) int { return b.start - a.start })
	out := slices.Clone(d.src)
	for _, e := range edits {
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
	}
	return out
}

// offset converts a node's 1-based line and column (in characters) to a
// byte offset.
func (d *Doc) offset(line, col int) int {
	if line < 1 || line > len(d.starts) {
		return len(d.src)
	}
	off := d.starts[line-1]
	for c := 1; c < col && off < len(d.src); c++ {
		_, size := utf8.DecodeRune(d.src[off:])
		off += size
	}
	return off
}

// lineEnd returns the offset of the line break (or end of file) of the
// line holding offset off.
func (d *Doc) lineEnd(off int) int {
	if i := bytes.IndexByte(d.src[off:], '\n'); i >= 0 {
		end := off + i
		if end > 0 && d.src[end-1] == '\r' {
			end--
		}
		return end
	}
	return len(d.src)
}

// indentOf returns the number of leading spaces of line (1-based), or -1
// for a blank or comment-only line.
func (d *Doc) indentOf(line int) int {
	if line > len(d.starts) {
		return -1
	}
	start := d.starts[line-1]
	end := d.lineEnd(start)
	text := d.src[start:end]
	trimmed := bytes.TrimLeft(text, " ")
	if len(bytes.TrimSpace(trimmed)) == 0 || trimmed[0] == '#' {
		return -1
	}
	return len(text) - len(trimmed)
}

// extent returns the byte range a value node occupies. keyIndent is the
// indentation of the key that holds it, which bounds block scalars and
// plain scalars continued on following lines.
func (d *Doc) extent(n *yaml.Node, keyIndent int) (int, int, error) {
	start := d.offset(n.Line, n.Column)
	switch n.Kind {
	case yaml.ScalarNode:
	case yaml.MappingNode, yaml.SequenceNode:
		if len(n.Content) == 0 {
			return start, d.scanFlow(start), nil
		}
		last := n.Content[len(n.Content)-1]
		_, end, err := d.extent(last, d.indentOf(last.Line))
		return start, end, err
	default:
		return 0, 0, fmt.Errorf("line %d: aliases cannot be edited", n.Line)
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return start, d.scanDouble(start), nil
	case n.Style&yaml.SingleQuotedStyle != 0:
		return start, d.scanSingle(start), nil
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		end := d.lineEnd(start)
		for line := n.Line + 1; line <= len(d.starts); line++ {
			ind := d.indentOf(line)
			if ind == -1 && !d.isComment(line) {
				continue // blank lines belong to the block only if more content follows
			}
			if ind <= keyIndent {
				break
			}
			end = d.lineEnd(d.starts[line-1])
		}
		return start, end, nil
	}
	end := d.plainEnd(start)
	for line := n.Line + 1; line <= len(d.starts); line++ {
		ind := d.indentOf(line)
		if ind <= keyIndent {
			break
		}
		end = d.plainEnd(d.starts[line-1])
	}
	return start, end, nil
}

func (d *Doc) isComment(line int) bool {
	start := d.starts[line-1]
	t := bytes.TrimSpace(d.src[start:d.lineEnd(start)])
	return len(t) > 0 && t[0] == '#'
}

// plainEnd is where a plain scalar starting at off ends on its line: before
// a " #" comment and trailing blanks.
func (d *Doc) plainEnd(off int) int {
	end := d.lineEnd(off)
	line := d.src[off:end]
	if i := bytes.Index(line, []byte(" #")); i >= 0 {
		line = line[:i]
	}
	if i := bytes.Index(line, []byte("\t#")); i >= 0 {
		line = line[:i]
	}
	return off + len(bytes.TrimRight(line, " \t"))
}

func (d *Doc) scanDouble(off int) int {
	for i := off + 1; i < len(d.src); i++ {
		switch d.src[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(d.src)
}

func (d *Doc) scanSingle(off int) int {
	for i := off + 1; i < len(d.src); i++ {
		if d.src[i] == '\'' {
			if i+1 < len(d.src) && d.src[i+1] == '\'' {
				i++
				continue
			}
			return i + 1
		}
	}
	return len(d.src)
}

// scanFlow finds the end of an empty flow collection ([] or {}).
func (d *Doc) scanFlow(off int) int {
	if i := bytes.IndexAny(d.src[off:], "]}"); i >= 0 {
		return off + i + 1
	}
	return d.lineEnd(off)
}

// Lookup returns the value node of key in mapping m, or nil.
func Lookup(m *yaml.Node, key string) *yaml.Node {
	_, v := entry(m, key)
	return v
}

func entry(m *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// Set gives key in the block mapping m the value v, replacing the value's
// text in place or, when the key is missing, adding a line after the last
// key of order that precedes it (or at the end of the mapping).
func (d *Doc) Set(m *yaml.Node, key string, v Value, order []string) error {
	if m.Style&yaml.FlowStyle != 0 {
		return fmt.Errorf("line %d is written in flow style {…}; run mrtrack fmt on the file first", m.Line)
	}
	keyIndent := m.Column - 1
	k, old := entry(m, key)
	if old != nil {
		if old.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: %s holds a %s, not a single value", old.Line, key, kindName(old))
		}
		start, end, err := d.extent(old, d.indentOf(k.Line))
		if err != nil {
			return err
		}
		text, err := v.render(old, keyIndent, d.nl)
		if err != nil {
			return err
		}
		d.edits = append(d.edits, splice{start, end, text})
		return nil
	}
	after := d.insertionPoint(m, key, order)
	text, err := v.render(nil, keyIndent, d.nl)
	if err != nil {
		return err
	}
	line := d.nl + strings.Repeat(" ", keyIndent) + key + ": " + text
	d.edits = append(d.edits, splice{after, after, line})
	return nil
}

// insertionPoint is the end of the line that closes the entry a new key
// follows: the last present key that comes before it in order.
func (d *Doc) insertionPoint(m *yaml.Node, key string, order []string) int {
	rank := slices.Index(order, key)
	prev := len(m.Content) - 2 // default: after the last entry
	if rank >= 0 {
		best := -1
		for i := 0; i+1 < len(m.Content); i += 2 {
			r := slices.Index(order, m.Content[i].Value)
			if r >= 0 && r < rank && r > best {
				best, prev = r, i
			}
		}
	}
	k, v := m.Content[prev], m.Content[prev+1]
	_, end, err := d.extent(v, d.indentOf(k.Line))
	if err != nil {
		end = d.offset(v.Line, v.Column)
	}
	return d.lineEnd(end)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}
