package docxfixture

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Mali builds the Word document of the Mali management response from its
// flattened text (testdata/import/mali-EVO-2024-03.txt: the Word table as
// tab-separated rows with HTML fragments, a blank line where a page
// breaks). It puts each row back into the template's grid: the header
// block over four columns, then one table per recommendation over seven
// (number, action, by whom, comments, date, status, progress comments)
// with the template's merged header cells, checkbox content controls, the
// rows a page break split kept as continuation rows, and recommendation
// 4's swapped header kept as the source has it.
func Mali(seed string) ([]byte, error) {
	m := &mali{doc: &Doc{Landscape: true}, cont: map[int]*listState{}}
	m.doc.Para(Para{Runs: []Run{{Text: "UNHCR Evaluation Management Response", Bold: true}}})
	rows := strings.Split(seed, "\n")
	for i := 0; i < len(rows); i++ {
		cells := strings.Split(rows[i], "\t")
		next := ""
		if i+1 < len(rows) {
			next = strip(firstCell(strings.Split(rows[i+1], "\t")))
		}
		if err := m.row(cells, next); err != nil {
			return nil, fmt.Errorf("seed line %d: %w", i+1, err)
		}
	}
	m.flush()
	return m.doc.Bytes()
}

type mali struct {
	doc    *Doc
	header *Table // the header block, until the first recommendation
	rec    *Table // the recommendation being written
	part   string // "text", "actions": what a continuation row continues
	// cont is the list the last cell of each column ended with, for a
	// continuation cell that goes on numbering it.
	cont map[int]*listState
}

type listState struct {
	id, count int
	text      string
}

// The grid widths, in twentieths of a point, of a landscape A4 page.
var (
	headerGrid = []int{4200, 3460, 3460, 3450}
	recGrid    = []int{520, 2600, 1800, 4400, 1750, 1500, 2000}
)

func (m *mali) flush() {
	if m.header != nil {
		m.doc.Table(*m.header)
		m.header = nil
	}
	if m.rec != nil {
		m.doc.Table(*m.rec)
		m.rec = nil
	}
}

var recRE = regexp.MustCompile(`^RECOMMENDATION \d+:$`)

func (m *mali) row(cells []string, next string) error {
	first := strip(firstCell(cells))
	label := strip(cells[0])
	values := nonEmpty(cells[1:])
	switch {
	case strings.TrimSpace(strings.Join(cells, "")) == "":
		return nil // a blank line: the page broke here
	case label == "UNHCR Evaluation Management Response":
		return nil // the form's title, written as the heading above
	case m.rec == nil && !recRE.MatchString(label):
		if m.header == nil {
			m.header = &Table{Widths: headerGrid}
		}
		r := Row{Cells: []Cell{{Paras: m.paras(-1, cells[0]), Shade: true}}}
		if len(values) > 1 {
			for _, v := range values {
				r.Cells = append(r.Cells, Cell{Paras: m.paras(-1, v)})
			}
		} else {
			r.Cells = append(r.Cells, Cell{Span: 3, Paras: m.paras(-1, strings.Join(values, ""))})
		}
		m.header.Rows = append(m.header.Rows, r)
	case recRE.MatchString(label):
		m.flush()
		m.rec = &Table{Widths: recGrid}
		m.part = "text"
		m.cont = map[int]*listState{}
		m.add(Row{Cells: []Cell{{Span: 2, Paras: m.paras(-1, cells[0]), Shade: true}, {Span: 5, Paras: m.paras(1, strings.Join(values, ""))}}})
	case label == "" && m.part == "text":
		m.add(Row{Cells: []Cell{{Span: 2}, {Span: 5, Paras: m.paras(1, strings.Join(values, ""))}}})
	case strings.HasPrefix(label, "Management response"):
		m.part = ""
		r := Row{Cells: []Cell{{Span: 2, Paras: m.paras(-1, cells[0]), Shade: true}}}
		if len(values) == 3 {
			for i, v := range values {
				r.Cells = append(r.Cells, Cell{Span: []int{2, 1, 2}[i], Paras: m.paras(-1, v)})
			}
		} else {
			r.Cells = append(r.Cells, Cell{Span: 5, Paras: m.paras(-1, strings.Join(values, " "))})
		}
		m.add(r)
	case strings.HasPrefix(label, "Reasons"), strings.HasPrefix(label, "Unit or function"):
		m.add(Row{Cells: []Cell{{Span: 2, Paras: m.paras(-1, cells[0]), Shade: true}, {Span: 5, Paras: m.paras(-1, strings.Join(values, ""))}}})
	case first == "Top-line planned actions":
		m.part = "actions"
		m.headerRows(cells, next)
	case first == "Status":
		// the sub-header row, written with the header above
	case m.part == "actions":
		m.action(cells)
	default:
		return fmt.Errorf("a row the fixture does not place: %.40q", first)
	}
	return nil
}

