package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mrtrack/mrtrack/internal/clients"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// The fixtures are written by excelize; offices' workbooks come from Excel
// or LibreOffice, which lay a workbook out their own way (shared strings,
// styles, date formats, merged ranges). Each fixture saved again by
// LibreOffice Calc must import to the same records and notes.
func TestWorkbooksSavedByLibreOffice(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for _, w := range workbooks {
		names = append(names, filepath.Join(fixtureDir, w.name))
	}
	out := filepath.Join(dir, "out")
	clients.Convert(t, "xlsx:Calc Office Open XML", out, names)
	for _, w := range workbooks {
		want := readRecords(t, filepath.Join(fixtureDir, w.name))
		got := readRecords(t, filepath.Join(out, w.name))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s saved by LibreOffice imports as\n%v\nnot\n%v", w.name, got, want)
		}
	}
}

// readRecords imports a workbook into the texts of its records and its
// notes.
func readRecords(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadSheet(filepath.Base(path), bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text, err := format.Record(validate.EvaluationFile, d.Evaluation)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{string(text)}
	for i, r := range d.Recommendations {
		text, err := format.Record(validate.RecFileName(i+1), r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(text))
	}
	for _, n := range d.Notes {
		out = append(out, n.At.String()+" "+n.Field+" "+n.Raw+" "+n.Message)
	}
	return out
}
