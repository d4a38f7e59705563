package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// grid is a sheet's (or a CSV file's) cells as text, row by row, with
// where each row is in the source.
type grid struct {
	sheet string     // the sheet's name; "" for a CSV file
	rows  [][]string // rows[i][j]: row i, column j, 0-based, trailing empty cells cut
	lines []int      // rows[i]'s number in the source: its sheet row, or its CSV line
	// numeric reports whether a cell holds a number (an Excel date is
	// one); nil for CSV, whose cells are all text.
	numeric  func(row, col int) bool
	date1904 bool
}

// add appends the row numbered n in the source (a sheet's rows count
// from 1, with gaps for empty rows), checking the limits.
func (g *grid) add(file string, n int, cells []string) error {
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		return nil
	}
	if n > MaxRows || len(g.rows) >= MaxRows {
		return &SourceError{File: file, At: g.locate(n, -1), Msg: fmt.Sprintf("more than %d rows; a management response has far fewer", MaxRows), Hint: "import the management response's own table, one row per action"}
	}
	if len(cells) > MaxColumns {
		return &SourceError{File: file, At: g.locate(n, MaxColumns), Msg: fmt.Sprintf("more than %d columns", MaxColumns), Hint: "delete the columns beyond the table, or export the table alone"}
	}
	for j, c := range cells {
		if len(c) > MaxCell {
			return &SourceError{File: file, At: g.locate(n, j), Msg: fmt.Sprintf("a cell of %d bytes, longer than the %d import takes", len(c), MaxCell), Hint: "keep long documents outside the table and link to them"}
		}
		if !utf8.ValidString(c) {
			return &SourceError{File: file, At: g.locate(n, j), Msg: "the text is not UTF-8", Hint: "save the file as UTF-8 (Excel: CSV UTF-8 (Comma delimited))"}
		}
	}
	// The sheet's empty rows become empty rows of the grid, so that a row
	// index is also the sheet's row and merged ranges land where they are.
	if g.sheet != "" {
		for len(g.rows) < n-1 {
			g.rows = append(g.rows, nil)
			g.lines = append(g.lines, len(g.lines)+1)
		}
	}
	g.rows = append(g.rows, cells)
	g.lines = append(g.lines, n)
	return nil
}

// fill gives every cell of a merged range (0-based, inclusive) the value
// of its first cell, as a reader sees it: a recommendation merged over
// its actions' rows belongs to each of them. Ranges are cut to the grid.
func (g *grid) fill(r1, c1, r2, c2 int) {
	if r1 < 0 || r1 >= len(g.rows) || c1 < 0 || c1 >= len(g.rows[r1]) {
		return
	}
	v := g.rows[r1][c1]
	for i := r1; i <= min(r2, len(g.rows)-1); i++ {
		for j := c1; j <= min(c2, MaxColumns-1); j++ {
			for len(g.rows[i]) <= j {
				g.rows[i] = append(g.rows[i], "")
			}
			g.rows[i][j] = v
		}
	}
}

// cell is the text of row i, column j, "" where there is none.
func (g *grid) cell(i, j int) string {
	if i < 0 || i >= len(g.rows) || j < 0 || j >= len(g.rows[i]) {
		return ""
	}
	return g.rows[i][j]
}

// at is where row i, column j is in the source.
func (g *grid) at(i, j int) Location { return g.locate(g.lines[i], j) }

// locate is row n, column j of the source; a j below 0 is the row (a
// value its sheet has no column for): its first cell in a sheet.
func (g *grid) locate(n, j int) Location {
	if g.sheet == "" {
		return Location{Line: n, Column: max(j+1, 0)}
	}
	ref, err := excelize.CoordinatesToCellName(max(j, 0)+1, n)
	if err != nil {
		ref = fmt.Sprintf("row %d", n)
	}
	return Location{Sheet: g.sheet, Cell: ref}
}

// columnName is column j as the source names it: D, or 4 in a CSV file.
func (g *grid) columnName(j int) string {
	if g.sheet == "" {
		return fmt.Sprintf("%d", j+1)
	}
	name, _ := excelize.ColumnNumberToName(j + 1)
	return name
}

func (g *grid) empty() bool {
	for _, r := range g.rows {
		for _, c := range r {
			if strings.TrimSpace(c) != "" {
				return false
			}
		}
	}
	return true
}
