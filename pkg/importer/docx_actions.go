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

// docxAction is one action's cells, continuation rows joined.
type docxAction struct {
	rec      *docxRec
	number   int // 0 when the row has none
	numbered bool
	parts    map[string]*docxPart
	at       Location
}

var actionNumberRE = lazyregexp.New(`^(?:[Rr]?\d{1,3}\.)?(\d{1,3})[.)]?$`)

// cells returns the row's cell for each role. The number and the action
// share one cell when the row has no number cell (recommendation 6's rows).
func (r *docxRec) cells(row docxRow) map[string]*docx.Cell {
	out := map[string]*docx.Cell{}
	for _, role := range roleOrder {
		col := r.cols.col(role)
		for i := range row.cells {
			if col >= 0 && row.cells[i].Covers(col) {
				out[role] = &row.cells[i]
				break
			}
		}
	}
	if n := out[roleNumber]; n != nil && n == out[roleTitle] {
		delete(out, roleNumber)
	}
	return out
}

// actionRow reads an action row, or the continuation of the last action
// when the page broke inside it: a row with the number cell empty (the
// actions are numbered) or the action cell empty.
func (r *docxRec) actionRow(row docxRow) {
	im := r.im
	cells := r.cells(row)
	merged := map[string]bool{}
	// A cell continuing a vertical merge shows the content of the one above.
	for role, c := range cells {
		key := [2]int{row.table, c.Col}
		if c.Merge == docx.MergeContinue {
			if above, ok := im.above[key]; ok {
				copied := *c
				copied.Blocks = above.Blocks
				cells[role] = &copied
				merged[role] = strings.TrimSpace(above.Text()) != ""
			}
			continue
		}
		im.above[key] = *c
	}
	text := func(role string) string {
		if c := cells[role]; c != nil {
			return strings.TrimSpace(c.Text())
		}
		return ""
	}
	var last *docxAction
	if len(r.actions) > 0 {
		last = r.actions[len(r.actions)-1]
	}
	_, hasNumber := cells[roleNumber]
	continued := last != nil && (hasNumber && text(roleNumber) == "" && last.numbered || text(roleTitle) == "")
	if continued {
		for _, role := range roleOrder {
			c := cells[role]
			if c == nil || strings.TrimSpace(c.Text()) == "" || role == roleNumber {
				continue
			}
			p := last.parts[role]
			if p == nil {
				last.parts[role] = &docxPart{blocks: c.Blocks, at: row.at(*c)}
				continue
			}
			how := joinInto(&p.blocks, c.Blocks)
			im.note(row.at(*c), last.id()+" "+fieldOfRole(role), firstWords(c.Text()), "continued in the next row (a page break): "+how, false)
		}
		return
	}
	a := &docxAction{rec: r, parts: map[string]*docxPart{}, at: row.at(row.cells[0])}
	if n := text(roleNumber); n != "" {
		if m := actionNumberRE.FindStringSubmatch(n); m != nil && strings.Trim(m[1], "0") != "" {
			a.number, _ = strconv.Atoi(m[1])
			a.numbered = true
		} else {
			im.note(row.at(*cells[roleNumber]), r.id+" actions", n, "not an action number: the action is numbered by its place", true)
		}
	}
	if !a.numbered {
		a.number = len(r.actions) + 1 // its place; numberActions says so
	}
	r.actions = append(r.actions, a)
	for role, c := range cells {
		a.parts[role] = &docxPart{blocks: c.Blocks, at: row.at(*c)}
		if merged[role] && role != roleNumber {
			im.note(row.at(*c), a.id()+" "+role, firstWords(c.Text()), "a cell merged with the one above (w:vMerge): its value repeated", false)
		}
	}
}

// numberActions says once which actions were numbered by their place
// in the table, and asks for review when two share a number.
func (r *docxRec) numberActions() {
	missing := 0
	seen := map[int]bool{}
	for _, a := range r.actions {
		if !a.numbered {
			missing++
		}
		if seen[a.number] {
			r.im.note(a.at, r.id+" actions", strconv.Itoa(a.number), fmt.Sprintf("two actions are numbered %d: renumber one", a.number), true)
		}
		seen[a.number] = true
	}
	if missing > 0 {
		r.im.note(r.actions[0].at, r.id+" actions", "", fmt.Sprintf("%d of the %d action rows carry no number: numbered by their place in the table", missing, len(r.actions)), false)
	}
}

func (a *docxAction) id() string {
	return fmt.Sprintf("%s.%d", a.rec.id, a.number)
}

// fieldOfRole names a role the way records name the field.
func fieldOfRole(role string) string {
	if role == roleDue || role == roleStatus {
		return role + "_text"
	}
	return role
}

