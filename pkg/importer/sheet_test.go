package importer

import (
	"bytes"
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
