package ydoc

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"go.yaml.in/yaml/v3"
)

// Nearly every record a repository holds is in fmt's canonical layout:
// block mappings and sequences at two-space steps, one scalar a line
// (plain, quoted, or a literal block), the schema modeline as the only
// comment. yaml.v3 reads that at some 10 MB/s a core; parseCanonical reads
// exactly that subset, line by line, straight into the nodes yaml.v3 would
// build, at hundreds. Anything else (another indentation, a comment past
// the header, a flow collection, a folded or multi-line scalar, an anchor,
// a tag, a tab, a CR) makes it give up, and Parse asks yaml.v3. What it
// accepts it must build exactly as yaml.v3 does, positions and comments
// included: TestCanonicalAgrees and FuzzCanonicalAgrees hold the two equal.

// canonical reads one document of the canonical subset.
type canonical struct {
	src   string
	pos   int // start of the line being read
	line  int // its number, 1-based
	depth int

	mem  *Parser      // where the nodes come from
	ptrs []*yaml.Node // Content slices are carved from it
	kids []*yaml.Node // the children of the collections being read
}

// parseCanonical returns the root node of src, or ok false when src is
// not in the canonical subset. Its nodes come from mem, and its strings
// are slices of src.
func parseCanonical(src string, mem *Parser) (root *yaml.Node, ok bool) {
	if len(src) == 0 || src[len(src)-1] != '\n' || strings.IndexByte(src, '\t') >= 0 || strings.IndexByte(src, '\r') >= 0 ||
		strings.Contains(src, bom) {
		return nil, false
	}
	lines := strings.Count(src, "\n")
	c := &canonical{src: src, line: 1, mem: mem, ptrs: mem.pointers(2*lines + 4), kids: mem.kids[:0]}
	defer func() { mem.kids = c.kids[:0] }()
	header, ok := c.header()
	if !ok || c.pos >= len(c.src) || c.lineIndent() != 0 {
		return nil, false
	}
	root, ok = c.mapping(0, 0)
	if !ok || c.pos != len(c.src) {
		return nil, false
	}
	root.Content[0].HeadComment = header
	return root, true
}

const bom = "\uFEFF"

// header reads the comment lines the file opens with (the schema
// modeline), which yaml.v3 gives the first key when no blank line follows.
// It reports false at a comment line ending in blanks, which yaml.v3 trims.
func (c *canonical) header() (string, bool) {
	start := c.pos
	for c.pos < len(c.src) && c.src[c.pos] == '#' {
		end := c.lineEnd()
		if c.src[end-1] == ' ' {
			return "", false
		}
		c.next(end)
	}
	if c.pos == start {
		return "", true
	}
	return c.src[start : c.pos-1], true
}

// lineEnd is the index of the line break ending the current line.
func (c *canonical) lineEnd() int {
	return c.pos + strings.IndexByte(c.src[c.pos:], '\n')
}

// next moves to the line after the one ending at end.
func (c *canonical) next(end int) {
	c.pos, c.line = end+1, c.line+1
}

// lineIndent counts the spaces the current line starts with.
func (c *canonical) lineIndent() int {
	i := c.pos
	for i < len(c.src) && c.src[i] == ' ' {
		i++
	}
	return i - c.pos
}

// skipBlank moves past empty lines. It reports false at a line of spaces
// alone, whose meaning depends on what comes before it.
func (c *canonical) skipBlank() bool {
	for c.pos < len(c.src) && c.src[c.pos] == '\n' {
		c.pos++
		c.line++
	}
	if c.pos < len(c.src) {
		i := c.pos + c.lineIndent()
		return c.src[i] != '\n'
	}
	return true
}

func (c *canonical) node(kind yaml.Kind, tag string, at int) *yaml.Node {
	n := c.mem.node()
	n.Kind, n.Tag, n.Line, n.Column = kind, tag, c.line, at-c.pos+1
	return n
}

// collect gives n the children pushed since mark.
func (c *canonical) collect(n *yaml.Node, mark int) {
	k := len(c.kids) - mark
	if len(c.ptrs)+k > cap(c.ptrs) {
		c.ptrs = make([]*yaml.Node, 0, max(64, k))
	}
	start := len(c.ptrs)
	c.ptrs = append(c.ptrs, c.kids[mark:]...)
	n.Content = c.ptrs[start:len(c.ptrs):len(c.ptrs)]
	c.kids = c.kids[:mark]
}

