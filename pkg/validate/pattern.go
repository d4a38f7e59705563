package validate

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// pattern is a schema's pattern keyword as the quick check matches it.
// The schemas' patterns describe short ASCII shapes (days, due dates,
// identifiers), which regexp matches at some 15 ns a byte; a table of
// states built from the same compiled program takes a byte a step. Text
// holding other than ASCII, and an expression the table cannot stand for,
// go to regexp. TestPatternAgrees and FuzzPatternAgrees hold the two to
// the same answers.
type pattern struct {
	re *regexp.Regexp
	// table is built once the pattern has been matched tableAfter times,
	// so a command reading a few files does not build it; nil: regexp
	// answers.
	table func() *byteTable
	uses  atomic.Int32
}

// tableAfter is how many matches regexp makes before the table is built:
// building the due date's costs about a thousand of regexp's matches.
const tableAfter = 1000

func compilePattern(expr string) (*pattern, error) {
	if p, ok := patterns.Load(expr); ok {
		return p.(*pattern), nil
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	p, _ := patterns.LoadOrStore(expr, &pattern{re: re, table: sync.OnceValue(func() *byteTable { return buildTable(expr) })})
	return p.(*pattern), nil
}

// patterns are the compiled patterns by expression: the schemas repeat
// theirs (the day's stands in eleven places), and one serves all.
var patterns sync.Map

// MatchString reports whether s holds a match, as regexp's does.
func (p *pattern) MatchString(s string) bool {
	if p.uses.Load() < tableAfter {
		p.uses.Add(1)
	} else if t := p.table(); t != nil {
		if match, ok := t.match(s); ok {
			return match
		}
	}
	return p.re.MatchString(s)
}

// byteTable is a deterministic automaton over ASCII for an expression:
// state 0 is the start, next[state][byte] the state after a byte (-1: no
// match can follow).
type byteTable struct {
	next []([128]int16)
	// found: a match has ended by this state, so the text holds one;
	// atEnd: a match ends here if the text does.
	found, atEnd []bool
}

// maxStates bounds the table; an expression needing more goes to regexp.
const maxStates = 256

// match reports whether s holds a match; ok is false when s is not ASCII.
func (t *byteTable) match(s string) (match, ok bool) {
	st := int16(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false, false
		}
		if t.found[st] {
			return true, true
		}
		if st = t.next[st][c]; st < 0 {
			return false, true
		}
	}
	return t.found[st] || t.atEnd[st], true
}

// buildTable makes the automaton for expr by the subset construction on
// regexp's own compiled program, or returns nil when the program needs
// what a byte table does not track (line or word boundaries) or more
// states than maxStates.
func buildTable(expr string) *byteTable {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg)&^(syntax.EmptyBeginText|syntax.EmptyEndText) != 0 {
			return nil
		}
	}
	b := tableBuilder{prog: prog, index: map[string]int16{}}
	classes := byteClasses(prog)
	t := &byteTable{}
	start := b.closure(nil, []uint32{uint32(prog.Start)}, true)
	queue := [][]uint32{start}
	b.index["begin"] = 0 // never the key of a later state, whose closure differs
	for len(queue) > 0 {
		set := queue[0]
		atBegin := len(t.next) == 0
		queue = queue[1:]
		found, atEnd := b.accepts(set, atBegin)
		var row [128]int16
		for c := range 128 {
			if first := classes[c]; first != c {
				row[c] = row[first] // a byte every instruction reads as it reads an earlier one
				continue
			}
			var moved []uint32
			for _, pc := range set {
				if in := &prog.Inst[pc]; consumes(in, rune(c)) {
					moved = append(moved, in.Out)
				}
			}
			// A match may start at any byte: the start is always open,
			// except that a start requiring the beginning of text drops out.
			next := b.closure(nil, append(moved, uint32(prog.Start)), false)
			if len(next) == 0 {
				row[c] = -1
				continue
			}
			k := key(next)
			id, seen := b.index[k]
			if !seen {
				if len(b.index) == maxStates {
					return nil
				}
				id = int16(len(b.index))
				b.index[k] = id
				queue = append(queue, next)
			}
			row[c] = id
		}
		t.next, t.found, t.atEnd = append(t.next, row), append(t.found, found), append(t.atEnd, atEnd)
	}
	return t
}

