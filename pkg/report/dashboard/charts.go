package dashboard

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/report"
)

// Charts are drawn here by hand as SVG: a few bar and line shapes do not
// need a charting library, and the bytes stay the same for the same data.
// Every text goes through html.EscapeString; each chart has role=img, a
// <title> and a <desc> saying what it shows in words, and tells its series
// apart by pattern, dash and marker as well as by colour, so it reads in
// grey scale.

// fill is how a status is drawn: a colour and a pattern.
type fill struct {
	status  model.Status
	colour  string
	pattern string // the id of a <pattern> in defs, "" for plain
}

var fills = []fill{
	{model.Completed, "#1b3a6b", ""},
	{model.InProgress, "#4a78c2", "hatch"},
	{model.NotStarted, "#dfe6f2", "dots"},
	{model.Ongoing, "#9a7a1e", "cross"},
	{model.NoLongerApplicable, "#ffffff", ""},
}

// defs are the patterns the charts share, in one hidden SVG.
const defs = `<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>` +
	`<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#4a78c2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern>` +
	`<pattern id="dots" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#dfe6f2"/><circle cx="3" cy="3" r="1.2" fill="#1b3a6b"/></pattern>` +
	`<pattern id="cross" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#9a7a1e"/><path d="M0 0L8 8M8 0L0 8" stroke="#ffffff" stroke-width="1.2"/></pattern>` +
	`</defs></svg>`

func (f fill) paint() string {
	if f.pattern != "" {
		return "url(#" + f.pattern + ")"
	}
	return f.colour
}

// svg opens a chart of width × height with its text alternative.
func svg(b *strings.Builder, id string, width, height int, title, desc string) {
	fmt.Fprintf(b, `<svg class="chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d">`, width, height, width, height, id, id)
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(desc))
}

func esc(s string) string { return html.EscapeString(s) }

// truncate shortens a label to n runes with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// progressChart draws a stacked bar per recommendation, by status.
func progressChart(r *report.Report, title string) template.HTML {
	l := r.Lang
	const left, barW, rowH, top = 44, 340, 30, 6
	width, height := left+barW+66, top+rowH*len(r.Recommendations)+10
	var desc []string
	for _, rr := range r.Recommendations {
		c := rr.Counts
		desc = append(desc, fmt.Sprintf("%s: %d/%d", rr.Recommendation.ID(), c.Completed, c.Actions))
	}
	var b strings.Builder
	svg(&b, "progress-chart", width, height, title, strings.Join(desc, "; "))
	for i, rr := range r.Recommendations {
		c := rr.Counts
		y := top + i*rowH
		fmt.Fprintf(&b, `<text x="0" y="%d" class="label">%s</text>`, y+16, esc(rr.Recommendation.ID()))
		if c.Actions == 0 {
			continue
		}
		at := float64(left)
		for _, f := range fills {
			n := count(c, f.status)
			if n == 0 {
				continue
			}
			w := float64(barW) * float64(n) / float64(c.Actions)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="22" fill="%s" stroke="#1b3a6b" stroke-width="1"><title>%s %s: %d</title></rect>`,
				at, y, w, f.paint(), esc(rr.Recommendation.ID()), esc(l.StatusWord(f.status)), n)
			at += w
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="label">%d/%d</text>`, left+barW+8, y+16, c.Completed, c.Actions)
	}
	b.WriteString(`</svg>`)
	return template.HTML(legend(l) + b.String())
}

// legend names the fills of the status bars, in HTML so that it wraps
// on a narrow screen; its swatches are decoration, the names say it all.
func legend(l report.Lang) string {
	var b strings.Builder
	b.WriteString(`<ul class="legend">`)
	for _, f := range fills {
		fmt.Fprintf(&b, `<li><svg width="14" height="14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="13" height="13" fill="%s" stroke="#1b3a6b"/></svg> %s</li>`,
			f.paint(), esc(l.StatusWord(f.status)))
	}
	b.WriteString(`</ul>`)
	return b.String()
}

func count(c query.Counts, s model.Status) int {
	switch s {
	case model.Completed:
		return c.Completed
	case model.InProgress:
		return c.InProgress
	case model.NotStarted:
		return c.NotStarted
	case model.Ongoing:
		return c.Ongoing
	}
	return c.NoLongerApplicable
}

