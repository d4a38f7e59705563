package importer

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/mrtrack/mrtrack/internal/docxfixture"
)

func importBytes(t *testing.T, b []byte, o Options) (*Draft, error) {
	t.Helper()
	return ReadDocx("in.docx", bytes.NewReader(b), int64(len(b)), o)
}

// A file that is not a management response, or not a Word document, is
// a *SourceError with a hint, never a guess.
func TestDocxNotAResponse(t *testing.T) {
	letter := &docxfixture.Doc{}
	letter.Para(docxfixture.Text("Dear colleagues, please find the report attached."))
	b, err := letter.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	twice := &docxfixture.Doc{}
	rec := docxfixture.Row{Cells: []docxfixture.Cell{{Paras: []docxfixture.Para{docxfixture.Text("RECOMMENDATION 2:")}}, {Paras: []docxfixture.Para{docxfixture.Bold("Twice")}}}}
	twice.Table(docxfixture.Table{Widths: []int{2000, 6000}, Rows: []docxfixture.Row{rec, rec}})
	dup, err := twice.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		file []byte
		want string
	}{
		"a letter":       {b, `in.docx: not a management response: no table row starts with "RECOMMENDATION 1:"`},
		"not a zip":      {[]byte("just text"), "in.docx: not a Word document: the file is not a zip archive"},
		"the same twice": {dup, "in.docx: table 1, row 2, column 1: recommendation 2 appears twice"},
	} {
		_, err := importBytes(t, c.file, Options{})
		var se *SourceError
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), c.want) || se.Hint == "" {
			t.Errorf("%s: error %v, want a *SourceError starting %q with a hint", name, err, c.want)
		}
	}
}

// French headers in an order of their own, glyph checkboxes, a missing
// owner and an unreadable date: the values a person must supply are
// placeholders with notes that ask for review.
func TestDocxFrenchHeadersAndPlaceholders(t *testing.T) {
	d := &docxfixture.Doc{}
	cell := func(s string) docxfixture.Cell {
		return docxfixture.Cell{Paras: []docxfixture.Para{docxfixture.Text(s)}}
	}
	wide := func(s string) docxfixture.Cell { c := cell(s); c.Span = 5; return c }
	d.Table(docxfixture.Table{Widths: []int{500, 2000, 1500, 1500, 1500, 1500}, Rows: []docxfixture.Row{
		{Cells: []docxfixture.Cell{cell("RECOMMANDATION 1 :"), wide("")}},
		{Cells: []docxfixture.Cell{cell("Réponse de la direction :"), wide("☐ D'accord ☒ Partiellement d'accord ☐ Pas d'accord")}},
		{Cells: []docxfixture.Cell{cell("Unité ou fonction responsable :"), wide("Bureau pays")}},
		{Cells: []docxfixture.Cell{cell("N°"), cell("Actions prévues"), cell("Statut"), cell("Par qui"), cell("Date d'achèvement prévue"), cell("Avancement")}},
		{Cells: []docxfixture.Cell{cell("1"), cell("Former les équipes"), cell("En cours"), cell(""), cell("bientôt"), cell("Deux sessions faites.")}},
	}})
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	draft, err := importBytes(t, b, Options{ID: "EVO-2030-01"})
	if err != nil {
		t.Fatal(err)
	}
	rec := decoded(t, draft.Recommendations[0])
	action := rec["actions"].([]any)[0].(map[string]any)
	got := []any{rec["response"], rec["reasons"], rec["title"], action["title"], action["status"], action["owner"], action["due"], action["due_text"], action["progress"]}
	want := []any{"partially-agree", "TODO: why management partially agrees or disagrees", "TODO: the recommendation's headline",
		"Former les équipes", "in-progress", "TODO: who does it",
		"TODO: YYYY-MM-DD, YYYY-MM, YYYY, continuous, conditional, unknown or every N months", "bientôt", "Deux sessions faites."}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("value %d: %#v, want %#v", i, got[i], want[i])
		}
	}
	var review []string
	for _, n := range draft.Notes {
		if n.Review {
			review = append(review, n.Field+": "+n.Message)
		}
	}
	wantReview := []string{
		"evaluation title: the header block gives no evaluation title: fill it in",
		"evaluation reference: the header block gives no evaluation reference: fill it in",
		"evaluation commissioned_by: the header block gives no commissioning entity: fill it in",
		"R1 title: the recommendation has no text: fill in its title and text",
		"R1 reasons: a partially-agree response needs reasons and the source gives none: fill them in",
		"R1.1 owner: no one is named in the by-whom column: fill it in",
		"R1.1 due: could not read a date: fill it in, the wording is kept in due_text",
	}
	if strings.Join(review, "\n") != strings.Join(wantReview, "\n") {
		t.Errorf("review notes:\n%s\nwant:\n%s", strings.Join(review, "\n"), strings.Join(wantReview, "\n"))
	}
}