// keyEnd returns the index just past a simple key starting at i (letters,
// digits, '_' and '-', starting with a letter or '_'), or -1.
func (c *canonical) keyEnd(i int) int {
	s := c.src
	if i >= len(s) || !(s[i] == '_' || 'a' <= s[i]|0x20 && s[i]|0x20 <= 'z') {
		return -1
	}
	j := i + 1
	for j < len(s) && j-i <= 128 {
		switch b := s[j]; {
		case b == '_' || b == '-' || '0' <= b && b <= '9' || 'a' <= b|0x20 && b|0x20 <= 'z':
			j++
			continue
		case b == ':' && j+1 < len(s) && (s[j+1] == ' ' || s[j+1] == '\n'):
			return j
		}
		return -1
	}
	return -1
}

// mapping reads a block mapping whose keys stand at column indent, the
// first of them at index at of the current line.
func (c *canonical) mapping(indent, at int) (*yaml.Node, bool) {
	if c.depth++; c.depth >= MaxDepth { // its values would be past MaxDepth
		return nil, false
	}
	defer func() { c.depth-- }()
	m := c.node(yaml.MappingNode, "!!map", c.pos+at)
	mark := len(c.kids)
	first := true
	for {
		var i int
		if first {
			i, first = c.pos+at, false
		} else {
			if !c.skipBlank() {
				return nil, false
			}
			if c.pos == len(c.src) {
				break
			}
			switch in := c.lineIndent(); {
			case in < indent:
				c.collect(m, mark)
				return m, true
			case in > indent:
				return nil, false
			}
			i = c.pos + indent
		}
		end := c.keyEnd(i)
		if end < 0 {
			return nil, false
		}
		key := c.node(yaml.ScalarNode, "", i)
		key.Value = c.src[i:end]
		if key.Tag = plainTag(key.Value); key.Tag != "!!str" || c.repeated(mark, key.Value) {
			return nil, false // a key true or null, or a duplicate: check would report it
		}
		c.kids = append(c.kids, key)
		var v *yaml.Node
		var ok bool
		if c.src[end+1] == ' ' {
			v, ok = c.inline(end+2, indent)
		} else {
			v, ok = c.nested(indent, end)
		}
		if !ok {
			return nil, false
		}
		c.kids = append(c.kids, v)
	}
	c.collect(m, mark)
	return m, true
}

// repeated reports whether the mapping whose pairs start at kids[mark]
// already has key, or has too many keys to tell cheaply (maxKeys).
func (c *canonical) repeated(mark int, key string) bool {
	pairs := c.kids[mark:]
	if len(pairs) >= 2*maxKeys {
		return true
	}
	for j := 0; j < len(pairs); j += 2 {
		if pairs[j].Value == key {
			return true
		}
	}
	return false
}

// maxKeys is the most keys a mapping the fast path takes has: a record's
// have about twenty.
const maxKeys = 64

// nested reads the value of a key that ends its line (colon at index
// colon): a block two columns further in, or null when none follows.
func (c *canonical) nested(indent, colon int) (*yaml.Node, bool) {
	line, col := c.line, colon-c.pos+2 // where yaml.v3 places a null: just past the colon
	c.next(colon + 1)
	if !c.skipBlank() {
		return nil, false
	}
	if c.pos == len(c.src) || c.lineIndent() <= indent {
		null := c.node(yaml.ScalarNode, "!!null", c.pos)
		null.Line, null.Column = line, col
		return null, true
	}
	if c.lineIndent() != indent+2 {
		return nil, false
	}
	if c.src[c.pos+indent+2] == '-' {
		return c.sequence(indent + 2)
	}
	return c.mapping(indent+2, indent+2)
}

// sequence reads a block sequence whose dashes stand at column indent.
func (c *canonical) sequence(indent int) (*yaml.Node, bool) {
	if c.depth++; c.depth >= MaxDepth {
		return nil, false
	}
	defer func() { c.depth-- }()
	s := c.node(yaml.SequenceNode, "!!seq", c.pos+indent)
	mark := len(c.kids)
	for {
		if !c.skipBlank() {
			return nil, false
		}
		if c.pos == len(c.src) {
			break
		}
		in := c.lineIndent()
		if in < indent {
			break
		}
		i := c.pos + indent
		if in > indent || c.src[i] != '-' || c.src[i+1] != ' ' {
			return nil, false
		}
		var item *yaml.Node
		var ok bool
		if c.keyEnd(i+2) >= 0 {
			item, ok = c.mapping(indent+2, indent+2)
		} else {
			item, ok = c.inline(i+2, indent)
		}
		if !ok {
			return nil, false
		}
		c.kids = append(c.kids, item)
	}
	c.collect(s, mark)
	return s, true
}

