package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// table turns a grid (a sheet, a CSV file) into a draft: the rows above
// the headers may give the evaluation's fields (a label and its value),
// the rows under them one action each, grouped into recommendations by
// their recommendation's number or text.
type table struct {
	file  string
	g     *grid
	l     *layout
	o     Options
	notes []Note
	pos   []int // each note's place, row*MaxColumns+column, to list them in source order
	lang  string
}

// fromGrid reads the draft in g, whose headers headerRow found.
func fromGrid(file string, g *grid, o Options) (*Draft, error) {
	l, err := readLayout(file, g, g.headerRow(o), o)
	if err != nil {
		return nil, err
	}
	t := &table{file: file, g: g, l: l, o: o}
	t.lang = t.language()
	id, err := t.evaluationID()
	if err != nil {
		return nil, err
	}
	recs, err := t.recommendations()
	if err != nil {
		return nil, err
	}
	t.unknownColumns()
	d := &Draft{ID: id, Evaluation: t.evaluation(id)}
	for _, r := range recs {
		d.Recommendations = append(d.Recommendations, r.node(t))
	}
	d.Notes = t.sortedNotes()
	return d, nil
}

// note records a judgment call about the cell at row i, column j.
func (t *table) note(i, j int, field, raw, msg string, review bool) {
	t.notes = append(t.notes, Note{At: t.g.at(i, j), Field: field, Raw: raw, Message: msg, Review: review})
	t.pos = append(t.pos, i*MaxColumns+j)
}

// sortedNotes are the notes in the order of their places in the source,
// as a reviewer reads it, those about one cell in the order made.
func (t *table) sortedNotes() []Note {
	idx := make([]int, len(t.notes))
	for k := range idx {
		idx[k] = k
	}
	slices.SortStableFunc(idx, func(a, b int) int { return t.pos[a] - t.pos[b] })
	out := make([]Note, len(idx))
	for k, i := range idx {
		out[k] = t.notes[i]
	}
	return out
}

// text is the cell at row i, column col, cleaned (see clean), "" when
// the sheet has no such column.
func (t *table) text(i int, col Column, field string) string {
	j, ok := t.l.where[col]
	if !ok {
		return ""
	}
	raw := t.g.cell(i, j)
	s, removed := clean(raw)
	if removed != "" {
		t.note(i, j, field, raw, "removed "+removed+", which a record cannot hold", true)
	}
	if s != "" && Empty(s) {
		t.note(i, j, field, s, "says nothing: left empty", false)
		return ""
	}
	return s
}

// language is --lang, else what the headers are written in.
func (t *table) language() string {
	if t.o.Lang != "" {
		return t.o.Lang
	}
	if v, i, j := t.label("language"); v != "" {
		if code, ok := languageCode(v); ok {
			if code != v {
				t.note(i, j, "evaluation language", v, "read as "+code, false)
			}
			return code
		}
		t.note(i, j, "evaluation language", v, "not a language import knows: read the headers instead; give --lang", true)
	}
	switch {
	case t.l.french > t.l.english:
		t.note(t.l.header, -1, "evaluation language", "", "fr: the column headers are French", false)
		return "fr"
	}
	t.note(t.l.header, -1, "evaluation language", "", "en: the column headers are English", false)
	return "en"
}

// evaluationID is --id, else the evaluation column's value, else the
// header block's; the sheet must name one evaluation.
func (t *table) evaluationID() (string, error) {
	from, fromRow, fromCol := "", -1, 0
	if j, ok := t.l.where[colEvaluation]; ok {
		for i := t.l.data; i < len(t.g.rows); i++ {
			v := strings.TrimSpace(t.g.cell(i, j))
			switch {
			case v == "" || v == from:
			case from == "":
				from, fromRow, fromCol = v, i, j
			default:
				return "", &SourceError{File: t.file, At: t.g.at(i, j), Msg: fmt.Sprintf("a second evaluation, %q (the first, %q, is at %s)", v, from, t.g.at(fromRow, j)),
					Hint: "import one evaluation at a time: keep its rows only, or split the sheet"}
			}
		}
	}
	if from == "" {
		if v, i, j := t.label("id"); v != "" {
			from, fromRow, fromCol = v, i, j
		}
	}
	switch {
	case t.o.ID != "" && from != "" && from != t.o.ID:
		t.note(fromRow, fromCol, "evaluation id", from, "--id "+t.o.ID+" used instead", false)
		return t.o.ID, nil
	case t.o.ID != "":
		return t.o.ID, nil
	}
	return from, nil
}

