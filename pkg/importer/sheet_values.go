package importer

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
)

// placeholder is the "TODO: …" a record holds where the source gives no
// value for a required field, as mrtrack new writes it: validate reports
// it until a person replaces it.
func placeholder(level fields.Level, name string) string {
	return validate.Placeholder(fields.Of(level).Field(name).Placeholder)
}

// clean makes a cell's text one a record can hold: line breaks as LF
// (CRLF, CR, NEL, LS and PS), control characters and non-characters
// removed (it says which), white space around it trimmed.
func clean(s string) (string, string) {
	var b strings.Builder
	var removed []string
	for i, r := range s {
		switch {
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
		case r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r) || r == '\uFFFE' || r == '\uFFFF':
			if name := fmt.Sprintf("U+%04X", r); !slices.Contains(removed, name) {
				removed = append(removed, name)
			}
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String()), strings.Join(removed, ", ")
}

// serial reads a number cell of a date column as the Excel date it is;
// ok is false for a cell that is not a number, or a year written as one.
func (t *table) serial(i, j int, raw string) (civil.Date, bool) {
	if t.g.numeric == nil || !t.g.numeric(i, j) {
		return civil.Date{}, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	// 1900-2199 are years; serials from 1927 (10000) to 2199 are dates.
	if err != nil || v < 10000 || v > 109574 || math.IsNaN(v) {
		return civil.Date{}, false
	}
	tm, err := excelize.ExcelDateToTime(v, t.g.date1904)
	if err != nil {
		return civil.Date{}, false
	}
	return civil.Of(tm), true
}

// due is an action's due and due_text from row i: the source's wording
// normalised, kept beside the value when they differ.
func (t *table) due(i int, id string) []any {
	j, ok := t.l.where[colDue]
	field := id + " due"
	if !ok {
		return []any{"due", ydoc.Token(dueUnknown)}
	}
	raw := t.g.cell(i, j)
	text := t.text(i, colDue, field)
	if text == "" {
		if strings.TrimSpace(raw) == "" {
			t.note(i, j, field, "", "no due date in the source: due is unknown", false)
		}
		return []any{"due", ydoc.Token(dueUnknown)}
	}
	if d, ok := t.serial(i, j, raw); ok {
		t.note(i, j, field, raw, "an Excel date: read as "+d.String(), false)
		return []any{"due", ydoc.Token(d.String())}
	}
	r := ReadDue(text)
	switch {
	case r.Due == "":
		t.note(i, j, field, text, "not a date import can read: due is unknown, the wording kept in due_text; set the date once known", true)
		return []any{"due", ydoc.Token(dueUnknown), "due_text", ydoc.Str(text)}
	case r.How == "":
		return []any{"due", ydoc.Token(r.Due)}
	}
	t.note(i, j, field, text, r.How, false)
	pairs := []any{"due", ydoc.Token(r.Due), "due_text", ydoc.Str(text)}
	if len(r.Deadlines) > 1 {
		list := ydoc.Sequence()
		for _, d := range r.Deadlines {
			list.Content = append(list.Content, ydoc.Mapping("due", ydoc.Token(d)))
		}
		pairs = append(pairs, "deadlines", list)
	}
	return pairs
}

// dueUnknown is the due of an item whose source gives no date.
const dueUnknown = "unknown"

// overdue is the prefix UNDP's ERC puts on a status past its due date
// ("Overdue-Initiated"): mrtrack derives overdue from the date.
const overdue = "overdue"

// status is an action's status and status_text from row i.
func (t *table) status(i int, id string) []any {
	field := id + " status"
	text := t.text(i, colStatus, field)
	j := t.column(colStatus)
	if text == "" {
		t.note(i, j, field, "", "no status in the source: wrote a placeholder", true)
		return []any{"status", ydoc.Str(placeholder(fields.Action, "status"))}
	}
	word := text
	if rest, ok := strings.CutPrefix(query.Fold(word), overdue); ok {
		word = strings.TrimLeft(rest, " -–:")
	}
	r := ReadStatus(word)
	s := r.Status
	switch {
	case s == "":
		t.note(i, j, field, text, "not a status import knows: wrote a placeholder; the wording is kept in status_text", true)
		return []any{"status", ydoc.Str(placeholder(fields.Action, "status")), "status_text", ydoc.Str(text)}
	case strings.EqualFold(string(s), text):
		return []any{"status", ydoc.Token(string(s))}
	case word != text:
		t.note(i, j, field, text, "read as "+string(s)+"; whether it is overdue follows from its due date", false)
	default:
		t.note(i, j, field, text, r.How, false)
	}
	return []any{"status", ydoc.Token(string(s)), "status_text", ydoc.Str(text)}
}

// day reads a date column that holds days (updated, added): "" when the
// cell is empty or holds no day, which is noted.
func (t *table) day(i int, col Column, field string) string {
	j, ok := t.l.where[col]
	if !ok {
		return ""
	}
	raw := t.g.cell(i, j)
	text := t.text(i, col, field)
	if text == "" {
		return ""
	}
	if d, ok := t.serial(i, j, raw); ok {
		return d.String()
	}
	if v, p := civil.Suggest(text); p == civil.DayPrecise {
		if v != text {
			t.note(i, j, field, text, "read as "+v, false)
		}
		return v
	}
	t.note(i, j, field, text, "not a day import can read: left out", true)
	return ""
}

// responses are the wordings of management's response category.
var responses = map[string]model.Response{
	"agree": model.Agree, "agreed": model.Agree, "accepted": model.Agree, "accept": model.Agree, "yes": model.Agree,
	"d accord": model.Agree, "accord": model.Agree, "accepte": model.Agree, "acceptee": model.Agree,
	"partially agree": model.PartiallyAgree, "partially agreed": model.PartiallyAgree, "partially accepted": model.PartiallyAgree,
	"partiellement d accord": model.PartiallyAgree, "partiellement accepte": model.PartiallyAgree, "partiellement acceptee": model.PartiallyAgree, "accord partiel": model.PartiallyAgree,
	"disagree": model.Disagree, "not agreed": model.Disagree, "rejected": model.Disagree, "reject": model.Disagree, "no": model.Disagree,
	"pas d accord": model.Disagree, "desaccord": model.Disagree, "rejete": model.Disagree, "rejetee": model.Disagree, "non accepte": model.Disagree, "non acceptee": model.Disagree,
	"not stated": model.NotStated, "not-stated": model.NotStated,
}

// node is the recommendation's mapping, from its first row.
func (r *recDraft) node(t *table) *yaml.Node {
	i, id := r.row, fmt.Sprintf("R%d", r.number)
	pairs := []any{"number", ydoc.Token(strconv.Itoa(r.number))}
	text := t.text(i, colRecText, id+" text")
	title := t.text(i, colRecTitle, id+" title")
	switch {
	case title == "" && text == "":
		title, text = placeholder(fields.Recommendation, "title"), placeholder(fields.Recommendation, "text")
		t.note(i, t.column(colRecText), id+" text", "", "the source gives no text of the recommendation: wrote placeholders", true)
	case title == "":
		title = firstSentence(text)
		if title != text {
			t.note(i, t.column(colRecText), id+" title", "", "the first sentence of the recommendation's text", false)
		}
	case text == "":
		text = title
	}
	pairs = append(pairs, "title", ydoc.Str(title), "text", ydoc.Str(text))
	response := model.NotStated
	if j, ok := t.l.where[colResponse]; ok {
		raw := t.text(i, colResponse, id+" response")
		v, known := responses[headerKey(raw)]
		switch {
		case raw == "":
			t.note(i, j, id+" response", "", "the source gives no response: not-stated", false)
		case !known:
			t.note(i, j, id+" response", raw, "not a response import knows: wrote a placeholder", true)
			response = ""
		default:
			response = v
			if !strings.EqualFold(string(v), raw) {
				t.note(i, j, id+" response", raw, "read as "+string(v), false)
			}
		}
	} else {
		t.note(i, -1, id+" response", "", "the source gives no agree, partially agree or disagree: not-stated", false)
	}
	if response == "" {
		pairs = append(pairs, "response", ydoc.Str(placeholder(fields.Recommendation, "response")))
	} else {
		pairs = append(pairs, "response", ydoc.Token(string(response)))
	}
	reasons := t.text(i, colReasons, id+" reasons")
	if reasons == "" && (response == model.PartiallyAgree || response == model.Disagree) {
		reasons = placeholder(fields.Recommendation, "reasons")
		t.note(i, t.column(colReasons), id+" reasons", "", string(response)+" without reasons: wrote a placeholder", true)
	}
	if reasons != "" {
		pairs = append(pairs, "reasons", ydoc.Str(reasons))
	}
	if c := t.text(i, colComments, id+" comments"); c != "" {
		pairs = append(pairs, "comments", ydoc.Str(c))
	}
	raw := t.text(i, colResponsible, id+" responsible")
	units := splitList(raw, ",;\n")
	switch {
	case len(units) == 0 && len(r.owners) > 0:
		units = distinct(r.owners)
		t.note(i, t.column(colResponsible), id+" responsible", "", "the source names no unit for the recommendation: the owners of its actions", false)
	case len(units) == 0:
		units = []string{placeholder(fields.Recommendation, "responsible")}
		t.note(i, t.column(colResponsible), id+" responsible", "", "the source names no one responsible: wrote a placeholder", true)
	}
	pairs = append(pairs, "responsible", strSeq(units))
	if raw != "" && strings.Join(units, ", ") != raw {
		pairs = append(pairs, "responsible_text", ydoc.Str(raw))
	}
	actions := ydoc.Sequence(r.actions...)
	pairs = append(pairs, "actions", actions)
	return ydoc.Mapping(pairs...)
}

// firstSentence is text up to its first full stop or line break, without
// the full stop.
func firstSentence(text string) string {
	s, _, _ := strings.Cut(text, "\n")
	for k := 0; k+1 < len(s); k++ {
		if s[k] == '.' && s[k+1] == ' ' {
			return s[:k]
		}
	}
	return strings.TrimSuffix(s, ".")
}
