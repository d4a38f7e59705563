package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

// checkDraft is what every read must give: a draft whose records lay out
// in canonical form, or a SourceError or MapError saying what is wrong.
func checkDraft(t *testing.T, d *Draft, err error) {
	var src *SourceError
	var m *MapError
	if err != nil {
		if !errors.As(err, &src) && !errors.As(err, &m) {
			t.Fatalf("an error that is neither a SourceError nor a MapError: %T %v", err, err)
		}
		return
	}
	if _, err := format.Record(validate.EvaluationFile, d.Evaluation); err != nil {
		t.Fatalf("evaluation: %v", err)
	}
	for i, r := range d.Recommendations {
		if _, err := format.Record(validate.RecFileName(i+1), r); err != nil {
			t.Fatalf("recommendation %d: %v", i+1, err)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join(fixtureDir, "niger-evo-2025-02.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("Rec No;Recommendation;Key Action;Due Date;Status\n1;Do;Act;45657;Réalisé\n;;\"x\r\ny\";fin 2025;\x1b\n"))
	f.Add([]byte("Key Action,Recommendation\n,\n\"a\"\"b\",c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadCSV("f.csv", bytes.NewReader(data), Options{ID: "E-1"})
		checkDraft(t, d, err)
	})
}

func FuzzReadSheet(f *testing.F) {
	for _, w := range workbooks {
		data, err := os.ReadFile(filepath.Join(fixtureDir, w.name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read("f.xlsx", bytes.NewReader(data), int64(len(data)), Options{ID: "E-1"})
		checkDraft(t, d, err)
	})
}
