package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
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

// para collects a paragraph's text as it is read.
type para struct {
	text, md       strings.Builder
	bold, notBold  int
	ref            numRef
	numbered, bare bool // numPr seen; numId 0 (numbering removed)
	style          string
}

func (b *para) write(s string, bold bool) {
	b.text.WriteString(s)
	b.md.WriteString(s)
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case bold:
			b.bold++
		default:
			b.notBold++
		}
	}
}

func (p *parser) paragraph() (*Paragraph, error) {
	b := &para{}
	err := p.x.children(func(e xml.StartElement) error {
		if is(e.Name, nsW, "pPr") {
			return p.x.children(func(e xml.StartElement) error {
				switch {
				case is(e.Name, nsW, "pStyle"):
					b.style, _ = attr(e, nsW, "val")
				case is(e.Name, nsW, "numPr"):
					ref, err := p.x.numPr()
					b.ref, b.numbered, b.bare = ref, true, ref.numID == "0" || ref.numID == ""
					return err
				}
				return p.x.skip()
			})
		}
		return p.inline(b, e)
	})
	if err != nil {
		return nil, err
	}
	out := &Paragraph{Text: b.text.String(), Markdown: b.md.String(), Bold: b.bold > 0 && b.notBold == 0}
	ref, ok := b.ref, b.numbered && !b.bare
	if !b.numbered {
		ref, ok = p.num.styles[b.style]
	}
	if ok {
		out.List = p.num.item(ref)
	}
	return out, nil
}

// inline reads one element of a paragraph's content.
func (p *parser) inline(b *para, e xml.StartElement) error {
	switch {
	case is(e.Name, nsW, "r"):
		return p.run(b)
	case is(e.Name, nsW, "hyperlink"):
		target := ""
		if id, ok := attr(e, nsR, "id"); ok {
			target = p.rels[id]
		}
		if a, ok := attr(e, nsW, "anchor"); ok && target == "" {
			target = "#" + a
		}
		start := b.md.Len()
		if err := p.x.children(func(e xml.StartElement) error { return p.inline(b, e) }); err != nil {
			return err
		}
		link(b, start, target)
		return nil
	case is(e.Name, nsW, "sdt"):
		return p.contentControl(b)
	case is(e.Name, nsW, "fldSimple"), is(e.Name, nsW, "ins"), is(e.Name, nsW, "smartTag"),
		is(e.Name, nsW, "customXml"), is(e.Name, nsW, "dir"), is(e.Name, nsW, "bdo"), is(e.Name, nsW, "moveTo"):
		return p.x.children(func(e xml.StartElement) error { return p.inline(b, e) })
	}
	return p.x.skip()
}

// link makes the Markdown written since start a link to target.
func link(b *para, start int, target string) {
	md := b.md.String()
	label := md[start:]
	if target == "" || strings.TrimSpace(label) == "" {
		return
	}
	if strings.ContainsAny(target, " ()<>") {
		target = "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(target) + ">"
	}
	b.md.Reset()
	b.md.WriteString(md[:start] + "[" + label + "](" + target + ")")
}

// contentControl reads a w:sdt inside a paragraph: a checkbox control
// (w14:checkbox) becomes its glyph, any other shows its content.
func (p *parser) contentControl(b *para) error {
	var checkbox *bool
	return p.x.children(func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsW, "sdtPr"):
			return p.x.children(func(e xml.StartElement) error {
				if !is(e.Name, nsW14, "checkbox") {
					return p.x.skip()
				}
				checked := false
				checkbox = &checked
				return p.x.children(func(e xml.StartElement) error {
					if is(e.Name, nsW14, "checked") {
						v, ok := attr(e, nsW14, "val")
						checked = !ok || v == "1" || v == "true"
					}
					return p.x.skip()
				})
			})
		case is(e.Name, nsW, "sdtContent"):
			if checkbox != nil {
				p.emit(b, glyph(*checkbox), false)
				return p.x.skip()
			}
			return p.x.children(func(e xml.StartElement) error { return p.inline(b, e) })
		}
		return p.x.skip()
	})
}

func glyph(checked bool) string {
	if checked {
		return Checked
	}
	return Unchecked
}

// emit writes document text, unless it is a field's instruction.
func (p *parser) emit(b *para, s string, bold bool) {
	for _, f := range p.fields {
		if !f.result {
			return
		}
	}
	b.write(s, bold)
}

