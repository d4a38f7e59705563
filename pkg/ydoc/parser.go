package ydoc

import (
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// A Parser parses file after file as Parse does, reusing the memory of
// the tree it built last, for a loader that reads thousands of files and
// keeps none of their trees: on 10,000 records the nodes are 40% of what
// the run allocates, memory the kernel must fault in and the collector
// must sweep. The price is two rules Parse does not have: a tree, and
// every node under it, is dead once the Parser parses again, and the
// strings in it share data's memory, so data must never change. A Parser
// is not safe for concurrent use; the zero value is ready.
type Parser struct {
	blocks [][]yaml.Node // handed out in order since the last Parse
	next   int           // blocks[next] is the first not handed out
	free   []yaml.Node   // what is left of the block being handed out
	ptrs   []*yaml.Node
	kids   []*yaml.Node

	// What Value handed out since the last Parse, under the same rule as
	// the nodes: maps are cleared by the next Parse, and sequences are
	// carved from items.
	maps  []map[string]any
	nmaps int
	items []any
	nitem int

	// The texts of literal blocks, appended one after the other; those of
	// the last Parse start at textsFrom. They are written over only after
	// Recycle.
	texts     []byte
	textsFrom int
	recycle   bool
}

// maxTextBlock bounds the memory the texts of literal blocks are taken
// from at a time, so a kept text keeps little else alive.
const maxTextBlock = 256 << 10

// Recycle says that nothing of the tree p parsed last is in use any more,
// its strings included: the next Parse may write over the texts of its
// literal blocks, which are otherwise kept for as long as they are
// referenced. A loader that keeps none of a file's strings (a findings-only
// load) calls it; any other caller must not.
func (p *Parser) Recycle() { p.recycle = true }

// text returns empty room for at least n bytes of a literal block's text.
func (p *Parser) text(n int) []byte {
	if cap(p.texts)-len(p.texts) < n {
		p.texts, p.textsFrom = make([]byte, 0, max(n, min(2*cap(p.texts), maxTextBlock))), 0
	}
	return p.texts[len(p.texts):len(p.texts)]
}

// keep is b, written into room text gave, as a string.
func (p *Parser) keep(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if room := p.texts[len(p.texts):cap(p.texts)]; len(room) >= len(b) && unsafe.SliceData(room) == unsafe.SliceData(b) {
		p.texts = p.texts[:len(p.texts)+len(b)]
	} // else b outgrew the room and has memory of its own
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// nodeBlock is how many nodes are allocated at a time: a count from the
// lines would be two nodes a line, twice what a record with long texts
// needs, and each node is 150 bytes to clear and for the collector to scan.
const nodeBlock = 64

// Parse is Parse for a file whose bytes stay unchanged while anything
// read from its tree is in use; the tree of the previous call is reused.
func (p *Parser) Parse(data []byte) (*yaml.Node, []Problem) {
	p.reset()
	return parse(data, unsafe.String(unsafe.SliceData(data), len(data)), p)
}

// reset takes back the nodes handed out, cleared: a node is built by
// setting a few fields, so none may keep what the last tree put there.
func (p *Parser) reset() {
	for _, b := range p.blocks[:p.next] {
		clear(b)
	}
	p.next, p.free = 0, nil
	for _, m := range p.maps[:p.nmaps] {
		clear(m)
	}
	clear(p.items[:p.nitem]) // no string of the last file stays reachable
	p.nmaps, p.nitem = 0, 0
	if p.recycle {
		p.texts, p.recycle = p.texts[:p.textsFrom], false
	}
	p.textsFrom = len(p.texts)
}

// Value is Value for the tree p parsed last. Its maps and slices are
// reused as the nodes are: dead once p parses again. The checks build
// values only for a file the full validator explains; when they built
// them for every file, they were a quarter of what a run allocated.
func (p *Parser) Value(n *yaml.Node) any { return value(n, 1, p) }

func (p *Parser) mapping(size int) map[string]any {
	if p == nil {
		return make(map[string]any, size)
	}
	if p.nmaps == len(p.maps) {
		p.maps = append(p.maps, make(map[string]any, size))
	}
	m := p.maps[p.nmaps] // cleared by reset
	p.nmaps++
	return m
}

func (p *Parser) sequence(size int) []any {
	if p == nil || size == 0 {
		return make([]any, size) // an empty sequence is [], not nil: no allocation
	}
	if len(p.items)-p.nitem < size {
		// Slices already handed out keep the old array.
		p.items, p.nitem = make([]any, max(2*len(p.items), size, 256)), 0
	}
	s := p.items[p.nitem : p.nitem+size : p.nitem+size]
	p.nitem += size
	return s
}

func (p *Parser) node() *yaml.Node {
	if len(p.free) == 0 {
		if p.next == len(p.blocks) {
			p.blocks = append(p.blocks, make([]yaml.Node, nodeBlock))
		}
		p.free = p.blocks[p.next]
		p.next++
	}
	n := &p.free[0]
	p.free = p.free[1:]
	return n
}

// pointers returns room for at least n node pointers, from which the
// collections' Content slices are carved. What the last tree left there
// points into the blocks and is overwritten before it is read.
func (p *Parser) pointers(n int) []*yaml.Node {
	if cap(p.ptrs) < n {
		p.ptrs = make([]*yaml.Node, 0, n)
	}
	return p.ptrs[:0]
}
