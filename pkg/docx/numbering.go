package docx

import (
	"encoding/xml"
	"path"
	"strconv"
	"strings"
)

// numbering is what numbering.xml and styles.xml say of lists: the levels
// of each list (w:num → w:abstractNum), and the list a paragraph style
// implies; and which styles make text bold, since a headline may be bold
// by its style.
type numbering struct {
	nums   map[string]*list // numId → list
	styles map[string]numRef
	bold   map[string]bool // styleId → bold, w:basedOn followed
	// count is the running counters per abstract list and level: Word
	// numbers the paragraphs of every w:num of one w:abstractNum in
	// document order, across cells and tables, and a w:num's
	// startOverride restarts the count where that w:num is first used
	// (LibreOffice writes each list's first item so).
	count map[string]*[9]int
}

type list struct {
	abstract string
	levels   [9]level
	start    [9]int  // lvlOverride/startOverride, 0 when none
	used     [9]bool // the override has been applied
}

type level struct {
	format string // w:numFmt: decimal, bullet, lowerLetter, …
	text   string // w:lvlText: "%1.", "(%1)", "•"
	start  int
}

type numRef struct {
	numID string
	ilvl  int
}

func (a *archive) numbering(main string, rels map[string]string) (*numbering, error) {
	n := &numbering{nums: map[string]*list{}, styles: map[string]numRef{}, bold: map[string]bool{}, count: map[string]*[9]int{}}
	dir := path.Dir(main)
	numPart, stylesPart := path.Join(dir, "numbering.xml"), path.Join(dir, "styles.xml")
	for _, t := range rels {
		switch path.Base(t) {
		case "numbering.xml":
			numPart = t
		case "styles.xml":
			stylesPart = t
		}
	}
	src, err := a.read(numPart)
	if err != nil {
		return nil, err
	}
	if src != nil {
		if err := n.parseNumbering(numPart, src); err != nil {
			return nil, err
		}
	}
	src, err = a.read(stylesPart)
	if err != nil {
		return nil, err
	}
	if src != nil {
		if err := n.parseStyles(stylesPart, src); err != nil {
			return nil, err
		}
	}
	return n, nil
}

func (n *numbering) parseNumbering(part string, src []byte) error {
	x := newDecoder(part, src)
	if err := x.root(nsW, "numbering"); err != nil {
		return err
	}
	abstract := map[string]*[9]level{}
	type num struct {
		abstractID string
		start      [9]int
	}
	nums := map[string]*num{}
	err := x.children(func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsW, "abstractNum"):
			id, _ := attr(e, nsW, "abstractNumId")
			var lv [9]level
			abstract[id] = &lv
			return x.children(func(e xml.StartElement) error {
				if !is(e.Name, nsW, "lvl") {
					return x.skip()
				}
				i := ilvl(e)
				if i < 0 {
					return x.skip()
				}
				lv[i].start = 1
				return x.children(func(e xml.StartElement) error {
					v, _ := attr(e, nsW, "val")
					switch {
					case is(e.Name, nsW, "numFmt"):
						lv[i].format = v
					case is(e.Name, nsW, "lvlText"):
						lv[i].text = v
					case is(e.Name, nsW, "start"):
						lv[i].start, _ = strconv.Atoi(v)
					}
					return x.skip()
				})
			})
		case is(e.Name, nsW, "num"):
			id, _ := attr(e, nsW, "numId")
			m := &num{}
			nums[id] = m
			return x.children(func(e xml.StartElement) error {
				switch {
				case is(e.Name, nsW, "abstractNumId"):
					m.abstractID, _ = attr(e, nsW, "val")
				case is(e.Name, nsW, "lvlOverride"):
					i := ilvl(e)
					return x.children(func(e xml.StartElement) error {
						if is(e.Name, nsW, "startOverride") && i >= 0 {
							v, _ := attr(e, nsW, "val")
							m.start[i], _ = strconv.Atoi(v)
						}
						return x.skip()
					})
				}
				return x.skip()
			})
		}
		return x.skip()
	})
	if err != nil {
		return err
	}
	for id, m := range nums {
		if lv := abstract[m.abstractID]; lv != nil {
			n.nums[id] = &list{abstract: m.abstractID, levels: *lv, start: m.start}
		}
	}
	return nil
}