func (p *parser) run(b *para) error {
	bold := false
	return p.x.children(func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsW, "rPr"):
			return p.x.children(func(e xml.StartElement) error {
				if is(e.Name, nsW, "b") {
					bold = onOff(e, nsW)
				}
				return p.x.skip()
			})
		case is(e.Name, nsW, "t"):
			s, err := p.x.text()
			p.emit(b, s, bold)
			return err
		case is(e.Name, nsW, "instrText"):
			s, err := p.x.text()
			if n := len(p.fields); n > 0 && p.fields[n-1].instr.Len() < 4096 {
				p.fields[n-1].instr.WriteString(s)
			}
			return err
		case is(e.Name, nsW, "tab"), is(e.Name, nsW, "ptab"):
			p.emit(b, " ", bold)
		case is(e.Name, nsW, "br"), is(e.Name, nsW, "cr"):
			if t, _ := attr(e, nsW, "type"); t != "page" && t != "column" {
				p.emit(b, "\n", bold)
			}
		case is(e.Name, nsW, "noBreakHyphen"):
			p.emit(b, "-", bold)
		case is(e.Name, nsW, "sym"):
			p.emit(b, symbol(e), bold)
		case is(e.Name, nsW, "fldChar"):
			return p.fieldChar(b, e)
		}
		return p.x.skip()
	})
}

// fieldChar follows a complex field: begin (with a legacy form field's
// w:ffData), separate, end. A FORMCHECKBOX becomes its glyph; a HYPERLINK
// field's result becomes a link.
func (p *parser) fieldChar(b *para, e xml.StartElement) error {
	kind, _ := attr(e, nsW, "fldCharType")
	switch kind {
	case "begin":
		f := &field{}
		if len(p.fields) >= 16 {
			return p.x.errAt("refused: fields nested more than 16 deep", "this is not a document Word wrote")
		}
		p.fields = append(p.fields, f)
		return p.x.children(func(e xml.StartElement) error {
			if !is(e.Name, nsW, "ffData") {
				return p.x.skip()
			}
			return p.x.children(func(e xml.StartElement) error {
				if !is(e.Name, nsW, "checkBox") {
					return p.x.skip()
				}
				var def, checked *bool
				err := p.x.children(func(e xml.StartElement) error {
					v := onOff(e, nsW)
					switch {
					case is(e.Name, nsW, "default"):
						def = &v
					case is(e.Name, nsW, "checked"):
						checked = &v
					}
					return p.x.skip()
				})
				state := false
				switch {
				case checked != nil:
					state = *checked
				case def != nil:
					state = *def
				}
				f.checkbox = &state
				return err
			})
		})
	case "separate":
		if n := len(p.fields); n > 0 {
			p.fields[n-1].result = true
			p.fields[n-1].mdStart = b.md.Len()
		}
	case "end":
		n := len(p.fields)
		if n == 0 {
			break
		}
		f := p.fields[n-1]
		p.fields = p.fields[:n-1]
		instr := strings.Fields(f.instr.String())
		switch {
		case len(instr) > 0 && instr[0] == "FORMCHECKBOX":
			state := f.checkbox != nil && *f.checkbox
			p.emit(b, glyph(state), false)
		case len(instr) > 1 && instr[0] == "HYPERLINK" && f.result && f.mdStart <= b.md.Len():
			link(b, f.mdStart, hyperlinkTarget(instr[1:]))
		}
	}
	return p.x.skip()
}

// hyperlinkTarget is the target of a HYPERLINK field: its first
// argument, or "#bookmark" after the \l switch.
func hyperlinkTarget(args []string) string {
	for i := 0; i < len(args); i++ {
		a := strings.Trim(args[i], `"`)
		switch {
		case args[i] == `\l` && i+1 < len(args):
			return "#" + strings.Trim(args[i+1], `"`)
		case strings.HasPrefix(args[i], `\`):
			i++ // a switch and its argument
		default:
			return a
		}
	}
	return ""
}

// symbol is the character a w:sym shows; the checkbox glyphs of the
// Wingdings fonts become ☒/☐.
func symbol(e xml.StartElement) string {
	font, _ := attr(e, nsW, "font")
	ch, _ := attr(e, nsW, "char")
	code, err := strconv.ParseUint(ch, 16, 32)
	if err != nil {
		return ""
	}
	if code >= 0xF000 {
		code -= 0xF000
	}
	if strings.HasPrefix(strings.ToLower(font), "wingdings") {
		switch code {
		case 0xFE, 0x78, 0xFD, 0x53, 0x54, 0x52, 0x51:
			return Checked
		case 0xA8, 0x6F, 0xA3, 0x71:
			return Unchecked
		}
		return ""
	}
	if code < 0x20 || !unicode.IsPrint(rune(code)) {
		return ""
	}
	return string(rune(code))
}
