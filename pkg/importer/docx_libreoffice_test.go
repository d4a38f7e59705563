package importer

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mrtrack/mrtrack/internal/clients"
)

// A document another program wrote imports the same: LibreOffice saves
// both fixtures again as .docx (its own numbering, grids and checkbox
// markup), and their drafts equal the originals' record for record, with
// the same notes (their table columns may differ: LibreOffice redraws a
// table's grid).
func TestDocxSavedByLibreOffice(t *testing.T) {
	out := t.TempDir()
	names := []string{"mali-EVO-2024-03.docx", "english-EVO-2025-07.docx"}
	var files []string
	for _, n := range names {
		files = append(files, filepath.Join("..", "..", "testdata", "import", n))
	}
	clients.Convert(t, "docx:MS Word 2007 XML", out, files)
	for _, name := range names {
		orig := readDocxFile(t, name, Options{})
		f, err := os.Open(filepath.Join(out, name))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s: %v", name, err)
		}
		st, _ := f.Stat()
		again, err := ReadDocx(name, f, st.Size(), Options{})
		f.Close()
		if err != nil {
			t.Fatalf("%s saved by LibreOffice: %v", name, err)
		}
		var diffs []difference
		diffRecord("evaluation", decoded(t, again.Evaluation), decoded(t, orig.Evaluation), &diffs)
		if len(again.Recommendations) != len(orig.Recommendations) {
			t.Fatalf("%s: %d recommendations after LibreOffice, %d before", name, len(again.Recommendations), len(orig.Recommendations))
		}
		for i := range orig.Recommendations {
			diffRecord("R"+string(rune('1'+i)), decoded(t, again.Recommendations[i]), decoded(t, orig.Recommendations[i]), &diffs)
		}
		for _, df := range diffs {
			t.Errorf("%s saved by LibreOffice: %s is %#v, was %#v", name, df.field, df.got, df.want)
		}
		strip := func(notes []Note) []Note {
			out := make([]Note, len(notes))
			for i, n := range notes {
				n.At = Location{}
				out[i] = n
			}
			return out
		}
		if a, b := strip(again.Notes), strip(orig.Notes); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the notes differ after LibreOffice (%d notes, %d before)", name, len(a), len(b))
		}
	}
}