// inline reads the scalar starting at index i of the current line, in a
// collection at column indent, and moves past it.
func (c *canonical) inline(i, indent int) (*yaml.Node, bool) {
	end := c.lineEnd()
	text := c.src[i:end]
	if text == "" {
		return nil, false
	}
	var n *yaml.Node
	switch text[0] {
	case '|':
		return c.literal(i, end, indent)
	case '\'':
		v, ok := singleQuoted(text)
		if !ok {
			return nil, false
		}
		n = c.node(yaml.ScalarNode, "!!str", i)
		n.Style, n.Value = yaml.SingleQuotedStyle, v
	case '"':
		v, ok := doubleQuoted(text)
		if !ok {
			return nil, false
		}
		n = c.node(yaml.ScalarNode, "!!str", i)
		n.Style, n.Value = yaml.DoubleQuotedStyle, v
	case '[', '{':
		if len(text) != 2 || text[1] != text[0]+2 { // [] or {}
			return nil, false
		}
		kind, tag := yaml.SequenceNode, "!!seq"
		if text[0] == '{' {
			kind, tag = yaml.MappingNode, "!!map"
		}
		n = c.node(kind, tag, i)
		n.Style = yaml.FlowStyle
	case '-', '?', ':', ',', ']', '}', '#', '&', '*', '!', '>', '%', '@', '`', ' ':
		return nil, false
	default:
		if text[len(text)-1] == ' ' || text[len(text)-1] == ':' || strings.Contains(text, ": ") || strings.Contains(text, " #") {
			return nil, false
		}
		tag := plainTag(text)
		if tag == "" {
			return nil, false
		}
		n = c.node(yaml.ScalarNode, tag, i)
		n.Value = text
	}
	c.next(end)
	return n, true
}

// literal reads a literal block scalar whose indicator (|, |- or |+)
// stands at index i, ending its line at end.
func (c *canonical) literal(i, end, indent int) (*yaml.Node, bool) {
	chomp := c.src[i+1 : end]
	if chomp != "" && chomp != "-" && chomp != "+" {
		return nil, false
	}
	n := c.node(yaml.ScalarNode, "!!str", i)
	n.Style = yaml.LiteralStyle
	c.next(end)
	if c.pos == len(c.src) {
		return nil, false
	}
	content := c.lineIndent()
	if content <= indent || c.src[c.pos+content] == '\n' {
		return nil, false
	}
	b := c.mem.text(c.literalLen(content))
	blank := 0 // empty lines not yet written
	for c.pos < len(c.src) {
		end := c.lineEnd()
		if end == c.pos {
			blank++
			c.next(end)
			continue
		}
		in := c.lineIndent()
		if c.pos+in == end {
			return nil, false // spaces alone: their meaning depends on the count
		}
		if in < content {
			break
		}
		if len(b) > 0 {
			b = append(b, '\n')
		}
		for ; blank > 0; blank-- {
			b = append(b, '\n')
		}
		b = append(b, c.src[c.pos+content:end]...)
		c.next(end)
	}
	switch chomp {
	case "":
		b = append(b, '\n')
	case "+":
		b = append(b, '\n')
		for ; blank > 0; blank-- {
			b = append(b, '\n')
		}
	}
	n.Value = c.mem.keep(b)
	return n, true
}

// literalLen bounds the bytes of the literal block starting at the
// current line with its lines indented by content, so its text is built
// in one allocation.
func (c *canonical) literalLen(content int) int {
	i := c.pos
	for i < len(c.src) {
		end := i + strings.IndexByte(c.src[i:], '\n')
		if end > i && (end-i < content || strings.TrimLeft(c.src[i:i+content], " ") != "") {
			break // a line indented less: the block has ended
		}
		i = end + 1
	}
	return i - c.pos + 1
}

// singleQuoted reads 'text' filling the rest of a line; a quote inside
// is written twice.
func singleQuoted(text string) (string, bool) {
	var b []byte
	from := 1 // the text not yet copied into b
	for i := 1; i < len(text); i++ {
		if text[i] != '\'' {
			continue
		}
		if i+1 < len(text) && text[i+1] == '\'' {
			b = append(b, text[from:i+1]...)
			i++
			from = i + 1
			continue
		}
		if i != len(text)-1 {
			return "", false
		}
		if b == nil {
			return text[1:i], true
		}
		return string(append(b, text[from:i]...)), true
	}
	return "", false
}

// doubleQuoted reads "text" filling the rest of a line, with yaml.v3's
// escapes.
func doubleQuoted(text string) (string, bool) {
	var b []byte
	for i := 1; i < len(text); i++ {
		switch ch := text[i]; ch {
		case '"':
			if i != len(text)-1 {
				return "", false
			}
			if b == nil {
				return text[1:i], true
			}
			v := string(b)
			if IndexForbidden(v) >= 0 {
				return "", false // an escape wrote a refused character: check places it
			}
			return v, true
		case '\\':
			if b == nil {
				b = append(make([]byte, 0, len(text)), text[1:i]...)
			}
			if i+1 >= len(text) {
				return "", false
			}
			i++
			if e, ok := escapes[text[i]]; ok {
				b = append(b, e...)
				continue
			}
			size := map[byte]int{'x': 2, 'u': 4, 'U': 8}[text[i]]
			if size == 0 || i+size >= len(text) {
				return "", false
			}
			v, err := strconv.ParseUint(text[i+1:i+1+size], 16, 32)
			if err != nil || strings.ContainsAny(text[i+1:i+1+size], "+-_") || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF {
				return "", false
			}
			b = utf8.AppendRune(b, rune(v))
			i += size
		default:
			if b != nil {
				b = append(b, ch)
			}
		}
	}
	return "", false
}

