package export

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

func day(y int, m time.Month, d int) civil.Date { return civil.New(y, m, d) }

func due(t testing.TB, s string) model.Due {
	t.Helper()
	d, err := model.ParseDue(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// english is an English response with no source wording: every date and
// status is written in words, and each response form appears.
func english(t testing.TB) *model.Evaluation {
	item := func(n int, title, d string, s model.Status) model.Tracking {
		return model.Tracking{Number: n, Title: title, Due: due(t, d), Status: s}
	}
	return &model.Evaluation{
		ID: "EVO-2025-01", Reference: "EVO/2025/01", Title: "Evaluation of the livelihoods strategy", Language: "en",
		CommissionedBy: "Evaluation Office", ResponseDue: day(2025, time.July, 20),
		Coordinator: model.Person{Name: "A. Coordinator", Title: "Senior Officer"},
		ApprovedBy:  model.Person{Name: "B. Director", Title: "Director", Office: "HQ"}, ApprovedOn: day(2025, time.August, 1),
		GeneralComments: "Agreed overall.\n\n- first point\n- second point\n",
		Recommendations: []*model.Recommendation{
			{Number: 1, Title: "Strengthen monitoring", Text: "Monitor more.", Response: model.PartiallyAgree,
				Reasons: "Funding is uncertain.", Responsible: []string{"Programme", "Protection"},
				Actions: []*model.Action{
					{Tracking: item(1, "Extend monitoring", "2025-Q4", model.InProgress), Owner: "Protection"},
					{Tracking: item(2, "Train staff", "2025-03", model.Completed), Owner: "HR", Description: "Two sessions."},
					{Tracking: item(3, "Review quarterly", "every 3 months", model.Ongoing), Owner: "Programme"},
					// An action with steps is due when its last step is.
					{Tracking: item(4, "Map services", "2026-H1", model.NotStarted), Owner: "Protection",
						Description: "(1) Draft the map (2) Publish it",
						Steps: []*model.Step{
							{Tracking: item(1, "Draft the map", "2025-12-31", model.NotStarted)},
							{Tracking: item(2, "Publish it", "2026-H1", model.NotStarted)},
						}},
				}},
			{Number: 2, Title: "Close the office", Text: "Close it.", Response: model.Disagree, Reasons: "The office is needed.", Responsible: []string{"Representative"}},
			{Number: 3, Title: "Say something", Text: "Anything.", Response: model.NotStated, Responsible: []string{"Programme"}},
		},
	}
}

var checkedRE = regexp.MustCompile(`<w14:checked w14:val="([01])"/>`)

// The response checkboxes: one checked per stated response, in the
// template's order (agree, partially agree, disagree), none for
// not-stated, each with the glyph Word shows.
func TestDocxCheckboxes(t *testing.T) {
	parts, _ := readParts(t, export(t, english(t)))
	doc := string(parts["word/document.xml"])
	var got []string
	for _, m := range checkedRE.FindAllStringSubmatch(doc, -1) {
		got = append(got, m[1])
	}
	if want := "010001000"; strings.Join(got, "") != want {
		t.Errorf("checked states %s, want %s (partially agree; disagree; not stated)", strings.Join(got, ""), want)
	}
	if n, m := strings.Count(doc, "<w:t>☒</w:t>"), strings.Count(doc, "<w:t>☐</w:t>"); n != 2 || m != 7 {
		t.Errorf("%d ☒ and %d ☐ glyphs, want 2 and 7", n, m)
	}
}

// Values without source wording are written in words in the evaluation's
// language, steps numbered in the action's cells.
func TestDocxInWords(t *testing.T) {
	parts, _ := readParts(t, export(t, english(t)))
	doc := string(parts["word/document.xml"])
	for _, want := range []string{
		">20 July 2025<", ">1 August 2025<", ">A. Coordinator - Senior Officer<", ">Programme, Protection<",
		">Q4 2025<", ">In progress<", ">March 2025<", ">Completed<", ">every 3 months<", ">Ongoing<",
		">(1) 31 December 2025 (2) H1 2026<", ">(1) Not started (2) Not started<",
		">Update on implementation as of 30 June 2025<",
		">Funding is uncertain.<", ">The office is needed.<",
		// general_comments is Markdown: a paragraph, then a bulleted list
		`<w:p><w:r><w:t xml:space="preserve">Agreed overall.</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">first point</w:t></w:r></w:p>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
}

// Steps have no table of their own: the comments cell names the ones the
// description does not, as the template numbers sub-items.
func TestStepsInComments(t *testing.T) {
	steps := []*model.Step{{Tracking: model.Tracking{Number: 1, Title: "Draft the map"}}, {Tracking: model.Tracking{Number: 2, Title: "Publish it"}}}
	for _, c := range []struct{ description, want string }{
		{"", "(1) Draft the map (2) Publish it"},
		{"Map the services.", "Map the services.\n\n(1) Draft the map (2) Publish it"},
		{"(1) Draft the map (2) Publish it", "(1) Draft the map (2) Publish it"},
		{"First Draft the map, then Publish it.", "First Draft the map, then Publish it."},
	} {
		if got := description(&model.Action{Description: c.description, Steps: steps}); got != c.want {
			t.Errorf("description(%q) = %q, want %q", c.description, got, c.want)
		}
	}
}
