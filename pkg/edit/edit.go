// Package edit changes values in a record file by splicing new text into
// the original bytes at the nodes' positions, so comments, key order,
// blank lines, line endings and every untouched line stay exactly as they
// were; a changed value is written as mrtrack fmt writes it. It refuses
// what it cannot do without guessing (values inside flow collections {…},
// [...]). It reads and writes bytes only: checking the result and writing
// the file belong to its callers.
package edit

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/format"
	"go.yaml.in/yaml/v3"
)

// Doc is a record file being edited.
type Doc struct {
	src   []byte
	root  *yaml.Node // the document's top mapping
	nl    string     // the file's line ending
	lines []span     // each line's text, without its line break
	edits []splice
}

type span struct{ start, end int }

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
	return &Doc{src: src, root: doc.Content[0], nl: format.LineEnding(src), lines: lines(src)}, nil
}

// lines splits src where YAML sees a line break, so that the nodes' line
// numbers index it: CRLF, a lone CR or LF, NEL, LS and PS. A byte order
// mark is not part of the first line.
func lines(src []byte) []span {
	var out []span
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
	}
	for i := start; i < len(src); {
		n := breakLen(src[i:])
		if n == 0 {
			i++
			continue
		}
		out = append(out, span{start, i})
		i += n
		start = i
	}
	return append(out, span{start, len(src)})
}

// breakLen is the length of the line break b starts with, or 0.
func breakLen(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("\r\n")):
		return 2
	case b[0] == '\r' || b[0] == '\n':
		return 1
	case bytes.HasPrefix(b, []byte("\u0085")):
		return 2
	case bytes.HasPrefix(b, []byte("\u2028")), bytes.HasPrefix(b, []byte("\u2029")):
		return 3
	}
	return 0
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
// byte offset, at most the end of that line.
func (d *Doc) offset(line, col int) int {
	if line < 1 || line > len(d.lines) {
		return len(d.src)
	}
	l := d.lines[line-1]
	off := l.start
	for c := 1; c < col && off < l.end; c++ {
		_, size := utf8.DecodeRune(d.src[off:l.end])
		off += size
	}
	return off
}

// lineAt returns the index in d.lines of the line holding offset off.
func (d *Doc) lineAt(off int) int {
	return max(0, sort.Search(len(d.lines), func(i int) bool { return d.lines[i].start > off })-1)
}

// lineEnd returns the offset of the line break (or end of file) of the
// line holding offset off.
func (d *Doc) lineEnd(off int) int { return d.lines[d.lineAt(off)].end }

// indent returns the number of leading spaces of line i (0-based) and
// whether the line holds nothing else but spaces and tabs.
func (d *Doc) indent(i int) (n int, blank bool) {
	text := d.src[d.lines[i].start:d.lines[i].end]
	trimmed := bytes.TrimLeft(text, " ")
	return len(text) - len(trimmed), len(bytes.Trim(trimmed, " \t")) == 0
}

// extent returns the byte range a value node occupies. bound is the
// indentation of the collection holding it (the column of its key, or of
// its dash): lines of a block scalar or of a plain scalar continued on
// following lines are indented more than that.
func (d *Doc) extent(n *yaml.Node, bound int) (int, int, error) {
	start := d.offset(n.Line, n.Column)
	body := d.skipProperties(start)
	switch n.Kind {
	case yaml.ScalarNode:
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			return start, d.scanFlow(body), nil
		}
		inner, err := d.childBound(n)
		if err != nil {
			return 0, 0, err
		}
		_, end, err := d.extent(n.Content[len(n.Content)-1], inner)
		return start, end, err
	default:
		return 0, 0, fmt.Errorf("line %d: aliases cannot be edited", n.Line)
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return start, d.scanDouble(body), nil
	case n.Style&yaml.SingleQuotedStyle != 0:
		return start, d.scanSingle(body), nil
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return start, d.blockEnd(body, bound), nil
	}
	return start, d.plainEnd(body, bound), nil
}

// childBound is the indentation that bounds the values of a block
// collection: its keys' column, or its dashes'.
func (d *Doc) childBound(n *yaml.Node) (int, error) {
	if n.Kind == yaml.MappingNode {
		return n.Content[0].Column - 1, nil
	}
	return d.dashColumn(n.Content[0])
}

