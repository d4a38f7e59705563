package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the workbooks in testdata/import")

// fixtureDir holds the sources the import testscripts read.
var fixtureDir = filepath.Join("..", "..", "testdata", "import")

// workbook is a fixture: its sheets' cells (a value is a string, a
// number, or a time.Time written as an Excel date) and merged ranges.
type workbook struct {
	name   string
	sheets []sheetCells
}

type sheetCells struct {
	name   string
	cells  [][]any // row by row from A1; nil leaves a cell empty
	merged [][2]string
}

// day is an Excel date cell.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The workbooks the import testscripts read, written by excelize from
// this table (go test ./pkg/importer -run TestFixtureWorkbooks -update),
// so a reviewer reads their content here rather than in a binary file.
var workbooks = []workbook{
	{
		// UNDP's Evaluation Resource Centre layout, English: the
		// evaluation as label and value above the key actions, each
		// recommendation merged over its actions' rows, ERC statuses and
		// YYYY/MM due dates, a prose management response and no
		// agree/disagree category.
		name: "undp-ml-2023.xlsx",
		sheets: []sheetCells{{
			name: "Management response",
			cells: [][]any{
				{"Evaluation ID", "UNDP-ML-2023"},
				{"Title", "Independent Country Programme Evaluation, Mali"},
				{"Reference", "12345"},
				{"Commissioning unit", "Independent Evaluation Office"},
				{"Organization", "UNDP"},
				{"Evaluation type", "Country Programme Evaluation"},
				{"Evaluation plan", "UNDP Mali 2020-2024"},
				{"Completion date", "11/2023"},
				{"Unit responsible for the management response", "Regional Bureau for Africa"},
				{},
				{"Rec. No", "Recommendation", "Management Response", "Key Action", "Responsible", "Due Date", "Status", "Comments", "Documents"},
				{1, "Strengthen the monitoring of the programme. Results should be measured against the country programme document.", "Management welcomes the recommendation.", "Recruit a monitoring officer", "Programme Unit", "2024/06", "Completed", "Recruited in May 2024.", "https://erc.undp.org/documents/12345-1.pdf"},
				{nil, nil, nil, "Set up a results dashboard", "Programme Unit", "2024/12", "Initiated", "", ""},
				{nil, nil, nil, "Train implementing partners in results-based management", "Programme Unit", "2025/03", "Overdue-Initiated", "Two of four sessions held.", ""},
				{2, "Broaden the partnerships with the private sector.", "Management agrees and will build on the existing compact.", "Map private-sector partners", "Partnerships Unit", "2024/09", "Not Initiated", "", ""},
				{nil, nil, nil, "Hold a yearly partners' forum", "Partnerships Unit", "No due date", "Initiated", "The first forum is planned with the chamber of commerce.", ""},
				{3, "Close the pilot cash-transfer project.", "The project was closed by the government before the response.", "Hand the pilot over to the ministry", "Resident Representative", "2024/03", "No Longer Applicable", "Overtaken by events: the ministry closed the pilot in January 2024.", ""},
			},
			merged: [][2]string{{"A12", "A14"}, {"B12", "B14"}, {"C12", "C14"}, {"A15", "A16"}, {"B15", "B16"}, {"C15", "C16"}},
		}},
	},
	{
		// A French plan d'action with Excel dates: the header "Suivi"
		// merged over Statut and Commentaires, the columns merged down
		// over the two header rows, dates as date cells and as words.
		name: "mali-plan-action.xlsx",
		sheets: []sheetCells{{
			name: "Plan d'action",
			cells: [][]any{
				{"Identifiant", "EVO-2024-03"},
				{"Titre", "Évaluation de la stratégie de pays Mali 2018 – 2022"},
				{"Référence", "EVO/2024/03"},
				{"Commanditaire", "Evaluation Office"},
				{},
				{"N° recommandation", "Recommandation", "Réponse", "Unité responsable", "Actions clés", "Par qui", "Échéance", "Suivi", nil},
				{nil, nil, nil, nil, nil, nil, nil, "Statut", "Commentaires"},
				{1, "Développer et rendre opérationnelle une stratégie de relations externes et mobilisation des ressources.", "D'accord", "CO UNHCR Mali, RB-WCA", "Initiation de plusieurs rencontres avec des Ambassades basées à Bamako, Mali", "External Relations", "Continu", "Réalisé", "Des initiatives vont continuer"},
				{nil, nil, nil, nil, "Développement d'une stratégie de relations externes et de mobilisation de ressources.", "External Relations", day(2024, time.December, 31), "Planifié", ""},
				{2, "Renforcer les partenariats avec les acteurs du développement.", "Partiellement d'accord", "CO UNHCR Mali", "Signature d'un accord avec le PNUD et l'OIM", "Programme", day(2025, time.June, 30), "En cours", ""},
				{nil, nil, nil, nil, "Plan de travail conjoint", "Programme", "Octobre 2023", "Réalisé", "Signé en octobre 2023."},
				{nil, nil, nil, nil, "Revue annuelle du plan", "Programme", "Novembre 2024 et novembre 2025", "Plannifié", ""},
				{nil, nil, nil, nil, "Mobilisation de financements pour les cités", "External Relations", "Conditionnés par la disponibilité des financements", "En cours", ""},
			},
			merged: [][2]string{{"A6", "A7"}, {"B6", "B7"}, {"C6", "C7"}, {"D6", "D7"}, {"E6", "E7"}, {"F6", "F7"}, {"G6", "G7"}, {"H6", "I6"},
				{"A8", "A9"}, {"B8", "B9"}, {"C8", "C9"}, {"D8", "D9"}, {"A10", "A13"}, {"B10", "B13"}, {"C10", "C13"}, {"D10", "D13"}},
		}},
	},
}

// build writes a workbook's bytes: the same table gives the same bytes.
func (w workbook) build(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range w.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.cells {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, ref, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range s.merged {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Fixed document properties: excelize would stamp the time of the run.
	when := "2024-01-01T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{Created: when, Modified: when, Creator: "mrtrack tests"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFixtureWorkbooks keeps the committed workbooks what the table above
// builds; -update rewrites them.
func TestFixtureWorkbooks(t *testing.T) {
	for _, w := range workbooks {
		got := w.build(t)
		if again := w.build(t); !bytes.Equal(got, again) {
			t.Fatalf("%s: two builds differ: the generator is not deterministic", w.name)
		}
		path := filepath.Join(fixtureDir, w.name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v; run go test ./pkg/importer -run TestFixtureWorkbooks -update", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what its table builds; run go test ./pkg/importer -run TestFixtureWorkbooks -update", path)
		}
	}
}
