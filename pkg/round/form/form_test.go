package form

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/xuri/excelize/v2"
)

var sampleItems = []Item{
	{ID: "E-1/R1.1", Recommendation: "R1 Strengthen monitoring", Title: "=HYPERLINK(\"x\")", Due: "2025-11", Status: model.InProgress, Progress: "Started.", Updated: civil.New(2024, 12, 2)},
	{ID: "E-1/R1.2", Recommendation: "R1 Strengthen monitoring", Title: "Train the team", Due: "2024-12-31", Status: model.NotStarted},
}

func sampleForm(lang string) *Form {
	return &Form{Round: "q1", Owner: "Protection", Language: lang, Due: civil.New(2025, 1, 31), Items: sampleItems}
}

func sampleCheck(lang string) Check {
	return Check{
		Language: lang, Day: civil.New(2025, 1, 20),
		Sent: func(id string) (string, bool) {
			for _, it := range sampleItems {
				if it.ID == id {
					return it.Digest(lang), true
				}
			}
			return "", false
		},
		Current: func(id string) (Item, bool) {
			for _, it := range sampleItems {
				if it.ID == id {
					return it, true
				}
			}
			return Item{}, false
		},
	}
}

// csvWith is the sample form as CSV, with row i (1-based, below the
// header) given cells by column index, and the separator sep.
func csvWith(lang string, sep string, edits map[int]map[int]string, extra ...string) []byte {
	lines := strings.Split(strings.TrimSuffix(string(CSV(sampleForm(lang))), "\r\n"), "\r\n")
	for i, line := range lines {
		cells := strings.Split(line, ",")
		for c, v := range edits[i] {
			cells[c] = v
		}
		lines[i] = strings.Join(cells, sep)
	}
	return []byte(strings.Join(append(lines, extra...), "\r\n") + "\r\n")
}

func show(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s: %s: %s [%s]\n", f.File, f.Severity, f.Message, f.Rule)
	}
	return b.String()
}

// Returned CSV forms as people send them back: each case gives the
// updates read and the findings, exactly.
func TestReturnedCSV(t *testing.T) {
	for _, c := range []struct {
		name, lang, sep string
		edits           map[int]map[int]string
		extra           []string
		updates         string
		findings        string
	}{
		{name: "untouched", lang: "en", sep: ","},
		{name: "semicolons, French words, spaces, a serial, extra rows", lang: "fr", sep: ";",
			edits:    map[int]map[int]string{1: {7: " Réalisé ", 8: "Done.  ", 9: "45671"}, 2: {7: "en cours de réalisation", 10: "juin 2025", 11: "Late funding."}},
			extra:    []string{";;;;;;;;;;;", ";;;;;;;;A note below;;;"},
			updates:  "E-1/R1.1 completed \"Done.\" 2025-01-14  \nE-1/R1.2 in-progress \"\"  2025-06 Late funding.\n",
			findings: "f.csv:I5: warning: row 5 has no id; it was not read [form-row]\n"},
		{name: "a status that is not one, a day that is not, a reason without a date", lang: "fr", sep: ",",
			edits:    map[int]map[int]string{1: {7: "Terminé", 9: "bientôt"}, 2: {11: "Because."}},
			findings: "f.csv:H2: error: status \"Terminé\" is not allowed; did you mean completed? [form-cell]\nf.csv:J2: error: day completed \"bientôt\" is not a date [form-cell]\nf.csv:L3: error: a reason is given, but no new due date [form-cell]\n"},
		{name: "completed after the reply, a new date without reason", lang: "en", sep: ",",
			edits:    map[int]map[int]string{1: {7: "completed", 9: "2025-02-01"}, 2: {10: "2025-06-30"}},
			findings: "f.csv:J2: error: day completed 2025-02-01 is after the day of the reply, 2025-01-20 [form-cell]\nf.csv:L3: error: a new due date is asked for, with no reason [form-cell]\n"},
		{name: "a day completed on an item not completed", lang: "en", sep: ",",
			edits:    map[int]map[int]string{2: {9: "2025-01-10"}},
			findings: "f.csv:J3: error: a day completed is given, but the status is not-started [form-cell]\n"},
		{name: "a locked cell changed, an unknown id, an id twice", lang: "en", sep: ",",
			edits:    map[int]map[int]string{1: {2: "My own title"}, 2: {0: "E-1/R9.9"}},
			extra:    []string{"E-1/R1.1,,,,,,,completed,,,,"},
			findings: "f.csv:C2: error: the Action or step column is locked, but the cell was changed [form-locked]\nf.csv:A3: error: \"E-1/R9.9\" is not an id this form was sent with [form-id]\nf.csv:A4: error: E-1/R1.1 is on row 2 already [form-id]\n"},
		{name: "dates French Excel rewrote in a CSV", lang: "fr", sep: ";",
			edits:   map[int]map[int]string{1: {3: "01/11/2025", 6: "02/12/2024"}, 2: {3: "31/12/2024", 7: "Réalisé"}},
			updates: "E-1/R1.2 completed \"\"   \n"},
		{name: "the records say what the owner typed back", lang: "en", sep: ",",
			edits:   map[int]map[int]string{2: {4: "Not started", 6: ""}},
			updates: ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ret, fs := Read("f.csv", csvWith(c.lang, c.sep, c.edits, c.extra...))
			if ret == nil {
				t.Fatalf("not read:\n%s", show(fs))
			}
			ups, more := ret.Updates(sampleCheck(c.lang))
			if got := show(append(fs, more...)); got != c.findings {
				t.Errorf("findings:\n%s\nwant\n%s", got, c.findings)
			}
			var b strings.Builder
			for _, u := range ups {
				if u.Status != "" || u.Progress != "" || u.NewDue != "" || !u.CompletedOn.IsZero() {
					fmt.Fprintf(&b, "%s %s %q %s %s %s\n", u.ID, u.Status, u.Progress, u.CompletedOn, u.NewDue, u.Reason)
				}
			}
			if b.String() != c.updates {
				t.Errorf("updates:\n%s\nwant\n%s", b.String(), c.updates)
			}
		})
	}
}

