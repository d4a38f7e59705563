package dashboard_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/report"
	"github.com/mrtrack/mrtrack/pkg/report/dashboard"
)

// TestHostileText: markup in the records (titles, owners, the evaluation's
// title) reaches the page as text, in the tables and in the charts alike.
func TestHostileText(t *testing.T) {
	const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`
	e := &model.Evaluation{ID: "E-1", Title: evil, Reference: evil}
	r := &model.Recommendation{Number: 1, Title: evil, Response: model.Agree, Evaluation: e, Tags: []string{evil}}
	due, _ := model.ParseDue("2024-01-31")
	a := &model.Action{Tracking: model.Tracking{Number: 1, Title: evil, Status: model.InProgress, Due: due,
		OriginalDue: &model.Due{Kind: model.DueDay, Date: civil.New(2023, 12, 31)}}, Owner: evil, Recommendation: r}
	r.Actions = []*model.Action{a}
	e.Recommendations = []*model.Recommendation{r}
	today := civil.New(2025, 6, 30)
	f := &query.Filter{}
	rep := report.Build(report.Input{Evaluations: []*model.Evaluation{e}, Filter: f, Items: f.Select([]*model.Evaluation{e}, today),
		Today: today, Period: report.YearOf(today), By: report.ByTag, Lang: report.English,
		Trend: []report.TrendPoint{{Quarter: "2025-Q2", End: today, Commit: evil, Actions: 1, Open: 1, Overdue: 1}}})
	var b bytes.Buffer
	if err := dashboard.Write(&b, rep); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<img", "onerror=alert(2)>"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	// The owner is in the overdue chart's labels and the table; the tag in
	// the breakdown; the commit in the trend table.
	if n := strings.Count(page, "&lt;script&gt;"); n < 8 {
		t.Errorf("the text appears escaped %d times, want it in every place it is shown", n)
	}
}