var escapes = map[byte]string{'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", 'n': "\n", 'v': "\v", 'f': "\f", 'r': "\r",
	'e': "\x1b", ' ': " ", '"': "\"", '\'': "'", '\\': "\\", 'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029"}

// plainTag is the tag yaml.v3 resolves a plain scalar to, following its
// resolve step by step; "" for what the fast path leaves to yaml.v3 (a
// merge key, a float written .5).
func plainTag(s string) string {
	if s == "" {
		return "!!null"
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	}
	switch c := s[0]; {
	case c == '.' || c == '<':
		return ""
	case c == '+' || c == '-' || '0' <= c && c <= '9':
		return numberTag(s)
	}
	return "!!str"
}

var yamlStyleFloat = lazyregexp.New(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// numberTag resolves a plain scalar starting with a sign or a digit as
// yaml.v3's resolve does: timestamp, int, float, or else text.
func numberTag(s string) string {
	switch s {
	case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	if isTimestamp(s) {
		return "!!timestamp"
	}
	if strings.IndexFunc(s, notInNumber) >= 0 {
		return "!!str" // "31 décembre 2024": no form below takes a space or a letter past f
	}
	plain := strings.ReplaceAll(s, "_", "")
	for i := 1; i < len(plain); i++ {
		if (plain[i] == '-' || plain[i] == '+') && (plain[i-1] == '.' || '0' <= plain[i-1] && plain[i-1] <= '9') {
			// 2024-12: after a digit, a sign is no number's (only an
			// exponent's, or 0b's, takes one inside). Spares the failing
			// parses below, which allocate their errors.
			return "!!str"
		}
	}
	if intIn(plain, 0) || uintIn(plain, 0) {
		return "!!int"
	}
	if yamlStyleFloat.MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	if rest, ok := strings.CutPrefix(plain, "0b"); ok && (intIn(rest, 2) || uintIn(rest, 2)) {
		return "!!int"
	} else if rest, ok := strings.CutPrefix(plain, "-0b"); ok && intIn("-"+rest, 2) {
		return "!!int"
	}
	if rest, ok := strings.CutPrefix(plain, "0o"); ok && (intIn(rest, 8) || uintIn(rest, 8)) {
		return "!!int"
	} else if rest, ok := strings.CutPrefix(plain, "-0o"); ok && intIn("-"+rest, 8) {
		return "!!int"
	}
	return "!!str"
}

// notInNumber reports whether r appears in no number strconv reads in
// the forms numberTag tries: digits, hex digits, signs, '.', '_' and the
// base prefixes' x, o and b.
func notInNumber(r rune) bool {
	switch {
	case '0' <= r && r <= '9', 'a' <= r && r <= 'f', 'A' <= r && r <= 'F':
		return false
	}
	return !strings.ContainsRune("+-._xXoO", r)
}

func intIn(s string, base int) bool {
	_, err := strconv.ParseInt(s, base, 64)
	return err == nil
}

func uintIn(s string, base int) bool {
	_, err := strconv.ParseUint(s, base, 64)
	return err == nil
}

var timestampFormats = []string{"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"}

// isTimestamp is yaml.v3's parseTimestamp: four digits and a dash, then
// one of its layouts.
func isTimestamp(s string) bool {
	if len(s) < 5 || s[4] != '-' {
		return false
	}
	for i := range 4 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if len(s) == 10 && isDay(s) {
		return true // the common case, without time.Parse's errors for the layouts that fail
	}
	if strings.IndexByte(s[5:], '-') < 0 {
		return false // every layout has a day after a second dash: 2025-06 and 2025-Q3 are text
	}
	for _, layout := range timestampFormats {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// isDay reports whether s is a valid YYYY-MM-DD day, as time.Parse reads
// the layout 2006-1-2.
func isDay(s string) bool {
	if s[4] != '-' || s[7] != '-' {
		return false
	}
	num := func(t string) int {
		v := 0
		for i := range len(t) {
			if t[i] < '0' || t[i] > '9' {
				return -1
			}
			v = v*10 + int(t[i]-'0')
		}
		return v
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return false
	}
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return d <= 29
	}
	return d <= daysIn[m-1]
}

// daysIn is the length of each month of a common year.
var daysIn = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
