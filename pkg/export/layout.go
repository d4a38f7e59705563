package export

import (
	"fmt"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// The document as the templates see it: tables of rows of cells of
// paragraphs of runs. layout builds it from the records; the templates
// turn it into WordprocessingML.
type (
	document struct {
		Lang, Title, Subject, Reference string
		Page                            page
		Heading                         para // the form's title, above its tables
		Tables                          []*table
	}
	page  struct{ Width, Height, Margin int } // twentieths of a point
	table struct {
		Width int
		Grid  []int
		Rows  []row
	}
	row struct {
		// Whole keeps the row on one page (Word still breaks a row taller
		// than a page): headings, and actions, whose cells a page break
		// would cut in the middle of a sentence.
		Whole bool
		Cells []cell
	}
	cell struct {
		Width, Span int
		Merge       string // vMerge: "restart", "continue" or ""
		Shaded      bool
		Paras       []para
	}
	para struct {
		Style  string
		Bullet bool
		Runs   []run
	}
	run struct {
		Text         string // "\n" is a line break
		Bold, Italic bool
		Box, Checked bool // a checkbox content control instead of text
	}
)

// A4 landscape with 2 cm margins: the actions table has seven columns.
var a4 = page{Width: 16838, Height: 11906, Margin: 1134}

// textWidth is the width between the margins.
func (p page) textWidth() int { return p.Width - 2*p.Margin }

// The template's labels, as UNHCR's English form words them; the
// records' text goes beside them in the evaluation's language.
const (
	formTitle        = "UNHCR Evaluation Management Response"
	labelTitle       = "Evaluation title:"
	labelReference   = "UNHCR evaluation reference:"
	labelEntity      = "Entity that commissioned the evaluation:"
	labelDue         = "Due date of Management Response:"
	labelCoordinator = "Coordinator of Management Response:"
	labelApprover    = "Management Response approved by (senior manager in commissioning office):"
	labelDate        = "Date:"
	labelComments    = "General comments on the evaluation:"
	labelResponse    = "Management response:"
	labelReasons     = "Reasons (if partially agree or disagree):"
	labelResponsible = "Unit or function responsible:"
	colActions       = "Top-line planned actions"
	colBy            = "By whom"
	colComments      = "Comments"
	colDue           = "Expected completion date"
	colProgress      = "Progress"
	colStatus        = "Status"
)

// responseBoxes are the response checkboxes in the template's order.
var responseBoxes = []struct {
	response model.Response
	label    string
}{{model.Agree, "Agree"}, {model.PartiallyAgree, "Partially agree"}, {model.Disagree, "Disagree"}}

// updatedAs is the heading UNHCR gives the progress columns of a
// published response: "update on implementation as of 30 June 2025".
func updatedAs(day civil.Date, lang string) string {
	if civil.Lang(lang) == "fr" {
		return "Mise à jour de la mise en œuvre au " + day.Written(lang)
	}
	return "Update on implementation as of " + day.Written(lang)
}

func layout(e *model.Evaluation, o Options) *document {
	lang := civil.Lang(e.Language)
	doc := &document{Lang: e.Language, Title: e.Title, Subject: formTitle, Reference: e.Reference, Page: a4,
		Heading: para{Style: "Title", Runs: []run{{Text: formTitle, Bold: true}}}}
	if doc.Lang == "" {
		doc.Lang = lang
	}
	doc.Tables = append(doc.Tables, header(e, lang, a4.textWidth()))
	for _, r := range e.Recommendations {
		doc.Tables = append(doc.Tables, recommendation(r, lang, o.AsOf, a4.textWidth()))
	}
	return doc
}

// header is the form's first table: the evaluation and who answers for
// the response.
func header(e *model.Evaluation, lang string, width int) *table {
	label := width / 4
	rest := (width - label) / 3
	t := &table{Width: width, Grid: []int{label, rest, rest, width - label - 2*rest}}
	line := func(name, value string) {
		t.Rows = append(t.Rows, row{Cells: []cell{labelCell(t, 0, 1, name), textCell(t, 1, 3, value)}})
	}
	line(labelTitle, e.Title)
	line(labelReference, e.Reference)
	line(labelEntity, e.CommissionedBy)
	line(labelDue, orWritten(e.ResponseDueText, e.ResponseDue, lang))
	line(labelCoordinator, joinNonEmpty(" - ", e.Coordinator.Name, e.Coordinator.Title))
	t.Rows = append(t.Rows, row{Cells: []cell{
		labelCell(t, 0, 1, labelApprover),
		textCell(t, 1, 1, "Name: "+e.ApprovedBy.Name),
		textCell(t, 2, 1, "Job title: "+e.ApprovedBy.Title),
		textCell(t, 3, 1, "Country/Office: "+e.ApprovedBy.Office),
	}})
	line(labelDate, orWritten(e.ApprovedOnText, e.ApprovedOn, lang))
	t.Rows = append(t.Rows, row{Cells: []cell{labelCell(t, 0, 1, labelComments), markdownCell(t, 1, 3, e.GeneralComments)}})
	return t
}

// recommendation is a recommendation's table: its text, management's
// response, and the planned actions with their progress.
func recommendation(r *model.Recommendation, lang string, asOf civil.Date, width int) *table {
	// #, action, by whom, comments, date, status, progress comments
	grid := []int{500, 2800, 1900, 0, 1700, 1500, 2000}
	used := 0
	for _, w := range grid {
		used += w
	}
	grid[3] = width - used
	t := &table{Width: width, Grid: grid}
	text := append([]para{{Runs: []run{{Text: r.Title, Bold: true}}}}, markdown(r.Text)...)
	t.Rows = append(t.Rows,
		row{Cells: []cell{labelCell(t, 0, 2, fmt.Sprintf("RECOMMENDATION %d:", r.Number)), {Width: span(t, 2, 5), Span: 5, Paras: text}}},
		row{Cells: []cell{labelCell(t, 0, 2, labelResponse), {Width: span(t, 2, 5), Span: 5, Paras: []para{responseLine(r.Response)}}}},
		row{Cells: []cell{labelCell(t, 0, 2, labelReasons), textCell(t, 2, 5, r.Reasons)}},
		row{Cells: []cell{labelCell(t, 0, 2, labelResponsible), textCell(t, 2, 5, responsible(r))}},
	)
	// Two heading rows: the first four headings merged down over the
	// second row, Progress over Status and Comments.
	first, second := []cell{}, []cell{}
	for _, h := range []struct {
		col, n int
		text   string
	}{{0, 2, colActions}, {2, 1, colBy}, {3, 1, colComments}, {4, 1, colDue}} {
		c := labelCell(t, h.col, h.n, h.text)
		c.Merge = "restart"
		first = append(first, c)
		second = append(second, cell{Width: c.Width, Span: c.Span, Merge: "continue", Shaded: true})
	}
	progress := labelCell(t, 5, 2, colProgress)
	progress.Paras = append(progress.Paras, para{Runs: []run{{Text: updatedAs(asOf, lang), Italic: true}}})
	first = append(first, progress)
	second = append(second, labelCell(t, 5, 1, colStatus), labelCell(t, 6, 1, colComments))
	t.Rows = append(t.Rows, row{Whole: true, Cells: first}, row{Whole: true, Cells: second})
	for _, a := range r.Actions {
		t.Rows = append(t.Rows, row{Whole: true, Cells: []cell{
			textCell(t, 0, 1, fmt.Sprint(a.Number)),
			textCell(t, 1, 1, a.Title),
			textCell(t, 2, 1, orText(a.OwnerText, a.Owner)),
			markdownCell(t, 3, 1, description(a)),
			textCell(t, 4, 1, byStep(a, lang, dueText, dueInWords)),
			textCell(t, 5, 1, byStep(a, lang, statusText, statusInWords)),
			markdownCell(t, 6, 1, byStep(a, lang, progressText, noWords)),
		}})
	}
	return t
}

// responseLine is the three checkboxes, the response's checked.
func responseLine(r model.Response) para {
	var p para
	for i, b := range responseBoxes {
		gap := "   "
		if i == 0 {
			gap = ""
		}
		p.Runs = append(p.Runs, run{Text: gap}, run{Box: true, Checked: r == b.response}, run{Text: " " + b.label})
	}
	p.Runs = p.Runs[1:] // no gap before the first box
	return p
}

// span is the width of n grid columns from column i.
func span(t *table, i, n int) int {
	w := 0
	for _, c := range t.Grid[i : i+n] {
		w += c
	}
	return w
}

func labelCell(t *table, i, n int, text string) cell {
	return cell{Width: span(t, i, n), Span: n, Shaded: true, Paras: []para{{Runs: []run{{Text: text, Bold: true}}}}}
}

// textCell holds text as it is: one paragraph, its line breaks kept.
func textCell(t *table, i, n int, text string) cell {
	c := cell{Width: span(t, i, n), Span: n}
	if text != "" {
		c.Paras = []para{{Runs: []run{{Text: text}}}}
	}
	return c
}

// markdownCell holds a Markdown text as paragraphs and lists.
func markdownCell(t *table, i, n int, text string) cell {
	return cell{Width: span(t, i, n), Span: n, Paras: markdown(text)}
}

// responsible is the unit cell as the source wrote it, else the units.
func responsible(r *model.Recommendation) string {
	return orText(r.ResponsibleText, strings.Join(r.Responsible, ", "))
}

// description is the action's comments cell. An action with steps writes
// them there as the template does, "(1) … (2) …", unless its description
// already holds every step's title.
func description(a *model.Action) string {
	var missing []string
	for _, s := range a.Steps {
		if !strings.Contains(a.Description, s.Title) {
			missing = append(missing, fmt.Sprintf("(%d) %s", s.Number, s.Title))
		}
	}
	if len(missing) == 0 {
		return a.Description
	}
	return joinNonEmpty("\n\n", a.Description, strings.Join(missing, " "))
}

// byStep is an action's cell: the source's wording, else, when the
// action has steps, each step's numbered as the template numbers
// sub-items ("(1) 31 décembre 2024 (2) En continu"), else the value in
// words.
func byStep(a *model.Action, lang string, source func(*model.Tracking) string, inWords func(*model.Tracking, string) string) string {
	if s := source(&a.Tracking); s != "" || len(a.Steps) == 0 {
		return orText(s, inWords(&a.Tracking, lang))
	}
	var parts []string
	for _, s := range a.Steps {
		if v := orText(source(&s.Tracking), inWords(&s.Tracking, lang)); v != "" {
			parts = append(parts, fmt.Sprintf("(%d) %s", s.Number, v))
		}
	}
	return strings.Join(parts, " ")
}

func dueText(t *model.Tracking) string       { return t.DueText }
func statusText(t *model.Tracking) string    { return t.StatusText }
func progressText(t *model.Tracking) string  { return t.Progress }
func noWords(*model.Tracking, string) string { return "" }

// dueInWords is a due date in words: its deadlines when it has several.
func dueInWords(t *model.Tracking, lang string) string {
	if len(t.Deadlines) > 1 {
		var ds []string
		for _, d := range t.Deadlines {
			ds = append(ds, model.DueWritten(d.Due, lang))
		}
		return model.ListWritten(ds, lang)
	}
	return model.DueWritten(t.Due, lang)
}

func statusInWords(t *model.Tracking, lang string) string { return model.StatusWritten(t.Status, lang) }

// orWritten is a source's wording of a day, else the day in words.
func orWritten(text string, d civil.Date, lang string) string {
	return orText(text, d.Written(lang))
}

func orText(text, otherwise string) string {
	if text != "" {
		return text
	}
	return otherwise
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