// skipProperties skips a node's tag and anchor (!!str, &a) to its text.
func (d *Doc) skipProperties(off int) int {
	for off < len(d.src) && (d.src[off] == '!' || d.src[off] == '&') {
		end := d.lineEnd(off)
		for off < end && d.src[off] != ' ' && d.src[off] != '\t' {
			off++
		}
		for off < end && (d.src[off] == ' ' || d.src[off] == '\t') {
			off++
		}
		if off == end && d.lineAt(off)+1 < len(d.lines) {
			i := d.lineAt(off) + 1
			n, _ := d.indent(i)
			off = d.lines[i].start + n
		}
	}
	return off
}

// blockEnd is where the block scalar whose header starts at off ends: the
// end of the last line indented more than bound, whatever the line holds
// (a "# heading", spaces); the blank lines after it belong to it only when
// its header keeps them (|+).
func (d *Doc) blockEnd(off, bound int) int {
	header := d.lineAt(off)
	end, blankEnd := d.lines[header].end, -1
	for i := header + 1; i < len(d.lines); i++ {
		n, blank := d.indent(i)
		if blank && n <= bound {
			blankEnd = d.lines[i].end
			continue
		}
		if n <= bound {
			break
		}
		end = d.lines[i].end
	}
	if keeps(d.src[off:d.lines[header].end]) && blankEnd > end {
		end = blankEnd
	}
	return end
}

// keeps reports whether a block scalar header (|+, >2+ …) keeps the final
// line breaks.
func keeps(header []byte) bool {
	return bytes.ContainsRune(header[:headerLen(header)], '+')
}

// headerLen is the length of the block scalar indicators line starts with.
func headerLen(line []byte) int {
	if i := bytes.IndexFunc(line, func(r rune) bool { return !strings.ContainsRune("|>+-0123456789", r) }); i >= 0 {
		return i
	}
	return len(line)
}

// plainEnd is where the plain scalar starting at off ends: on its line
// before a comment and trailing blanks, or on the last following line
// indented more than bound, up to a comment or a less indented line.
func (d *Doc) plainEnd(off, bound int) int {
	end, commented := d.plainLineEnd(off)
	for i := d.lineAt(off) + 1; i < len(d.lines) && !commented; i++ {
		n, blank := d.indent(i)
		if blank {
			continue
		}
		at := d.lines[i].start + n
		if n <= bound || d.src[at] == '#' {
			break
		}
		end, commented = d.plainLineEnd(at)
	}
	return end
}

