package form

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The sheets of a workbook form.
const (
	InstructionsSheet = "Instructions"
	ActionsSheet      = "Actions"
)

// CSV writes the form as CSV: UTF-8 with a byte order mark (Excel reads
// the accents), the header row, a row per item, the owner's columns empty.
func CSV(f *Form) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true // what Excel writes and expects
	w.Write(header(f.Language))
	for _, it := range f.Items {
		w.Write(row(f.Language, it))
	}
	w.Flush()
	return b.Bytes()
}

func header(lang string) []string {
	out := make([]string, len(Columns))
	for i, c := range Columns {
		out[i] = CellText(c.Label[LanguageOf(lang)])
	}
	return out
}

func row(lang string, it Item) []string {
	locked := it.lockedTexts(lang)
	out := make([]string, len(Columns))
	for i, c := range Columns {
		out[i] = locked[c.Key]
	}
	return out
}

// XLSX writes the form as an Excel workbook: a first sheet of
// instructions in the form's language, then the items, their columns
// locked (sheet protection without a password: nothing is secret, the lock
// only keeps edits to the owner's columns), a drop-down of the statuses,
// dates shown as YYYY-MM-DD, wrapped text and a frozen header row.
func XLSX(f *Form) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	lang := LanguageOf(f.Language)
	if err := x.SetSheetName("Sheet1", InstructionsSheet); err != nil {
		return nil, err
	}
	if err := writeInstructions(x, f); err != nil {
		return nil, err
	}
	idx, err := x.NewSheet(ActionsSheet)
	if err != nil {
		return nil, err
	}
	x.SetActiveSheet(idx)
	styles, err := newStyles(x)
	if err != nil {
		return nil, err
	}
	last := len(f.Items) + 1
	for i, c := range Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.SetColWidth(ActionsSheet, col, col, c.Width); err != nil {
			return nil, err
		}
		if err := x.SetCellStr(ActionsSheet, col+"1", CellText(c.Label[lang])); err != nil {
			return nil, err
		}
		style := styles.locked
		switch {
		case !c.Locked && (c.Key == ColCompletedOn || c.Key == ColNewDue):
			style = styles.date
		case !c.Locked:
			style = styles.open
		}
		// The owner's columns stay open below the items too: a reply may
		// add a row, which collect reports.
		if err := x.SetCellStyle(ActionsSheet, col+"2", fmt.Sprintf("%s%d", col, last+extraRows), style); err != nil {
			return nil, err
		}
	}
	if err := x.SetCellStyle(ActionsSheet, "A1", cell(len(Columns), 1), styles.header); err != nil {
		return nil, err
	}
	if err := x.SetRowHeight(ActionsSheet, 1, rowHeight(header(lang))); err != nil {
		return nil, err
	}
	for r, it := range f.Items {
		cells := row(lang, it)
		for i, v := range cells {
			if v == "" {
				continue
			}
			if err := x.SetCellStr(ActionsSheet, cell(i+1, r+2), v); err != nil {
				return nil, err
			}
		}
		// Spreadsheets do not size a row to its wrapped text on opening.
		if err := x.SetRowHeight(ActionsSheet, r+2, rowHeight(cells)); err != nil {
			return nil, err
		}
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", colName(ColNewStatus), colName(ColNewStatus), last+extraRows)
	if err := dv.SetDropList(StatusLabels(lang)); err != nil {
		return nil, err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, text[lang].statusTitle, text[lang].statusError)
	if err := x.AddDataValidation(ActionsSheet, dv); err != nil {
		return nil, err
	}
	// Printed, the sheet is as wide as a landscape page.
	landscape, one, zero, fit := "landscape", 1, 0, true
	if err := x.SetPageLayout(ActionsSheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, err
	}
	if err := x.SetSheetProps(ActionsSheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	if err := x.SetPanes(ActionsSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	if err := x.ProtectSheet(ActionsSheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true, AutoFilter: true, Sort: false,
	}); err != nil {
		return nil, err
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// rowHeight is the height, in points, of a row of cells wrapped in their
// columns: a line of 15 points for each line of the longest, estimated
// from the column's width in characters; at most what Excel allows.
func rowHeight(cells []string) float64 {
	lines := 1
	for i, v := range cells {
		width := max(1, int(Columns[i].Width)-1)
		n := 0
		for _, l := range strings.Split(v, "\n") {
			n += max(1, (utf8.RuneCountInString(l)+width-1)/width)
		}
		lines = max(lines, n)
	}
	return min(409, 15*float64(lines))
}

// extraRows are the rows below the items left open for the owner.
const extraRows = 20

type styleIDs struct{ header, locked, open, date int }

func newStyles(x *excelize.File) (styleIDs, error) {
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF9DB"}}
	iso := "yyyy-mm-dd"
	var s styleIDs
	var err error
	for _, st := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrap, Fill: grey, Protection: &excelize.Protection{Locked: true}}},
		{&s.locked, &excelize.Style{Alignment: wrap, Fill: grey, Protection: &excelize.Protection{Locked: true}}},
		{&s.open, &excelize.Style{Alignment: wrap, Fill: yellow, Protection: &excelize.Protection{Locked: false}}},
		{&s.date, &excelize.Style{Alignment: wrap, Fill: yellow, CustomNumFmt: &iso, Protection: &excelize.Protection{Locked: false}}},
	} {
		if *st.id, err = x.NewStyle(st.style); err != nil {
			return s, err
		}
	}
	return s, nil
}