// Files that are not a form are refused with what to do.
func TestReadRefuses(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"Windows-1252", "ID,Statut\xe9\r\n", "f.csv: error: the file is not UTF-8 text [form-layout]\n"},
		{"no header", "a,b,c\r\n1,2,3\r\n", "f.csv: error: the first rows hold no header row of the form (ID, Status, New status, …) [form-layout]\n"},
		{"a column gone", "ID,Status,New status\r\n", "f.csv: error: the header row lacks the columns Recommendation, Action or step, Due, Last progress, Last update, Progress (new text), Day completed, Proposed new due date, Reason for the new date [form-layout]\n"},
		{"a broken zip", "PK\x03\x04garbage", "f.csv: error: not readable as an Excel workbook: zip: not a valid zip file [form-layout]\n"},
	} {
		ret, fs := Read("f.csv", []byte(c.data))
		if got := show(fs); ret != nil || got != c.want {
			t.Errorf("%s: %v\n%s\nwant\n%s", c.name, ret, got, c.want)
		}
	}
}

// The workbook: its locked and open cells, the drop-down, the frozen
// header, the instructions in the form's language, and cells escaped; a
// formula with no saved value is computed.
func TestXLSX(t *testing.T) {
	data, err := XLSX(sampleForm("fr"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(x.GetSheetList(), ","); got != "Instructions,Actions" {
		t.Errorf("sheets %s", got)
	}
	if v, _ := x.GetCellValue(InstructionsSheet, "A1"); v != "Mise à jour des actions de la réponse de la direction" {
		t.Errorf("instructions start %q", v)
	}
	if v, _ := x.GetCellValue(ActionsSheet, "C2"); v != `'=HYPERLINK("x")` {
		t.Errorf("a title that reads as a formula is written %q", v)
	}
	dvs, err := x.GetDataValidations(ActionsSheet)
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "H2:H23" || !strings.Contains(dvs[0].Formula1, "Réalisé") {
		t.Errorf("drop-down: %v %+v", err, dvs)
	}
	panes, err := x.GetPanes(ActionsSheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v %v", panes, err)
	}
	for ref, locked := range map[string]bool{"A2": true, "G3": true, "H2": false, "L3": false, "H23": false} {
		id, _ := x.GetCellStyle(ActionsSheet, ref)
		st, _ := x.GetStyle(id)
		if st.Protection == nil || st.Protection.Locked != locked {
			t.Errorf("%s: protection %+v, want locked %v", ref, st.Protection, locked)
		}
	}
	if hasFormulas(data) {
		t.Error("a form with no formula is read as holding one")
	}
	if err := x.SetCellFormula(ActionsSheet, "H3", `"Réal"&"isé"`); err != nil {
		t.Fatal(err)
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if !hasFormulas(buf.Bytes()) {
		t.Error("a formula is not seen")
	}
	ret, fs := Read("f.xlsx", buf.Bytes())
	if ret == nil || len(fs) > 0 {
		t.Fatalf("not read: %s", show(fs))
	}
	ups, fs := ret.Updates(sampleCheck("fr"))
	if len(fs) > 0 || len(ups) != 2 || ups[1].Status != model.Completed {
		t.Errorf("updates %+v\n%s", ups, show(fs))
	}
}

// FuzzReadCSV: no returned CSV form, however broken, makes reading it
// panic, and what reads gives updates or findings.
func FuzzReadCSV(f *testing.F) {
	f.Add(CSV(sampleForm("en")))
	f.Add(csvWith("fr", ";", map[int]map[int]string{1: {7: "Réalisé", 9: "45671"}, 2: {10: "2026", 11: "x"}}, ";;;;;;;;note;;;"))
	f.Add([]byte("ID,New status\r\n\"a\"b,c\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ret, fs := Read("f.csv", data)
		if ret == nil {
			if len(fs) == 0 {
				t.Fatal("refused with no finding")
			}
			return
		}
		for _, lang := range Languages {
			ups, _ := ret.Updates(sampleCheck(lang))
			for _, u := range ups {
				if u.NewDue != "" && u.Reason == "" {
					t.Fatalf("a request without a reason: %+v", u)
				}
			}
		}
	})
}

// An id a spreadsheet would run as a formula is written quoted, and read
// back as the id it is.
func TestFormulaLikeID(t *testing.T) {
	it := Item{ID: "-E/R1.1", Recommendation: "R1", Title: "T", Due: "2025", Status: model.InProgress}
	f := &Form{Round: "q1", Owner: "O", Language: "en", Items: []Item{it}}
	data := CSV(f)
	if !strings.Contains(string(data), "\r\n'-E/R1.1,") {
		t.Fatalf("the id is not quoted:\n%s", data)
	}
	data = []byte(strings.Replace(string(data), "in-progress,,,,,,,", "in-progress,,,completed,,2025-01-10,,", 1))
	ret, fs := Read("f.csv", data)
	if ret == nil {
		t.Fatal(show(fs))
	}
	ups, fs := ret.Updates(Check{Language: "en", Day: civil.New(2025, 1, 20),
		Sent:    func(id string) (string, bool) { return it.Digest("en"), id == it.ID },
		Current: func(string) (Item, bool) { return it, true }})
	if len(fs) > 0 || len(ups) != 1 || ups[0].ID != "-E/R1.1" || ups[0].Status != model.Completed {
		t.Errorf("%+v\n%s", ups, show(fs))
	}
}
