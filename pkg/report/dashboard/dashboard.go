// Package dashboard writes a report as one self-contained HTML file: inline
// CSS, inline SVG charts drawn here, no script, nothing fetched (a strict
// Content-Security-Policy in the page says so to the browser). Each chart
// comes with the table of its numbers and a text alternative, and the
// page prints on A4 with a page per section. It lays out what package
// report computed and never counts anything itself.
package dashboard

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/mrtrack/mrtrack/pkg/render"
	"github.com/mrtrack/mrtrack/pkg/report"
)

//go:embed page.html
var pageHTML string

//go:embed style.css
var styleCSS string

var page = sync.OnceValue(func() *template.Template { return template.Must(template.New("page").Parse(pageHTML)) })

// CSP is the page's Content-Security-Policy: nothing may be fetched or
// run; inline styles and data: images only.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

type view struct {
	Lang     string
	Title    string
	Subtitle string
	CSP      string
	Style    template.CSS
	Defs     template.HTML
	Cards    []card
	Sections []section
	Footer   string
}

type card struct{ Value, Name, Detail string }

type section struct {
	report.Section
	Chart template.HTML
	Table template.HTML
}

// Write writes the dashboard of r.
func Write(w io.Writer, r *report.Report) error {
	l := r.Lang
	v := view{Lang: string(l), Title: r.Heading(), Subtitle: r.Subtitle(), CSP: CSP, Style: template.CSS(styleCSS), Defs: template.HTML(defs),
		Footer: fmt.Sprintf("mrtrack report · %s", r.Today)}
	t := r.Total
	v.Cards = []card{
		{l.Percent(t.Acceptance), report.AcceptanceRate.Name.In(l), ratio(t.Acceptance)},
		{l.Percent(t.ActionsImplemented()), report.ActionImplementation.Name.In(l), ratio(t.ActionsImplemented())},
		{l.Percent(t.RecommendationsImplemented), report.RecommendationImplementation.Name.In(l), ratio(t.RecommendationsImplemented)},
		{l.Percent(t.Closure.Ratio), report.ClosureRate.Name.In(l) + " " + r.Period.Name, ratio(t.Closure.Ratio)},
		{fmt.Sprint(t.Open.PastDue), words(l, "Open actions past due", "Actions en retard"), fmt.Sprintf(words(l, "of %d open", "sur %d en cours"), t.Open.Total())},
		{l.Percent(t.Validation()), report.Validation.Name.In(l), ratio(t.Validation())},
	}
	for _, s := range r.Sections() {
		sec := section{Section: s, Chart: chart(r, s), Table: table(s)}
		v.Sections = append(v.Sections, sec)
	}
	return page().Execute(w, v)
}

// table writes a section's table. By hand rather than in the template:
// the action list of a large repository has tens of thousands of cells,
// which the template's reflection makes slow; every text goes through
// html.EscapeString.
func table(s report.Section) template.HTML {
	t := s.Table
	if len(t.Rows) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<div class=\"table-wrap\"><table>\n<caption>" + html.EscapeString(s.Title) + "</caption>\n<thead><tr>")
	for _, c := range t.Columns {
		b.WriteString(`<th scope="col"` + class(c) + ">" + html.EscapeString(c.Name) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		if r.Group {
			b.WriteString(`<tr class="group">`)
		} else {
			b.WriteString("<tr>")
		}
		cells := r.Cells
		for i := 0; i < len(cells); i++ {
			span := 1
			// A group row's text runs over the empty cells after it.
			for r.Group && i+span < len(cells) && cells[i+span].Text == "" {
				span++
			}
			b.WriteString("<td")
			if span > 1 {
				b.WriteString(` colspan="` + strconv.Itoa(span) + `"`)
			}
			if i < len(t.Columns) {
				b.WriteString(class(t.Columns[i]))
			}
			b.WriteString(">" + html.EscapeString(cells[i].Text) + "</td>")
			i += span - 1
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table></div>\n")
	return template.HTML(b.String())
}

// class is a column's class: numbers align right; prose wraps, names
// (owners) in a narrower column; the rest keeps to one line.
func class(c render.Column) string {
	switch {
	case c.Right:
		return ` class="num"`
	case c.Fit && c.Max > 0:
		return ` class="prose narrow"`
	case c.Fit:
		return ` class="prose"`
	}
	return ""
}

func ratio(r report.Ratio) string { return fmt.Sprintf("%d / %d", r.Numerator, r.Denominator) }

func words(l report.Lang, en, fr string) string { return report.Text{EN: en, FR: fr}.In(l) }

// chart is the section's chart, drawn from the numbers of its table.
func chart(r *report.Report, s report.Section) template.HTML {
	l := r.Lang
	switch s.ID {
	case report.SectionProgress:
		if len(r.Recommendations) > 0 {
			return progressChart(r, s.Title)
		}
	case report.SectionOverdue:
		var labels, notes []string
		var values []int
		for _, rows := range r.OverdueByOwner() {
			labels = append(labels, rows[0].Action.Owner)
			values = append(values, len(rows))
			notes = append(notes, fmt.Sprintf("max %d %s", rows[0].DaysOverdue, words(l, "days", "jours")))
		}
		if len(labels) > 0 {
			return barChart("overdue-chart", s.Title, labels, values, notes)
		}
	case report.SectionAgeing:
		if r.Total.Open.PastDue > 0 {
			var labels []string
			for _, b := range report.Buckets {
				labels = append(labels, b.Name()+" "+words(l, "days", "jours"))
			}
			return barChart("ageing-chart", s.Title, labels, r.Total.Ageing, nil)
		}
	case report.SectionTrend:
		if len(r.Trend) > 0 {
			return trendChart(r, s.Title, []string{l.StatusWord("completed"), words(l, "Open", "En cours"), words(l, "Overdue", "En retard")})
		}
	case report.SectionRedated:
		var labels []string
		var values []int
		for _, a := range r.Redated() {
			labels = append(labels, a.Action.ID()+" "+a.Action.Title)
			values = append(values, a.Days)
		}
		if len(labels) > 0 {
			return barChart("redated-chart", s.Title+" ("+words(l, "days moved", "jours de report")+")", labels, values, nil)
		}
	}
	return ""
}
