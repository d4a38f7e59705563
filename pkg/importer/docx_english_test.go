package importer

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The English fixture's records, as import must write them.
const englishWant = `
id: EVO-2025-07
reference: EVO/2025/07
title: Evaluation of the Livelihoods Strategy in Kakuma, 2019 – 2023
language: en
commissioned_by: Evaluation Office
response_due: 2025-03-15
response_due_text: 15 March 2025
coordinator: {name: Jane Achieng, title: Senior Livelihoods Officer}
approved_by: {name: Peter Mwangi, title: Representative, office: CO Kenya}
approved_on: 2025-04-02
approved_on_text: 2 April 2025
general_comments: Management welcomes the evaluation’s “practical” findings; see the [evaluation report](https://www.unhcr.org/evaluation/EVO-2025-07).
---
number: 1
title: Expand access to financial services for refugees
text: Work with the Central Bank and partner banks so that refugees can open accounts with their UNHCR documents.
response: agree
responsible: [CO Kenya, Livelihoods Unit]
responsible_text: CO Kenya; Livelihoods Unit
actions:
  - {number: 1, title: Sign a memorandum with the Central Bank, owner: Livelihoods Officer,
     description: Draft shared with the Bank in January., due: 2025-03, due_text: March 2025,
     status: completed, status_text: Completed, progress: Signed on 28 March 2025.}
  - {number: 2, title: Train partner bank staff on refugee documents, owner: Livelihoods Officer,
     description: Two sessions per county., due: 2025-Q4, due_text: Q4 2025,
     status: in-progress, status_text: In progress, progress: ""}
  - number: 3
    title: Report account openings to the Livelihoods Working Group
    owner: Protection/ Livelihoods
    description: |
      - Quarterly figures by county
      - Shared on the [data portal](https://data.unhcr.org/kakuma)
    due: continuous
    due_text: Ongoing
    status: ongoing
    status_text: Ongoing
    progress: |
      First report sent.
      Next due in July.
---
number: 2
title: Phase out in-kind food assistance by 2026
text: Replace in-kind food with cash in every settlement.
response: partially-agree
reasons: |
  Management agrees to move to cash where markets work.

  In-kind food stays in Kalobeyei until the market assessment is done.
responsible: [CO Kenya]
actions:
  - number: 1
    title: Market assessment in Kalobeyei
    owner: Cash Based Interventions
    description: With WFP.
    due: 2025-06
    due_text: June 2025 and December 2025
    deadlines: [{due: 2025-06}, {due: 2025-12}]
    status: not-started
    status_text: Not started
    progress: ""
  - {number: 2, title: Cash pilot in two villages, owner: Cash Based Interventions,
     description: Subject to the assessment., due: conditional, due_text: Subject to funding,
     status: not-started, status_text: Planned, progress: ""}
---
number: 3
title: Close the Kakuma field office
text: Move its staff to Nairobi and serve the camp from there.
response: disagree
reasons: The office serves 200,000 people; closing it would cut them off from registration.
responsible: [RB EHAGL]
actions: []
`

// The English template with legacy form-field checkboxes: a partial
// agreement with reasons, a disagreement without actions, a month, a
// quarter, two deadlines, a condition and "Ongoing"; a merged owner cell
// and a table whose Status column comes before the comments.
func TestEnglishDocx(t *testing.T) {
	d := readDocxFile(t, "english-EVO-2025-07.docx", Options{})
	var want []map[string]any
	dec := yaml.NewDecoder(strings.NewReader(englishWant))
	for {
		var v map[string]any
		if err := dec.Decode(&v); err != nil {
			break
		}
		want = append(want, v)
	}
	got := []map[string]any{decoded(t, d.Evaluation)}
	for _, r := range d.Recommendations {
		got = append(got, decoded(t, r))
	}
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d", len(got), len(want))
	}
	for i := range want {
		var diffs []difference
		diffRecord("record "+string(rune('0'+i)), got[i], want[i], &diffs)
		for _, df := range diffs {
			t.Errorf("%s: got %#v, want %#v", df.field, df.got, df.want)
		}
		if !reflect.DeepEqual(got[i], want[i]) && len(diffs) == 0 {
			t.Errorf("record %d differs", i)
		}
	}
	if d.NeedsReview() {
		t.Errorf("the English fixture needs no review, but notes ask for it: %+v", d.Notes)
	}
	var fields []string
	for _, n := range d.Notes {
		fields = append(fields, n.Field)
	}
	for _, f := range []string{"R1.2 owner", "R1.2 progress", "R2.1 due", "R2.2 due", "R1 reasons", "evaluation coordinator"} {
		if !slices.Contains(fields, f) {
			t.Errorf("no note on %s; notes: %v", f, fields)
		}
	}
}

// --lang and --id override what the document says, and say so in the
// draft rather than in a note.
func TestDocxOptions(t *testing.T) {
	d := readDocxFile(t, "english-EVO-2025-07.docx", Options{ID: "KEN-2025-1", Lang: "fr"})
	ev := decoded(t, d.Evaluation)
	if d.ID != "KEN-2025-1" || ev["id"] != "KEN-2025-1" || ev["language"] != "fr" {
		t.Errorf("ID %q, id %v, language %v; want KEN-2025-1, KEN-2025-1, fr", d.ID, ev["id"], ev["language"])
	}
}
