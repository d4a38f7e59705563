package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"go.yaml.in/yaml/v3"

	"github.com/mrtrack/mrtrack/pkg/docx"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// docxRec is one recommendation's rows as read.
type docxRec struct {
	im     *docxImport
	id     string // "R3"
	number int
	head   docxRow
	text   docxPart // the recommendation's cell, continuation rows joined
	// responseRow, reasonsRow and unitRow are the labelled rows, nil
	// when absent.
	responseRow, reasonsRow, unitRow *docxRow
	cols                             *docxColumns // the actions header, once read
	actions                          []*docxAction
	subHeader                        bool // the row after the header may be its sub-header
}

// docxPart is the content of one field's cell, with the rows a page
// break split joined back.
type docxPart struct {
	blocks []docx.Block
	at     Location
}

// recRowLabels are the labels, English and French and folded by
// labelKey, of the rows between a recommendation and its actions.
var recRowLabels = map[string][]string{
	"response": {"management response", "reponse de la direction"},
	"reasons":  {"reasons", "raisons", "motifs", "justification"},
	"unit":     {"unit or function", "unit responsible", "responsible unit", "unite ou fonction", "unite responsable"},
}

// recRowKind is which labelled row a label starts: response, reasons,
// unit, or "".
func recRowKind(label string) string {
	for kind, prefixes := range recRowLabels {
		for _, p := range prefixes {
			if strings.HasPrefix(label, p) {
				return kind
			}
		}
	}
	return ""
}

// row reads one row under the recommendation's heading row.
func (r *docxRec) row(row docxRow) {
	im := r.im
	label := row.label()
	kind := ""
	if r.cols == nil {
		kind = recRowKind(label)
	}
	switch {
	case row.empty():
	case kind == "response":
		r.responseRow = &row
	case kind == "reasons":
		r.reasonsRow = &row
	case kind == "unit":
		r.unitRow = &row
	case r.cols == nil && actionHeader(row):
		r.cols = im.columns(r.id, row)
		r.subHeader = true
	case r.cols == nil && label == "" && r.responseRow == nil:
		r.textContinued(row)
	case r.cols == nil:
		im.note(row.at(row.cells[0]), r.id, oneLine(rowText(row)), "a row import does not know, above the actions table: not imported", true)
	case r.subHeader && r.cols.subHeader(row):
		r.subHeader = false
	default:
		r.subHeader = false
		r.actionRow(row)
	}
}

func rowText(r docxRow) string {
	var parts []string
	for _, c := range r.cells {
		parts = append(parts, c.Text())
	}
	return strings.Join(parts, " | ")
}

// textContinued joins a continuation row of the recommendation's text:
// the page broke inside the cell.
func (r *docxRec) textContinued(row docxRow) {
	var blocks []docx.Block
	for _, c := range row.rest() {
		blocks = append(blocks, c.Blocks...)
	}
	if len(blocks) == 0 {
		return
	}
	at := row.at(row.rest()[0])
	how := joinInto(&r.text.blocks, blocks)
	r.im.note(at, r.id+" text", firstWords(docx.Markdown(blocks)), "continued in the next row (a page break): "+how, false)
}

// newDocxRec starts a recommendation at its heading row.
func newDocxRec(im *docxImport, head docxRow) *docxRec {
	r := &docxRec{im: im, number: recNumberOf(head), head: head}
	r.id = "R" + strconv.Itoa(r.number)
	for _, c := range head.rest() {
		r.text.blocks = append(r.text.blocks, c.Blocks...)
	}
	return r
}

