package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// parser reads word/document.xml.
type parser struct {
	x      *decoder
	rels   map[string]string
	num    *numbering
	tables int // depth of the table being read
	// fields are the complex fields (w:fldChar begin … end) open at this
	// point; their instruction text is not document text.
	fields []*field
}

type field struct {
	instr    strings.Builder
	result   bool  // past w:fldChar separate
	checkbox *bool // a FORMCHECKBOX's state from w:ffData
	mdStart  int   // where the result starts in the paragraph's Markdown
}

func parseDocument(part string, src []byte, rels map[string]string, num *numbering) (*Document, error) {
	p := &parser{x: newDecoder(part, src), rels: rels, num: num}
	if err := p.x.root(nsW, "document"); err != nil {
		return nil, err
	}
	doc := &Document{}
	err := p.x.children(func(e xml.StartElement) error {
		if !is(e.Name, nsW, "body") {
			return p.x.skip()
		}
		blocks, err := p.blocks()
		doc.Blocks = blocks
		return err
	})
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// blocks reads the paragraphs and tables of the element just opened (the
// body, a cell, a block content control).
func (p *parser) blocks() ([]Block, error) {
	var out []Block
	var walk func(e xml.StartElement) error
	walk = func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsW, "p"):
			para, err := p.paragraph()
			if err != nil {
				return err
			}
			out = append(out, Block{Paragraph: para})
			return nil
		case is(e.Name, nsW, "tbl"):
			t, err := p.table()
			if err != nil {
				return err
			}
			out = append(out, Block{Table: t})
			return nil
		case is(e.Name, nsW, "sdt"):
			return p.x.children(func(e xml.StartElement) error {
				if is(e.Name, nsW, "sdtContent") {
					return p.x.children(walk)
				}
				return p.x.skip()
			})
		case is(e.Name, nsW, "customXml"), is(e.Name, nsW, "ins"):
			return p.x.children(walk)
		}
		return p.x.skip()
	}
	err := p.x.children(walk)
	return out, err
}

func (p *parser) table() (*Table, error) {
	p.tables++
	defer func() { p.tables-- }()
	if p.tables > MaxTableDepth {
		return nil, p.x.errAt("refused: tables nested more than 8 deep", "a management response has no tables inside tables this deep")
	}
	t := &Table{}
	var rows func(e xml.StartElement) error
	rows = func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsW, "tblGrid"):
			return p.x.children(func(e xml.StartElement) error {
				if is(e.Name, nsW, "gridCol") {
					t.Columns++
				}
				return p.x.skip()
			})
		case is(e.Name, nsW, "tr"):
			r, err := p.row()
			if err != nil {
				return err
			}
			t.Rows = append(t.Rows, r)
			if n := r.width(); n > t.Columns {
				t.Columns = n
			}
			return nil
		case is(e.Name, nsW, "sdt"), is(e.Name, nsW, "sdtContent"), is(e.Name, nsW, "customXml"):
			return p.x.children(rows)
		}
		return p.x.skip()
	}
	err := p.x.children(rows)
	return t, err
}

func (r Row) width() int {
	if len(r.Cells) == 0 {
		return 0
	}
	c := r.Cells[len(r.Cells)-1]
	return c.Col + c.Span
}

func (p *parser) row() (Row, error) {
	var r Row
	col := 0
	var cells func(e xml.StartElement) error
	cells = func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsW, "trPr"):
			return p.x.children(func(e xml.StartElement) error {
				if is(e.Name, nsW, "gridBefore") {
					v, _ := attr(e, nsW, "val")
					if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 64 {
						col += n
					}
				}
				return p.x.skip()
			})
		case is(e.Name, nsW, "tc"):
			c, err := p.cell(col)
			if err != nil {
				return err
			}
			col += c.Span
			r.Cells = append(r.Cells, c)
			return nil
		case is(e.Name, nsW, "sdt"), is(e.Name, nsW, "sdtContent"), is(e.Name, nsW, "customXml"):
			return p.x.children(cells)
		}
		return p.x.skip()
	}
	err := p.x.children(cells)
	return r, err
}

func (p *parser) cell(col int) (Cell, error) {
	c := Cell{Col: col, Span: 1}
	var content []Block
	props := func() error {
		return p.x.children(func(e xml.StartElement) error {
			switch {
			case is(e.Name, nsW, "gridSpan"):
				v, _ := attr(e, nsW, "val")
				if n, err := strconv.Atoi(v); err == nil && n > 1 && n < 64 {
					c.Span = n
				}
			case is(e.Name, nsW, "vMerge"):
				c.Merge = MergeContinue
				if v, _ := attr(e, nsW, "val"); v == "restart" {
					c.Merge = MergeRestart
				}
			}
			return p.x.skip()
		})
	}
	var blocks func(e xml.StartElement) error
	blocks = func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsW, "tcPr"):
			return props()
		case is(e.Name, nsW, "p"):
			para, err := p.paragraph()
			if err == nil {
				content = append(content, Block{Paragraph: para})
			}
			return err
		case is(e.Name, nsW, "tbl"):
			t, err := p.table()
			if err == nil {
				content = append(content, Block{Table: t})
			}
			return err
		case is(e.Name, nsW, "sdt"), is(e.Name, nsW, "sdtContent"), is(e.Name, nsW, "customXml"):
			return p.x.children(blocks)
		}
		return p.x.skip()
	}
	err := p.x.children(blocks)
	c.Blocks = content
	return c, err
}