// ilvl is an element's w:ilvl attribute, -1 when it is missing or out of range.
func ilvl(e xml.StartElement) int {
	v, _ := attr(e, nsW, "ilvl")
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 || i > 8 {
		return -1
	}
	return i
}

// parseStyles reads the list numbering of paragraph styles ("List
// Bullet" and the like carry their numbering in the style) and which
// styles are bold.
func (n *numbering) parseStyles(part string, src []byte) error {
	x := newDecoder(part, src)
	if err := x.root(nsW, "styles"); err != nil {
		return err
	}
	type style struct {
		basedOn   string
		bold, set bool
	}
	styles := map[string]*style{}
	err := x.children(func(e xml.StartElement) error {
		if !is(e.Name, nsW, "style") {
			return x.skip()
		}
		id, _ := attr(e, nsW, "styleId")
		st := &style{}
		styles[id] = st
		return x.children(func(e xml.StartElement) error {
			switch {
			case is(e.Name, nsW, "basedOn"):
				st.basedOn, _ = attr(e, nsW, "val")
			case is(e.Name, nsW, "rPr"):
				return x.children(func(e xml.StartElement) error {
					if is(e.Name, nsW, "b") {
						st.bold, st.set = onOff(e, nsW), true
					}
					return x.skip()
				})
			case is(e.Name, nsW, "pPr"):
				return x.children(func(e xml.StartElement) error {
					if !is(e.Name, nsW, "numPr") {
						return x.skip()
					}
					ref, err := x.numPr()
					if err == nil && ref.numID != "" {
						n.styles[id] = ref
					}
					return err
				})
			}
			return x.skip()
		})
	})
	for id, st := range styles {
		// The first style up the w:basedOn chain that says; a bounded walk,
		// since a hostile chain may loop.
		for i := 0; st != nil && i < 16; i++ {
			if st.set {
				n.bold[id] = st.bold
				break
			}
			st = styles[st.basedOn]
		}
	}
	return err
}

// numPr reads a w:numPr element just opened.
func (x *decoder) numPr() (numRef, error) {
	var ref numRef
	err := x.children(func(e xml.StartElement) error {
		v, _ := attr(e, nsW, "val")
		switch {
		case is(e.Name, nsW, "numId"):
			ref.numID = v
		case is(e.Name, nsW, "ilvl"):
			ref.ilvl, _ = strconv.Atoi(v)
		}
		return x.skip()
	})
	if ref.ilvl < 0 || ref.ilvl > 8 {
		ref.ilvl = 0
	}
	return ref, err
}

// item is the list item of the next paragraph numbered ref, counting it;
// nil when ref names no list (numId 0 removes numbering).
func (n *numbering) item(ref numRef) *ListItem {
	l := n.nums[ref.numID]
	if l == nil {
		return nil
	}
	c := n.count[l.abstract]
	if c == nil {
		c = &[9]int{}
		n.count[l.abstract] = c
	}
	i := ref.ilvl
	switch {
	case l.start[i] != 0 && !l.used[i]:
		c[i], l.used[i] = l.start[i], true
	case c[i] == 0:
		c[i] = l.levels[i].start
	default:
		c[i]++
	}
	for j := i + 1; j < len(c); j++ {
		c[j] = 0
	}
	lv := l.levels[i]
	if lv.format == "bullet" {
		return &ListItem{Level: i, Marker: "-"}
	}
	if lv.format == "none" {
		return nil
	}
	marker := lv.text
	for j := 0; j <= i; j++ {
		marker = strings.ReplaceAll(marker, "%"+strconv.Itoa(j+1), formatNumber(max(c[j], 1), l.levels[j].format))
	}
	return &ListItem{Level: i, Ordered: true, Marker: marker}
}

// formatNumber writes n as a numbering format shows it.
func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
