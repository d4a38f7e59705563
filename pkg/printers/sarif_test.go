package printers

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/load"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// The schema is the OASIS SARIF 2.1.0 schema; see testdata/sarif/README.md.
func sarifSchemaValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4
	c.AssertFormat = true
	s, err := c.Compile(filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateSARIF(t *testing.T, s *jsonschema.Schema, out []byte) error {
	t.Helper()
	var doc any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return s.Validate(doc)
}

var hostileFindings = []finding.Finding{
	{File: "data/EVO-2024-03/rec-01.yaml", Line: 12, Col: 7, Severity: finding.Error, Rule: finding.RuleValue,
		Message: "status \"done: 50%, mostly\" is not allowed", Field: "$.actions[0].status", Hint: "use one of: a, b"},
	{File: "data/EVO-2024-03/rec-01.yaml", Line: 1, Col: 1, Severity: finding.Warning, Rule: finding.RuleModeline,
		Message: "line one\r\nline two"},
	{File: "data/a folder, with: 100%/rec-02.yaml", Line: 3, Col: 1, Severity: finding.Error, Rule: finding.RuleRequired, Message: "m"},
	{File: "data/EVO-2024-03", Severity: finding.Error, Rule: finding.RuleSymlink, Message: "no line: the whole file"},
	{File: "/abs/outside/rec-03.yaml", Line: 2, Col: 4, Severity: finding.Error, Rule: finding.RuleType, Message: "absolute path"},
	{File: "data/x.yaml", Line: 5, Severity: finding.Error, Rule: "rule-not-in-catalogue", Message: "unknown rule, no column"},
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	s := sarifSchemaValidator(t)
	for name, fs := range map[string][]finding.Finding{"none": nil, "hostile": hostileFindings} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (SARIF{Version: "v1.2.3"}).Write(&b, fs, load.Stats{}); err != nil {
				t.Fatal(err)
			}
			if err := validateSARIF(t, s, b.Bytes()); err != nil {
				t.Errorf("SARIF output does not match the SARIF 2.1.0 schema: %#v\n%s", err, b.String())
			}
		})
	}
}

// The schema check must be able to fail: output that breaks the schema is
// rejected.
func TestSARIFSchemaRejectsBrokenLog(t *testing.T) {
	s := sarifSchemaValidator(t)
	var b bytes.Buffer
	if err := (SARIF{}).Write(&b, hostileFindings[:1], load.Stats{}); err != nil {
		t.Fatal(err)
	}
	for _, breakIt := range []struct{ from, to string }{
		{`"level": "error"`, `"level": "fatal"`},
		{`"startLine": 12`, `"startLine": 0`},
		{`"version": "2.1.0"`, `"version": "2.0.0"`},
	} {
		broken := strings.Replace(b.String(), breakIt.from, breakIt.to, 1)
		if broken == b.String() {
			t.Fatalf("%s is not in the output", breakIt.from)
		}
		if err := validateSARIF(t, s, []byte(broken)); err == nil {
			t.Errorf("schema accepted a log with %s", breakIt.to)
		}
	}
}

func TestSARIFResults(t *testing.T) {
	var b bytes.Buffer
	if err := (SARIF{Version: "v1.2.3"}).Write(&b, hostileFindings, load.Stats{}); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got := len(run.Tool.Driver.Rules); got != len(finding.Rules) {
		t.Errorf("%d rules, want the %d of the catalogue", got, len(finding.Rules))
	}
	for i, r := range run.Tool.Driver.Rules {
		if r.ID != finding.Rules[i].ID || r.ShortDescription.Text != finding.Rules[i].Description {
			t.Errorf("rule %d is %+v, want %+v", i, r, finding.Rules[i])
		}
	}
	if run.Tool.Driver.Version != "v1.2.3" {
		t.Errorf("driver version %q", run.Tool.Driver.Version)
	}
	type want struct {
		uri, base  string
		line, col  int
		level      string
		ruleIndex  int // -1: none
		msgHasHint bool
	}
	index := func(id string) int {
		return slices.IndexFunc(finding.Rules, func(r finding.RuleInfo) bool { return r.ID == id })
	}
	wants := []want{
		{"data/EVO-2024-03/rec-01.yaml", "%SRCROOT%", 12, 7, "error", index(finding.RuleValue), true},
		{"data/EVO-2024-03/rec-01.yaml", "%SRCROOT%", 1, 1, "warning", index(finding.RuleModeline), false},
		{"data/a%20folder,%20with:%20100%25/rec-02.yaml", "%SRCROOT%", 3, 1, "error", index(finding.RuleRequired), false},
		{"data/EVO-2024-03", "%SRCROOT%", 0, 0, "error", index(finding.RuleSymlink), false},
		{"file:///abs/outside/rec-03.yaml", "", 2, 4, "error", index(finding.RuleType), false},
		{"data/x.yaml", "%SRCROOT%", 5, 0, "error", -1, false},
	}
	if len(run.Results) != len(wants) {
		t.Fatalf("%d results, want %d", len(run.Results), len(wants))
	}
	for i, w := range wants {
		r := run.Results[i]
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != w.uri || loc.ArtifactLocation.URIBaseID != w.base {
			t.Errorf("result %d: artifact %+v, want %s based on %q", i, loc.ArtifactLocation, w.uri, w.base)
		}
		switch {
		case w.line == 0 && loc.Region != nil:
			t.Errorf("result %d: region %+v for a whole-file finding", i, loc.Region)
		case w.line != 0 && (loc.Region == nil || loc.Region.StartLine != w.line || loc.Region.StartColumn != w.col):
			t.Errorf("result %d: region %+v, want line %d column %d", i, loc.Region, w.line, w.col)
		}
		if r.Level != w.level {
			t.Errorf("result %d: level %s, want %s", i, r.Level, w.level)
		}
		switch {
		case w.ruleIndex < 0 && r.RuleIndex != nil:
			t.Errorf("result %d: ruleIndex %d for a rule not in the catalogue", i, *r.RuleIndex)
		case w.ruleIndex >= 0 && (r.RuleIndex == nil || *r.RuleIndex != w.ruleIndex || finding.Rules[w.ruleIndex].ID != r.RuleID):
			t.Errorf("result %d: ruleIndex %v, want %d (%s)", i, derefOr(r.RuleIndex, -1), w.ruleIndex, r.RuleID)
		}
		if got := strings.Contains(r.Message.Text, "\nhint: "); got != w.msgHasHint {
			t.Errorf("result %d: message %q", i, r.Message.Text)
		}
	}
}

func TestSARIFEmptyResultsIsArray(t *testing.T) {
	var b bytes.Buffer
	if err := (SARIF{}).Write(&b, nil, load.Stats{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"results": []`) {
		t.Errorf("no findings must give \"results\": [], got\n%s", b.String())
	}
	if strings.Contains(b.String(), `"version": ""`) || strings.Contains(b.String(), "null") {
		t.Errorf("empty or null fields in\n%s", b.String())
	}
}

func derefOr(p *int, or int) int {
	if p == nil {
		return or
	}
	return *p
}
