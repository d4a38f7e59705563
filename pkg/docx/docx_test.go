package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"
)

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`

// pack zips parts, stored or deflated.
func pack(t testing.TB, parts map[string]string, method uint16) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range sortedKeys(parts) {
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// doc is a .docx whose body is body, with extra parts.
func doc(t testing.TB, body string, extra map[string]string) []byte {
	parts := map[string]string{"word/document.xml": `<?xml version="1.0"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`}
	for k, v := range extra {
		parts[k] = v
	}
	return pack(t, parts, zip.Deflate)
}

func read(t *testing.T, b []byte) *Document {
	t.Helper()
	d, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func texts(d *Document) []string {
	var out []string
	for _, p := range paragraphs(d.Blocks) {
		out = append(out, p.Text)
	}
	return out
}

func p(runs string) string { return `<w:p>` + runs + `</w:p>` }
func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// Spans, vertical merges, and rows that start or end short keep every
// cell under its grid column.
func TestTableGrid(t *testing.T) {
	tc := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + p(r(text)) + `</w:tc>`
	}
	body := `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, "A") + tc(``, "B") + tc(`<w:vMerge w:val="restart"/>`, "C") + `</w:tr>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="2"/><w:vMerge/>`, "") + tc(``, "D") + tc(`<w:vMerge w:val="continue"/>`, "") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr>` + tc(``, "E") + `</w:tr></w:tbl>`
	tbl := read(t, doc(t, body, nil)).Blocks[0].Table
	type cell struct {
		col, span int
		merge     Merge
		text      string
	}
	var got [][]cell
	for _, row := range tbl.Rows {
		var cs []cell
		for _, c := range row.Cells {
			cs = append(cs, cell{c.Col, c.Span, c.Merge, c.Text()})
		}
		got = append(got, cs)
	}
	want := [][]cell{
		{{0, 2, MergeRestart, "A"}, {2, 1, NoMerge, "B"}, {3, 1, MergeRestart, "C"}},
		{{0, 2, MergeContinue, ""}, {2, 1, NoMerge, "D"}, {3, 1, MergeContinue, ""}},
		{{1, 1, NoMerge, "E"}},
	}
	if !reflect.DeepEqual(got, want) || tbl.Columns != 4 {
		t.Errorf("cells %v (%d columns), want %v (4)", got, tbl.Columns, want)
	}
}

// Every checkbox form Word writes reads as ☒ or ☐.
func TestCheckboxes(t *testing.T) {
	control := func(checked string) string {
		return `<w:sdt><w:sdtPr><w14:checkbox>` + checked + `</w14:checkbox></w:sdtPr><w:sdtContent>` + r("X") + `</w:sdtContent></w:sdt>`
	}
	legacy := func(state string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>` + state + `</w:checkBox></w:ffData></w:fldChar></w:r>` +
			`<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	for name, c := range map[string]struct{ xml, want string }{
		"control checked":          {control(`<w14:checked w14:val="1"/>`), "☒"},
		"control checked true":     {control(`<w14:checked w14:val="true"/>`), "☒"},
		"control unchecked":        {control(`<w14:checked w14:val="0"/>`), "☐"},
		"control without checked":  {control(``), "☐"},
		"legacy checked, no val":   {legacy(`<w:default w:val="0"/><w:checked/>`), "☒"},
		"legacy checked val 1":     {legacy(`<w:checked w:val="1"/>`), "☒"},
		"legacy default on":        {legacy(`<w:default w:val="1"/>`), "☒"},
		"legacy default overruled": {legacy(`<w:default w:val="1"/><w:checked w:val="0"/>`), "☐"},
		"legacy unchecked":         {legacy(`<w:default w:val="0"/>`), "☐"},
		"legacy bare":              {legacy(``), "☐"},
		"glyph":                    {r("☒"), "☒"},
		"wingdings checked":        {`<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>`, "☒"},
		"wingdings unchecked":      {`<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>`, "☐"},
	} {
		got := texts(read(t, doc(t, p(c.xml+r(" Agree")), nil)))
		if want := []string{c.want + " Agree"}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

const numberingXML = `<w:numbering ` + ns + `>` +
	`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>` +
	`</w:numbering>`

const stylesXML = `<w:styles ` + ns + `><w:style w:type="paragraph" w:styleId="ListBullet"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Headline"><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="SubHeadline"><w:basedOn w:val="Headline"/></w:style>` +
	`<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style><w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>` +
	`</w:styles>`

// Text is bold by its run, its character style or its paragraph style
// (through w:basedOn); a style loop is not followed for ever.
func TestBoldByStyle(t *testing.T) {
	para := func(style, runs string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + runs + `</w:p>`
	}
	body := para("Headline", r("a")) + para("SubHeadline", r("b")) + p(`<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>c</w:t></w:r>`) +
		para("Headline", `<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>d</w:t></w:r>`) + para("Loop1", r("e")) + p(r("f"))
	var got []bool
	for _, p := range paragraphs(read(t, doc(t, body, map[string]string{"word/styles.xml": stylesXML})).Blocks) {
		got = append(got, p.Bold)
	}
	if want := []bool{true, true, true, false, false, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("bold %v, want %v", got, want)
	}
}

func item(num, lvl int, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + string(rune('0'+lvl)) + `"/><w:numId w:val="` + string(rune('0'+num)) + `"/></w:numPr></w:pPr>` + r(text) + `</w:p>`
}

