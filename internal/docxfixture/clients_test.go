package docxfixture

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/clients"
)

// The fixtures open in a Word-compatible client: LibreOffice converts
// each to PDF, and the PDF's text has every recommendation and the
// header block.
func TestFixturesOpenInLibreOffice(t *testing.T) {
	pdftotext := clients.Path(t, "pdftotext")
	out := t.TempDir()
	want := map[string][]string{
		"mali-EVO-2024-03.docx":    {"EVO/2024/03", "Sarah Hadjer Trabsi", "9th of August"},
		"english-EVO-2025-07.docx": {"EVO/2025/07", "Phase out in-kind food assistance by 2026", "Q4 2025"},
	}
	recs := map[string]int{"mali-EVO-2024-03.docx": 9, "english-EVO-2025-07.docx": 3}
	var files []string
	for name := range want {
		files = append(files, filepath.Join(dir, name))
	}
	clients.Convert(t, "pdf", out, files)
	for name, texts := range want {
		pdf := filepath.Join(out, strings.TrimSuffix(name, ".docx")+".pdf")
		if _, err := os.Stat(pdf); err != nil {
			t.Fatalf("LibreOffice wrote no PDF for %s: %v", name, err)
		}
		b, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdf, err)
		}
		text := string(b)
		for i := 1; i <= recs[name]; i++ {
			texts = append(texts, fmt.Sprintf("RECOMMENDATION %d:", i))
		}
		for _, s := range texts {
			if !strings.Contains(text, s) {
				t.Errorf("%s: the PDF LibreOffice made has no %q", name, s)
			}
		}
	}
}
