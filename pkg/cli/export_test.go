package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fmt"

	"github.com/mrtrack/mrtrack/internal/clients"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/validate"
)

func TestExportDocxArgs(t *testing.T) {
	env, _, _ := queryEnv(false, 0, nil)
	var got *exportOptions
	stub := func(_ *Env, _ *global, o *exportOptions) error { got = o; return nil }
	if err := execute(newExportCmdRun(env, &global{}, stub), "docx", "EVO-2024-03", "--out", "r.DOCX", "--force"); err != nil ||
		got.evaluation != "EVO-2024-03" || got.out != "r.DOCX" || !got.force {
		t.Errorf("export docx EVO-2024-03 --out r.DOCX --force: %v, %+v", err, got)
	}
	for _, args := range [][]string{{"docx"}, {"docx", "--out", "r.pdf"}, {"docx", "A", "B", "--out", "r.docx"}, {"docx", "--out", "r"}} {
		got = nil
		if err := execute(newExportCmdRun(env, &global{}, stub), args...); codeOf(err) != ExitUsage || got != nil {
			t.Errorf("%v: exit %d (%v), want 2 before running", args, codeOf(err), err)
		}
	}
}

// The exported Mali response opens in LibreOffice: converted to PDF, its
// text holds every recommendation number, every action title and the
// progress heading, accents and all.
func TestExportDocxLibreOffice(t *testing.T) {
	clients.Path(t, "soffice", "libreoffice")
	pdftotext := clients.Path(t, "pdftotext")
	dir := t.TempDir()
	docx := filepath.Join(dir, "mali.docx")
	env, out, errs := queryEnv(false, 0, nil)
	env.Cwd = dir
	if code := Main([]string{"--data", bundledData(t), "export", "docx", "--out", "mali.docx", "--as-of", "2025-06-30"}, env); code != ExitOK {
		t.Fatalf("export docx: exit %d\n%s%s", code, out, errs)
	}
	clients.Convert(t, "pdf", dir, []string{docx})
	pdf := filepath.Join(dir, "mali.pdf")
	b, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// pdftotext joins a word LibreOffice broke after a hyphen ("2023-"
	// at the end of a line, "2026" on the next) without the hyphen:
	// hyphens are left out on both sides.
	flat := func(s string) string { return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "-", "") }
	text := flat(string(b))
	e := bundledEvaluation(t)
	want := []string{"UNHCR Evaluation Management Response", e.Title, "Mise à jour de la mise en œuvre au 30 juin 2025", "☒ Agree", "☐ Partially agree", "☐ Disagree"}
	for _, r := range e.Recommendations {
		want = append(want, fmt.Sprintf("RECOMMENDATION %d:", r.Number))
		for _, a := range r.Actions {
			want = append(want, a.Title)
		}
	}
	for _, w := range want {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("the PDF LibreOffice makes of the export lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("PDF text:\n%s", b)
	}
}

// bundledEvaluation loads the Mali records as the commands do.
func bundledEvaluation(t *testing.T) *model.Evaluation {
	t.Helper()
	schemas, err := validate.LoadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Load(schemas, load.Options{Paths: []string{bundledData(t)}, Limits: store.DefaultLimits})
	if err != nil || len(res.Evaluations) != 1 {
		t.Fatalf("load: %v, %d evaluations", err, len(res.Evaluations))
	}
	return res.Evaluations[0]
}
