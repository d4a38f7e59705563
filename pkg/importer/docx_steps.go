package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"go.yaml.in/yaml/v3"

	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// timing is an item's due date and status as read from its two cells.
type timing struct {
	due                 string
	deadlines           []string
	dueText, statusText string // the source wording, "" to leave it out
	status              string
}

func (t timing) pairs() []any {
	pairs := []any{"due", ydoc.Token(t.due)}
	if strings.HasPrefix(t.due, "TODO:") {
		pairs[1] = ydoc.Str(t.due)
	}
	if t.dueText != "" {
		pairs = append(pairs, "due_text", t.dueText)
	}
	if len(t.deadlines) > 1 {
		var items []*yaml.Node
		for _, d := range t.deadlines {
			items = append(items, ydoc.Mapping("due", ydoc.Token(d)))
		}
		pairs = append(pairs, "deadlines", ydoc.Sequence(items...))
	}
	st := ydoc.Token(t.status)
	if strings.HasPrefix(t.status, "TODO:") {
		st = ydoc.Str(t.status)
	}
	pairs = append(pairs, "status", st)
	if t.statusText != "" {
		pairs = append(pairs, "status_text", t.statusText)
	}
	return pairs
}

func statusOfWord(s string) (model.Status, bool) { return model.StatusOfWording(s) }

// timing reads a date cell and a status cell. When the date cell holds a
// status (recommendation 1: "Réalisé" under the completion date) the two
// are read the other way round: the status from the date cell, the due
// from the status cell when it names one ("Continu"), else unknown with
// that cell's wording as due_text.
//
// literal is set where the cells are a record's own due_text and
// status_text, as mrtrack export writes an action without steps: there a
// status word under the date is that due_text, read as due unknown. A
// step's cells are always the source's numbered wording, shifted or not.
func (im *docxImport) timing(id, dueText, statusText string, dueAt, statusAt Location, literal bool) timing {
	t := timing{dueText: dueText, statusText: statusText}
	d := ReadDue(dueText)
	if d.Due == "" && !Empty(dueText) {
		if s := ReadStatus(dueText); s.Status != "" && literal {
			// mrtrack wrote the cell from due_text: the due is unknown.
			d.Due, d.How = "unknown", "a status wording under the date, as mrtrack export writes a due_text: read as unknown, the wording kept in due_text"
		} else if s.Status != "" {
			t.status, t.statusText = string(s.Status), dueText
			t.due, t.dueText = "unknown", statusText
			if dd := ReadDue(statusText); dd.Due != "" && !dated(dd.Due) {
				t.due = dd.Due
			}
			im.note(dueAt, id+" status", dueText, fmt.Sprintf("a status in the date column: read as status %s", s.Status), false)
			im.note(statusAt, id+" due", statusText, fmt.Sprintf("the status column then holds the due: read as %s, its wording kept in due_text", t.due), false)
			return t
		}
	}
	switch {
	case Empty(dueText):
		t.due, t.dueText = placeholder(fields.Action, "due"), ""
		im.note(dueAt, id+" due", dueText, "no date in the source: fill it in (unknown if there is none)", true)
	case d.Due == "":
		t.due = placeholder(fields.Action, "due")
		im.note(dueAt, id+" due", dueText, "could not read a date: fill it in, the wording is kept in due_text", true)
	default:
		t.due, t.deadlines = d.Due, d.Deadlines
		if d.How != "" {
			im.note(dueAt, id+" due", dueText, d.How, false)
		}
	}
	s := ReadStatus(statusText)
	switch {
	case Empty(statusText):
		t.status, t.statusText = placeholder(fields.Action, "status"), ""
		im.note(statusAt, id+" status", statusText, "no status in the source: fill it in", true)
	case s.Status == "":
		t.status = placeholder(fields.Action, "status")
		im.note(statusAt, id+" status", statusText, "could not read a status: fill it in, the wording is kept in status_text", true)
	default:
		t.status = string(s.Status)
		if s.How != "" {
			im.note(statusAt, id+" status", statusText, s.How, false)
		}
	}
	return t
}

func dated(due string) bool { return due != "" && due[0] >= '0' && due[0] <= '9' }

// subItem is one "(n) …" item of a cell.
type subItem struct {
	n    int
	text string
}

var subItemRE = lazyregexp.New(`(?:^|\s)\((\d{1,2})\)\.?\s*`)

// subItemsOf reads a cell written as numbered sub-items, "(1) … (2) …",
// on one line or one a line; nil unless it has two or more, numbered one
// after the other, with nothing before the first.
func subItemsOf(s string) []subItem {
	m := subItemRE.FindAllStringSubmatchIndex(s, -1)
	if len(m) < 2 || strings.TrimSpace(s[:m[0][0]]) != "" {
		return nil
	}
	var out []subItem
	for i, loc := range m {
		n, _ := strconv.Atoi(s[loc[2]:loc[3]])
		if i > 0 && n != out[i-1].n+1 {
			return nil
		}
		end := len(s)
		if i+1 < len(m) {
			end = m[i+1][0]
		}
		out = append(out, subItem{n, strings.TrimSpace(s[loc[1]:end])})
	}
	return out
}

