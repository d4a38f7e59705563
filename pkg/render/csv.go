package render

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/fields"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

// bom starts the csv output. Excel reads a CSV file without it in the
// system's legacy code page, which turns the records' French ("é", "œ",
// "–") into mojibake; with it, Excel on Windows and macOS opens the file
// as UTF-8. Tools that do not expect it see it as part of the first
// header name; JSON is the format for programs.
const bom = "\ufeff"

// csvWriter writes the document's sheet as RFC 4180 CSV: a header row,
// every field quoted when it needs to be, CRLF line ends, UTF-8. Every
// cell goes through escape.Cell, so a spreadsheet never runs a cell as a
// formula.
type csvWriter struct{}

func (csvWriter) Write(w io.Writer, doc *Document) error {
	sheet := doc.sheet()
	if sheet == nil {
		return errors.New("internal: this output has no csv form")
	}
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	var cells []string // reused: the csv writer does not keep a row
	for _, r := range append([][]string{sheet.Header}, sheet.Rows...) {
		cells = cells[:0]
		for _, s := range r {
			cells = append(cells, escape.Cell(s))
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// sheetLead names the first columns of the action sheet of list, status
// --overdue and show: the ids, the deadline and the derived facts, among
// the record fields they show.
var sheetLead = []string{
	"evaluation", "recommendation", "id", "kind", "title", "owner",
	"due", "due_value", "due_text", "status", "status_text",
	"overdue", "days_overdue", "overdue_steps", "due_in_days", "progress",
}

// sheetFields are the action fields the lead does not show, in the
// schema's order: a field added to the schema gets its column here.
var sheetFields = func() []*fields.Field {
	var out []*fields.Field
	for _, f := range fields.Of(fields.Action).Fields {
		switch {
		case f.Kind == fields.Number || f.Children():
		case slices.Contains(sheetLead, f.Name):
		default:
			out = append(out, f)
		}
	}
	return out
}()

var sheetHeader = func() []string {
	h := slices.Clone(sheetLead)
	for _, f := range sheetFields {
		h = append(h, f.Name)
	}
	return h
}()

// itemSheet is a record per action and, with steps, a record per step
// after its action.
func itemSheet(items []query.Item, today civil.Date, steps bool) *Sheet {
	s := &Sheet{Header: sheetHeader, Rows: [][]string{}}
	for _, it := range items {
		a := it.Action
		e := it.Evaluation()
		var late []string
		for _, st := range it.OverdueSteps {
			late = append(late, st.ID())
		}
		s.Rows = append(s.Rows, trackingRecord(e.ID, a.Recommendation.ID(), a.ID(), "action", a, nil, &a.Tracking,
			it.Overdue, it.DaysOverdue, strings.Join(late, " "), it.DueIn, it.Upcoming))
		if !steps {
			continue
		}
		for _, st := range a.Steps {
			days, overdue := st.DaysOverdue(today)
			in, upcoming := st.DueIn(today)
			s.Rows = append(s.Rows, trackingRecord(e.ID, a.Recommendation.ID(), st.ID(), "step", a, st, &st.Tracking,
				overdue, days, "", in, upcoming))
		}
	}
	return s
}

// trackingRecord is the row of an action, or of step st of action a. A
// step's row holds its action's owner; the other fields steps do not
// have are left empty there.
func trackingRecord(eval, rec, id, kind string, a *model.Action, st *model.Step, t *model.Tracking, overdue bool, days int, lateSteps string, dueIn int, upcoming bool) []string {
	deadline := ""
	if end, ok := t.Deadline(); ok {
		deadline = end.String()
	}
	in := ""
	if upcoming {
		in = strconv.Itoa(dueIn)
	}
	row := []string{
		eval, rec, id, kind, t.Title, a.Owner,
		deadline, t.Due.String(), t.DueText, string(t.Status), t.StatusText,
		strconv.FormatBool(overdue), strconv.Itoa(days), lateSteps, in, t.Progress,
	}
	for _, f := range sheetFields {
		switch sf := fields.Of(fields.Step).Field(f.Name); {
		case st == nil:
			row = append(row, f.Text(a))
		case sf != nil:
			row = append(row, sf.Text(st))
		default:
			row = append(row, "") // the action's row has it
		}
	}
	return row
}