func (m *mali) add(r Row) { m.rec.Rows = append(m.rec.Rows, r) }

// headerRows writes the actions header. The template's header is two
// rows: the first five labels merged down (w:vMerge) and "Progress" over
// "Status" and "Comments". Where the source has no sub-header, Progress
// spans both columns alone; recommendation 4's one-row header with Status
// before Progress is kept as it is; recommendation 3's, which the
// flattening put on one row, is the template's.
func (m *mali) headerRows(cells []string, next string) {
	var labels []string
	for _, c := range nonEmpty(cells) {
		labels = append(labels, strip(c))
	}
	head := func(s string, span int, merge string) Cell {
		return Cell{Span: span, Merge: merge, Shade: true, Paras: []Para{Bold(s)}}
	}
	switch {
	case len(labels) == 6: // R4: … | Expected completion date | Status | Progress
		r := Row{Header: true, Cells: []Cell{head(labels[0], 2, "")}}
		for _, l := range labels[1:] {
			r.Cells = append(r.Cells, head(l, 1, ""))
		}
		m.add(r)
	case next == "Status" || len(labels) == 7:
		r := Row{Header: true, Cells: []Cell{head(labels[0], 2, "restart")}}
		for _, l := range labels[1:4] {
			r.Cells = append(r.Cells, head(l, 1, "restart"))
		}
		r.Cells = append(r.Cells, head(labels[4], 2, ""))
		m.add(r)
		m.add(Row{Header: true, Cells: []Cell{head("", 2, "continue"), head("", 1, "continue"), head("", 1, "continue"),
			head("", 1, "continue"), head("Status", 1, ""), head("Comments", 1, "")}})
	default:
		r := Row{Header: true, Cells: []Cell{head(labels[0], 2, "")}}
		for _, l := range labels[1:4] {
			r.Cells = append(r.Cells, head(l, 1, ""))
		}
		r.Cells = append(r.Cells, head(labels[4], 2, ""))
		m.add(r)
	}
}

// action writes an action row or the continuation of one. The cells are
// in the template's order; recommendation 6's rows have no number cell,
// so their action cell spans the number column and the row ends short.
func (m *mali) action(cells []string) {
	cells = append(cells, make([]string, 8)...)
	first := strings.TrimSpace(strip(cells[0]))
	if _, err := strconv.Atoi(first); err != nil && first != "" {
		r := Row{Cells: []Cell{{Span: 2, Paras: m.paras(1, cells[0])}}, GridAfter: 1}
		for i := 1; i < 5; i++ {
			r.Cells = append(r.Cells, Cell{Paras: m.paras(i+1, cells[i])})
		}
		m.add(r)
		return
	}
	var r Row
	for i := 0; i < 7; i++ {
		r.Cells = append(r.Cells, Cell{Paras: m.paras(i, cells[i])})
	}
	m.add(r)
}

var (
	tagRE      = regexp.MustCompile(`<[^>]*>|[^<]+`)
	anyTagRE   = regexp.MustCompile(`<[^>]*>`)
	spacesRE   = regexp.MustCompile(` {2,}`)
	numberedRE = regexp.MustCompile(`^\((\d+)\)\s*`)
	dottedRE   = regexp.MustCompile(`^(\d+)\.\s+`)
)

