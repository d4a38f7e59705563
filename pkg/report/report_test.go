package report

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/git"
	"github.com/mrtrack/mrtrack/pkg/history"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func due(s string) model.Due {
	d, err := model.ParseDue(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestParsePeriod(t *testing.T) {
	today := day("2025-05-10")
	for _, tc := range []struct{ in, name, from, to string }{
		{"2024", "2024", "2024-01-01", "2024-12-31"},
		{"2025-Q1", "2025-Q1", "2025-01-01", "2025-03-31"},
		{"2025-q4", "2025-Q4", "2025-10-01", "2025-12-31"},
		{"2024-07-01..2025-06-30", "2024-07-01..2025-06-30", "2024-07-01", "2025-06-30"},
		{"2024-07..2025-06", "2024-07-01..2025-06-30", "2024-07-01", "2025-06-30"},
		{"2024..2025", "2024-01-01..2025-12-31", "2024-01-01", "2025-12-31"},
		{"2025-01-01..today", "2025-01-01..2025-05-10", "2025-01-01", "2025-05-10"},
	} {
		p, err := ParsePeriod(tc.in, today)
		if err != nil || p.Name != tc.name || p.From.String() != tc.from || p.To.String() != tc.to {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %s %s..%s", tc.in, p, err, tc.name, tc.from, tc.to)
		}
	}
	for _, bad := range []string{"", "25", "2025-Q5", "2025-13", "2025-06-30..2025-01-01", "x..2025", "2025..y"} {
		if _, err := ParsePeriod(bad, today); err == nil {
			t.Errorf("ParsePeriod(%q) took it", bad)
		}
	}
}

func TestBuckets(t *testing.T) {
	for days, want := range map[int]int{1: 0, 90: 0, 91: 1, 180: 1, 181: 2, 365: 2, 366: 3, 5000: 3} {
		if got := bucketOf(days); got != want {
			t.Errorf("bucketOf(%d) = %d, want %d", days, got, want)
		}
	}
	var names, keys []string
	for _, b := range Buckets {
		names, keys = append(names, b.Name()), append(keys, bucketKey(b))
	}
	if got := strings.Join(names, " | "); got != "≤ 90 | 91–180 | 181–365 | > 365" {
		t.Errorf("names %s", got)
	}
	if got := strings.Join(keys, " "); got != "0_90 91_180 181_365 over_365" {
		t.Errorf("keys %s", got)
	}
}

func TestDates(t *testing.T) {
	for d, want := range map[string]string{"2024-12-31": "31 décembre 2024", "2025-01-01": "1er janvier 2025", "2025-08-09": "9 août 2025"} {
		if got := French.Date(day(d)); got != want {
			t.Errorf("French.Date(%s) = %q, want %q", d, got, want)
		}
	}
	if got := English.Date(day("2024-12-31")); got != "31 December 2024" {
		t.Errorf("English.Date = %q", got)
	}
	if got := French.Percent(Ratio{1, 3}); got != "33\u00a0%" {
		t.Errorf("French.Percent = %q", got)
	}
}

// fixture is an evaluation of four recommendations, one per response.
func fixture() *model.Evaluation {
	e := &model.Evaluation{ID: "E-1", Language: "en", ResponseDue: day("2025-01-31"), ApprovedOn: day("2025-01-20")}
	act := func(n int, st model.Status, d string) *model.Action {
		return &model.Action{Tracking: model.Tracking{Number: n, Status: st, Due: due(d)}, Owner: "Unit A"}
	}
	r1 := &model.Recommendation{Number: 1, Response: model.Agree, Priority: model.High, Responsible: []string{"Protection"}, Actions: []*model.Action{
		act(1, model.Completed, "2025-03-31"), act(2, model.InProgress, "2025-02-28"), act(3, model.NoLongerApplicable, "2025-06-30"),
	}}
	r1.Actions[0].CompletedOn = day("2025-04-02")
	r1.Actions[0].Verification = &model.Verification{Status: model.Accepted, By: "EO", On: day("2025-04-10")}
	r1.Actions[1].OriginalDue = &model.Due{Kind: model.DueDay, Date: day("2024-12-31")}
	r1.Actions[1].Due = due("2025-02-28")
	r1.Actions[1].Extensions = model.Extensions{{From: due("2024-12-31"), To: due("2025-02-28"), On: day("2024-12-15"), Reason: "Late funds."}}
	r2 := &model.Recommendation{Number: 2, Response: model.PartiallyAgree, Actions: []*model.Action{act(1, model.Completed, "2024-06-30"), act(2, model.Ongoing, "continuous")}}
	r3 := &model.Recommendation{Number: 3, Response: model.Disagree, Actions: []*model.Action{act(1, model.Completed, "2025-05-31")}}
	r4 := &model.Recommendation{Number: 4, Response: model.NotStated, Actions: []*model.Action{act(1, model.NotStarted, "2024-01-31")}}
	e.Recommendations = []*model.Recommendation{r1, r2, r3, r4}
	for _, r := range e.Recommendations {
		r.Evaluation = e
		for _, a := range r.Actions {
			a.Recommendation = r
		}
	}
	return e
}

func TestFigures(t *testing.T) {
	e := fixture()
	today := day("2025-06-30")
	f := &query.Filter{}
	r3 := e.Recommendations[2].Actions[0]
	in := Input{Evaluations: []*model.Evaluation{e}, Filter: f, Items: f.Select([]*model.Evaluation{e}, today), Today: today,
		Period: YearOf(today), By: ByPriority, Lang: English,
		History: true, Completions: map[*model.Action]Completion{r3: {Day: day("2025-05-20"), Inferred: true, Commit: "abc1234"}}}
	r := Build(in)
	tot := r.Total
	check := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("acceptance", tot.Acceptance, Ratio{2, 3})
	check("actions implemented", tot.ActionsImplemented(), Ratio{3, 6})
	// R1: one applicable action open; R2: an ongoing one; R3 done; R4 open.
	check("recommendations implemented", tot.RecommendationsImplemented, Ratio{1, 4})
	// Due in 2025 and applicable: R1.1 (Mar), R1.2 (Feb), R3.1 (May);
	// completed in 2025: R1.1 (completed_on) and R3.1 (inferred).
	check("closure", tot.Closure, Closure{Ratio: Ratio{2, 3}, Inferred: 1})
	// Open: R1.2 past due (122 days), R2.2 undated, R4.1 past due (516 days).
	check("open", tot.Open, Open{PastDue: 2, Undated: 1})
	check("ageing", fmtInts(tot.Ageing), "0 1 0 1")
	check("validation", tot.Validation(), Ratio{1, 3})
	check("revisions", tot.Revisions, RevisionCounts{Redated: 1, Moves: 1, Days: 59, WithReason: 1})
	check("timeliness", tot.Timeliness, Ratio{1, 1})
	check("groups", len(r.Groups), 2)
	check("high group", r.Groups[0].Key+" "+itoa(r.Groups[0].Counts.Actions), "high 3")
	check("no priority last", r.Groups[1].Key+" "+itoa(r.Groups[1].Counts.Actions), NoPriority+" 4")
	closed := r.ClosedInPeriod()
	check("closed", len(closed), 2)
	check("first closed", closed[0].Action.ID()+" "+closed[1].Action.ID()+" inferred "+boolWord(closed[1].Completion.Inferred), "R1.1 R3.1 inferred yes")
}

func fmtInts(v []int) string {
	var s []string
	for _, n := range v {
		s = append(s, itoa(n))
	}
	return strings.Join(s, " ")
}

func boolWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// TestCompletionCommits: a commit that turns an action completed completes
// it; one that brings it in completed (an import) does not, and an
// action reopened later has no completion commit.
func TestCompletionCommits(t *testing.T) {
	commit := func(h, d string) *git.Commit {
		return &git.Commit{Hash: h, Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, len(d))}
	}
	rec := func(statuses ...model.Status) *model.Recommendation {
		r := &model.Recommendation{Number: 1}
		for i, s := range statuses {
			r.Actions = append(r.Actions, &model.Action{Tracking: model.Tracking{Number: i + 1, Status: s}})
		}
		return r
	}
	c1, c2, c3 := commit("1111111aaaa", "x"), commit("2222222bbbb", "xx"), commit("3333333cccc", "xxx")
	versions := map[string][]history.Version{"data/E-1/rec-01.yaml": {
		{Commit: c1, Rec: rec(model.Completed, model.InProgress, model.InProgress)},
		{Commit: c2, Rec: rec(model.Completed, model.Completed, model.Completed)},
		{Commit: c3, Rec: rec(model.Completed, model.Completed, model.InProgress)},
	}}
	got := CompletionCommits(versions, day("2030-01-01"))
	if c := got[history.Key{Evaluation: "E-1", Rec: 1, Action: 1}]; c != nil {
		t.Errorf("R1.1 came in completed, yet has completion commit %s", c.Hash)
	}
	if c := got[history.Key{Evaluation: "E-1", Rec: 1, Action: 2}]; c != c2 {
		t.Errorf("R1.2: %v, want the second commit", c)
	}
	if c := got[history.Key{Evaluation: "E-1", Rec: 1, Action: 3}]; c != nil {
		t.Errorf("R1.3 was reopened, yet has completion commit %s", c.Hash)
	}
	if got := CompletionCommits(versions, day("2025-01-02")); len(got) != 0 {
		t.Errorf("before the second commit: %v", got)
	}
}

func TestQuarterEnds(t *testing.T) {
	got := QuarterEnds(day("2024-08-09"), day("2025-06-29"), 40)
	var s []string
	for _, d := range got {
		s = append(s, d.String())
	}
	if strings.Join(s, " ") != "2024-09-30 2024-12-31 2025-03-31" {
		t.Errorf("QuarterEnds = %v", s)
	}
	if got := QuarterEnds(day("2000-01-01"), day("2025-06-30"), 4); len(got) != 4 || got[3] != day("2025-06-30") {
		t.Errorf("capped: %v", got)
	}
}

// TestDefinitionsDocumented: docs/report.md gives every indicator's key,
// name and formula as the code declares them.
func TestDefinitionsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/report.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Definitions {
		for _, want := range []string{"`" + d.Key + "`", d.Name.EN, d.Formula.EN} {
			if !strings.Contains(string(doc), want) {
				t.Errorf("docs/report.md does not say %q (indicator %s)", want, d.Key)
			}
		}
	}
}
