package report

import (
	"fmt"
	"strconv"

	"github.com/mrtrack/mrtrack/pkg/render"
)

// Document is the report for render's markdown, csv and json writers.
func (r *Report) Document() *render.Document {
	doc := &render.Document{Data: r.JSON(), Sheet: r.sheet()}
	doc.Blocks = append(doc.Blocks, render.Heading{Level: 1, Text: r.Heading()}, render.Line{Text: r.Subtitle()})
	for _, s := range r.Sections() {
		doc.Blocks = append(doc.Blocks, render.Heading{Level: 2, Text: s.Title})
		if len(s.Table.Rows) > 0 {
			doc.Blocks = append(doc.Blocks, s.Table)
		}
		for _, n := range s.Notes {
			doc.Blocks = append(doc.Blocks, render.Line{Text: n})
		}
	}
	return doc
}

// Heading is the report's title: "Follow-up report — EVO-2024-03" with
// one evaluation.
func (r *Report) Heading() string {
	h := wTitle.In(r.Lang)
	if len(r.Evaluations) == 1 {
		e := r.Evaluations[0].Evaluation
		h += " — " + e.Reference + " " + e.Title
	}
	return h
}

// Subtitle names the day and the period.
func (r *Report) Subtitle() string {
	l := r.Lang
	return fmt.Sprintf("%s %s · %s %s (%s – %s)", wAsOf.In(l), l.Date(r.Today), wPeriod.In(l), r.Period.Name, l.Date(r.Period.From), l.Date(r.Period.To))
}

// sheet is the csv form: one row per figure, with the scope it is about,
// the indicator key (as in JSON), the numerator, the denominator and the
// rate (0–1) for ratios; counts have their value as numerator alone.
func (r *Report) sheet() *render.Sheet {
	sh := &render.Sheet{Header: []string{"scope", "indicator", "numerator", "denominator", "rate"}}
	add := func(scope string, f Figures) {
		ratio := func(key string, x Ratio) {
			rate := ""
			if v, ok := x.Rate(); ok {
				rate = strconv.FormatFloat(v, 'f', 4, 64)
			}
			sh.Rows = append(sh.Rows, []string{scope, key, strconv.Itoa(x.Numerator), strconv.Itoa(x.Denominator), rate})
		}
		count := func(key string, n int) {
			sh.Rows = append(sh.Rows, []string{scope, key, strconv.Itoa(n), "", ""})
		}
		count("recommendations", f.Recommendations)
		count("responses.agree", f.Responses.Agree)
		count("responses.partially_agree", f.Responses.PartiallyAgree)
		count("responses.disagree", f.Responses.Disagree)
		count("responses.not_stated", f.Responses.NotStated)
		ratio(AcceptanceRate.Key, f.Acceptance)
		count("actions", f.Counts.Actions)
		ratio(ActionImplementation.Key, f.ActionsImplemented())
		ratio(RecommendationImplementation.Key, f.RecommendationsImplemented)
		ratio(ClosureRate.Key, f.Closure.Ratio)
		count("closure.inferred", f.Closure.Inferred)
		count("closure.unknown_day", f.Closure.UnknownDay)
		count("open.past_due", f.Open.PastDue)
		count("open.not_yet_due", f.Open.NotYetDue)
		count("open.undated", f.Open.Undated)
		for i, b := range Buckets {
			count("ageing."+bucketKey(b), f.Ageing[i])
		}
		ratio(Validation.Key, f.Validation())
		count("revisions.redated", f.Revisions.Redated)
		count("revisions.moves", f.Revisions.Moves)
		count("revisions.days", f.Revisions.Days)
		count("revisions.with_reason", f.Revisions.WithReason)
		count("revisions.without_reason", f.Revisions.WithoutReason)
		ratio(Timeliness.Key, f.Timeliness)
	}
	add("total", r.Total)
	for _, e := range r.Evaluations {
		add(e.Evaluation.ID, e.Figures)
	}
	for _, g := range r.Groups {
		add(string(r.By)+": "+g.Key, g.Figures)
	}
	for _, p := range r.Trend {
		scope := "trend " + p.Quarter
		sh.Rows = append(sh.Rows, []string{scope, "trend.completed", strconv.Itoa(p.Completed), strconv.Itoa(p.Actions), ""},
			[]string{scope, "trend.open", strconv.Itoa(p.Open), strconv.Itoa(p.Actions), ""},
			[]string{scope, "trend.overdue", strconv.Itoa(p.Overdue), strconv.Itoa(p.Actions), ""})
	}
	return sh
}

// bucketKey names a bucket in JSON and csv: 0_90, 91_180, 181_365,
// over_365.
func bucketKey(b Bucket) string {
	switch {
	case b.To == 0:
		return "over_" + strconv.Itoa(b.From-1)
	case b.From <= 1:
		return "0_" + strconv.Itoa(b.To)
	}
	return strconv.Itoa(b.From) + "_" + strconv.Itoa(b.To)
}
