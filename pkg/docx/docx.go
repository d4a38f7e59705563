// Package docx reads the body of a Word document (.docx, Office Open XML)
// into paragraphs and tables, with Word's numbering resolved into list
// markers and every checkbox form turned into a ☒ or ☐ glyph. It is small
// on purpose: archive/zip and encoding/xml from the standard library, no
// styles beyond list numbering, no drawings, headers or footnotes. It
// refuses what could hurt the reader (zip bombs, parts over a size limit,
// DOCTYPEs, tables nested too deep) with an *Error; it never panics and
// never writes anything.
package docx

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits bound what Read accepts, so that a hostile file costs bounded
// memory and time.
const (
	MaxPartSize   = 32 << 20 // bytes of one uncompressed part
	MaxTotalSize  = 64 << 20 // bytes of all parts read
	MaxRatio      = 100      // uncompressed/compressed, for parts over 1 MiB
	MaxParts      = 10000    // entries in the archive
	MaxTableDepth = 8        // tables inside table cells
	MaxXMLDepth   = 256      // nested XML elements
)

// The glyphs Read writes for checkboxes, whatever form the document used.
const (
	Checked   = "☒"
	Unchecked = "☐"
)

// Document is the body of a Word document in reading order.
type Document struct {
	Blocks []Block
	// Application is the program docProps/app.xml says wrote the file
	// ("Microsoft Office Word", "mrtrack"), "" when it does not say.
	Application string
}

// Block is a paragraph or a table; exactly one is set.
type Block struct {
	Paragraph *Paragraph
	Table     *Table
}

// Paragraph is one Word paragraph.
type Paragraph struct {
	// Text is the plain text: line breaks as "\n", checkboxes as ☒/☐,
	// the characters as typed (smart quotes kept).
	Text string
	// Markdown is Text with hyperlinks as [text](target).
	Markdown string
	// Bold is set when every visible character is bold.
	Bold bool
	// List is set for an item of a bulleted or numbered list.
	List *ListItem
}

// ListItem is a paragraph's place in a Word list.
type ListItem struct {
	Level   int    // 0 for the outermost level
	Ordered bool   // numbered rather than bulleted
	Marker  string // "1.", "(2)", "a)" as Word shows it; "-" for bullets
}

// Table is a Word table. Cells keep their grid columns, so a cell that
// spans columns (w:gridSpan) or continues a vertical merge (w:vMerge) can
// be placed under the header it belongs to.
type Table struct {
	Columns int // grid columns (w:tblGrid), at least the widest row
	Rows    []Row
}

// Row is a table row.
type Row struct {
	Cells []Cell
}

// Cell is a table cell.
type Cell struct {
	Col    int // first grid column, 0-based
	Span   int // grid columns covered, at least 1
	Merge  Merge
	Blocks []Block
}

// Merge says how a cell takes part in a vertical merge.
type Merge int

// The vertical merge states of a cell.
const (
	NoMerge       Merge = iota
	MergeRestart        // first cell of a vertical merge
	MergeContinue       // covered by the cell above: its own content is empty
)

// Text is the plain text of the cell: its paragraphs joined by "\n".
func (c Cell) Text() string {
	return blocksText(c.Blocks)
}

// Covers reports whether the cell covers grid column col.
func (c Cell) Covers(col int) bool { return col >= c.Col && col < c.Col+c.Span }

func blocksText(blocks []Block) string {
	var parts []string
	for _, b := range blocks {
		switch {
		case b.Paragraph != nil:
			parts = append(parts, b.Paragraph.Text)
		case b.Table != nil:
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					parts = append(parts, c.Text())
				}
			}
		}
	}
	return strings.Join(parts, "\n")
}

// Error is a document Read refuses or cannot read: the part, where in it
// when known, what is wrong, and a hint.
type Error struct {
	Part      string // "word/document.xml", "" for the archive itself
	Line, Col int
	Msg       string
	Hint      string
}

func (e *Error) Error() string {
	switch {
	case e.Part == "":
		return e.Msg
	case e.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Part, e.Line, e.Col, e.Msg)
	}
	return e.Part + ": " + e.Msg
}