// The checkbox glyphs of a response row, as docx writes them for
// controls and form fields and as people type them.
func TestCheckedResponses(t *testing.T) {
	for text, want := range map[string][]string{
		"☒ Agree ☐ Partially agree ☐ Disagree":               {"agree"},
		"☐ Agree ☒ Partially agree ☐ Disagree":               {"partially-agree"},
		"☐ Agree ☐ Partially agree ✔ Disagree":               {"disagree"},
		"✓ Agree Partially agree Disagree":                   {"agree"},
		"Agree   Partially agree   X Disagree":               {"disagree"},
		"[x] Agree [ ] Partially agree [ ] Disagree":         {"agree"},
		"☐ D'accord ☒ Partiellement d'accord ☐ Pas d'accord": {"partially-agree"},
		"☒ Agree Partially agree ☐ Disagree":                 {"agree"},
		"☐ Agree ☐ Partially agree ☐ Disagree":               nil,
		"☒ Agree ☒ Disagree":                                 {"agree", "disagree"},
		"Agree Partially agree Disagree":                     nil,
		"☒ Maybe":                                            nil,
		"X-ray Agree":                                        nil,
	} {
		if got := checkedResponses(text); !slices.Equal(got, want) {
			t.Errorf("checkedResponses(%q) = %q, want %q", text, got, want)
		}
	}
}

// A header block written as lines above the tables reads as the
// template's table does, the approver's parts split from one line; the
// notes name the paragraph.
func TestDocxHeaderAsLines(t *testing.T) {
	d := &docxfixture.Doc{}
	for _, line := range []string{
		"UNHCR Evaluation Management Response",
		"Evaluation title: Evaluation of the Cash Programme",
		"UNHCR evaluation reference: EVO/2026/02",
		"Entity that commissioned the evaluation: Evaluation Office",
		"Due date of Management Response: 31 March 2026",
		"Management Response approved by: Name: Ana Lima Job title: Representative Country/Office: CO Brazil",
		"Date: 2nd of April",
	} {
		d.Para(docxfixture.Text(line))
	}
	cell := func(s string) docxfixture.Cell {
		return docxfixture.Cell{Paras: []docxfixture.Para{docxfixture.Text(s)}}
	}
	d.Table(docxfixture.Table{Widths: []int{2000, 6000}, Rows: []docxfixture.Row{
		{Cells: []docxfixture.Cell{cell("RECOMMENDATION 1:"), {Paras: []docxfixture.Para{docxfixture.Bold("Pay in cash"), docxfixture.Text("Everywhere.")}}}},
	}})
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	draft, err := importBytes(t, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ev := decoded(t, draft.Evaluation)
	delete(ev, "language")
	var want map[string]any
	if err := yaml.Unmarshal([]byte(`
id: EVO-2026-02
reference: EVO/2026/02
title: Evaluation of the Cash Programme
commissioned_by: Evaluation Office
response_due: 2026-03-31
response_due_text: 31 March 2026
approved_by: {name: Ana Lima, title: Representative, office: CO Brazil}
approved_on: 2026-04-02
approved_on_text: 2nd of April
`), &want); err != nil {
		t.Fatal(err)
	}
	var diffs []difference
	diffRecord("evaluation", ev, want, &diffs)
	for _, df := range diffs {
		t.Errorf("%s: %#v, want %#v", df.field, df.got, df.want)
	}
	for _, n := range draft.Notes {
		if n.Field == "evaluation approved_on" && n.At.String() != "paragraph 7" {
			t.Errorf("the approval date's note is at %s, want paragraph 7", n.At)
		}
	}
}

// Actions numbered twice, or not by a number, are numbered by their place
// or kept, with notes that ask for review.
func TestDocxActionNumbers(t *testing.T) {
	d := &docxfixture.Doc{}
	cell := func(s string) docxfixture.Cell {
		return docxfixture.Cell{Paras: []docxfixture.Para{docxfixture.Text(s)}}
	}
	row := func(cells ...string) docxfixture.Row {
		var r docxfixture.Row
		for _, c := range cells {
			r.Cells = append(r.Cells, cell(c))
		}
		return r
	}
	d.Table(docxfixture.Table{Widths: []int{800, 2000, 1500, 1500, 1500}, Rows: []docxfixture.Row{
		{Cells: []docxfixture.Cell{cell("RECOMMENDATION 1:"), {Span: 4, Paras: []docxfixture.Para{docxfixture.Bold("Act"), docxfixture.Text("Now.")}}}},
		row("No", "Key action", "Responsible", "Due date", "Status"),
		row("1", "First", "A", "2025", "Done"),
		row("1", "Again first", "B", "2026", "Planned"),
		row("one", "Third", "C", "2027", "Planned"),
	}})
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	draft, err := importBytes(t, b, Options{ID: "X"})
	if err != nil {
		t.Fatal(err)
	}
	var numbers []any
	for _, a := range decoded(t, draft.Recommendations[0])["actions"].([]any) {
		numbers = append(numbers, a.(map[string]any)["number"])
	}
	if want := []any{1, 1, 3}; !slices.Equal(numbers, want) {
		t.Errorf("numbers %v, want %v", numbers, want)
	}
	var got []string
	for _, n := range draft.Notes {
		if n.Field == "R1 actions" {
			got = append(got, fmt.Sprintf("%s: %q: %s (review %v)", n.At, n.Raw, n.Message, n.Review))
		}
	}
	want := []string{
		`table 1, row 3, column 1: "": 1 of the 3 action rows carry no number: numbered by their place in the table (review false)`,
		`table 1, row 4, column 1: "1": two actions are numbered 1: renumber one (review true)`,
		`table 1, row 5, column 1: "one": not an action number: the action is numbered by its place (review true)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
