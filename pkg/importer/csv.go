package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// ReadCSV reads a management response kept as CSV: one row per action
// under a row of column headers (see table.go), separated by commas,
// semicolons (Excel's CSV where the decimal mark is a comma, as in
// French) or tabs, whichever the first line uses most.
func ReadCSV(name string, r io.Reader, o Options) (*Draft, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSourceSize+1))
	if err != nil {
		return nil, &SourceError{File: name, Msg: "cannot read: " + err.Error(), Hint: "check the file"}
	}
	if len(data) > MaxSourceSize {
		return nil, &SourceError{File: name, Msg: "the file is larger than the " + sizeName(MaxSourceSize) + " import reads", Hint: "import the management response's own table"}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, &SourceError{File: name, Msg: "the text is UTF-16, not UTF-8", Hint: "save the file as UTF-8 (Excel: CSV UTF-8 (Comma delimited))"}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &SourceError{File: name, Msg: "a binary file, not CSV text (it holds NUL bytes)", Hint: "export the table as CSV, or import the .xlsx workbook itself"}
	}
	g := &grid{}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = separator(data)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
				err = pe.Err
			}
			return nil, &SourceError{File: name, At: Location{Line: line}, Msg: "not CSV: " + err.Error(), Hint: "export the table again as CSV"}
		}
		if err := g.add(name, line, rec); err != nil {
			return nil, err
		}
	}
	if g.headerRow(o) < 0 {
		return nil, notAResponse(name, "no line of column headers import knows (Key Action, Responsible, Due Date, Status, …)")
	}
	return fromGrid(name, g, o)
}

// separator is the field separator the first line uses most: a comma,
// a semicolon or a tab, outside quotes.
func separator(data []byte) rune {
	first, _, _ := bufio.NewReader(bytes.NewReader(data)).ReadLine()
	counts := map[byte]int{}
	quoted := false
	for _, c := range first {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// notAResponse is a file import can read but that holds no management
// response it recognises.
func notAResponse(name, why string) error {
	return &SourceError{File: name, Msg: "not a management response: " + why,
		Hint: fmt.Sprintf("name the columns with --map, e.g. --map 'Planned action=action.title' (fields: %s)", fieldList())}
}
