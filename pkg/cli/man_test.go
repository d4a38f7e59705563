package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestManPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man")
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, Cwd: t.TempDir(),
		Getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1767225600" // 2026-01-01
			}
			return ""
		},
		Now: func() time.Time { t.Error("the clock was read although SOURCE_DATE_EPOCH is set"); return time.Time{} }}
	if code := Main([]string{"man", dir}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, name := range []string{"mrtrack.1", "mrtrack-validate.1", "mrtrack-schema.1", "mrtrack-version.1"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("no %s: %v", name, err)
			continue
		}
		page := string(b)
		title := strings.ToUpper(strings.TrimSuffix(name, ".1"))
		if !strings.Contains(page, `.TH "`+title+`" "1" "Jan 2026" "mrtrack `) {
			t.Errorf("%s: header is not .TH %q for Jan 2026:\n%.300s", name, title, page)
		}
		if strings.Contains(page, "Auto generated") {
			t.Errorf("%s carries cobra's generated-on footer", name)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "mrtrack-validate.1")); !bytes.Contains(b, []byte("GITHUB_ACTIONS")) {
		t.Errorf("the validate page does not carry the command's help text")
	}
	if _, err := os.Stat(filepath.Join(dir, "mrtrack-man.1")); err == nil {
		t.Errorf("the hidden man command got a page")
	}
	if out.Len() != 0 || errOut.Len() != 0 {
		t.Errorf("man printed %q %q", out.String(), errOut.String())
	}
}

func TestManBadEpoch(t *testing.T) {
	var errOut bytes.Buffer
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: &errOut, Cwd: t.TempDir(), Now: time.Now,
		Getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "yesterday"
			}
			return ""
		}}
	if code := Main([]string{"man", "out"}, env); code != ExitUsage {
		t.Errorf("exit %d, want %d: %s", code, ExitUsage, errOut.String())
	}
}
