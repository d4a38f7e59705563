package validate

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// Kind is what a record file holds, told by its name.
type Kind int

// The kinds of record file.
const (
	KindOther Kind = iota
	KindEvaluation
	KindRecommendation
)

// EvaluationFile is the name of the file that describes an evaluation.
const EvaluationFile = "evaluation.yaml"

// KindOf tells the kind of a file from its base name, and for a
// recommendation the number its name gives.
func KindOf(name string) (Kind, int) {
	if name == EvaluationFile {
		return KindEvaluation, 0
	}
	digits, isRec := strings.CutPrefix(name, "rec-")
	digits, isYAML := strings.CutSuffix(digits, ".yaml")
	if isRec && isYAML && digits != "" && strings.Trim(digits, "0123456789") == "" {
		if n, err := strconv.Atoi(digits); err == nil {
			return KindRecommendation, n
		}
	}
	return KindOther, 0
}

// RecFileName is the canonical file name of recommendation n.
func RecFileName(n int) string {
	digits := strconv.Itoa(n) // not fmt's %02d: every file is checked against its name
	if len(digits) < 2 {
		digits = "0" + digits
	}
	return "rec-" + digits + ".yaml"
}

// isRecFileName is name == RecFileName(n), without building the name:
// every recommendation file is checked against it.
func isRecFileName(name string, n int) bool {
	d, hasPrefix := strings.CutPrefix(name, "rec-")
	d, hasSuffix := strings.CutSuffix(d, ".yaml")
	if !hasPrefix || !hasSuffix {
		return false
	}
	digits := strconv.Itoa(n)
	if len(digits) < 2 {
		return len(d) == 2 && d[0] == '0' && d[1:] == digits
	}
	return d == digits
}

// File is one checked record file.
type File struct {
	Path     string // as shown to the user
	Abs      string
	Folder   string // the evaluation folder's name
	Kind     Kind
	Root     *yaml.Node // nil when the file could not be parsed, or once released
	Findings []finding.Finding

	// ErrorsNotShown and WarningsNotShown count the findings past
	// MaxFindings that Findings leaves out; a summary counts them too.
	ErrorsNotShown, WarningsNotShown int

	// parsed and valued keep what Root said (the file parsed; the schema
	// and rules ran on a document that is not null), so the verdicts
	// outlive Release.
	parsed, valued bool
}

// Release drops the node tree, nearly all of a file's memory, once the
// loader has built the model from it: 10,000 files would otherwise keep
// some 500 MB alive to the end of the run. Findings and the verdicts
// (Valid, Usable) stay.
func (f *File) Release() { f.Root = nil }

// Value is the document as plain values (ydoc.Value), built anew; nil
// when the checks did not read it (see Usable), or once released.
func (f *File) Value() any {
	if !f.valued || f.Root == nil {
		return nil
	}
	return ydoc.Value(f.Root)
}

// ListedActions is how many actions a recommendation file lists, and
// false when the file is no recommendation whose document the checks read
// as a mapping (or it is released).
func (f *File) ListedActions() (int, bool) {
	if !f.valued || f.Root == nil || f.Kind != KindRecommendation || !isMapping(f.Root) {
		return 0, false
	}
	actions, _ := items(field(f.Root, "actions"))
	return len(actions), true
}

// Valid reports whether the file has no errors (warnings allowed).
func (f *File) Valid() bool {
	errs, _ := finding.Count(f.Findings)
	return f.parsed && errs == 0
}

// Usable reports whether the file can go into the model: it parsed and
// its only errors are placeholders of a skeleton still to fill in, so a
// new record can be listed and set before it is complete.
func (f *File) Usable() bool {
	if !f.parsed || !f.valued {
		return false
	}
	for _, fd := range f.Findings {
		if fd.Severity == finding.Error && fd.Rule != finding.RuleUnfilled {
			return false
		}
	}
	return true
}

// MaxFindings bounds the errors, and apart from them the warnings, that one
// file reports. A record has a few dozen at worst; a hostile file of 2 MiB
// can make 200,000, which would stay in memory to the end of the run, file
// after file. The last one kept says how many more there were.
const MaxFindings = 1000

// Check parses and validates one file's bytes. path is how findings name
// the file; abs places it in its evaluation folder. It reports at most
// MaxFindings errors and as many warnings.
func (s *Schemas) Check(path, abs string, data []byte) *File {
	return s.CheckAsOf(path, abs, data, civil.Date{})
}

