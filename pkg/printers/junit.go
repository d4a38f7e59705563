package printers

import (
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
)

// JUnit writes JUnit XML for CI systems that show test reports: one test
// suite, "mrtrack validate", with one test case per file (classname the
// folder, name the path). Each error is a <failure> of its test case, with
// the rule as its type; a file without errors passes. Warnings do not fail
// a file, as they do not fail the run: they are listed in the test case's
// <system-out>, unless Strict makes them failures as --strict does.
type JUnit struct {
	Files  []string // every file read, so passing files are listed too
	Strict bool
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Classname string         `xml:"classname,attr"`
	Name      string         `xml:"name,attr"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut *junitText     `xml:"system-out"`
}

// junitText is element text kept readable (newlines and quotes as they are)
// in a CDATA section.
type junitText struct {
	Text string `xml:",cdata"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// Write implements Writer. The counts are of test cases (files), as the
// attributes mean in JUnit; the summary line goes nowhere.
func (j JUnit) Write(w io.Writer, fs []finding.Finding, _ load.Stats) error {
	byFile := map[string][]finding.Finding{}
	files := slices.Clone(j.Files)
	for _, f := range fs {
		byFile[f.File] = append(byFile[f.File], f)
		files = append(files, f.File)
	}
	slices.Sort(files)
	files = slices.Compact(files)

	suite := junitSuite{Name: "mrtrack validate", Cases: make([]junitCase, 0, len(files))}
	for _, file := range files {
		c := junitCase{Classname: path.Dir(file), Name: file}
		var out strings.Builder
		for _, f := range byFile[file] {
			if f.Severity == finding.Error || j.Strict {
				c.Failures = append(c.Failures, junitFailure{Message: f.Message, Type: f.Rule, Text: xmlSafe(plainFinding(f))})
			} else {
				out.WriteString(plainFinding(f))
			}
		}
		if out.Len() > 0 {
			c.SystemOut = &junitText{xmlSafe(out.String())}
		}
		if len(c.Failures) > 0 {
			suite.Failures++
		}
		suite.Cases = append(suite.Cases, c)
	}
	suite.Tests = len(suite.Cases)
	doc := junitSuites{Name: "mrtrack", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}

	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// xmlSafe replaces the characters XML 1.0 cannot hold (most control
// characters), which encoding/xml would write as they are inside CDATA.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			return '\uFFFD'
		}
		return r
	}, s)
}

// plainFinding is one finding as the text output writes it, uncoloured.
func plainFinding(f finding.Finding) string {
	s := fmt.Sprintf("%s:%s %s: %s [%s]", f.File, position(f), f.Severity, f.Message, f.Rule)
	if f.Field != "" && f.Field != "$" {
		s += " " + f.Field
	}
	s += "\n"
	if f.Hint != "" {
		s += "    hint: " + f.Hint + "\n"
	}
	return s
}
