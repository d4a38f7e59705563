package main

import (
	"encoding/csv"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fillForm edits a round's workbook as a person would in Excel: cells by
// the id of their row and the letter of their column; a value starting
// with = is written as a formula.
func fillForm(t *testing.T, path string, cells map[string]map[string]any) {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Actions")
	if err != nil {
		t.Fatal(err)
	}
	for id, byCol := range cells {
		row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == id })
		if row < 0 {
			t.Fatalf("%s: no row for %s", path, id)
		}
		for col, v := range byCol {
			ref := col + strconv.Itoa(row+1)
			if s, ok := v.(string); ok && strings.HasPrefix(s, "=") {
				err = x.SetCellFormula("Actions", ref, s[1:])
			} else {
				err = x.SetCellValue("Actions", ref, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// records is every file of the data folder but the rounds'.
func records(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for k, v := range snapshot(t, filepath.Join(dir, "data")) {
		if !strings.HasPrefix(k, "/rounds/") {
			out[k] = v
		}
	}
	return out
}

// A whole update round on a copy of the Mali data, through the real
// command: open, two forms filled in Excel's ways (a French status, a date
// serial, formulas, trailing spaces, a status that is not one, extension
// requests), collect, collect again, status before and after. The records
// must end exactly as the same changes made with mrtrack set leave them.
func TestRoundWhole(t *testing.T) {
	dir := bundled(t)
	open := []string{"round", "open", "2025-q1", "--due", "2025-01-31", "--out", "forms", "--as-of", "2025-01-06"}
	if code, _, errs := runIn(t, dir, nil, open...); code != 0 {
		t.Fatalf("round open: exit %d\n%s", code, errs)
	}
	before := records(t, dir)
	status := func(asOf string, extra ...string) (roundStatus, int) {
		code, out, errs := runIn(t, dir, nil, append([]string{"round", "status", "-o", "json", "--as-of", asOf}, extra...)...)
		var st roundStatus
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatalf("round status: %v\n%s%s", err, out, errs)
		}
		return st, code
	}
	st, code := status("2025-01-10")
	if code != 0 || len(st.NotReplied) != 11 || len(st.Owners) != 11 || len(st.NotUpdated) == 0 {
		t.Fatalf("status before: exit %d, %d owners, %d not replied, %d not updated", code, len(st.Owners), len(st.NotReplied), len(st.NotUpdated))
	}

	er := filepath.Join(dir, "forms", "2025-q1-external-relations.xlsx")
	fillForm(t, er, map[string]map[string]any{
		// H new status, I progress, J day completed, K new due, L reason.
		"EVO-2024-03/R1.2": {"H": "Réalisé", "I": "Vidéo diffusée en janvier.  ", "J": 45671}, // 2025-01-14 as a serial
		"EVO-2024-03/R1.5": {"H": `="En "&"cours"`, "I": "Document partagé avec les partenaires."},
		"EVO-2024-03/R1.6": {"K": "=DATE(2025,6,30)", "L": "Financement en retard."},
	})
	prot := filepath.Join(dir, "forms", "2025-q1-protection.xlsx")
	fillForm(t, prot, map[string]map[string]any{
		"EVO-2024-03/R3.5": {"H": "Terminé", "I": "Deuxième pool formé."},
		"EVO-2024-03/R3.6": {"H": "en cours ", "K": "31/12/2026", "L": "Calendrier parlementaire."},
		"EVO-2024-03/R3.7": {"I": "Plaidoyer\x7f mené."}, // records hold no control character
	})
	code, out, errs := runIn(t, dir, nil, "round", "collect", "forms/2025-q1-external-relations.xlsx", "forms/2025-q1-protection.xlsx", "--as-of", "2025-01-20")
	if code != 1 {
		t.Fatalf("collect with a wrong status: exit %d, want 1\n%s%s", code, out, errs)
	}
	wantErr := `forms/2025-q1-protection.xlsx:Actions!H2: error: status "Terminé" is not allowed; did you mean completed? [form-cell]
    hint: choose from the list: Non démarré, En cours, Réalisé, Continu, Sans objet
forms/2025-q1-protection.xlsx:Actions!I4: error: progress: control character U+007F DELETE is not allowed in record text: "Plaidoyer\x7f mené." [form-cell]
    hint: records hold printable text, tabs and line feeds only; remove it or write the text again
mrtrack: forms/2025-q1-protection.xlsx: not collected, 2 errors; nothing of it was written
`
	if errs != wantErr {
		t.Errorf("collect stderr:\n%s\nwant\n%s", errs, wantErr)
	}
	wantOut := `forms/2025-q1-external-relations.xlsx: External Relations, round 2025-q1, reply of 2025-01-20
  data/EVO-2024-03/rec-01.yaml: set completed_on, progress, status, updated of R1.2
  data/EVO-2024-03/rec-01.yaml: set progress, updated of R1.5
  data/rounds/2025-q1.yaml: recorded the reply; extension requested, not applied: EVO-2024-03/R1.6 to 2025-06-30
suggested commit message: round 2025-q1: update from External Relations (2 items, 1 extension request)
`
	if out != wantOut {
		t.Errorf("collect stdout:\n%s\nwant\n%s", out, wantOut)
	}

	// The same changes made with set, on another copy: the records must
	// be byte for byte the same, and nothing else may have changed.
	oracle := bundled(t)
	for _, args := range [][]string{
		{"set", "R1.2", "--status", "completed", "--on", "2025-01-14", "--append", "--progress", "Vidéo diffusée en janvier."},
		{"set", "R1.5", "--append", "--progress", "Document partagé avec les partenaires."},
	} {
		if code, _, errs := runIn(t, oracle, nil, append(args, "--as-of", "2025-01-20")...); code != 0 {
			t.Fatalf("mrtrack %s: exit %d\n%s", strings.Join(args, " "), code, errs)
		}
	}
	compare := func(when string) {
		t.Helper()
		got, want := records(t, dir), records(t, oracle)
		for _, k := range slices.Sorted(maps.Keys(want)) {
			if got[k] != want[k] {
				t.Errorf("%s: %s differs from what set writes:\n%s", when, k, got[k])
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d files, want %d", when, len(got), len(want))
		}
	}
	compare("after the first collect")
	if changed := records(t, dir); changed["/EVO-2024-03/rec-03.yaml"] != before["/EVO-2024-03/rec-03.yaml"] {
		t.Errorf("the refused form changed rec-03.yaml")
	}

	// The owner fixes the cell; Protection's form goes in, the other one
	// changes nothing the second time.
	fillForm(t, prot, map[string]map[string]any{"EVO-2024-03/R3.5": {"H": "Réalisé"}, "EVO-2024-03/R3.7": {"I": ""}})
	code, out, errs = runIn(t, dir, nil, "round", "collect", "forms/2025-q1-external-relations.xlsx", "forms/2025-q1-protection.xlsx", "--as-of", "2025-01-21")
	if code != 0 {
		t.Fatalf("second collect: exit %d\n%s%s", code, out, errs)
	}
	wantOut = `forms/2025-q1-external-relations.xlsx: External Relations, round 2025-q1: nothing to change (collected on 2025-01-20)
forms/2025-q1-protection.xlsx: Protection, round 2025-q1, reply of 2025-01-21
  data/EVO-2024-03/rec-03.yaml: set completed_on, progress, status, updated of R3.5
  data/rounds/2025-q1.yaml: recorded the reply; extension requested, not applied: EVO-2024-03/R3.6 to 2026-12-31
suggested commit message: round 2025-q1: update from Protection (1 item, 1 extension request)
`
	if out != wantOut {
		t.Errorf("second collect stdout:\n%s\nwant\n%s", out, wantOut)
	}
	if code, _, errs := runIn(t, oracle, nil, "set", "R3.5", "--status", "completed", "--append", "--progress", "Deuxième pool formé.", "--as-of", "2025-01-21"); code != 0 {
		t.Fatalf("set R3.5: exit %d\n%s", code, errs)
	}
	compare("after the second collect")

	// Collecting everything again changes no byte, rounds included.
	all := snapshot(t, filepath.Join(dir, "data"))
	code, out, _ = runIn(t, dir, nil, "round", "collect", "forms/2025-q1-external-relations.xlsx", "forms/2025-q1-protection.xlsx", "--as-of", "2025-02-03")
	if code != 0 || strings.Count(out, "nothing to change") != 2 {
		t.Errorf("third collect: exit %d\n%s", code, out)
	}
	if again := snapshot(t, filepath.Join(dir, "data")); !maps.Equal(all, again) {
		t.Errorf("collecting again changed files")
	}
	round, err := os.ReadFile(filepath.Join(dir, "data", "rounds", "2025-q1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"    replied_on: 2025-01-20\n    extension_requests:\n      - id: EVO-2024-03/R1.6\n        from: 2024-12-31\n        to: 2025-06-30\n        reason: Financement en retard.\n        requested_on: 2025-01-20\n",
		"    replied_on: 2025-01-21\n    extension_requests:\n      - id: EVO-2024-03/R3.6\n        from: 2025-12-31\n        to: 2026-12-31\n        reason: Calendrier parlementaire.\n        requested_on: 2025-01-21\n",
	} {
		if !strings.Contains(string(round), want) {
			t.Errorf("the round file lacks\n%s\nit is\n%s", want, round)
		}
	}

	// Status after: two replied; past the due date --fail-if-missing fails.
	st, code = status("2025-01-25", "--fail-if-missing")
	if code != 0 || len(st.NotReplied) != 9 || st.Owners[1].Owner != "External Relations" || st.Owners[1].RepliedOn != "2025-01-20" {
		t.Errorf("status after: exit %d, %+v", code, st)
	}
	if _, code = status("2025-02-03", "--fail-if-missing"); code != 1 {
		t.Errorf("status past due with owners missing: exit %d, want 1", code)
	}
}

type roundStatus struct {
	Owners []struct {
		Owner     string `json:"owner"`
		RepliedOn string `json:"replied_on"`
	} `json:"owners"`
	NotReplied []string          `json:"not_replied"`
	NotUpdated []json.RawMessage `json:"not_updated"`
}

// fillCSV edits a round's CSV form as a person would in a text editor:
// cells by the id of their row and the index of their column.
func fillCSV(t *testing.T, path string, cells map[string]map[int]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for col, v := range cells[r[0]] {
			r[col] = v
		}
	}
	var out strings.Builder
	w := csv.NewWriter(&out)
	w.WriteAll(rows)
	if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A round opened with --progress replace writes the form's progress text
// in place of the record's, and the latest round of the owner is the one
// a form is collected into when two sent its ids.
func TestRoundReplace(t *testing.T) {
	dir := bundled(t)
	for _, args := range [][]string{
		{"round", "open", "2025-q1", "--due", "2025-01-31", "--owner", "ressources humaines", "--out", "q1", "--as-of", "2025-01-06"},
		{"round", "open", "2025-q2", "--due", "2025-04-30", "--owner", "ressources humaines", "--out", "q2", "--progress", "replace", "--as-of", "2025-04-01"},
	} {
		if code, _, errs := runIn(t, dir, nil, args...); code != 0 {
			t.Fatalf("%s: exit %d\n%s", strings.Join(args, " "), code, errs)
		}
	}
	form := filepath.Join(dir, "q2", "2025-q2-administration-ressources-humaines.csv")
	fillCSV(t, form, map[string]map[int]string{"EVO-2024-03/R9.3": {8: "Procédures révisées\net diffusées."}})
	code, out, errs := runIn(t, dir, nil, "round", "collect", "q2/2025-q2-administration-ressources-humaines.csv", "--as-of", "2025-04-10")
	want := "q2/2025-q2-administration-ressources-humaines.csv: Administration/Ressources Humaines, round 2025-q2, reply of 2025-04-10\n" +
		"  data/EVO-2024-03/rec-09.yaml: set progress, updated of R9.3\n" +
		"  data/rounds/2025-q2.yaml: recorded the reply\n" +
		"suggested commit message: round 2025-q2: update from Administration/Ressources Humaines (1 item)\n"
	if code != 0 || out != want {
		t.Fatalf("collect: exit %d\n%s\nwant\n%s\n%s", code, out, want, errs)
	}
	rec, err := os.ReadFile(filepath.Join(dir, "data", "EVO-2024-03", "rec-09.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rec), "    progress: |-\n      Procédures révisées\n      et diffusées.\n    updated: 2025-04-10\n") {
		t.Errorf("rec-09.yaml:\n%s", rec)
	}
	if code, out, _ := runIn(t, dir, nil, "round", "collect", "q2/2025-q2-administration-ressources-humaines.csv", "--as-of", "2025-04-20"); code != 0 || !strings.Contains(out, "nothing to change") {
		t.Errorf("collect again: exit %d\n%s", code, out)
	}
}