// CheckAsOf is Check measured against today: days after it (an updated
// or completed_on that has not happened yet) are errors. A zero today
// skips those rules, as Check does.
func (s *Schemas) CheckAsOf(path, abs string, data []byte, today civil.Date) *File {
	return s.CheckWith(nil, path, abs, data, today)
}

// CheckWith is CheckAsOf parsing with p, for a loader that releases each
// file before it checks the next: the file's tree (and the plain values
// of a file the full validator explains) are p's and die when p parses
// again, and data, which its strings share, must never
// change. A nil p parses as Parse does.
func (s *Schemas) CheckWith(p *ydoc.Parser, path, abs string, data []byte, today civil.Date) *File {
	f := s.check(p, path, abs, data, today)
	if len(f.Findings) > MaxFindings {
		f.Findings, f.ErrorsNotShown, f.WarningsNotShown = capFindings(f.Findings)
	}
	return f
}

// capFindings keeps the first MaxFindings errors and warnings of fs, in
// order, in a new slice so the rest can be freed, and counts the errors and
// warnings left out.
func capFindings(fs []finding.Finding) (kept []finding.Finding, errs, warns int) {
	out := make([]finding.Finding, 0, min(len(fs), 2*MaxFindings))
	var n, dropped, last [2]int
	for _, fd := range fs {
		i := min(int(fd.Severity), 1)
		if n[i] == MaxFindings {
			dropped[i]++
			continue
		}
		n[i]++
		last[i] = len(out)
		out = append(out, fd)
	}
	for i, word := range []string{"errors", "warnings"} {
		if dropped[i] > 0 {
			out[last[i]].Message += fmt.Sprintf(" (and %d more %s in this file, not shown)", dropped[i], word)
		}
	}
	return out, dropped[0], dropped[1]
}

// check is Check without the bound on findings.
func (s *Schemas) check(p *ydoc.Parser, path, abs string, data []byte, today civil.Date) *File {
	name := filepath.Base(abs)
	kind, nameNumber := KindOf(name)
	f := &File{Path: path, Abs: abs, Folder: filepath.Base(filepath.Dir(abs)), Kind: kind}
	parse, values := ydoc.Parse, ydoc.Value
	if p != nil {
		parse, values = p.Parse, p.Value
	}
	root, probs := parse(data)
	for _, p := range probs {
		f.add(finding.Finding{Line: p.Line, Col: p.Col, Severity: finding.Error, Rule: p.Rule, Message: p.Message, Hint: p.Hint})
	}
	if root == nil {
		return f
	}
	f.Root, f.parsed = root, true
	if kind == KindOther {
		f.add(finding.Finding{Line: 1, Col: 1, Severity: finding.Error, Rule: finding.RuleFileName,
			Message: fmt.Sprintf("%q is not a record file name: records are %s or rec-NN.yaml", name, EvaluationFile),
			Hint:    fileNameHint(name)})
		return f
	}
	if errs, _ := finding.Count(f.Findings); errs > 0 {
		return f // the tree is unreliable (aliases, duplicates, depth): stop here
	}
	f.valued = !isNull(root)
	c := s.recommendation
	if kind == KindEvaluation {
		c = s.evaluation
	}
	f.addLocated(c.check(root, values))
	r := rules{file: f, root: root, schema: c}
	r.values() // first: it learns oddNumbers
	r.modeline(data, kind)
	if kind == KindEvaluation {
		r.evaluation()
	} else {
		r.recommendation(name, nameNumber)
	}
	r.formatV2(today)
	finding.Sort(f.Findings)
	return f
}

func fileNameHint(name string) string {
	lower := strings.ToLower(name)
	switch {
	case lower == "evaluation.yml" || lower == "evaluation.yaml":
		return "rename it to " + EvaluationFile
	case strings.HasPrefix(lower, "rec"):
		digits := strings.TrimFunc(lower, func(r rune) bool { return r < '0' || r > '9' })
		if n, err := strconv.Atoi(digits); err == nil {
			return "rename it to " + RecFileName(n)
		}
	}
	return "move it out of the data folder, or rename it"
}

func (f *File) add(fd finding.Finding) {
	fd.File = f.Path
	f.Findings = append(f.Findings, fd)
}

func (f *File) addLocated(ls []located) {
	for _, l := range ls {
		line, col := 1, 1
		if l.node != nil {
			line, col = l.node.Line, l.node.Column
		}
		f.add(finding.Finding{Line: line, Col: col, Severity: l.severity, Rule: l.rule, Message: l.msg,
			Field: ydoc.FieldPath(l.pointer), Hint: l.hint})
	}
}