// text is a part as one line: titles, owners, dates and statuses.
func (p *docxPart) line() string {
	if p == nil {
		return ""
	}
	var parts []string
	for _, b := range p.blocks {
		if b.Paragraph != nil {
			if t := oneLine(b.Paragraph.Text); t != "" {
				parts = append(parts, t)
			}
		}
	}
	return strings.Join(parts, " ")
}

func (p *docxPart) markdown() string {
	if p == nil {
		return ""
	}
	return markdownValue(p.blocks)
}

func (p *docxPart) loc(fallback Location) Location {
	if p == nil {
		return fallback
	}
	return p.at
}

// node builds the action's mapping.
func (a *docxAction) node() *yaml.Node {
	im := a.rec.im
	id := a.id()
	pairs := []any{"number", ydoc.Token(strconv.Itoa(a.number))}
	title := a.parts[roleTitle].line()
	if title == "" {
		im.note(a.parts[roleTitle].loc(a.at), id+" title", "", "the action has no text: fill it in", true)
		title = validate.Placeholder("what will be done")
	}
	pairs = append(pairs, "title", title)
	rawOwner := a.parts[roleOwner].line()
	switch owner, how := normalizeOwner(rawOwner); {
	case Empty(rawOwner):
		im.note(a.parts[roleOwner].loc(a.at), id+" owner", rawOwner, "no one is named in the by-whom column: fill it in", true)
		pairs = append(pairs, "owner", validate.Placeholder("who does it"))
	case how != "":
		im.note(a.parts[roleOwner].loc(a.at), id+" owner", rawOwner, how+"; the source wording kept in owner_text", false)
		pairs = append(pairs, "owner", owner, "owner_text", rawOwner)
	default:
		pairs = append(pairs, "owner", owner)
	}
	description := a.parts[roleDescription].markdown()
	if Empty(description) {
		description = ""
	}
	pairs = append(pairs, "description", description)

	dueText := a.parts[roleDue].line()
	statusText := a.parts[roleStatus].line()
	progress := a.parts[roleProgress].markdown()
	progressAt := a.parts[roleProgress].loc(a.at)
	if Empty(progress) {
		if strings.TrimSpace(progress) != "" {
			im.note(progressAt, id+" progress", strings.TrimSpace(progress), "no progress comment (not applicable): progress left empty", false)
		}
		progress = ""
	}
	if prose, word, ok := trailingStatus(statusText); ok {
		im.note(a.parts[roleStatus].loc(a.at), id+" status", statusText,
			fmt.Sprintf("a comment and a status in one cell: the status read from %q, the comment moved to progress", word), false)
		statusText = word
		if progress == "" {
			progress = prose
		} else {
			progress = prose + "\n\n" + progress
		}
	}
	dueAt, statusAt := a.parts[roleDue].loc(a.at), a.parts[roleStatus].loc(a.at)
	if steps := a.steps(id, dueText, statusText, dueAt, statusAt); steps != nil {
		pairs = append(pairs, steps...)
	} else {
		t := im.timing(id, dueText, statusText, dueAt, statusAt, im.exported)
		pairs = append(pairs, t.pairs()...)
	}
	pairs = append(pairs, "progress", progress)
	return ydoc.Mapping(pairs...)
}

// trailingStatus splits "En coordination avec … OIM. Planifié": a
// comment, then a status wording after the last sentence.
func trailingStatus(s string) (prose, word string, ok bool) {
	i := strings.LastIndex(s, ". ")
	if i < 0 {
		return "", "", false
	}
	prose, word = strings.TrimSpace(s[:i+1]), strings.TrimSpace(s[i+2:])
	if _, known := statusOfWord(word); !known || prose == "" || subItemsOf(s) != nil {
		return "", "", false
	}
	return prose, word, true
}

var (
	spaceBeforeParen = lazyregexp.New(`(\p{L})\(`)
	manySpaces       = lazyregexp.New(`\s{2,}`)
)

// normalizeOwner tidies an owner for filtering: a stray bracket left by
// the template dropped, a space before an opening parenthesis; how says
// what changed, "" when nothing did.
func normalizeOwner(s string) (string, string) {
	t := strings.TrimSpace(s)
	var how []string
	if strings.Count(t, "[") != strings.Count(t, "]") {
		t = strings.TrimSpace(strings.Trim(t, "[]"))
		how = append(how, "a stray bracket dropped")
	}
	if u := spaceBeforeParen.ReplaceAllString(t, "$1 ("); u != t {
		t = u
		how = append(how, "a space put before \"(\"")
	}
	t = manySpaces.ReplaceAllString(t, " ")
	if len(how) == 0 {
		return t, ""
	}
	return t, strings.Join(how, ", ")
}
