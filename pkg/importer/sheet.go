package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReadSheet reads a management response kept in an Excel workbook: one
// row per action under a row of column headers, on the first sheet that
// has one (see table.go for the columns).
func ReadSheet(name string, r io.ReaderAt, size int64, o Options) (*Draft, error) {
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit:    MaxUnzipped,
		UnzipXMLSizeLimit: MaxUnzipped, // in memory, bounded; no temporary files
	})
	if err != nil {
		return nil, workbookError(name, err)
	}
	defer f.Close()
	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	var skipped []string
	for _, sheet := range f.GetSheetList() {
		g, err := readGrid(name, f, sheet)
		if err != nil {
			return nil, err
		}
		g.date1904 = date1904
		if g.headerRow(o) < 0 {
			if !g.empty() {
				skipped = append(skipped, sheet)
			}
			continue
		}
		d, err := fromGrid(name, g, o)
		if err != nil {
			return nil, err
		}
		for _, s := range skipped {
			d.Notes = append([]Note{{At: Location{Sheet: s, Cell: "A1"}, Field: "sheet " + s, Message: "not read: it has no row of column headers import knows"}}, d.Notes...)
		}
		return d, nil
	}
	return nil, notAResponse(name, "no sheet has a row of column headers import knows (Key Action, Responsible, Due Date, Status, …)")
}

// workbookError says what is wrong with a file excelize could not open.
func workbookError(name string, err error) error {
	msg := "not an Excel workbook: " + err.Error()
	switch {
	case strings.Contains(err.Error(), "unzip size exceeds"):
		msg = fmt.Sprintf("the workbook unpacks to more than the %s import reads (a zip bomb, or a workbook with far more than a management response)", sizeName(MaxUnzipped))
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		msg = "not an .xlsx workbook, or one protected by a password"
	}
	return &SourceError{File: name, Msg: msg, Hint: "open it in Excel or LibreOffice Calc and save it as .xlsx (Excel Workbook), without a password"}
}

// readGrid reads a sheet's cells as text, merged ranges filled with their
// first cell's value, raw (a date is its serial number, which the date
// columns convert).
func readGrid(name string, f *excelize.File, sheet string) (*grid, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, &SourceError{File: name, At: Location{Sheet: sheet, Cell: "A1"}, Msg: "cannot read the sheet: " + err.Error(), Hint: "open it in Excel or LibreOffice Calc and save it again as .xlsx"}
	}
	defer rows.Close()
	g := &grid{sheet: sheet, numeric: func(row, col int) bool {
		ref, _ := excelize.CoordinatesToCellName(col+1, row+1)
		t, err := f.GetCellType(sheet, ref)
		return err == nil && (t == excelize.CellTypeNumber || t == excelize.CellTypeUnset || t == excelize.CellTypeDate)
	}}
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &SourceError{File: name, At: Location{Sheet: sheet, Cell: fmt.Sprintf("A%d", n)}, Msg: "cannot read the row: " + err.Error(), Hint: "open it in Excel or LibreOffice Calc and save it again as .xlsx"}
		}
		if err := g.add(name, n, cells); err != nil {
			return nil, err
		}
	}
	if err := rows.Error(); err != nil {
		return nil, &SourceError{File: name, At: Location{Sheet: sheet, Cell: "A1"}, Msg: "cannot read the sheet: " + err.Error(), Hint: "open it in Excel or LibreOffice Calc and save it again as .xlsx"}
	}
	merged, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, &SourceError{File: name, At: Location{Sheet: sheet, Cell: "A1"}, Msg: "cannot read its merged cells: " + err.Error(), Hint: "unmerge the cells, or save the workbook again"}
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 == nil && err2 == nil {
			g.fill(r1-1, c1-1, r2-1, c2-1)
		}
	}
	return g, nil
}
