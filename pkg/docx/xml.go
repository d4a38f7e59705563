package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// The namespaces of the elements Read understands. Elements are matched
// by namespace and local name, so a document that binds other prefixes
// still reads; an undeclared prefix is matched by its usual spelling.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsW14 = "http://schemas.microsoft.com/office/word/2010/wordml"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
)

var prefixOf = map[string]string{nsW: "w", nsW14: "w14", nsR: "r"}

// is reports whether n is the element or attribute ns:local.
func is(n xml.Name, ns, local string) bool {
	return n.Local == local && (n.Space == ns || n.Space == prefixOf[ns])
}

// attr is the value of the attribute ns:local, and whether it is there.
func attr(e xml.StartElement, ns, local string) (string, bool) {
	for _, a := range e.Attr {
		if is(a.Name, ns, local) {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads an OOXML on/off property: present without w:val means on.
func onOff(e xml.StartElement, ns string) bool {
	v, ok := attr(e, ns, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off":
		return false
	}
	return true
}

// decoder reads one XML part token by token, refusing DOCTYPEs and
// bounding the nesting depth.
type decoder struct {
	part  string
	d     *xml.Decoder
	depth int
}

func newDecoder(part string, src []byte) *decoder {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	return &decoder{part: part, d: d}
}

// errAt is an error at the decoder's position.
func (x *decoder) errAt(msg, hint string) *Error {
	line, col := x.d.InputPos()
	return &Error{Part: x.part, Line: line, Col: col, Msg: msg, Hint: hint}
}

// next is the next token; io.EOF at the end of the part.
func (x *decoder) next() (xml.Token, error) {
	t, err := x.d.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			if x.depth > 0 {
				return nil, x.errAt("the XML ends inside an element", "the file is damaged; open it in Word and save it again")
			}
			return nil, io.EOF
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			msg := "malformed XML: " + se.Msg
			if se.Msg == "unexpected EOF" {
				msg = "the XML ends inside an element"
			}
			e := x.errAt(msg, "the file is damaged; open it in Word and save it again")
			e.Line = se.Line
			return nil, e
		}
		return nil, x.errAt("malformed XML: "+err.Error(), "the file is damaged; open it in Word and save it again")
	}
	switch t := t.(type) {
	case xml.Directive:
		return nil, x.errAt("refused: the part declares a DOCTYPE (Word never writes one; entity tricks use it)",
			"this is not a document Word wrote; open it in Word and save it again")
	case xml.StartElement:
		x.depth++
		if x.depth > MaxXMLDepth {
			return nil, x.errAt("refused: XML elements nested more than 256 deep", "this is not a document Word wrote")
		}
		return t.Copy(), nil
	case xml.EndElement:
		x.depth--
	}
	// Character data is used before the next call (text copies it), so
	// it is not copied here.
	return t, nil
}

// children calls f for each child element of the element just opened,
// and returns at its end. f must consume the child (or call skip).
func (x *decoder) children(f func(e xml.StartElement) error) error {
	for {
		t, err := x.next()
		if err != nil {
			return unexpectedEOF(x, err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := f(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// text is the character data of the element just opened, its children's
// included; it returns at the element's end.
func (x *decoder) text() (string, error) {
	var b strings.Builder
	for level := 1; level > 0; {
		t, err := x.next()
		if err != nil {
			return "", unexpectedEOF(x, err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			level++
		case xml.EndElement:
			level--
		case xml.CharData:
			b.Write(t)
		}
	}
	return b.String(), nil
}

// skip consumes the rest of the element just opened.
func (x *decoder) skip() error {
	for level := 1; level > 0; {
		t, err := x.next()
		if err != nil {
			return unexpectedEOF(x, err)
		}
		switch t.(type) {
		case xml.StartElement:
			level++
		case xml.EndElement:
			level--
		}
	}
	return nil
}

func unexpectedEOF(x *decoder, err error) error {
	if errors.Is(err, io.EOF) {
		return x.errAt("the XML ends inside an element", "the file is damaged; open it in Word and save it again")
	}
	return err
}

// root opens the part's root element, checking its name.
func (x *decoder) root(ns, local string) error {
	for {
		t, err := x.next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return x.errAt("the part is empty", "the file is damaged; open it in Word and save it again")
			}
			return err
		}
		if e, ok := t.(xml.StartElement); ok {
			if !is(e.Name, ns, local) {
				return x.errAt("the part's root is <"+e.Name.Local+">, not <"+local+">", "this is not a document Word wrote")
			}
			return nil
		}
	}
}

// parseRelationships reads a .rels part: id → target. Internal targets
// are resolved against dir; the package's officeDocument relationship is
// also kept under the key officeDocument.
func parseRelationships(part, dir string, src []byte) (map[string]string, error) {
	x := newDecoder(part, src)
	if err := x.root(nsRel, "Relationships"); err != nil {
		return nil, err
	}
	rels := map[string]string{}
	err := x.children(func(e xml.StartElement) error {
		if is(e.Name, nsRel, "Relationship") {
			id, _ := attr(e, "", "Id")
			target, _ := attr(e, "", "Target")
			mode, _ := attr(e, "", "TargetMode")
			typ, _ := attr(e, "", "Type")
			if mode != "External" {
				if !strings.HasPrefix(target, "/") {
					target = path.Join(dir, target)
				}
				target = strings.TrimPrefix(path.Clean("/"+target), "/")
			}
			rels[id] = target
			if strings.HasSuffix(typ, "/officeDocument") {
				rels[officeDocument] = target
			}
		}
		return x.skip()
	})
	return rels, err
}
