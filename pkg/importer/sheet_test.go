package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHeaderKeys(t *testing.T) {
	for header, want := range map[string]Column{
		"Key Action": colTitle, "KEY ACTIONS": colTitle, "DueDate": colDue, "Due Date": colDue,
		"Date d'échéance": colDue, "Échéance": colDue, "N° recommandation": colRecNumber, "Rec. No": colRecNumber,
		"Responsible": colOwner, "Par qui": colOwner, "Statut": colStatus, "Commentaires": colProgress,
		"Management Response": colComments, "Last Updated": colUpdated, "Documents": colEvidence,
	} {
		if got, ok := columnOf(header, Options{}); !ok || got != want {
			t.Errorf("%q: %q, %v; want %q", header, got, ok, want)
		}
	}
	if got, ok := columnOf("Observations", Options{Map: map[string]string{"observations ": "action.progress"}}); !ok || got != colProgress {
		t.Errorf("--map: %q, %v", got, ok)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string][2]string{
		" a\r\nb\rc\u2028d ": {"a\nb\nc\nd", ""},
		"x\x1b[2J\x07y":      {"x[2Jy", "U+001B, U+0007"},
		"ok\tfine":           {"ok\tfine", ""},
	} {
		if got, removed := clean(in); got != want[0] || removed != want[1] {
			t.Errorf("clean(%q) = %q, %q; want %q, %q", in, got, removed, want[0], want[1])
		}
	}
}

func TestSeparator(t *testing.T) {
	for in, want := range map[string]rune{"a,b;c,d\n": ',', "a;b;\"c,d,e\"\n": ';', "a\tb\tc": '\t', "": ','} {
		if got := separator([]byte(in)); got != want {
			t.Errorf("separator(%q) = %q, want %q", in, got, want)
		}
	}
}

// A number in a due column of a workbook is an Excel date; in a CSV file
// it is the text it is. A year stays a year.
func TestDueCells(t *testing.T) {
	csv := "Rec No,Recommendation,Key Action,Responsible,Due Date,Status\n1,Do.,A,U,45657,Planned\n1,,B,U,2025,Planned\n1,,C,U,Overdue - Not Initiated,Overdue-Initiated\n"
	d, err := ReadCSV("t.csv", strings.NewReader(csv), Options{ID: "E-1"})
	if err != nil {
		t.Fatal(err)
	}
	actions := d.Recommendations[0].Content
	var dues []string
	for i := 0; i+1 < len(actions); i += 2 {
		if actions[i].Value == "actions" {
			for _, a := range actions[i+1].Content {
				for k := 0; k+1 < len(a.Content); k += 2 {
					if a.Content[k].Value == "due" || a.Content[k].Value == "status" {
						dues = append(dues, a.Content[k+1].Value)
					}
				}
			}
		}
	}
	want := "unknown not-started 2025 not-started unknown in-progress"
	if got := strings.Join(dues, " "); got != want {
		t.Errorf("due and status = %s, want %s", got, want)
	}
	if !d.NeedsReview() {
		t.Error("a due date read as nothing needs review")
	}
}

func BenchmarkReadSheet(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "undp-ml-2023.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ReadSheet("b.xlsx", bytes.NewReader(data), int64(len(data)), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCSV(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "niger-evo-2025-02.csv"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ReadCSV("b.csv", bytes.NewReader(data), Options{ID: "E-1"}); err != nil {
			b.Fatal(err)
		}
	}
}

// A workbook whose first sheet is notes is read from the sheet with the
// headers, the other one named in a note; a merged range reaching the
// sheet's last column and row costs no more than the rows there are.
func TestSheetChoiceAndHugeMerge(t *testing.T) {
	w := workbook{name: "t.xlsx", sheets: []sheetCells{
		{name: "Notes", cells: [][]any{{"Read me first"}}},
		{name: "Actions", cells: [][]any{
			{"Rec No", "Recommendation", "Key Action", "Responsible", "Due Date", "Status"},
			{1, "Do it.", "Act", "Unit", "2025-06-30", "Planned", "stray"},
		}, merged: [][2]string{{"G2", "H3"}}},
	}}
	// excelize's writer visits every cell of a merged range, so the huge
	// range is written into the sheet's XML afterwards.
	data := patchZip(t, w.build(t), "xl/worksheets/sheet2.xml", `ref="G2:H3"`, `ref="G2:XFD1048576"`)
	d, err := ReadSheet("t.xlsx", bytes.NewReader(data), int64(len(data)), Options{ID: "E-1"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range d.Notes {
		got = append(got, n.At.String()+" "+n.Field)
	}
	want := []string{"Notes!A1 sheet Notes", "Actions!A1 evaluation language", "Actions!A1 evaluation reference",
		"Actions!A1 evaluation title", "Actions!A1 evaluation commissioned_by", "Actions!A2 R1 response",
		"Actions!A2 R1 responsible", "Actions!B2 R1 title", "Actions!F2 R1.1 status", "Actions!G2 column G"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// patchZip replaces old by new in one file of a zip archive.
func patchZip(t *testing.T, data []byte, name, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	patched := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name && bytes.Contains(body, []byte(old)) {
			body, patched = bytes.ReplaceAll(body, []byte(old), []byte(new)), true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !patched {
		t.Fatalf("%s holds no %s", name, old)
	}
	return buf.Bytes()
}