// steps reads an action whose date or status cell holds numbered
// sub-items: each becomes a step with its own due and status, its title
// the comment cell's item in the same place. The items are matched by
// position; when their numbers disagree (recommendation 7's action 2
// numbers its comments (5), (6) and its dates (1), (2)) a note says so.
// The action's due is its steps' latest deadline, its status derived from
// theirs. nil when the cells have no sub-items.
func (a *docxAction) steps(id, dueText, statusText string, dueAt, statusAt Location) []any {
	im := a.rec.im
	dates, statuses := subItemsOf(dueText), subItemsOf(statusText)
	if dates == nil && statuses == nil {
		return nil
	}
	titles := subItemsOf(a.parts[roleDescription].markdown())
	n := max(len(dates), len(statuses))
	if !sameNumbers(dates, statuses) || titles != nil && !sameNumbers(titles, dates) && !sameNumbers(titles, statuses) {
		im.note(a.parts[roleDescription].loc(a.at), id+" steps", numbersOf(titles)+" / "+numbersOf(dates)+" / "+numbersOf(statuses),
			"the comments, date and status cells number their sub-items differently: matched by position, the steps numbered 1 to "+strconv.Itoa(n), false)
	}
	if len(titles) != n {
		im.note(a.parts[roleDescription].loc(a.at), id+" steps", firstWords(a.parts[roleDescription].line()),
			fmt.Sprintf("%d sub-items in the date and status cells, %d in the comments: the steps without one need a title", n, len(titles)), true)
	}
	var steps []*yaml.Node
	var times []timing
	for i := 0; i < n; i++ {
		sid := fmt.Sprintf("%s.%d", id, i+1)
		title := validate.Placeholder("what will be done")
		if i < len(titles) {
			title = titles[i].text
		}
		t := im.timing(sid, itemText(dates, i, dueText), itemText(statuses, i, statusText), dueAt, statusAt, false)
		times = append(times, t)
		pairs := []any{"number", ydoc.Token(strconv.Itoa(i + 1)), "title", title}
		steps = append(steps, ydoc.Mapping(append(pairs, t.pairs()...)...))
	}
	whole := timing{dueText: dueText, statusText: statusText}
	whole.due = latestDue(times)
	whole.status = derivedStatus(times)
	im.note(dueAt, id+" due", dueText, "read as "+whole.due+", the latest due date of its steps", false)
	im.note(statusAt, id+" status", statusText, "read as "+whole.status+", from its steps' statuses", false)
	return append(whole.pairs(), "steps", ydoc.Sequence(steps...))
}

// itemText is the i-th item's text; a cell without items gives every
// step its whole text.
func itemText(items []subItem, i int, whole string) string {
	if items == nil {
		return whole
	}
	if i < len(items) {
		return items[i].text
	}
	return ""
}

func sameNumbers(a, b []subItem) bool {
	if a == nil || b == nil {
		return true
	}
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].n != b[i].n {
			return false
		}
	}
	return true
}

func numbersOf(items []subItem) string {
	if items == nil {
		return "-"
	}
	var s []string
	for _, it := range items {
		s = append(s, "("+strconv.Itoa(it.n)+")")
	}
	return strings.Join(s, " ")
}

// latestDue is the latest deadline of the dated steps (a step's last
// when it has several); the steps' common due when none is dated, else
// unknown.
func latestDue(times []timing) string {
	best, bestDue := "", model.Due{}
	for _, t := range times {
		last := t.due
		if len(t.deadlines) > 0 {
			last = t.deadlines[len(t.deadlines)-1]
		}
		d, err := model.ParseDue(last)
		if err != nil {
			continue
		}
		end, ok := d.Deadline()
		if !ok {
			continue
		}
		if prev, _ := bestDue.Deadline(); best == "" || end.After(prev) {
			best, bestDue = last, d
		}
	}
	if best != "" {
		return best
	}
	for _, t := range times[1:] {
		if t.due != times[0].due {
			return "unknown"
		}
	}
	return times[0].due
}

// derivedStatus is an action's status from its steps': completed when
// all are, not-started when none has started, ongoing when all are, else
// in-progress.
func derivedStatus(times []timing) string {
	count := map[string]int{}
	for _, t := range times {
		count[t.status]++
	}
	for _, s := range []model.Status{model.Completed, model.NotStarted, model.Ongoing} {
		if count[string(s)] == len(times) {
			return string(s)
		}
	}
	return string(model.InProgress)
}
