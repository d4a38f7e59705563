package form

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/xuri/excelize/v2"
)

// Rules of the findings on returned forms. They are not record rules:
// they are about a spreadsheet, and name a cell.
const (
	RuleLayout  = "form-layout"  // no header row, a missing column, an unreadable file
	RuleLocked  = "form-locked"  // a locked cell was changed
	RuleID      = "form-id"      // an id the round did not send this owner
	RuleCell    = "form-cell"    // a value that is not allowed
	RuleRow     = "form-row"     // a row with no id
	RuleFormula = "form-formula" // a formula with no value
)

// Returned is a form as it came back: its rows, by column key.
type Returned struct {
	Name  string // the file, as the user named it
	Sheet string // the sheet read; "" for CSV
	Rows  []Row
}

// Row is one row below the header.
type Row struct {
	Number int               // 1-based, as the spreadsheet numbers it
	Cells  map[string]string // by column key; serials stay numbers
	cols   map[string]int    // 1-based column of each key
}

// ID is the row's id, as the form was sent with it.
func (row Row) ID() string { return uncell(normalize(row.Cells[ColID])) }

// Ref names a cell of the form for a finding: form.xlsx:Actions!H7, or
// form.csv:H7.
func (r *Returned) Ref(row Row, key string) string {
	c := cell(row.cols[key], row.Number)
	if r.Sheet == "" {
		return r.Name + ":" + c
	}
	return r.Name + ":" + r.Sheet + "!" + c
}

// MaxSize bounds a returned form, and the size it may unzip to: forms are
// small, a hostile zip is not.
const MaxSize = 16 << 20

// Read reads a returned form, a workbook or CSV (told by its content, not
// its name). Findings are errors that stop it being read.
func Read(name string, data []byte) (*Returned, []finding.Finding) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readXLSX(name, data)
	}
	return readCSV(name, data)
}

func layout(name, msg, hint string) []finding.Finding {
	return []finding.Finding{{File: name, Severity: finding.Error, Rule: RuleLayout, Message: msg, Hint: hint}}
}

const layoutHint = "send the form as mrtrack round open wrote it, with the owner's columns filled in"

func readCSV(name string, data []byte) (*Returned, []finding.Finding) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, layout(name, "the file is not UTF-8 text", "save it from Excel as \"CSV UTF-8 (comma delimited)\", or send the .xlsx form")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, layout(name, "the file is neither a workbook nor CSV text (it holds NUL bytes)", layoutHint)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, []finding.Finding{{File: fmt.Sprintf("%s:%d", name, pe.Line), Severity: finding.Error, Rule: RuleLayout, Message: "not readable as CSV: " + pe.Err.Error(), Hint: layoutHint}}
			}
			return nil, layout(name, "not readable as CSV: "+err.Error(), layoutHint)
		}
		rows = append(rows, rec)
	}
	return fromRows(&Returned{Name: name}, rows, nil)
}

// delimiter is the separator of a CSV file: French Excel writes ';', and
// some exports a tab; the first line tells.
func delimiter(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	best, n := ',', bytes.Count(first, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if k := bytes.Count(first, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}

func readXLSX(name string, data []byte) (*Returned, []finding.Finding) {
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: MaxSize * 4, UnzipXMLSizeLimit: MaxSize})
	if err != nil {
		return nil, layout(name, "not readable as an Excel workbook: "+err.Error(), layoutHint)
	}
	defer x.Close()
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, layout(name, "sheet "+sheet+" cannot be read: "+err.Error(), layoutHint)
		}
		if headerRow(rows) < 0 {
			continue
		}
		var formula func(col, row int) (string, bool)
		if hasFormulas(data) {
			formula = func(col, row int) (string, bool) { return formulaValue(x, sheet, col, row) }
		}
		return fromRows(&Returned{Name: name, Sheet: sheet}, rows, formula)
	}
	return nil, layout(name, "no sheet has the form's header row (ID, Status, New status, …)", layoutHint)
}

// hasFormulas reports whether a worksheet of the workbook may hold a
// formula: looking a cell's formula up parses the sheet a second time,
// which most returned forms, formula-free, are spared.
func hasFormulas(data []byte) bool {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true
	}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return true
		}
		b, err := io.ReadAll(io.LimitReader(r, MaxSize))
		r.Close()
		if err != nil || hasFormulaElement(b) {
			return true
		}
	}
	return false
}

// hasFormulaElement reports a cell's formula element in a sheet's XML,
// <f>, <f t="shared" …/> or with a namespace prefix, <x:f>.
func hasFormulaElement(b []byte) bool {
	for _, tag := range []string{"<f>", "<f ", "<f/", ":f>", ":f ", ":f/"} {
		if bytes.Contains(b, []byte(tag)) {
			return true
		}
	}
	return false
}

// formulaValue is what a formula cell stands for when the file keeps no
// value for it (a program other than Excel wrote it): computed, when it
// can be.
func formulaValue(x *excelize.File, sheet string, col, row int) (string, bool) {
	ref := cell(col, row)
	f, err := x.GetCellFormula(sheet, ref)
	if err != nil || f == "" {
		return "", false
	}
	v, err := x.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return "", true
	}
	return v, true
}

// headerRow is the index of the first of the top rows that holds the ID
// column's label and at least one of the owner's, or -1.
func headerRow(rows [][]string) int {
	for i := 0; i < len(rows) && i < 5; i++ {
		id, own := false, false
		for _, v := range rows[i] {
			if k, ok := headerKey(v); ok {
				id = id || k == ColID
				own = own || k == ColNewStatus || k == ColNewProgress
			}
		}
		if id && own {
			return i
		}
	}
	return -1
}

// fromRows maps the rows below the header to column keys. formula, for a
// workbook, gives an empty cell's value when it holds a formula.
func fromRows(r *Returned, rows [][]string, formula func(col, row int) (string, bool)) (*Returned, []finding.Finding) {
	h := headerRow(rows)
	if h < 0 {
		return nil, layout(r.Name, "the first rows hold no header row of the form (ID, Status, New status, …)", layoutHint)
	}
	cols := map[string]int{}
	for i, v := range rows[h] {
		if k, ok := headerKey(v); ok {
			if _, dup := cols[k]; !dup {
				cols[k] = i + 1
			}
		}
	}
	var missing []string
	for _, c := range Columns {
		if _, ok := cols[c.Key]; !ok {
			missing = append(missing, c.Label["en"])
		}
	}
	if len(missing) > 0 {
		return nil, layout(r.Name, "the header row lacks the column"+plural(len(missing))+" "+strings.Join(missing, ", "), "put the columns back as the form had them")
	}
	var fs []finding.Finding
	for i := h + 1; i < len(rows); i++ {
		row := Row{Number: i + 1, Cells: map[string]string{}, cols: cols}
		for k, c := range cols {
			v := ""
			if c-1 < len(rows[i]) {
				v = rows[i][c-1]
			}
			if v == "" && formula != nil {
				if fv, isFormula := formula(c, i+1); isFormula {
					if fv == "" && !Columns[columnIndex(k)].Locked {
						fs = append(fs, finding.Finding{File: r.Ref(row, k), Severity: finding.Error, Rule: RuleFormula,
							Message: "the cell holds a formula with no value", Hint: "type the value instead, or open and save the form in Excel so the formula is computed"})
					}
					v = fv
				}
			}
			row.Cells[k] = v
		}
		r.Rows = append(r.Rows, row)
	}
	return r, fs
}

func columnIndex(key string) int {
	for i, c := range Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
