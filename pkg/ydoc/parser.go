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
