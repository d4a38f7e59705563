package render

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mrtrack/mrtrack/internal/parallel"
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
	// One buffer for the csv writer, wider than its own: 20,000 rows are
	// some 12 MB, written in 64 kB pieces rather than 4 kB ones.
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(bom); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	rows := append([][]string{sheet.Header}, sheet.Rows...)
	escaped := make([][]string, len(rows))
	const chunk = 512 // rows escaped by one core at a time
	parallel.Each((len(rows)+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min((c+1)*chunk, len(rows)); i++ {
			cells := make([]string, len(rows[i]))
			for j, s := range rows[i] {
				cells[j] = escape.Cell(s)
			}
			escaped[i] = cells
		}
	})
	for _, cells := range escaped {
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
var sheetFields = sync.OnceValue(func() []*fields.Field {
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
})

var sheetHeader = sync.OnceValue(func() []string {
	h := slices.Clone(sheetLead)
	for _, f := range sheetFields() {
		h = append(h, f.Name)
	}
	return h
})

// itemSheet is a record per action and, with steps, a record per step
// after its action.
func itemSheet(items []query.Item, today civil.Date, steps bool) *Sheet {
	const chunk = 512 // items put in rows by one core at a time
	parts := make([][][]string, (len(items)+chunk-1)/chunk)
	parallel.Each(len(parts), func(c int) {
		for _, it := range items[c*chunk : min((c+1)*chunk, len(items))] {
			parts[c] = itemRecords(parts[c], it, today, steps)
		}
	})
	s := &Sheet{Header: sheetHeader(), Rows: [][]string{}}
	for _, p := range parts {
		s.Rows = append(s.Rows, p...)
	}
	return s
}

// itemRecords appends the record of an item's action and, with steps, of
// its steps.
func itemRecords(rows [][]string, it query.Item, today civil.Date, steps bool) [][]string {
	a := it.Action
	e := it.Evaluation()
	var late []string
	for _, st := range it.OverdueSteps {
		late = append(late, st.ID())
	}
	rows = append(rows, trackingRecord(e.ID, a.Recommendation.ID(), a.ID(), "action", a, nil, &a.Tracking,
		it.Overdue, it.DaysOverdue, strings.Join(late, " "), it.DueIn, it.Upcoming))
	if !steps {
		return rows
	}
	for _, st := range a.Steps {
		days, overdue := st.DaysOverdue(today)
		in, upcoming := st.DueIn(today)
		rows = append(rows, trackingRecord(e.ID, a.Recommendation.ID(), st.ID(), "step", a, st, &st.Tracking,
			overdue, days, "", in, upcoming))
	}
	return rows
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
	for _, f := range sheetFields() {
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
