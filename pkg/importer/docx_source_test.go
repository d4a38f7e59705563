package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

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
	for name, c := range map[string]struct {
		file []byte
		want string
	}{
		"a letter":  {b, `in.docx: not a management response: no table row starts with "RECOMMENDATION 1:"`},
		"not a zip": {[]byte("just text"), "in.docx: not a Word document: the file is not a zip archive"},
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
