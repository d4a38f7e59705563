package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// Every table the commands make fits a terminal of 80 columns and more:
// list (with the history columns of --slipped and --stale), status by
// every grouping, status --overdue by recommendation, owner and unit,
// changes, log and show's tables, run as a terminal on the bundled data (a
// git repository with a year of updates, for the history views) and on a
// generated repository of several evaluations. No line of the output, the
// rule lines included, is wider than the terminal.
func TestTablesFitTheTerminal(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	mali := maliHistory(t)
	several := t.TempDir()
	if _, err := gen.Write(filepath.Join(several, "data"), gen.Options{Seed: 7, Recommendations: 12}); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{
		{"list"}, {"list", "--slipped"}, {"list", "--stale", "30d"}, {"list", "--review-due"},
		{"status", "--overdue"}, {"status", "--overdue", "--by", "owner"}, {"status", "--overdue", "--by", "unit"},
		{"status", "--due-soon", "400d"},
		{"changes", "--since", "2025-01-01"}, {"log", "R7.1"}, {"log", "R3"},
		{"show", "EVO-2024-03"}, {"show", "R3"}, {"show", "R7.1"}, {"show", "R6.3"},
	}
	for _, by := range query.Groupings {
		runs = append(runs, []string{"status", "--by", string(by)})
	}
	var generated [][]string
	for _, r := range runs {
		if r[0] == "status" || len(r) == 1 && r[0] == "list" {
			generated = append(generated, r)
		}
	}
	tables := 0
	for _, set := range []struct {
		cwd, asOf string
		runs      [][]string
	}{{mali, "2025-06-01", runs}, {several, "2026-11-28", generated}} {
		for _, width := range []int{80, 100, 120} {
			for _, args := range set.runs {
				env, out, errs := queryEnv(true, width, map[string]string{"NO_COLOR": "1"})
				env.Cwd = set.cwd
				args := append(append([]string{}, args...), "--as-of", set.asOf)
				if code := Main(args, env); code != ExitOK {
					t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errs)
				}
				tables += strings.Count(out.String(), "\n──")
				// The short forms are what make 80 columns: R7.1.1's first of
				// two deadlines, the days it is late.
				if width == 80 && strings.Join(args[:2], " ") == "show R7.1" && !strings.Contains(out.String(), "R7.1.1  Veiller à leur par…  2024-11 (1/2)  Novembre 20…  not-started  183d late") {
					t.Errorf("show R7.1 at 80 columns:\n%s", out)
				}
				for _, l := range strings.Split(out.String(), "\n") {
					if w := termtext.Width(l); w > width {
						t.Errorf("%s at %d columns: a line of %d: %q in\n%s", strings.Join(args, " "), width, w, l, out)
						break
					}
				}
			}
		}
	}
	if tables < 100 {
		t.Errorf("only %d tables were laid out", tables)
	}
}

// maliHistory is a git repository of the bundled data with a year of
// quarterly updates: due dates moved, actions completed, progress written.
func maliHistory(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "data"), os.DirFS(bundledData(t))); err != nil {
		t.Fatal(err)
	}
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=Awa Traoré", "GIT_AUTHOR_EMAIL=awa@example.org", "GIT_COMMITTER_NAME=Awa Traoré",
			"GIT_COMMITTER_EMAIL=awa@example.org", "GIT_AUTHOR_DATE="+date+"T10:00:00Z", "GIT_COMMITTER_DATE="+date+"T10:00:00Z")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
	mrtrack := func(args ...string) {
		t.Helper()
		env, _, errs := queryEnv(false, 0, nil)
		env.Cwd = dir
		if code := Main(args, env); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errs)
		}
	}
	git("2024-12-15", "init", "-q", "-b", "main")
	git("2024-12-15", "add", "-A")
	git("2024-12-15", "commit", "-q", "-m", "Mali management response")
	mrtrack("set", "R1.6", "--due", "2025-06-30", "--no-stamp")
	mrtrack("set", "R3.5", "--status", "completed", "--progress", "Pool de 24 formateurs formé en DSR.", "--as-of", "2025-03-20")
	mrtrack("set", "R5.1", "--due", "2025-09", "--no-stamp")
	git("2025-03-31", "commit", "-q", "-am", "Q1 update (#12)")
	mrtrack("set", "R5.1", "--due", "2025-12-31", "--no-stamp")
	mrtrack("set", "R2.3", "--status", "in-progress", "--progress", "Premier draft en revue avec le ministère de l'Environnement et de l'Assainissement.", "--as-of", "2025-05-30")
	git("2025-05-30", "commit", "-q", "-am", "Q2 update")
	return dir
}
