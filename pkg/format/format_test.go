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

// The comment after a flow collection that becomes a block stays on the
// line where it was, also on the file's last line (issue 11 item 7).
func TestFlowCommentKept(t *testing.T) {
	head := "number: 1\ntitle: T\ntext: x\nresponse: agree\nresponsible: [A] # r\nactions:\n  - number: 1\n    title: a\n    owner: o\n    description: \"\"\n    due: 2025\n    status: completed\n    progress: \"\"\n"
	wantHead := strings.Replace(head, "responsible: [A] # r\n", "responsible: # r\n  - A\n", 1)
	for _, c := range []struct{ tail, want string }{
		{"    evidence: [a] # keep me\n", "    evidence: # keep me\n      - a\n"},
		{"    evidence: [a] # keep me", "    evidence: # keep me\n      - a\n"},
		{"    evidence: [a] # keep me\n    updated: 2025-01-01\n", "    updated: 2025-01-01\n    evidence: # keep me\n      - a\n"},
		{"  - {title: b, number: 3} # keep me\n", "  - number: 3 # keep me\n    title: b\n"},
		{"  - {steps: [{number: 1}], number: 3} # keep me\n", "  - number: 3 # keep me\n    steps:\n      - number: 1\n"},
	} {
		got, err := Format("rec-01.yaml", []byte(head+c.tail))
		if err != nil || string(got) != wantHead+c.want {
			t.Errorf("%q: %v\ngot:\n%s\nwant:\n%s", c.tail, err, got, wantHead+c.want)
		}
	}
}

// A file with lone CR line endings (which YAML reads as line breaks and
// validate refuses) is written with LF: fmt repairs it.
func TestLoneCR(t *testing.T) {
	in := "number: 1\rtitle: 'T'\rtext: x\rresponse: agree\r"
	got, err := Format("rec-01.yaml", []byte(in))
	if want := "number: 1\ntitle: T\ntext: x\nresponse: agree\n"; err != nil || string(got) != want {
		t.Errorf("got %q (%v), want %q", got, err, want)
	}
	if got := LineEnding([]byte("a\r\nb\r\nc\n")); got != "\r\n" {
		t.Errorf("mostly CRLF: %q", got)
	}
	if got := LineEnding([]byte("a")); got != "\n" {
		t.Errorf("one line: %q", got)
	}
}

// Scalar writes what fmt writes for a value, at any indentation.
func TestScalar(t *testing.T) {
	for _, c := range []struct {
		value string
		text  bool
		want  string
	}{
		{"", true, `""`},
		{"Hold the validation workshop", true, "Hold the validation workshop"},
		{"2027-05", true, "2027-05"},
		{"2027-05-01", true, `"2027-05-01"`},
		{"2027-05-01", false, "2027-05-01"},
		{"TODO: what", true, "'TODO: what'"},
		{"TODO: what", false, "'TODO: what'"},
		{"a\nb", true, "|-\n      a\n      b"},
		{" a\n\nb\n", true, "|2\n       a\n\n      b"},
		{"a \nb", true, `"a \nb"`},
		{"a\u0085b\u2028c\u2029d\re", true, `"a\Nb\Lc\Pd\re"`},
	} {
		got, err := Scalar(c.value, c.text, 4, "\n")
		if err != nil || got != c.want {
			t.Errorf("Scalar(%q, %v) = %q (%v), want %q", c.value, c.text, got, err, c.want)
		}
	}
	if _, err := Scalar("\xff", true, 0, "\n"); err == nil {
		t.Error("invalid UTF-8 written")
	}
}