// barChart draws labelled horizontal bars with their values at their ends.
func barChart(id, title string, labels []string, values []int, notes []string) template.HTML {
	const maxLabel, barW, rowH, top = 24, 190, 28, 6
	longest := 0
	for _, lb := range labels {
		longest = max(longest, len([]rune(truncate(lb, maxLabel))))
	}
	left := 16 + longest*8 // about 8 px a character at 14 px
	width, height := left+barW+140, top+rowH*len(labels)+6
	most := 1
	for _, v := range values {
		most = max(most, v)
	}
	var desc []string
	for i, lb := range labels {
		desc = append(desc, fmt.Sprintf("%s: %d", lb, values[i]))
	}
	var b strings.Builder
	svg(&b, id, width, height, title, strings.Join(desc, "; "))
	for i, lb := range labels {
		y := top + i*rowH
		w := float64(barW) * float64(values[i]) / float64(most)
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="label" text-anchor="end">%s</text>`, left-8, y+15, esc(truncate(lb, maxLabel)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="20" fill="url(#hatch)" stroke="#1b3a6b"><title>%s: %d</title></rect>`, left, y, w, esc(lb), values[i])
		label := fmt.Sprint(values[i])
		if notes != nil && notes[i] != "" {
			label += " · " + notes[i]
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="label">%s</text>`, float64(left)+w+6, y+15, esc(label))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// series of the trend chart: a stroke, a dash and a marker each.
var series = []struct {
	dash, marker string
	value        func(report.TrendPoint) int
}{
	{"", "circle", func(p report.TrendPoint) int { return p.Completed }},
	{"8 4", "square", func(p report.TrendPoint) int { return p.Open }},
	{"2 3", "triangle", func(p report.TrendPoint) int { return p.Overdue }},
}

// trendChart draws completed, open and overdue actions at each quarter's
// end, each line labelled at its end.
func trendChart(r *report.Report, title string, names []string) template.HTML {
	const left, top, plotW, plotH = 34, 12, 370, 200
	width, height := left+plotW+110, top+plotH+40
	most := 1
	for _, p := range r.Trend {
		most = max(most, p.Actions)
	}
	n := len(r.Trend)
	xOf := func(i int) float64 {
		if n == 1 {
			return float64(left + plotW/2)
		}
		return float64(left) + float64(plotW)*float64(i)/float64(n-1)
	}
	yOf := func(v int) float64 { return float64(top+plotH) - float64(plotH)*float64(v)/float64(most) }
	var desc []string
	for _, p := range r.Trend {
		desc = append(desc, fmt.Sprintf("%s: %s %d, %s %d, %s %d", p.Quarter, names[0], p.Completed, names[1], p.Open, names[2], p.Overdue))
	}
	var b strings.Builder
	svg(&b, "trend-chart", width, height, title, strings.Join(desc, "; "))
	for _, v := range []int{0, most / 2, most} {
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#767676" stroke-width="0.5"/><text x="%d" y="%.1f" class="small" text-anchor="end">%d</text>`,
			left, yOf(v), left+plotW, yOf(v), left-6, yOf(v)+4, v)
	}
	for i, p := range r.Trend {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="small" text-anchor="middle">%s</text>`, xOf(i), top+plotH+18, esc(p.Quarter))
	}
	for s, se := range series {
		var pts []string
		for i, p := range r.Trend {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xOf(i), yOf(se.value(p))))
		}
		dash := ""
		if se.dash != "" {
			dash = ` stroke-dasharray="` + se.dash + `"`
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#1b3a6b" stroke-width="2.5"%s/>`, strings.Join(pts, " "), dash)
		for i, p := range r.Trend {
			marker(&b, se.marker, xOf(i), yOf(se.value(p)))
		}
		if n > 0 {
			last := r.Trend[n-1]
			// Direct labels, nudged apart when the lines end close together.
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="label">%s %d</text>`, xOf(n-1)+10, yOf(se.value(last))+4+float64(labelNudge(r.Trend[n-1], s)), esc(names[s]), se.value(last))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// labelNudge moves a series' end label down when it would overlap the
// label of a series drawn before it.
func labelNudge(p report.TrendPoint, s int) int {
	nudge := 0
	for t := 0; t < s; t++ {
		if d := series[t].value(p) - series[s].value(p); d >= -2 && d <= 2 {
			nudge += 14
		}
	}
	return nudge
}

func marker(b *strings.Builder, kind string, x, y float64) {
	switch kind {
	case "circle":
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="4.5" fill="#1b3a6b"/>`, x, y)
	case "square":
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="9" height="9" fill="#ffffff" stroke="#1b3a6b" stroke-width="2"/>`, x-4.5, y-4.5)
	case "triangle":
		fmt.Fprintf(b, `<path d="M%.1f %.1fL%.1f %.1fL%.1f %.1fZ" fill="#9a7a1e" stroke="#1b3a6b"/>`, x, y-5.5, x+5.5, y+4.5, x-5.5, y+4.5)
	}
}
