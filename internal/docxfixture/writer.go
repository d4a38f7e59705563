// Package docxfixture writes the Word documents the import tests read:
// testdata/import/*.docx. It writes Office Open XML by hand, the way Word
// lays it out (tables with w:gridSpan and w:vMerge, numbering.xml lists,
// checkbox content controls and legacy form fields), so the test controls
// every structure import must read; the zip is stored uncompressed with
// fixed timestamps, so the same input always gives the same bytes. It is
// for tests only: it escapes text but checks nothing else.
package docxfixture

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// Doc is a document being written.
type Doc struct {
	Landscape bool
	body      strings.Builder
	lists     []listDef
	links     []string
	controls  int
}

type listDef struct {
	format, text string
	start        int
}

// Box is a checkbox in one of the forms Word writes.
type Box int

// The checkbox forms.
const (
	NoBox            Box = iota
	ControlChecked       // w14:checkbox content control, checked
	ControlUnchecked     // the same, unchecked
	LegacyChecked        // FORMCHECKBOX, <w:checked/> without w:val
	LegacyUnchecked      // FORMCHECKBOX, <w:default w:val="0"/> only
	LegacyDefaultOn      // FORMCHECKBOX checked by its default alone
	LegacyCheckedOff     // FORMCHECKBOX, default on but <w:checked w:val="0"/>
	GlyphChecked         // a ☒ typed in the text
	GlyphUnchecked       // a ☐ typed in the text
)

// Run is a piece of a paragraph: text with its formatting, a checkbox, a
// line break or a hyperlink.
type Run struct {
	Text              string
	Bold, Italic, Sup bool
	Box               Box
	Break             bool   // a w:br line break before Text
	Tab               bool   // a w:tab before Text
	Link              string // an external hyperlink target for Text
}

// Para is a paragraph; List is a list from NewList (0 for none).
type Para struct {
	Runs  []Run
	List  int
	Level int
}

// Text is a paragraph of plain runs.
func Text(s string) Para { return Para{Runs: []Run{{Text: s}}} }

// Bold is a paragraph in bold.
func Bold(s string) Para { return Para{Runs: []Run{{Text: s, Bold: true}}} }

// Cell is a table cell.
type Cell struct {
	Span  int    // grid columns, 0 or 1 for one
	Merge string // "restart", "continue" or ""
	Paras []Para
	Shade bool // a grey header cell
}

// Row is a table row; GridAfter leaves grid columns without cells at the
// end, as Word writes a short row.
type Row struct {
	Cells     []Cell
	GridAfter int
	Header    bool
}

// Table is a table over a grid of column widths (twentieths of a point).
type Table struct {
	Widths []int
	Rows   []Row
}

// NewList adds a list of numbering format (decimal, bullet) and level
// text ("%1.", "(%1)", "•") starting at start, and returns its w:numId.
func (d *Doc) NewList(format, text string, start int) int {
	d.lists = append(d.lists, listDef{format, text, start})
	return len(d.lists)
}

// Para appends a paragraph to the body.
func (d *Doc) Para(p Para) { d.writePara(&d.body, p) }