// node builds the rec-NN.yaml mapping.
func (r *docxRec) node() *yaml.Node {
	im := r.im
	blocks := r.text.blocks
	at := r.head.at(r.head.cells[0])
	if rest := r.head.rest(); len(rest) > 0 {
		at = r.head.at(rest[0])
	}
	title, body := headline(blocks)
	switch {
	case title == "" && len(body) == 0:
		im.note(at, r.id+" title", "", "the recommendation has no text: fill in its title and text", true)
		title = validate.Placeholder("the recommendation's headline")
	case title == "":
		im.note(at, r.id+" title", firstWords(docx.Markdown(body)), "no bold headline: the title is left for a person to write (text holds the whole recommendation)", true)
		title = validate.Placeholder("the recommendation's headline")
	}
	text := markdownValue(body)
	switch {
	case text == "" && strings.HasPrefix(title, validate.Unfilled):
		text = validate.Placeholder("the full recommendation") // the title's note asks for both
	case text == "":
		text = validate.Placeholder("the full recommendation")
		im.note(at, r.id+" text", "", "the recommendation has only a headline: fill in its text", true)
	}
	pairs := []any{"number", ydoc.Token(fmt.Sprint(r.number)), "title", title, "text", text}
	response := r.response()
	pairs = append(pairs, "response", ydoc.Token(response))
	pairs = append(pairs, r.reasons(response)...)
	pairs = append(pairs, r.responsible()...)
	var actions []*yaml.Node
	r.numberActions()
	for _, a := range r.actions {
		actions = append(actions, a.node())
	}
	if r.cols == nil {
		im.note(at, r.id+" actions", "", "no planned actions table (no header row with the action, date and status columns)", response != "disagree")
	}
	pairs = append(pairs, "actions", ydoc.Sequence(actions...))
	return ydoc.Mapping(pairs...)
}

// headline splits a recommendation's cell into its bold first paragraph
// (the title) and the rest.
func headline(blocks []docx.Block) (string, []docx.Block) {
	for i, b := range blocks {
		if b.Paragraph == nil || strings.TrimSpace(b.Paragraph.Text) == "" {
			continue
		}
		if b.Paragraph.Bold && b.Paragraph.List == nil {
			return oneLine(b.Paragraph.Text), blocks[i+1:]
		}
		break
	}
	return "", blocks
}

// markdownValue is blocks as a record's Markdown value: a value of
// several lines ends with a line break, as a YAML block scalar does.
func markdownValue(blocks []docx.Block) string {
	md := docx.Markdown(blocks)
	if strings.Contains(md, "\n") {
		md += "\n"
	}
	return md
}

// firstWords is the start of a long raw text, for a note.
func firstWords(s string) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// responseLabels read the response checkboxes' labels, English and
// French, most specific first.
var responseLabels = []struct{ prefix, response string }{
	{"partially agree", "partially-agree"}, {"partiellement d'accord", "partially-agree"}, {"partiellement", "partially-agree"},
	{"partially", "partially-agree"}, {"disagree", "disagree"}, {"pas d'accord", "disagree"}, {"desaccord", "disagree"},
	{"en desaccord", "disagree"}, {"rejete", "disagree"}, {"agree", "agree"}, {"d'accord", "agree"}, {"accord", "agree"},
	{"accepte", "agree"},
}

// checkRE finds the checkboxes of a response row: the glyphs docx writes
// for controls and form fields, those people type, and an X.
var checkRE = lazyregexp.New(`☒|☑|✔|✓|✗|■|☐|□|\[[xX ]\]|(?:^|\s)[xX](?:\s|$)`)

// response reads the checked box of the response row.
func (r *docxRec) response() string {
	im := r.im
	if r.responseRow == nil {
		im.note(r.head.at(r.head.cells[0]), r.id+" response", "", "no \"Management response\" row: written not-stated", true)
		return "not-stated"
	}
	row := *r.responseRow
	var texts []string
	for _, c := range row.rest() {
		texts = append(texts, cellLine(c))
	}
	text := strings.Join(texts, " ")
	at := row.at(row.cells[0])
	if rest := row.rest(); len(rest) > 0 {
		at = row.at(rest[0])
	}
	checked := checkedResponses(text)
	switch len(checked) {
	case 1:
		return checked[0]
	case 0:
		im.note(at, r.id+" response", text, "no response box is checked: written not-stated", true)
	default:
		im.note(at, r.id+" response", text, "more than one response box is checked: written not-stated", true)
	}
	return "not-stated"
}

