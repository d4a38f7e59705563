package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// readDocxFile imports a .docx of testdata/import.
func readDocxFile(t *testing.T, name string, o Options) *Draft {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "import", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadDocx(name, f, st.Size(), o)
	if err != nil {
		t.Fatalf("ReadDocx(%s): %v", name, err)
	}
	return d
}

// decoded is a node as plain Go values, the way yaml reads a record file.
func decoded(t *testing.T, n *yaml.Node) map[string]any {
	t.Helper()
	var v map[string]any
	if err := n.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func dataFile(t *testing.T, name string) map[string]any {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "data", "EVO-2024-03", name))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// difference is one field where import and the transcription disagree,
// named as notes name fields: "R1.2 due", "evaluation approved_on".
type difference struct {
	field     string
	got, want any
}

// diffRecord compares two records field by field; items (actions, steps,
// deadlines) are matched by number or place.
func diffRecord(prefix string, got, want map[string]any, out *[]difference) {
	keys := map[string]bool{}
	for k := range got {
		keys[k] = true
	}
	for k := range want {
		keys[k] = true
	}
	for k := range keys {
		g, w := got[k], want[k]
		switch {
		case k == "actions" || k == "steps":
			diffItems(prefix, k, g, w, out)
		case !reflect.DeepEqual(g, w):
			*out = append(*out, difference{prefix + " " + k, g, w})
		}
	}
}

func diffItems(prefix, key string, got, want any, out *[]difference) {
	byNumber := func(v any) map[int]map[string]any {
		m := map[int]map[string]any{}
		list, _ := v.([]any)
		for _, it := range list {
			item, _ := it.(map[string]any)
			n, _ := item["number"].(int)
			m[n] = item
		}
		return m
	}
	g, w := byNumber(got), byNumber(want)
	for n := range w {
		if g[n] == nil {
			*out = append(*out, difference{prefix + " " + key, fmt.Sprintf("no item %d", n), "item " + fmt.Sprint(n)})
		}
	}
	for n, item := range g {
		if w[n] == nil {
			*out = append(*out, difference{prefix + " " + key, "item " + fmt.Sprint(n), fmt.Sprintf("no item %d", n)})
			continue
		}
		id := fmt.Sprintf("%s.%d", prefix, n)
		diffRecord(id, item, w[n], out)
	}
}

// explains reports whether a note accounts for a difference: it is about
// the field, or the field's source wording (due for due_text).
func explains(notes []Note, field string) bool {
	for _, n := range notes {
		if n.Field == field || n.Field+"_text" == field || n.Field == field+"_text" {
			return true
		}
	}
	return false
}

// TestMaliDocxReproducesTheTranscription is the test that matters: the
// Mali management response, rebuilt as a Word document from the seed
// (internal/docxfixture), imports into data/EVO-2024-03 field for field,
// except where a note of the draft says why.
func TestMaliDocxReproducesTheTranscription(t *testing.T) {
	d := readDocxFile(t, "mali-EVO-2024-03.docx", Options{})
	if d.ID != "EVO-2024-03" {
		t.Errorf("ID = %q, want EVO-2024-03", d.ID)
	}
	var diffs []difference
	diffRecord("evaluation", decoded(t, d.Evaluation), dataFile(t, "evaluation.yaml"), &diffs)
	if len(d.Recommendations) != 9 {
		t.Fatalf("%d recommendations, want 9", len(d.Recommendations))
	}
	actions := 0
	for i, r := range d.Recommendations {
		got := decoded(t, r)
		want := dataFile(t, fmt.Sprintf("rec-%02d.yaml", i+1))
		list, _ := got["actions"].([]any)
		actions += len(list)
		diffRecord(fmt.Sprintf("R%d", i+1), got, want, &diffs)
	}
	if actions != 34 {
		t.Errorf("%d actions, want 34", actions)
	}
	sort.Slice(diffs, func(i, j int) bool { return diffs[i].field < diffs[j].field })
	var explained []string
	for _, df := range diffs {
		if explains(d.Notes, df.field) {
			explained = append(explained, df.field)
			continue
		}
		t.Errorf("%s: import gives %#v, data/EVO-2024-03 has %#v, and no note explains it", df.field, df.got, df.want)
	}
	// The one difference is a judgment import leaves to a person: R1 has
	// no bold headline, the transcriber cut its first clause.
	if want := []string{"R1 title"}; !slices.Equal(explained, want) {
		t.Errorf("the differences notes explain are %v, want %v", explained, want)
	}
	var review []string
	for _, n := range d.Notes {
		if n.Review {
			review = append(review, n.Field)
		}
	}
	if want := []string{"R1 title"}; !slices.Equal(review, want) {
		t.Errorf("notes asking for review: %v, want %v", review, want)
	}
}

// The notes name where each judgment was made and the raw text.
func TestMaliDocxNotes(t *testing.T) {
	d := readDocxFile(t, "mali-EVO-2024-03.docx", Options{})
	want := map[string]string{
		"R1.1 status":            `table 2, row 8, column 5: "Réalisé": a status in the date column: read as status completed`,
		"R1.1 due":               `table 2, row 8, column 6: "Continu": the status column then holds the due: read as continuous, its wording kept in due_text`,
		"R4.2 progress":          `table 5, row 9, column 7: "permettant d'augmenter la capacité d'accueil des écoles qui …": continued in the next row (a page break): the cut sentence joined with a space`,
		"R5.1 status":            `table 6, row 7, column 6: "En coordination avec le Bureau du Coordinateur Résident et les Agences comme PNUD et OIM. Planifié": a comment and a status in one cell: the status read from "Planifié", the comment moved to progress`,
		"R7.2 steps":             `table 8, row 8, column 4: "(5) (6) / (1) (2) / (1) (2)": the comments, date and status cells number their sub-items differently: matched by position, the steps numbered 1 to 2`,
		"R7.1.1 due":             `table 8, row 7, column 5: "Novembre 2024 et novembre 2025": read as 2 deadlines, 2024-11 and 2025-11; the first that is not met counts`,
		"evaluation approved_on": `table 1, row 7, column 2: "9th of August": the date has no year: read as 2024-08-09, the first such day after the response was due (2024-07-20)`,
		"R6.2 due":               `table 7, row 8, column 5: "Accord déjà signé, le guide sera disponible fin 2025. Les guichets uniques sont conditionnés par la disponibilité des financements.": read as 2025, the only date in the text ("fin 2025")`,
	}
	got := map[string]string{}
	for _, n := range d.Notes {
		if _, ok := want[n.Field]; ok && got[n.Field] == "" {
			got[n.Field] = fmt.Sprintf("%s: %q: %s", n.At, n.Raw, n.Message)
		}
	}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("note on %s:\n got %s\nwant %s", f, got[f], w)
		}
	}
	if t.Failed() {
		var all []string
		for _, n := range d.Notes {
			all = append(all, fmt.Sprintf("%s | %s | %q | %s", n.Field, n.At, n.Raw, n.Message))
		}
		t.Log("all notes:\n" + strings.Join(all, "\n"))
	}
}
