package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/mrtrack/mrtrack/internal/docxfixture"
)

// BenchmarkReadDocxMali imports the Mali fixture (9 recommendations, 34
// actions, 142 KB).
func BenchmarkReadDocxMali(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", "mali-EVO-2024-03.docx"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDocx("mali.docx", bytes.NewReader(src), int64(len(src)), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadDocxLarge imports a made-up response of 200
// recommendations with 10 actions each (about 17 MB of document.xml),
// near the reader's part limit, to show time and memory grow with the
// document and stay bounded.
func BenchmarkReadDocxLarge(b *testing.B) {
	d := &docxfixture.Doc{}
	cell := func(s string) docxfixture.Cell {
		return docxfixture.Cell{Paras: []docxfixture.Para{docxfixture.Text(s)}}
	}
	for r := 1; r <= 200; r++ {
		rows := []docxfixture.Row{
			{Cells: []docxfixture.Cell{cell(fmt.Sprintf("RECOMMENDATION %d:", r)), cell("Do better.")}},
			{Cells: []docxfixture.Cell{cell("Management response:"), cell("☒ Agree ☐ Partially agree ☐ Disagree")}},
			{Cells: []docxfixture.Cell{cell("Unit or function responsible:"), cell("CO")}},
			{Cells: []docxfixture.Cell{cell("No"), cell("Top-line planned actions"), cell("By whom"), cell("Comments"), cell("Expected completion date"), cell("Status"), cell("Progress")}},
		}
		for a := 1; a <= 10; a++ {
			rows = append(rows, docxfixture.Row{Cells: []docxfixture.Cell{cell(fmt.Sprint(a)), cell("An action of some length to read"),
				cell("Protection"), cell(string(bytes.Repeat([]byte("Comments on the action. "), 200))), cell("31 décembre 2025"), cell("En cours"), cell("NA")}})
		}
		d.Table(docxfixture.Table{Widths: []int{500, 2000, 1500, 3000, 1500, 1500, 1500}, Rows: rows})
	}
	src, err := d.Bytes()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDocx("large.docx", bytes.NewReader(src), int64(len(src)), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