func writeInstructions(x *excelize.File, f *Form) error {
	t := text[LanguageOf(f.Language)]
	lines := []string{
		t.title,
		"",
		t.round + " " + f.Round,
		t.owner + " " + f.Owner,
		t.due + " " + f.Due.String(),
		"",
	}
	lines = append(lines, t.steps...)
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	if err := x.SetColWidth(InstructionsSheet, "A", "A", instructionsWidth); err != nil {
		return err
	}
	wrapped, err := x.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := x.SetCellStyle(InstructionsSheet, "A2", cell(1, len(lines)), wrapped); err != nil {
		return err
	}
	for i, l := range lines {
		if err := x.SetCellStr(InstructionsSheet, cell(1, i+1), CellText(l)); err != nil {
			return err
		}
		lines := max(1, (utf8.RuneCountInString(l)+instructionsWidth-1)/instructionsWidth)
		if err := x.SetRowHeight(InstructionsSheet, i+1, 18*float64(lines)); err != nil {
			return err
		}
	}
	if err := x.SetCellStyle(InstructionsSheet, "A1", "A1", bold); err != nil {
		return err
	}
	return x.ProtectSheet(InstructionsSheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true})
}

// instructionsWidth is the instructions column's width, in characters.
const instructionsWidth = 80

// texts are a form's words in one language.
type texts struct {
	title, round, owner, due string
	steps                    []string
	statusTitle, statusError string
}

var text = map[string]texts{
	"en": {
		title: "Update of the management response actions",
		round: "Round:", owner: "Owner:", due: "Please return this file by:",
		steps: []string{
			"On the Actions sheet, each row is an action or a step your unit owns that is still open.",
			"The grey columns show what the records say; they are locked. Fill in the yellow columns only:",
			"• New status: choose from the list (leave it empty when the status has not changed).",
			"• Progress (new text): what was done since the last update, in a few sentences.",
			"• Day completed: the day the work was completed, when the new status is completed (YYYY-MM-DD).",
			"• Proposed new due date and Reason: to ask for more time. The evaluation office decides; the due date does not change until it approves.",
			"Save the file as it is (Excel, or CSV) and send it back to the evaluation office. Do not add or remove columns.",
		},
		statusTitle: "Status", statusError: "Choose a status from the list.",
	},
	"fr": {
		title: "Mise à jour des actions de la réponse de la direction",
		round: "Cycle :", owner: "Responsable :", due: "Merci de renvoyer ce fichier avant le :",
		steps: []string{
			"Dans la feuille Actions, chaque ligne est une action ou une étape encore ouverte dont votre unité est responsable.",
			"Les colonnes grises reprennent les données enregistrées ; elles sont verrouillées. Remplissez seulement les colonnes jaunes :",
			"• Nouveau statut : choisissez dans la liste (laissez vide si le statut n'a pas changé).",
			"• Progrès (nouveau texte) : ce qui a été fait depuis la dernière mise à jour, en quelques phrases.",
			"• Date de réalisation : le jour où le travail a été achevé, si le nouveau statut est Réalisé (AAAA-MM-JJ).",
			"• Nouvelle échéance proposée et Motif : pour demander un délai. Le bureau de l'évaluation décide ; l'échéance ne change pas avant son accord.",
			"Enregistrez le fichier tel quel (Excel, ou CSV) et renvoyez-le au bureau de l'évaluation. N'ajoutez ni ne supprimez de colonnes.",
		},
		statusTitle: "Statut", statusError: "Choisissez un statut dans la liste.",
	},
}

// cell is the name of the cell at 1-based column and row: C7.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// colName is the letter of the column of key.
func colName(key string) string {
	for i, c := range Columns {
		if c.Key == key {
			name, _ := excelize.ColumnNumberToName(i + 1)
			return name
		}
	}
	panic("form: no column " + key)
}

// HeaderLabels are every label a column may have, folded, to find the
// header row of a returned form whatever its language.
func headerKey(label string) (string, bool) {
	l := strings.ToLower(normalize(label))
	for _, c := range Columns {
		for _, v := range c.Label {
			if strings.ToLower(v) == l {
				return c.Key, true
			}
		}
	}
	return "", false
}
