package format

import (
	"github.com/mrtrack/mrtrack/internal/corpus"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Formatting is idempotent over every record in data/ and testdata/, and
// data/ is kept formatted.
func TestIdempotent(t *testing.T) {
	files, _ := filepath.Glob("../../data/*/*.yaml")
	if len(files) == 0 {
		t.Fatal("no data files found")
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		once, err := Format(filepath.Base(p), b)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if string(once) != string(b) {
			t.Errorf("%s is not formatted: run mrtrack fmt data", p)
		}
		twice, err := Format(filepath.Base(p), once)
		if err != nil || string(twice) != string(once) {
			t.Errorf("%s: formatting twice differs from once (%v)", p, err)
		}
	}
}

// Every record of the test corpus (data/, the end-to-end scripts,
// generated records) that formats at all formats to a fixed point in one
// step.
func TestIdempotentTestdata(t *testing.T) {
	records, err := corpus.Records("../..", 20)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for name, data := range records {
		once, err := Format(filepath.Base(name), data)
		if err != nil {
			continue // broken on purpose, or not a record
		}
		n++
		if twice, err := Format(filepath.Base(name), once); err != nil || string(twice) != string(once) {
			t.Errorf("%s: formatting twice differs from once (%v)", name, err)
		}
	}
	if n < 50 {
		t.Errorf("only %d records formatted; expected the script corpus", n)
	}
}

func TestFormat(t *testing.T) {
	in := strings.Join([]string{
		"# yaml-language-server: $schema=../../schema/recommendation.schema.json",
		"title: 'Quoted title'   # kept comment",
		"number: 1",
		"",
		"text: \"Line one\\nLine two\"",
		"response: agree",
		"responsible: [Protection, \"RB-WCA\"]",
		"actions:",
		"    - {status: completed, number: 1, title: T, owner: O, description: '', due: '2023', progress: \"\"}",
		"",
	}, "\n")
	want := strings.Join([]string{
		"# yaml-language-server: $schema=../../schema/recommendation.schema.json",
		"number: 1",
		"title: Quoted title # kept comment",
		"text: |-",
		"  Line one",
		"  Line two",
		"response: agree",
		"responsible:",
		"  - Protection",
		"  - RB-WCA",
		"actions:",
		"  - number: 1",
		"    title: T",
		"    owner: O",
		"    description: \"\"",
		"    due: \"2023\"",
		"    status: completed",
		"    progress: \"\"",
		"",
	}, "\n")
	got, err := Format("rec-01.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	crlf, err := Format("rec-01.yaml", []byte(strings.ReplaceAll(in, "\n", "\r\n")))
	if err != nil || string(crlf) != strings.ReplaceAll(want, "\n", "\r\n") {
		t.Errorf("CRLF input: %v\n%q", err, crlf)
	}
	if _, err := Format("rec-01.yaml", []byte("a: [\n")); err == nil {
		t.Error("broken YAML formatted without error")
	}
	if _, err := Format("notes.yaml", []byte("a: 1\n")); err != ErrNotRecord {
		t.Errorf("notes.yaml: err = %v", err)
	}
}