// paras turns a seed cell into paragraphs: <p> and <li> become
// paragraphs, <ul>/<ol> Word lists (bullets, "1." or "(1)" numbering, by
// the items' own marks, which are then dropped as Word would show them),
// <b>, <i>, <sup> run formatting, <input type="checkbox"> a checkbox
// content control. Text outside tags is a paragraph; two spaces in it
// separate paragraphs (the flattening's mark of a paragraph break). col
// is the cell's grid column, for a numbered list a page break cut (-1
// for cells that are never continued).
func (m *mali) paras(col int, cell string) []Para {
	var out []Para
	var cur *Para
	var bold, italic, sup, loose bool
	var list *listState
	inList, li := false, false
	prev := m.cont[col]
	m.cont[col] = nil
	flush := func() {
		if cur != nil && len(cur.Runs) > 0 {
			cur.Runs[0].Text = strings.TrimLeft(cur.Runs[0].Text, " ")
			last := &cur.Runs[len(cur.Runs)-1]
			last.Text = strings.TrimRight(last.Text, " ")
			out = append(out, *cur)
		}
		cur, loose, li = nil, false, false
	}
	text := func(s string) {
		if cur == nil {
			if strings.TrimSpace(s) == "" {
				return
			}
			cur, loose = &Para{}, true
		}
		if li && len(cur.Runs) == 0 && cur.List == 0 {
			s = strings.TrimLeft(s, " ")
			format, marker, start := "bullet", "•", 1
			switch {
			case strings.HasPrefix(s, "•"), strings.HasPrefix(s, "- "):
				s = strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(s, "•"), "- "), " ")
			case numberedRE.MatchString(s):
				n := numberedRE.FindStringSubmatch(s)
				start, _ = strconv.Atoi(n[1])
				format, marker, s = "decimal", "(%1)", s[len(n[0]):]
			case dottedRE.MatchString(s):
				n := dottedRE.FindStringSubmatch(s)
				start, _ = strconv.Atoi(n[1])
				format, marker, s = "decimal", "%1.", s[len(n[0]):]
			}
			if list == nil || list.text != marker {
				list = &listState{id: m.doc.NewList(format, marker, start), text: marker}
			}
			list.count++
			cur.List = list.id
		}
		if !li && len(cur.Runs) == 0 && prev != nil && prev.text == "%1." {
			// A numbered list a page break cut goes on as "<p>3. …</p>".
			if n := dottedRE.FindStringSubmatch(s); n != nil && n[1] == strconv.Itoa(prev.count+1) {
				s = s[len(n[0]):]
				prev.count++
				cur.List, list = prev.id, prev
			}
		}
		cur.Runs = append(cur.Runs, Run{Text: s, Bold: bold, Italic: italic, Sup: sup})
	}
	for _, tok := range tagRE.FindAllString(cell, -1) {
		if !strings.HasPrefix(tok, "<") {
			tok = unescape(tok)
			if loose || cur == nil {
				for i, seg := range spacesRE.Split(tok, -1) {
					if i > 0 {
						flush()
					}
					text(seg)
				}
				continue
			}
			text(tok)
			continue
		}
		name := strings.Fields(strings.Trim(tok, "<>/"))[0]
		closing := strings.HasPrefix(tok, "</")
		switch name {
		case "p":
			flush()
			if !closing {
				cur = &Para{}
			}
		case "ul", "ol":
			flush()
			inList = !closing
			if !inList && list != nil {
				m.cont[col] = list
			}
			list = nil
		case "li":
			flush()
			if !closing && inList {
				cur, li = &Para{}, true
			}
		case "b":
			bold = !closing
		case "i":
			italic = !closing
		case "sup":
			sup = !closing
		case "input":
			if cur == nil {
				cur, loose = &Para{}, true
			}
			box := ControlUnchecked
			if strings.Contains(tok, "checked") {
				box = ControlChecked
			}
			cur.Runs = append(cur.Runs, Run{Box: box})
		}
	}
	flush()
	if list != nil && m.cont[col] == nil {
		m.cont[col] = list
	}
	return out
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(s)
}

// strip is a seed cell's text without its tags.
func strip(s string) string {
	return strings.TrimSpace(anyTagRE.ReplaceAllString(s, ""))
}

func firstCell(cells []string) string {
	for _, c := range cells {
		if strip(c) != "" || strings.Contains(c, "<input") {
			return c
		}
	}
	return ""
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if strip(c) != "" || strings.Contains(c, "<input") {
			out = append(out, c)
		}
	}
	return out
}