// Table appends a table to the body, and the empty paragraph Word keeps
// between two tables.
func (d *Doc) Table(t Table) {
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range t.Rows {
		b.WriteString(`<w:tr>`)
		if r.GridAfter > 0 || r.Header {
			b.WriteString(`<w:trPr>`)
			if r.GridAfter > 0 {
				fmt.Fprintf(b, `<w:gridAfter w:val="%d"/>`, r.GridAfter)
			}
			if r.Header {
				b.WriteString(`<w:tblHeader/>`)
			}
			b.WriteString(`</w:trPr>`)
		}
		col := 0
		for _, c := range r.Cells {
			span := max(c.Span, 1)
			width := 0
			for i := col; i < col+span && i < len(t.Widths); i++ {
				width += t.Widths[i]
			}
			col += span
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			switch c.Merge {
			case "restart":
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case "continue":
				b.WriteString(`<w:vMerge/>`)
			}
			if c.Shade {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			if len(c.Paras) == 0 {
				b.WriteString(`<w:p/>`) // Word requires a paragraph in every cell
			}
			for _, p := range c.Paras {
				d.writePara(b, p)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl><w:p/>`)
}

func (d *Doc) writePara(b *strings.Builder, p Para) {
	b.WriteString(`<w:p>`)
	if p.List != 0 {
		fmt.Fprintf(b, `<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>`, p.Level, p.List)
	}
	for _, r := range p.Runs {
		d.writeRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

func (d *Doc) writeRun(b *strings.Builder, r Run) {
	props := func() {
		if !r.Bold && !r.Italic && !r.Sup {
			return
		}
		b.WriteString(`<w:rPr>`)
		if r.Bold {
			b.WriteString(`<w:b/><w:bCs/>`)
		}
		if r.Italic {
			b.WriteString(`<w:i/><w:iCs/>`)
		}
		if r.Sup {
			b.WriteString(`<w:vertAlign w:val="superscript"/>`)
		}
		b.WriteString(`</w:rPr>`)
	}
	switch r.Box {
	case ControlChecked, ControlUnchecked:
		d.controls++
		v, g := "0", "☐"
		if r.Box == ControlChecked {
			v, g = "1", "☒"
		}
		fmt.Fprintf(b, `<w:sdt><w:sdtPr><w:id w:val="%d"/><w14:checkbox><w14:checked w14:val="%s"/>`+
			`<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>`+
			`</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>`+
			`<w:t>%s</w:t></w:r></w:sdtContent></w:sdt>`, 1000+d.controls, v, g)
	case LegacyChecked, LegacyUnchecked, LegacyDefaultOn, LegacyCheckedOff:
		d.controls++
		state := map[Box]string{
			LegacyChecked:    `<w:default w:val="0"/><w:checked/>`,
			LegacyUnchecked:  `<w:default w:val="0"/>`,
			LegacyDefaultOn:  `<w:default w:val="1"/>`,
			LegacyCheckedOff: `<w:default w:val="1"/><w:checked w:val="0"/>`,
		}[r.Box]
		fmt.Fprintf(b, `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check%d"/><w:enabled/><w:calcOnExit w:val="0"/>`+
			`<w:checkBox><w:sizeAuto/>%s</w:checkBox></w:ffData></w:fldChar></w:r>`+
			`<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`, d.controls, state)
	case GlyphChecked, GlyphUnchecked:
		g := "☐"
		if r.Box == GlyphChecked {
			g = "☒"
		}
		b.WriteString(`<w:r><w:t>` + g + `</w:t></w:r>`)
	}
	if r.Break {
		b.WriteString(`<w:r><w:br/></w:r>`)
	}
	if r.Tab {
		b.WriteString(`<w:r><w:tab/></w:r>`)
	}
	if r.Text == "" {
		return
	}
	if r.Link != "" {
		d.links = append(d.links, r.Link)
		fmt.Fprintf(b, `<w:hyperlink r:id="rIdLink%d" w:history="1">`, len(d.links))
	}
	b.WriteString(`<w:r>`)
	props()
	b.WriteString(`<w:t xml:space="preserve">`)
	xml.EscapeText(b2w{b}, []byte(r.Text))
	b.WriteString(`</w:t></w:r>`)
	if r.Link != "" {
		b.WriteString(`</w:hyperlink>`)
	}
}

// b2w lets xml.EscapeText write into a strings.Builder.
type b2w struct{ b *strings.Builder }

func (w b2w) Write(p []byte) (int, error) { return w.b.Write(p) }

const (
	nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
		`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`
	header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Bytes is the .docx.
func (d *Doc) Bytes() ([]byte, error) {
	page := `<w:pgSz w:w="11906" w:h="16838"/>`
	if d.Landscape {
		page = `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`
	}
	document := header + `<w:document ` + nsDecl + `><w:body>` + d.body.String() +
		`<w:sectPr>` + page + `<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`

	var rels strings.Builder
	rels.WriteString(header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`)
	for i, l := range d.links {
		fmt.Fprintf(&rels, `<Relationship Id="rIdLink%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="`, i+1)
		xml.EscapeText(b2w{&rels}, []byte(l))
		rels.WriteString(`" TargetMode="External"/>`)
	}
	rels.WriteString(`</Relationships>`)

	var num strings.Builder
	num.WriteString(header + `<w:numbering ` + nsDecl + `>`)
	for i, l := range d.lists {
		fmt.Fprintf(&num, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, i+1)
		for lvl := 0; lvl < 3; lvl++ {
			text := l.text
			if l.format != "bullet" {
				text = strings.ReplaceAll(text, "%1", fmt.Sprintf("%%%d", lvl+1))
			}
			fmt.Fprintf(&num, `<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>`+
				`<w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>`, lvl, max(l.start, 1), l.format, text, 720+360*lvl)
		}
		num.WriteString(`</w:abstractNum>`)
	}
	for i, l := range d.lists {
		fmt.Fprintf(&num, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`,
			i+1, i+1, max(l.start, 1))
	}
	num.WriteString(`</w:numbering>`)

	parts := []struct{ name, body string }{
		{"[Content_Types].xml", header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
			`</Types>`},
		{"_rels/.rels", header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", rels.String()},
		{"word/styles.xml", header + `<w:styles ` + nsDecl + `>` +
			`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="18"/><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault>` +
			`<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>` +
			`</w:styles>`},
		{"word/numbering.xml", num.String()},
	}
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, p := range parts {
		w, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store, Modified: epoch})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// epoch is the fixed timestamp of every entry, so the bytes do not depend
// on when the fixture was written.
var epoch = time.Date(2024, 8, 9, 0, 0, 0, 0, time.UTC)