type tableBuilder struct {
	prog  *syntax.Prog
	index map[string]int16
}

// closure adds to set every instruction reachable from pcs without reading
// a byte, at the beginning of the text or not. An instruction waiting for
// the end of the text stays in the set: accepts follows it.
func (b *tableBuilder) closure(set, pcs []uint32, atBegin bool) []uint32 {
	for len(pcs) > 0 {
		pc := pcs[len(pcs)-1]
		pcs = pcs[:len(pcs)-1]
		if slices.Contains(set, pc) {
			continue
		}
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			pcs = append(pcs, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			pcs = append(pcs, in.Out)
		case syntax.InstEmptyWidth:
			op := syntax.EmptyOp(in.Arg)
			switch {
			case op&syntax.EmptyBeginText != 0 && !atBegin:
			case op&syntax.EmptyEndText != 0:
				set = append(set, pc)
			default:
				pcs = append(pcs, in.Out)
			}
		case syntax.InstFail:
		default: // a rune or the match: kept
			set = append(set, pc)
		}
	}
	slices.Sort(set)
	return set
}

// accepts reports whether set holds the match, and whether it reaches the
// match once the text ends there (at its beginning too, for the start).
func (b *tableBuilder) accepts(set []uint32, atBegin bool) (found, atEnd bool) {
	var pcs []uint32
	for _, pc := range set {
		switch in := &b.prog.Inst[pc]; in.Op {
		case syntax.InstMatch:
			found = true
		case syntax.InstEmptyWidth:
			pcs = append(pcs, in.Out)
		}
	}
	// Past the end nothing can be read: only the match and further ends
	// of text count, and the beginning of text at the start alone.
	for seen := map[uint32]bool{}; len(pcs) > 0; {
		pc := pcs[len(pcs)-1]
		pcs = pcs[:len(pcs)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		switch in := &b.prog.Inst[pc]; in.Op {
		case syntax.InstMatch:
			atEnd = true
		case syntax.InstAlt, syntax.InstAltMatch:
			pcs = append(pcs, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			pcs = append(pcs, in.Out)
		case syntax.InstEmptyWidth:
			if atBegin || syntax.EmptyOp(in.Arg)&syntax.EmptyBeginText == 0 {
				pcs = append(pcs, in.Out)
			}
		}
	}
	return found, atEnd
}

// byteClasses maps each ASCII byte to the first byte that every rune
// instruction of prog reads alike: the table's row is then worked out once
// a class (a dozen for a due date) rather than once a byte.
func byteClasses(prog *syntax.Prog) [128]int {
	var readers []*syntax.Inst
	for i := range prog.Inst {
		switch in := &prog.Inst[i]; in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			readers = append(readers, in)
		}
	}
	var classes [128]int
	first := map[string]int{} // which instructions read a byte -> the first such byte
	sig := make([]byte, len(readers))
	for c := range 128 {
		for i, in := range readers {
			sig[i] = 0
			if consumes(in, rune(c)) {
				sig[i] = 1
			}
		}
		f, seen := first[string(sig)]
		if !seen {
			f = c
			first[string(sig)] = c
		}
		classes[c] = f
	}
	return classes
}

// consumes reports whether the instruction reads the character c.
func consumes(in *syntax.Inst, c rune) bool {
	switch in.Op {
	case syntax.InstRune, syntax.InstRune1:
		return in.MatchRune(c)
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return c != '\n'
	}
	return false
}

func key(set []uint32) string {
	var b strings.Builder
	for _, pc := range set {
		b.WriteString(strconv.FormatUint(uint64(pc), 36))
		b.WriteByte(',')
	}
	return b.String()
}
