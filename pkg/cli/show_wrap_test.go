package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/termtext"
)

var updateGolden = flag.Bool("update-show", false, "rewrite testdata/show-wrap-*.golden")

// show on a terminal wraps prose at word boundaries to the terminal's
// width, with the continuation lines under the text: a terminal left to
// itself cuts words in two ("déce" / "ntralisées"). The golden files hold
// the exact output; no line is wider than the terminal, except a table
// row, which package render fits on its own.
func TestShowWrapsProse(t *testing.T) {
	for _, tc := range []struct {
		id    string
		width int
	}{{"R3.1", 80}, {"R3.3", 60}, {"R3", 120}} {
		env, out, errs := queryEnv(true, tc.width, map[string]string{"NO_COLOR": "1"})
		// A copy outside any git checkout: no history, the same output
		// whatever this repository's commits.
		env.Cwd = t.TempDir()
		if err := os.CopyFS(filepath.Join(env.Cwd, "data"), os.DirFS(bundledData(t))); err != nil {
			t.Fatal(err)
		}
		if code := Main([]string{"show", tc.id, "--data", "data", "--as-of", "2025-01-01"}, env); code != ExitOK {
			t.Fatalf("show %s: exit %d: %s", tc.id, code, errs)
		}
		golden := filepath.Join("testdata", "show-wrap-"+strings.ReplaceAll(tc.id, ".", "-")+"-"+itoa(tc.width)+".golden")
		if *updateGolden {
			os.MkdirAll("testdata", 0o755)
			if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if out.String() != string(want) {
			t.Errorf("show %s at %d columns:\n%s\nwant:\n%s", tc.id, tc.width, out, want)
		}
		inTable := false
		for _, l := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(l, "───") {
				inTable = true
			}
			if l == "" {
				inTable = false
			}
			if !inTable && termtext.Width(l) > tc.width {
				t.Errorf("show %s: line of %d columns at %d: %q", tc.id, termtext.Width(l), tc.width, l)
			}
		}
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
