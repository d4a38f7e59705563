package printers

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
)

func writeJUnit(t *testing.T, j JUnit, fs []finding.Finding) (junitSuites, string) {
	t.Helper()
	var b bytes.Buffer
	if err := j.Write(&b, fs, load.Stats{}); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, b.String())
	}
	return doc, b.String()
}

func TestJUnitOneCasePerFile(t *testing.T) {
	fs := []finding.Finding{
		{File: "data/E/rec-01.yaml", Line: 3, Col: 5, Severity: finding.Error, Rule: "required-field", Message: "missing \"due\"", Hint: "add due:"},
		{File: "data/E/rec-01.yaml", Line: 1, Col: 1, Severity: finding.Warning, Rule: "modeline", Message: "no modeline"},
		{File: "data/E/rec-01.yaml", Line: 9, Col: 2, Severity: finding.Error, Rule: "invalid-date", Message: "not a day"},
		{File: "data/F/rec-02.yaml", Line: 1, Col: 1, Severity: finding.Warning, Rule: "placeholder", Message: "TODO left"},
		{File: "data/G", Severity: finding.Error, Rule: "symlink", Message: "loops"},
	}
	files := []string{"data/E/evaluation.yaml", "data/E/rec-01.yaml", "data/F/rec-02.yaml"}
	doc, out := writeJUnit(t, JUnit{Files: files}, fs)
	if doc.Tests != 4 || doc.Failures != 2 || len(doc.Suites) != 1 {
		t.Fatalf("testsuites tests=%d failures=%d suites=%d, want 4, 2, 1\n%s", doc.Tests, doc.Failures, len(doc.Suites), out)
	}
	s := doc.Suites[0]
	if s.Name != "mrtrack validate" || s.Tests != 4 || s.Failures != 2 {
		t.Errorf("testsuite %q tests=%d failures=%d", s.Name, s.Tests, s.Failures)
	}
	type want struct {
		class, name string
		failures    []string // rule of each failure
		out         bool
	}
	wants := []want{
		{"data/E", "data/E/evaluation.yaml", nil, false},
		{"data/E", "data/E/rec-01.yaml", []string{"required-field", "invalid-date"}, true},
		{"data/F", "data/F/rec-02.yaml", nil, true},
		{"data", "data/G", []string{"symlink"}, false},
	}
	for i, w := range wants {
		c := s.Cases[i]
		var rules []string
		for _, f := range c.Failures {
			rules = append(rules, f.Type)
		}
		if c.Classname != w.class || c.Name != w.name || strings.Join(rules, ",") != strings.Join(w.failures, ",") || (c.SystemOut != nil) != w.out {
			t.Errorf("case %d = %s %s failures %v system-out %v, want %+v", i, c.Classname, c.Name, rules, c.SystemOut != nil, w)
		}
	}
	first := s.Cases[1].Failures[0]
	if first.Message != `missing "due"` || first.Text != "data/E/rec-01.yaml:3:5: error: missing \"due\" [required-field]\n    hint: add due:\n" {
		t.Errorf("failure %+v", first)
	}
	if got := s.Cases[1].SystemOut.Text; got != "data/E/rec-01.yaml:1:1: warning: no modeline [modeline]\n" {
		t.Errorf("system-out %q", got)
	}
}

func TestJUnitStrictFailsOnWarnings(t *testing.T) {
	fs := []finding.Finding{{File: "a.yaml", Line: 1, Col: 1, Severity: finding.Warning, Rule: "modeline", Message: "m"}}
	doc, _ := writeJUnit(t, JUnit{Strict: true}, fs)
	if doc.Failures != 1 || len(doc.Suites[0].Cases[0].Failures) != 1 || doc.Suites[0].Cases[0].SystemOut != nil {
		t.Errorf("strict: warning must be a failure: %+v", doc)
	}
}

func TestJUnitEmptyAndHostileText(t *testing.T) {
	doc, out := writeJUnit(t, JUnit{}, nil)
	if doc.Tests != 0 || len(doc.Suites) != 1 || len(doc.Suites[0].Cases) != 0 {
		t.Errorf("no files: %s", out)
	}
	fs := []finding.Finding{{File: "a\x01&<b>.yaml", Line: 1, Col: 1, Severity: finding.Error, Rule: "yaml-syntax",
		Message: "bad ]]> \x02 \"quote\" & <tag>"}}
	doc, out = writeJUnit(t, JUnit{}, fs)
	f := doc.Suites[0].Cases[0].Failures[0]
	if !strings.Contains(f.Text, "]]> \uFFFD \"quote\" & <tag>") || f.Message != "bad ]]> \uFFFD \"quote\" & <tag>" {
		t.Errorf("text did not survive: %+v\n%s", f, out)
	}
}