// Word's numbering becomes Markdown list markers: bullets, "1.", nested
// "1.a)", "(5)" from a start override, a list style, numbering that goes
// on across cells and across the w:num instances of one abstract list
// (LibreOffice's first item restarts, the next go on), and numId 0 that
// removes it.
func TestNumberingToMarkdown(t *testing.T) {
	cell := func(content string) string { return `<w:tc>` + content + `</w:tc>` }
	body := p(r("Intro")) + item(1, 0, "one") + item(1, 1, "sub") + item(1, 0, "two") +
		item(2, 0, "first") + item(2, 1, "detail") + item(2, 1, "more") + item(2, 0, "second") +
		item(3, 0, "fifth") + `<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>` + r("styled") + `</w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>` + r("plain") + `</w:p>` +
		`<w:tbl><w:tr>` + cell(item(2, 0, "third")) + `</w:tr></w:tbl>` +
		item(5, 0, "restarted") + item(6, 0, "goes on") + item(5, 0, "and on")
	d := read(t, doc(t, body, map[string]string{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}))
	want := "Intro\n\n- one\n  - sub\n- two\n1. first\n  1.a) detail\n  1.b) more\n2. second\n(5) fifth\n- styled\n\nplain\n\n3. third\n(1) restarted\n(2) goes on\n(3) and on"
	if got := Markdown(d.Blocks); got != want {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, want)
	}
}

// Line breaks, tabs, smart quotes and hyperlinks (by relationship, by
// anchor, by HYPERLINK field); field instructions and deleted text are
// not text.
func TestInline(t *testing.T) {
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a b" TargetMode="External"/>` +
		`</Relationships>`
	body := p(r("“Quoted” l’été")+`<w:r><w:br/><w:t>next</w:t><w:tab/><w:t>tab</w:t></w:r>`) +
		p(`<w:hyperlink r:id="rId9">`+r("site")+`</w:hyperlink>`+r(" and ")+`<w:hyperlink w:anchor="top">`+r("top")+`</w:hyperlink>`) +
		p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://x.org" \o "tip" </w:instrText></w:r>`+
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("field")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`+
			`<w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins>`+r(" kept")+`</w:ins>`) +
		p(`<w:r><w:rPr><w:b/></w:rPr><w:t>Bold</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t> </w:t></w:r>`) +
		p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>`) + p(r("after a broken field"))
	d := read(t, doc(t, body, map[string]string{"word/_rels/document.xml.rels": rels}))
	ps := paragraphs(d.Blocks)
	got := []string{ps[0].Text, ps[1].Markdown, ps[2].Markdown, ps[2].Text, ps[5].Text}
	want := []string{"“Quoted” l’été\nnext tab", "[site](<https://example.org/a%20b>) and [top](#top)", "[field](https://x.org) kept", "field kept", "after a broken field"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if !ps[3].Bold || ps[0].Bold {
		t.Errorf("bold: %v %v, want true false", ps[3].Bold, ps[0].Bold)
	}
}

// Hostile and broken files are refused with an *Error that says what is
// wrong, in bounded memory.
func TestHostile(t *testing.T) {
	nest := func(n int, open, close, inner string) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
	}
	table := `<w:tbl><w:tr><w:tc>`
	untable := `</w:tc></w:tr></w:tbl>`
	bomb := doc(t, p(r(strings.Repeat("a", 4<<20))), nil)
	for name, c := range map[string]struct {
		file []byte
		want string
	}{
		"not a zip":     {[]byte("%PDF-1.7 not a docx"), "not a Word document: the file is not a zip archive"},
		"empty":         {nil, "not a zip archive"},
		"no document":   {pack(t, map[string]string{"other.xml": "<a/>"}, zip.Store), "the archive has no word/document.xml"},
		"doctype":       {doc(t, "", map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><w:document ` + ns + `/>`}), "declares a DOCTYPE"},
		"entity":        {doc(t, p(r("&xxe;")), nil), "malformed XML"},
		"zip bomb":      {bomb, "zip bomb"},
		"deep tables":   {doc(t, nest(9, table, untable, p(r("deep"))), nil), "tables nested more than 8 deep"},
		"deep elements": {doc(t, nest(300, "<w:ins>", "</w:ins>", ""), nil), "nested more than 256 deep"},
		"truncated":     {pack(t, map[string]string{"word/document.xml": `<w:document ` + ns + `><w:body><w:p>`}, zip.Store), "the XML ends inside an element"},
		"wrong root":    {pack(t, map[string]string{"word/document.xml": `<html/>`}, zip.Store), "not <document>"},
		"bad numbering": {doc(t, "", map[string]string{"word/numbering.xml": `<w:numbering ` + ns + `><w:num>`}), "word/numbering.xml"},
		"bad relations": {doc(t, "", map[string]string{"word/_rels/document.xml.rels": `<Relationships`}), "document.xml.rels"},
		"many entries":  {manyEntries(t), "more than the 10000"},
	} {
		_, err := Read(bytes.NewReader(c.file), int64(len(c.file)))
		var de *Error
		if !errors.As(err, &de) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, c.want)
		}
		if de != nil && de.Hint == "" {
			t.Errorf("%s: no hint", name)
		}
	}
}

func manyEntries(t *testing.T) []byte {
	parts := map[string]string{}
	for i := 0; i <= MaxParts; i++ {
		parts["x/"+strings.Repeat("a", 1+i%7)+string(rune('a'+i%26))+string(rune('0'+i%10))+"-"+strings.Repeat("b", i/700)+string(rune('A'+i/26%26))] = ""
	}
	for len(parts) <= MaxParts {
		parts["y/"+string(rune(len(parts)+0x4e00))] = ""
	}
	return pack(t, parts, zip.Store)
}

// A part larger than the limit is refused before it is read.
func TestPartTooLarge(t *testing.T) {
	big := doc(t, p(r(strings.Repeat("abcdefghij", MaxPartSize/10+1))), nil)
	_, err := Read(bytes.NewReader(big), int64(len(big)))
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("error %v, want too large", err)
	}
}
