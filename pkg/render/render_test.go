package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
)

func write(t *testing.T, format string, opts Options, doc *Document) string {
	t.Helper()
	w, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w.Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func sample() *Document {
	return &Document{
		Blocks: []Block{
			Heading{Level: 1, Text: "EVO-2024-03 — Évaluation"},
			Table{
				Columns: []Column{{Name: "ID"}, {Name: "Title", Fit: true}, {Name: "Owner", Fit: true}, {Name: "N", Right: true}},
				Rows: []Row{
					{Cells: []Cell{{Text: "R1.6"}, {Text: "Développement d'une stratégie de relations externes et de mobilisation de ressources."}, {Text: "External Relations"}, {Text: "1", Style: Bad}}},
					{Cells: []Cell{{Text: "R9.3"}, {Text: "Diffuser | mettre à jour"}, {Text: "Administration/Ressources Humaines"}, {Text: "12"}}},
				},
				Total: &Row{Cells: cells("Total", "", "", "13")},
			},
			Line{Text: "2 actions"},
		},
		Sheet: &Sheet{Header: []string{"id", "title"}, Rows: [][]string{{"R1.6", "Développement, \"stratégie\"\nsur deux lignes"}}},
		Data:  []ActionJSON{},
	}
}

func TestTableOffATerminal(t *testing.T) {
	got := write(t, "table", Options{}, sample())
	rule := strings.Repeat("─", 132) // as wide as the widest row
	want := `EVO-2024-03 — Évaluation

ID     Title                                                                                  Owner                                N
` + rule + `
R1.6   Développement d'une stratégie de relations externes et de mobilisation de ressources.  External Relations                   1
R9.3   Diffuser | mettre à jour                                                               Administration/Ressources Humaines  12
` + rule + `
Total                                                                                                                             13

2 actions
`
	if got != want {
		t.Errorf("table off a terminal:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("colour off a terminal")
	}
}

func TestTableFitsTheTerminal(t *testing.T) {
	for _, width := range []int{80, 60, 100} {
		got := write(t, "table", Options{Width: width}, sample())
		for _, line := range strings.Split(strings.TrimRight(got, "\n"), "\n") {
			if line == "" || strings.HasPrefix(line, "EVO") {
				continue
			}
			if w := width; len([]rune(line)) > w {
				t.Errorf("width %d: line of %d columns: %q", w, len([]rune(line)), line)
			}
		}
		if !strings.Contains(got, "…") {
			t.Errorf("width %d: nothing shortened:\n%s", width, got)
		}
		if !strings.Contains(got, "R1.6") || !strings.Contains(got, "Total") {
			t.Errorf("width %d: ids lost:\n%s", width, got)
		}
	}
}

func TestTableColour(t *testing.T) {
	got := write(t, "table", Options{Color: true, Width: 200}, sample())
	if !strings.Contains(got, "\x1b[31m1\x1b[0m") {
		t.Errorf("no red for a late cell:\n%q", got)
	}
	if !strings.Contains(got, "\x1b[1mEVO-2024-03") {
		t.Errorf("no bold heading:\n%q", got)
	}
}

func TestMarkdown(t *testing.T) {
	got := write(t, "markdown", Options{Color: true, Width: 40}, sample())
	want := `## EVO-2024-03 — Évaluation

| ID | Title | Owner | N |
| --- | --- | --- | ---: |
| R1.6 | Développement d'une stratégie de relations externes et de mobilisation de ressources. | External Relations | 1 |
| R9.3 | Diffuser \| mettre à jour | Administration/Ressources Humaines | 12 |
| **Total** |  |  | **13** |

2 actions
`
	if got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
}

func TestCSV(t *testing.T) {
	got := write(t, "csv", Options{}, sample())
	want := "\ufeffid,title\r\nR1.6,\"Développement, \"\"stratégie\"\"\r\nsur deux lignes\"\r\n"
	if got != want {
		t.Errorf("csv = %q, want %q", got, want)
	}
}

func TestJSONEmptyIsAList(t *testing.T) {
	today := civil.New(2025, 1, 1)
	got := write(t, "json", Options{}, List(ListInput{Day: Day{Today: today, Until: today}, Items: []query.Item{}}))
	if got != "[]\n" {
		t.Errorf("empty list json = %q, want []", got)
	}
	got = write(t, "json", Options{}, List(ListInput{Day: Day{Today: today, Until: today}, Items: nil}))
	if got != "[]\n" {
		t.Errorf("nil list json = %q, want []", got)
	}
	got = write(t, "csv", Options{}, List(ListInput{Day: Day{Today: today, Until: today}}))
	if got != "\ufeff"+strings.Join(sheetHeader(), ",")+"\r\n" {
		t.Errorf("empty list csv = %q, want the header alone", got)
	}
}

func TestActionJSON(t *testing.T) {
	e := &model.Evaluation{ID: "EVO-2024-03"}
	r := &model.Recommendation{Number: 7, Evaluation: e}
	due := func(s string) model.Due { d, _ := model.ParseDue(s); return d }
	a := &model.Action{Recommendation: r, Owner: "Programme"}
	a.Number, a.Due, a.Status, a.Title = 1, due("2025-11"), model.InProgress, "Inviter"
	for i, d := range []string{"2025-11", "2024-12-31"} {
		s := &model.Step{Action: a}
		s.Number, s.Due, s.Status = i+1, due(d), model.NotStarted
		a.Steps = append(a.Steps, s)
	}
	today := civil.New(2025, 1, 1)
	j := actionJSON(query.Facts(a, today), today)
	if j.Due == nil || *j.Due != "2025-11-30" || j.DueValue != "2025-11" || j.DueKind != "month" {
		t.Errorf("due = %v %q %q", j.Due, j.DueValue, j.DueKind)
	}
	if !j.Overdue || j.DaysOverdue != 1 || len(j.OverdueSteps) != 1 || j.OverdueSteps[0] != "R7.1.2" {
		t.Errorf("overdue = %v %d %v", j.Overdue, j.DaysOverdue, j.OverdueSteps)
	}
	if j.DueInDays == nil || *j.DueInDays != 333 || *j.NextDue != "2025-11-30" {
		t.Errorf("next due = %v in %v", j.NextDue, j.DueInDays)
	}
	if j.Evidence == nil || j.Steps[0].Evidence == nil || j.Updated != nil {
		t.Error("evidence must be [] and updated null")
	}
}

func TestWords(t *testing.T) {
	tests := []struct{ got, want string }{
		{rateCell(query.Counts{Actions: 6, Completed: 3}).Text, "█████░░░░░  50%"},
		{rateCell(query.Counts{Actions: 3, Completed: 1}).Text, "███░░░░░░░  33%"},
		{rateCell(query.Counts{Actions: 3, Completed: 2}).Text, "██████░░░░  67%"},
		{rateCell(query.Counts{Actions: 2, Completed: 2}).Text, "██████████ 100%"},
		{rateCell(query.Counts{Actions: 1000, Completed: 999}).Text, "█████████░  99%"},
		{rateCell(query.Counts{Actions: 1000, Completed: 1}).Text, "░░░░░░░░░░   1%"},
		{rateCell(query.Counts{Actions: 3}).Text, "░░░░░░░░░░   0%"},
		{rateCell(query.Counts{Actions: 1, NoLongerApplicable: 1}).Text, "–"},
		{rateValue(query.Counts{Actions: 34, Completed: 10}), "0.2941"},
		{rateValue(query.Counts{}), ""},
		{shorten("Développement d'une stratégie", 15), "Développement…"},
		{shorten("abc", 3), "abc"},
		{shorten("abcd", 3), "ab…"},
		{dueIn(0), "due today"},
		{dueIn(1), "due in 1 day"},
		{window(2, civil.Weeks), "2 weeks"},
		{window(1, civil.Months), "1 month"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestNewRejectsUnknownFormats(t *testing.T) {
	if _, err := New("xml", Options{}); err == nil || !strings.Contains(err.Error(), "text, json, csv, markdown") {
		t.Errorf("New(xml) = %v", err)
	}
	for _, alias := range []string{"md", "table"} {
		if _, err := New(alias, Options{}); err != nil {
			t.Errorf("New(%s) = %v", alias, err)
		}
	}
}