// checkedResponses are the responses whose box is checked in a response
// row's text: each box is a glyph followed by its label; a label without
// a box is not a choice.
func checkedResponses(text string) []string {
	var checked []string
	boxes := checkRE.FindAllStringIndex(text, -1)
	for i, b := range boxes {
		end := len(text)
		if i+1 < len(boxes) {
			end = boxes[i+1][0]
		}
		label := labelKey(text[b[1]:end])
		resp := ""
		for _, l := range responseLabels {
			if strings.HasPrefix(label, l.prefix) {
				resp = l.response
				break
			}
		}
		switch strings.TrimSpace(text[b[0]:b[1]]) {
		case "☐", "□", "[ ]":
		default:
			if resp != "" {
				checked = append(checked, resp)
			}
		}
	}
	return checked
}

// reasons reads the reasons row: left out when it is empty or holds the
// template's placeholder, a placeholder to fill when the response needs
// reasons and the source gives none.
func (r *docxRec) reasons(response string) []any {
	im := r.im
	text, at := "", r.head.at(r.head.cells[0])
	if r.reasonsRow != nil {
		row := *r.reasonsRow
		var blocks []docx.Block
		for i, c := range row.rest() {
			if i == 0 {
				at = row.at(c)
			}
			blocks = append(blocks, c.Blocks...)
		}
		text = markdownValue(blocks)
	}
	if Placeholder(text) {
		im.note(at, r.id+" reasons", text, "the template's placeholder: left out", false)
		text = ""
	}
	if Empty(text) {
		if response == "partially-agree" || response == "disagree" {
			im.note(at, r.id+" reasons", text, "a "+response+" response needs reasons and the source gives none: fill them in", true)
			return []any{"reasons", validate.Placeholder("why management partially agrees or disagrees")}
		}
		return nil
	}
	return []any{"reasons", text}
}

// unitTypos are misspellings of units that filters must match; the
// source wording is kept in responsible_text.
var unitTypos = strings.NewReplacer("UNCHR", "UNHCR")

var unitSep = lazyregexp.New(`\s*[,;\n]\s*`)

// responsible reads the unit row: one unit per comma, typos of the
// agency's name corrected, the source wording kept when the list differs
// from it.
func (r *docxRec) responsible() []any {
	im := r.im
	if r.unitRow == nil || len(r.unitRow.rest()) == 0 {
		im.note(r.head.at(r.head.cells[0]), r.id+" responsible", "", "no unit or function responsible: fill it in", true)
		return []any{"responsible", ydoc.Sequence(ydoc.Str(validate.Placeholder("unit or function responsible")))}
	}
	row := *r.unitRow
	c := row.rest()[0]
	raw := strings.TrimSpace(c.Text())
	var units []*yaml.Node
	var names []string
	for _, u := range unitSep.Split(raw, -1) {
		if u = strings.TrimSpace(u); u != "" && !Empty(u) {
			names = append(names, unitTypos.Replace(u))
			units = append(units, ydoc.Str(unitTypos.Replace(u)))
		}
	}
	if len(units) == 0 {
		im.note(row.at(c), r.id+" responsible", raw, "no unit or function responsible: fill it in", true)
		return []any{"responsible", ydoc.Sequence(ydoc.Str(validate.Placeholder("unit or function responsible")))}
	}
	pairs := []any{"responsible", ydoc.Sequence(units...)}
	if joined := strings.Join(names, ", "); joined != oneLine(raw) {
		how := "one unit per comma or semicolon"
		if unitTypos.Replace(raw) != raw {
			how += ", UNCHR read as UNHCR"
		}
		im.note(row.at(c), r.id+" responsible", raw, how+"; the source wording kept in responsible_text", false)
		pairs = append(pairs, "responsible_text", raw)
	} else if len(names) > 1 {
		im.note(row.at(c), r.id+" responsible", raw, "one unit per comma or semicolon", false)
	}
	return pairs
}