// plainLineEnd is where plain text starting at off ends on its line:
// before a " #" comment and trailing blanks.
func (d *Doc) plainLineEnd(off int) (end int, commented bool) {
	line := d.src[off:d.lineEnd(off)]
	for i := 1; i < len(line); i++ {
		if line[i] == '#' && (line[i-1] == ' ' || line[i-1] == '\t') {
			line, commented = line[:i], true
			break
		}
	}
	return off + len(bytes.TrimRight(line, " \t")), commented
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

// scanFlow finds the end of the flow collection ([…] or {…}) starting at
// off, past nested collections, quoted text and comments.
func (d *Doc) scanFlow(off int) int {
	depth := 0
	prev := byte('[') // the last byte that is not white space
	for i := off; i < len(d.src); i++ {
		c := d.src[i]
		switch {
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			if depth--; depth <= 0 {
				return i + 1
			}
		case (c == '"' || c == '\'') && strings.IndexByte("[{,:?", prev) >= 0:
			if c == '"' {
				i = d.scanDouble(i) - 1
			} else {
				i = d.scanSingle(i) - 1
			}
		case c == '#' && i > 0 && strings.IndexByte(" \t\r\n", d.src[i-1]) >= 0:
			i = d.lineEnd(i) - 1
			continue
		}
		if strings.IndexByte(" \t\r\n", c) < 0 {
			prev = c
		}
	}
	return len(d.src)
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

// keyColumn is the indentation of the keys of the block mapping m.
func keyColumn(m *yaml.Node) int {
	if len(m.Content) > 0 {
		return m.Content[0].Column - 1
	}
	return m.Column - 1
}

// Set gives key in the block mapping m the value v, replacing the value's
// text in place or, when the key is missing, adding a line after the last
// key of order that precedes it (or at the end of the mapping). A comment
// after the old value stays after the new one, on the key's line.
func (d *Doc) Set(m *yaml.Node, key string, v Value, order []string) error {
	if m.Style&yaml.FlowStyle != 0 {
		return fmt.Errorf("line %d is written in flow style {…}; run mrtrack fmt on the file first", m.Line)
	}
	keyIndent := keyColumn(m)
	_, old := entry(m, key)
	if old == nil {
		text, err := v.render(keyIndent, d.nl)
		if err != nil {
			return err
		}
		d.addEntry(m, key, order, key+": "+text)
		return nil
	}
	if old.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: %s holds a %s, not a single value", old.Line, key, kindName(old))
	}
	start, end, err := d.extent(old, keyIndent)
	if err != nil {
		return err
	}
	text, err := v.render(keyIndent, d.nl)
	if err != nil {
		return err
	}
	// The comment after the value: on a block scalar's header line, or
	// after the value's last line.
	valueEnd := end
	body := d.skipProperties(start)
	block := old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	if block {
		valueEnd = body + headerLen(d.src[body:d.lineEnd(body)])
	}
	comment := d.src[valueEnd:d.lineEnd(valueEnd)]
	if len(bytes.TrimSpace(comment)) == 0 {
		comment = nil
	} else if comment[0] != ' ' && comment[0] != '\t' {
		comment = append([]byte(" "), comment...)
	}
	first, rest, multiline := strings.Cut(text, d.nl)
	if multiline {
		rest = d.nl + rest
		if !block {
			end = d.lineEnd(end)
		}
		if keeps([]byte(first)) {
			end = d.blankLinesAfter(end)
		}
		if end == len(d.src) {
			rest += d.nl // a block's last line needs its line break
		}
	} else if !block {
		comment = nil // it stays where it is, after end
	}
	// A value on the line after its key, or none at all (key:), moves
	// next to the key: "key: value".
	p := start
	for p > 0 && strings.IndexByte(" \t\r\n", d.src[p-1]) >= 0 {
		p--
	}
	if p > 0 && d.src[p-1] == ':' {
		start, first = p, " "+first
	}
	d.edits = append(d.edits, splice{start, end, first + string(comment) + rest})
	return nil
}

// finalBreak is the line break that text inserted at offset at needs when
// it lands at the end of a file without one: a block scalar's last line
// would otherwise lose its line break.
func (d *Doc) finalBreak(at int) string {
	if at == len(d.src) {
		return d.nl
	}
	return ""
}

// blankLinesAfter extends end over the blank lines that follow its line,
// which a block keeping its final line breaks would take in.
func (d *Doc) blankLinesAfter(end int) int {
	for i := d.lineAt(end) + 1; i < len(d.lines); i++ {
		if _, blank := d.indent(i); !blank {
			break
		}
		end = d.lines[i].end
	}
	return end
}

// addEntry adds entry ("key: value", possibly over several lines) to the
// block mapping m where fmt would put key: after the last key of order
// that precedes it or, when m has none and order knows key, before m's
// first key (fmt puts the keys it knows before those it does not).
func (d *Doc) addEntry(m *yaml.Node, key string, order []string, entry string) {
	indent := strings.Repeat(" ", keyColumn(m))
	if d.firstInOrder(m, key, order) {
		at := d.offset(m.Content[0].Line, m.Content[0].Column)
		d.edits = append(d.edits, splice{at, at, entry + d.nl + indent})
		return
	}
	at := d.insertionPoint(m, key, order)
	d.edits = append(d.edits, splice{at, at, d.nl + indent + entry + d.finalBreak(at)})
}

// firstInOrder reports whether order knows key and no key of m comes
// before it in order.
func (d *Doc) firstInOrder(m *yaml.Node, key string, order []string) bool {
	rank := slices.Index(order, key)
	if rank < 0 || len(m.Content) == 0 {
		return false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(order, m.Content[i].Value); r >= 0 && r < rank {
			return false
		}
	}
	return true
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
	v := m.Content[prev+1]
	_, end, err := d.extent(v, keyColumn(m))
	if err != nil {
		end = d.offset(v.Line, v.Column)
	}
	at := d.lineEnd(end)
	// After a value already replaced by a longer one, not inside it.
	for _, e := range d.edits {
		if e.start < at && at < e.end {
			at = e.end
		}
	}
	return at
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