// recDraft is a recommendation being read: its first row gives its own
// fields, each row an action.
type recDraft struct {
	number  int
	row     int
	actions []*yaml.Node
	owners  []string
}

var recNumber = lazyregexp.New(`(?i)^\s*(?:r|rec\.?|recommendation|recommandation)?\s*(?:n[o°º]?\.?)?\s*#?\s*([0-9]{1,3})\s*[.:)]?\s*$`)
var actionNumber = lazyregexp.New(`(?i)^\s*(?:r?([0-9]{1,3})\s*[.-]\s*)?([0-9]{1,3})\s*[.:)]?\s*$`)

// recommendations groups the data rows: a row whose recommendation
// (number, else text) differs from the row above starts one, a row that
// repeats it or leaves it empty adds an action to it.
func (t *table) recommendations() ([]*recDraft, error) {
	var recs []*recDraft
	byKey := map[string]*recDraft{}
	var cur *recDraft
	numbered := false
	for i := t.l.data; i < len(t.g.rows); i++ {
		if t.blank(i) {
			continue
		}
		key, n := t.recKey(i)
		switch {
		case key == "" && cur == nil:
			return nil, &SourceError{File: t.file, At: t.g.at(i, -1), Msg: "a row before any recommendation: it names none", Hint: "fill in the row's recommendation number or text"}
		case key == "":
		case byKey[key] != nil:
			cur = byKey[key]
		default:
			cur = &recDraft{number: n, row: i}
			if n == 0 {
				cur.number = len(recs) + 1
			} else {
				numbered = true
			}
			byKey[key] = cur
			recs = append(recs, cur)
		}
		if a := t.action(i, cur); a != nil {
			cur.actions = append(cur.actions, a)
		}
	}
	if len(recs) == 0 {
		return nil, notAResponse(t.file, fmt.Sprintf("no rows under the headers at %s", t.g.at(t.l.header, -1)))
	}
	if !numbered {
		t.note(t.l.header, -1, "recommendation numbers", "", fmt.Sprintf("the source numbers no recommendation: numbered 1 to %d in the order they come", len(recs)), false)
	}
	seen := map[int]int{}
	for _, r := range recs {
		if prev, dup := seen[r.number]; dup {
			return nil, &SourceError{File: t.file, At: t.g.at(r.row, t.l.where[colRecNumber]), Msg: fmt.Sprintf("recommendation %d again, with another text (first at %s)", r.number, t.g.at(prev, t.l.where[colRecNumber])),
				Hint: "give each recommendation its own number"}
		}
		seen[r.number] = r.row
	}
	return recs, nil
}

// recKey is what names row i's recommendation: its number if the sheet
// has a number column, else its text; and the number read.
func (t *table) recKey(i int) (string, int) {
	if j, ok := t.l.where[colRecNumber]; ok {
		raw := strings.TrimSpace(t.g.cell(i, j))
		if raw == "" {
			return "", 0
		}
		if m := recNumber.FindStringSubmatch(raw); m != nil {
			if n, _ := strconv.Atoi(m[1]); n >= 1 && n <= 999 {
				return "#" + strconv.Itoa(n), n
			}
		}
		if m := actionNumber.FindStringSubmatch(raw); m != nil && m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			if n >= 1 {
				return "#" + strconv.Itoa(n), n
			}
		}
		t.note(i, j, "recommendation number", raw, "not a number: the recommendation is numbered by its place", true)
		return "?" + raw, 0
	}
	text := strings.TrimSpace(t.g.cell(i, t.l.where[colRecText]))
	if text == "" {
		return "", 0
	}
	return "text:" + text, 0
}