// Read reads the main document of the .docx held in r.
func Read(r io.ReaderAt, size int64) (*Document, error) {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Error{Msg: "not a Word document: the file is not a zip archive (" + err.Error() + ")",
			Hint: "save it from Word as a .docx (Word Document), not .doc or .pdf"}
	}
	a := &archive{files: map[string]*zip.File{}}
	if len(z.File) > MaxParts {
		return nil, &Error{Msg: fmt.Sprintf("the archive has %d entries, more than the %d a Word document needs", len(z.File), MaxParts),
			Hint: "this is not a Word document; open it in Word and save it again"}
	}
	for _, f := range z.File {
		a.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	main := a.mainPart()
	src, err := a.read(main)
	if err != nil {
		return nil, err
	}
	if src == nil {
		return nil, &Error{Msg: "not a Word document: the archive has no " + main,
			Hint: "save it from Word as a .docx (Word Document)"}
	}
	rels, err := a.relationships(main)
	if err != nil {
		return nil, err
	}
	num, err := a.numbering(main, rels)
	if err != nil {
		return nil, err
	}
	doc, err := parseDocument(main, src, rels, num)
	if err != nil {
		return nil, err
	}
	doc.Application = a.application()
	return doc, nil
}

// application reads the Application property of docProps/app.xml; it is
// a hint only, so a part that does not read gives "".
func (a *archive) application() string {
	src, err := a.read("docProps/app.xml")
	if err != nil || src == nil {
		return ""
	}
	x := newDecoder("docProps/app.xml", src)
	in := false
	for {
		t, err := x.next()
		if err != nil {
			return ""
		}
		switch t := t.(type) {
		case xml.StartElement:
			in = t.Name.Local == "Application"
		case xml.CharData:
			if in {
				return strings.TrimSpace(string(t))
			}
		case xml.EndElement:
			in = false
		}
	}
}

// archive is the zip with the total size read so far.
type archive struct {
	files map[string]*zip.File
	total int64
}

// read returns a part's bytes, nil when the archive has no such part. The
// declared sizes are checked first and the read itself is limited, since a
// hostile archive can lie about its sizes.
func (a *archive) read(name string) ([]byte, error) {
	f := a.files[name]
	if f == nil {
		return nil, nil
	}
	bomb := &Error{Part: name, Msg: "refused: the part is too large or too compressed to be a Word document's (a zip bomb?)",
		Hint: fmt.Sprintf("a part may hold at most %d MiB, compressed at most %d to 1", MaxPartSize>>20, MaxRatio)}
	if f.UncompressedSize64 > MaxPartSize || a.total+int64(f.UncompressedSize64) > MaxTotalSize {
		return nil, bomb
	}
	if f.UncompressedSize64 > 1<<20 && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > MaxRatio {
		return nil, bomb
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &Error{Part: name, Msg: "cannot open the part: " + err.Error(), Hint: "the file is damaged; open it in Word and save it again"}
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err == nil && uint64(len(b)) > f.UncompressedSize64 {
		return nil, bomb
	}
	if err != nil {
		return nil, &Error{Part: name, Msg: "cannot read the part: " + err.Error(), Hint: "the file is damaged; open it in Word and save it again"}
	}
	a.total += int64(len(b))
	return b, nil
}

// mainPart is the main document's part name: the target of the package's
// officeDocument relationship, word/document.xml when there is none.
func (a *archive) mainPart() string {
	const fallback = "word/document.xml"
	src, err := a.read("_rels/.rels")
	if err != nil || src == nil {
		return fallback
	}
	rels, err := parseRelationships("_rels/.rels", "", src)
	if err != nil {
		return fallback
	}
	if t, ok := rels[officeDocument]; ok && a.files[t] != nil {
		return t
	}
	return fallback
}

const officeDocument = "\x00officeDocument"

// relationships reads the relationships of part: id → target, targets of
// internal parts resolved against the part's folder.
func (a *archive) relationships(part string) (map[string]string, error) {
	name := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	src, err := a.read(name)
	if err != nil || src == nil {
		return map[string]string{}, err
	}
	return parseRelationships(name, path.Dir(part), src)
}
