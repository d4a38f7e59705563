package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
)

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
	// A field still in its instruction at the paragraph's end is broken
	// (Word ends instructions in their paragraph): forget it, so it cannot
	// hide the text that follows.
	for len(p.fields) > 0 && !p.fields[len(p.fields)-1].result {
		p.fields = p.fields[:len(p.fields)-1]
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
	bold := p.num.bold[b.style]
	return p.x.children(func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsW, "rPr"):
			return p.x.children(func(e xml.StartElement) error {
				switch {
				case is(e.Name, nsW, "rStyle"):
					if s, _ := attr(e, nsW, "val"); p.num.bold[s] {
						bold = true
					}
				case is(e.Name, nsW, "b"):
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