func (t *table) blank(i int) bool {
	for _, c := range t.g.rows[i] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// action reads row i as an action of r; nil when the row holds only its
// recommendation (one with no actions, such as a disagreement).
func (t *table) action(i int, r *recDraft) *yaml.Node {
	n := len(r.actions) + 1
	id := fmt.Sprintf("R%d.%d", r.number, n)
	if j, ok := t.l.where[colActionNumber]; ok {
		if raw := strings.TrimSpace(t.g.cell(i, j)); raw != "" {
			m := actionNumber.FindStringSubmatch(raw)
			v := 0
			if m != nil {
				v, _ = strconv.Atoi(m[2])
			}
			switch {
			case v < 1:
				t.note(i, j, id+" number", raw, fmt.Sprintf("not an action number: numbered %d by its place", n), true)
			case m[1] != "" && m[1] != strconv.Itoa(r.number):
				t.note(i, j, id+" number", raw, fmt.Sprintf("names recommendation %s, but the row is under recommendation %d: numbered %d", m[1], r.number, v), true)
				n = v
			default:
				n = v
			}
			id = fmt.Sprintf("R%d.%d", r.number, n)
		}
	}
	title := t.text(i, colTitle, id+" title")
	rest := []Column{colDescription, colOwner, colDue, colStatus, colProgress}
	if title == "" && !t.anyOf(i, rest) {
		return nil
	}
	var pairs []any
	pairs = append(pairs, "number", ydoc.Token(strconv.Itoa(n)))
	description := t.text(i, colDescription, id+" description")
	if first, more, ok := strings.Cut(title, "\n"); ok {
		t.note(i, t.l.where[colTitle], id+" title", title, "the first line is the title, the lines after it start the description", false)
		title = strings.TrimSpace(first)
		description = strings.TrimSpace(strings.TrimSpace(more) + "\n\n" + description)
	}
	if title == "" {
		title = placeholder("action", "title")
		t.note(i, t.l.where[colTitle], id+" title", "", "no action text: wrote a placeholder", true)
	}
	pairs = append(pairs, "title", ydoc.Str(title))
	owner := t.text(i, colOwner, id+" owner")
	if owner == "" {
		owner = placeholder("action", "owner")
		t.note(i, t.column(colOwner), id+" owner", "", "no one responsible: wrote a placeholder", true)
	} else {
		r.owners = append(r.owners, owner)
	}
	pairs = append(pairs, "owner", ydoc.Str(owner), "description", ydoc.Str(description))
	pairs = append(pairs, t.due(i, id)...)
	pairs = append(pairs, t.status(i, id)...)
	pairs = append(pairs, "progress", ydoc.Str(t.text(i, colProgress, id+" progress")))
	for _, c := range []struct {
		col  Column
		name string
	}{{colUpdated, "updated"}, {colAdded, "added"}} {
		if day := t.day(i, c.col, id+" "+c.name); day != "" {
			pairs = append(pairs, c.name, ydoc.Token(day))
		}
	}
	if ev := splitList(t.text(i, colEvidence, id+" evidence"), "\n;"); len(ev) > 0 {
		pairs = append(pairs, "evidence", strSeq(ev))
	}
	return ydoc.Mapping(pairs...)
}

// column is where col is, or -1 (the row) when the sheet has none, for
// notes about a value the source lacks.
func (t *table) column(col Column) int {
	if j, ok := t.l.where[col]; ok {
		return j
	}
	return -1
}

func (t *table) anyOf(i int, cols []Column) bool {
	for _, c := range cols {
		if j, ok := t.l.where[c]; ok && strings.TrimSpace(t.g.cell(i, j)) != "" {
			return true
		}
	}
	return false
}

// unknownColumns notes every column import did not read that holds
// something: nothing in the source is dropped without a word.
func (t *table) unknownColumns() {
	// Each column once, each value once: a value merged across the
	// columns to the sheet's edge is one note, not two hundred.
	noted, said := map[int]bool{}, map[string]bool{}
	for i := t.l.data; i < len(t.g.rows); i++ {
		for j, c := range t.g.rows[i] {
			if (j >= len(t.l.names) || t.l.names[j] == "") && strings.TrimSpace(c) != "" && !noted[j] && !said[c] {
				noted[j], said[c] = true, true
				t.note(i, j, "column "+t.g.columnName(j), c, "not imported: a value in a column with no header; give the column a header and import again", true)
			}
		}
	}
	for _, j := range t.l.unknown {
		for i := t.l.data; i < len(t.g.rows); i++ {
			if strings.TrimSpace(t.g.cell(i, j)) != "" {
				name := t.l.names[j]
				t.note(t.l.header, j, "column "+name, name, fmt.Sprintf("not imported: import does not know this header; map it with --map '%s=FIELD', or --map '%s=skip' to leave it out", name, name), true)
				break
			}
		}
	}
}

// strSeq is a list of texts.
func strSeq(items []string) *yaml.Node {
	seq := ydoc.Sequence()
	for _, s := range items {
		seq.Content = append(seq.Content, ydoc.Str(s))
	}
	return seq
}

// splitList splits a cell listing several values (units, links) at any
// of seps, trimmed, empty items dropped.
func splitList(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// distinct keeps the first of each name.
func distinct(names []string) []string {
	var out []string
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
