package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/clients"
)

// A form filled in, then saved by LibreOffice as CSV and that CSV saved
// again as a workbook, is collected like the form itself: a form edited
// outside Excel works.
func TestRoundLibreOffice(t *testing.T) {
	clients.Path(t, "soffice", "libreoffice")
	dir := bundled(t)
	if code, _, errs := runIn(t, dir, nil, "round", "open", "2025-q1", "--due", "2025-01-31", "--owner", "external", "--out", "forms", "--as-of", "2025-01-06"); code != 0 {
		t.Fatalf("round open: exit %d\n%s", code, errs)
	}
	form := filepath.Join(dir, "forms", "2025-q1-external-relations.xlsx")
	fillForm(t, form, map[string]map[string]any{
		"EVO-2024-03/R1.2": {"H": "Réalisé", "I": "Vidéo diffusée en janvier.", "J": "14/01/2025"},
		"EVO-2024-03/R1.6": {"K": "2025-06-30", "L": "Financement en retard."},
	})
	convert := func(to, src, outdir string, in ...string) string {
		t.Helper()
		clients.Convert(t, to, outdir, []string{src}, in...)
		// LibreOffice names a sheet's CSV after the file and the sheet.
		made, err := filepath.Glob(filepath.Join(outdir, "*."+strings.SplitN(to, ":", 2)[0]))
		if err != nil || len(made) != 1 {
			t.Fatalf("soffice --convert-to %s made %v", to, made)
		}
		return made[0]
	}
	// The items are on the second sheet: LibreOffice's CSV filter takes
	// its number as the 12th option (44 comma, 34 quote, 76 UTF-8).
	csvForm := convert("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", form, filepath.Join(dir, "lo-csv"))
	// Opened as UTF-8 CSV, as the import dialog offers it.
	back := convert("xlsx", csvForm, filepath.Join(dir, "lo-xlsx"), "--infilter=CSV:44,34,76,1")

	code, diff, errs := runIn(t, dir, nil, "round", "collect", csvForm, "--dry-run", "--as-of", "2025-01-20")
	if code != 0 || !strings.Contains(diff, "+    completed_on: 2025-01-14\n") || !strings.Contains(diff, "+        to: 2025-06-30\n") {
		t.Fatalf("collect of LibreOffice's CSV: exit %d\n%s%s", code, diff, errs)
	}
	code, out, errs := runIn(t, dir, nil, "round", "collect", back, "--as-of", "2025-01-20")
	want := displayed(dir, back) + ": External Relations, round 2025-q1, reply of 2025-01-20\n" +
		"  data/EVO-2024-03/rec-01.yaml: set completed_on, progress, status, updated of R1.2\n" +
		"  data/rounds/2025-q1.yaml: recorded the reply; extension requested, not applied: EVO-2024-03/R1.6 to 2025-06-30\n" +
		"suggested commit message: round 2025-q1: update from External Relations (1 item, 1 extension request)\n"
	if code != 0 || out != want {
		t.Fatalf("collect of LibreOffice's workbook: exit %d\n%s\nwant\n%s\n%s", code, out, want, errs)
	}
	// The CSV says the same: collecting it now changes nothing.
	if code, out, _ := runIn(t, dir, nil, "round", "collect", csvForm, "--as-of", "2025-01-22"); code != 0 || !strings.Contains(out, "nothing to change") {
		t.Errorf("collect of the CSV after the workbook: exit %d\n%s", code, out)
	}
}

// displayed is a path as mrtrack shows it, relative to dir.
func displayed(dir, path string) string {
	rel, _ := filepath.Rel(dir, path)
	return filepath.ToSlash(rel)
}
