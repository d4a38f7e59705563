package validate

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// rules checks what the schema cannot say. Each check reads the node
// tree as plain values (nodes.go) and places its findings through it.
type rules struct {
	file   *File
	root   *yaml.Node
	schema *compiled // the file's, to read what a field's declaration says
	// oddNumbers says a number is written otherwise than in plain decimal
	// digits (010, 1e3), which is rare: the number checks look no further
	// when it is false. values learns it.
	oddNumbers bool
}

func (r *rules) report(pointer string, sev finding.Severity, rule, msg, hint string) {
	node, key := ydoc.Locate(r.root, pointer)
	if key != nil && node.Kind != yaml.ScalarNode {
		node = key // point at "actions:", not at the first item
	}
	r.file.addLocated([]located{{node: node, pointer: pointer, rule: rule, msg: msg, hint: hint, severity: sev}})
}

const modelinePrefix = "# yaml-language-server: $schema="

func (r *rules) modeline(data []byte, kind Kind) {
	want := "recommendation.schema.json"
	if kind == KindEvaluation {
		want = "evaluation.schema.json"
	}
	if fd, ok := modeline(data, "../../schema/", want); !ok {
		r.file.add(fd)
	}
}

// modeline checks that data's first line points editors at the schema
// want, found at dir+want from the file; the finding says what is wrong.
func modeline(data []byte, dir, want string) (finding.Finding, bool) {
	line, _, _ := bytes.Cut(bytes.TrimPrefix(data, []byte("\ufeff")), []byte("\n")) // not string(data): that copies the file
	first := bytes.TrimRight(line, "\r")
	hint := func() string { return "start the file with: " + modelinePrefix + dir + want } // for a finding only
	switch {
	case !bytes.HasPrefix(first, []byte(modelinePrefix)):
		return finding.Finding{Line: 1, Col: 1, Severity: finding.Warning, Rule: finding.RuleModeline,
			Message: "missing schema modeline: editors cannot validate this file", Hint: hint()}, false
	case !bytes.HasSuffix(first, []byte(want)):
		return finding.Finding{Line: 1, Col: len(modelinePrefix) + 1, Severity: finding.Warning, Rule: finding.RuleModeline,
			Message: "schema modeline does not point at " + want, Hint: hint()}, false
	}
	return finding.Finding{}, true
}

func (r *rules) evaluation() {
	if id, ok := text(field(r.root, "id")); ok && id != r.file.Folder {
		r.report("/id", finding.Error, finding.RuleEvaluationID,
			fmt.Sprintf("id %q does not match the folder name %q", id, r.file.Folder),
			"rename the folder or change the id; they must be equal")
	}
}

func (r *rules) recommendation(name string, nameNumber int) {
	m := r.root
	if n, ok := integer(field(m, "number")); ok && r.plainNumber("/number") {
		switch {
		case int(n) != nameNumber:
			r.report("/number", finding.Error, finding.RuleFileName,
				fmt.Sprintf("number %d does not match the file name %s", n, name),
				fmt.Sprintf("rename the file to %s, or fix the number", RecFileName(int(n))))
		case !isRecFileName(name, nameNumber):
			r.report("/number", finding.Error, finding.RuleFileName,
				fmt.Sprintf("file name %s is not in the canonical form", name), "rename it to "+RecFileName(nameNumber))
		}
	}
	response, _ := text(field(m, "response"))
	mustExplain := response == string(model.PartiallyAgree) || response == string(model.Disagree)
	if reasons, _ := text(field(m, "reasons")); mustExplain && IsBlank(reasons) {
		r.report("/response", finding.Error, finding.RuleReasons,
			fmt.Sprintf("response is %s but no reasons are given", response),
			"add reasons: why management "+strings.ReplaceAll(response, "-", " ")+"s")
	}
	actions, hasActions := items(field(m, "actions"))
	if hasActions && len(actions) == 0 && (response == string(model.Agree) || response == string(model.PartiallyAgree)) {
		r.report("/actions", finding.Error, finding.RuleActionsRequired,
			fmt.Sprintf("response is %s but no action is planned", response), "add at least one action under actions:")
	}
	r.uniqueNumbers("/actions", actions, "action")
	for i, a := range actions {
		steps, _ := items(field(a, "steps"))
		if len(steps) > 1 {
			r.uniqueNumbers("/actions/"+strconv.Itoa(i)+"/steps", steps, "step")
		}
		if st, _ := text(field(a, "status")); st != string(model.Completed) {
			continue
		}
		p := "/actions/" + strconv.Itoa(i)
		var open []string
		for _, s := range steps {
			if st, _ := text(field(s, "status")); !model.Status(st).Closed() {
				open = append(open, sprint(field(s, "number")))
			}
		}
		if len(open) > 0 {
			r.report(p+"/status", finding.Warning, finding.RuleCompletedOpenStep,
				fmt.Sprintf("action %s is completed but step(s) %s are not", sprint(field(a, "number")), strings.Join(open, ", ")),
				"complete the steps, mark them no-longer-applicable, or reopen the action")
		}
	}
}

func (r *rules) uniqueNumbers(pointer string, list []*yaml.Node, what string) {
	seen := make(map[int64]int, len(list))
	for i, it := range list {
		n, ok := integer(field(it, "number"))
		if !ok || r.oddNumbers && !r.plainNumber(pointer+"/"+strconv.Itoa(i)+"/number") {
			continue // numberForm reports 010 and 1e3; not what YAML made of them
		}
		if first, dup := seen[n]; dup {
			r.report(fmt.Sprintf("%s/%d/number", pointer, i), finding.Error, finding.RuleDuplicateNumber,
				fmt.Sprintf("%s number %d is used twice (first by %s #%d)", what, n, what, first+1),
				"give each "+what+" its own number")
			continue
		}
		seen[n] = i
	}
}

// plainNumber reports whether the number at pointer is written in plain
// decimal digits, so what YAML read is what the author wrote.
func (r *rules) plainNumber(pointer string) bool {
	if !r.oddNumbers {
		return true
	}
	n, _ := ydoc.Locate(r.root, pointer)
	return !numberWrittenOtherwise(n)
}

// shaped reports whether s has the shape of pattern, in which 0 stands
// for any ASCII digit: 0000-00-00 is a day. A regular expression would do,
// at ten times the cost, on every date of every record.
func shaped(s, pattern string) bool {
	if len(s) != len(pattern) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := pattern[i]; c == '0' && (s[i] < '0' || s[i] > '9') || c != '0' && s[i] != c {
			return false
		}
	}
	return true
}

// isDateKey reports whether key names a field that holds a day, or for
// due dates a day, a month or a year.
func isDateKey(key string) bool {
	switch key {
	case "response_due", "approved_on", "updated", "due", "original_due":
		return true
	}
	return false
}

// values runs the checks each value gets, date and placeholder, in one
// walk of the document, and learns whether any number is written
// otherwise (oddNumbers) as it goes.
func (r *rules) values() {
	walk(r.root, func(at path, key string, n *yaml.Node) {
		if n.Kind != yaml.ScalarNode {
			return // an alias, which Parse reports: no value to check
		}
		odd := numberWrittenOtherwise(n)
		r.oddNumbers = r.oddNumbers || odd
		v, typed := ydoc.Typed(n)
		if !typed {
			r.blank(at, n.Value)
			r.date(at, key, n.Value)
			r.placeholder(at, key, n.Value)
			return
		}
		switch v.(type) {
		case int64, float64:
			if odd {
				r.numberForm(at, key, v)
			}
			// A year written as a number must be written as one.
			if key == "due" || key == "original_due" {
				r.yearNumber(at.String(), key)
			}
		}
	})
}

// date checks that a day or month written is a real one.
func (r *rules) date(at path, key string, s string) {
	if !isDateKey(key) {
		return
	}
	if len(s) >= 4 && shaped(s[:4], "0000") {
		if y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0'); y < MinYear || y > MaxYear {
			return // the schema's pattern says the year is out of range
		}
	}
	switch {
	case shaped(s, "0000-00-00"):
		if _, err := civil.Parse(s); err != nil {
			r.report(at.String(), finding.Error, finding.RuleInvalidDate, fmt.Sprintf("%s %s is not a calendar day", key, s),
				"check the day and month")
		}
	case shaped(s, "0000-00") && (key == "due" || key == "original_due"):
		if _, err := model.ParseDue(s); err != nil {
			r.report(at.String(), finding.Error, finding.RuleInvalidDate, fmt.Sprintf("%s %s is not a calendar month", key, s),
				"months run from 01 to 12")
		}
	}
}

// yearNumber reports a due year the schema takes as a number but that is
// not written as a year: YAML also reads 0x7E8, 2_024, +2024 and 2024.0 as
// 2024.
func (r *rules) yearNumber(pointer, key string) {
	n, _ := ydoc.Locate(r.root, pointer)
	if shaped(n.Value, "0000") {
		return
	}
	field := ydoc.FieldPath(pointer)
	for _, f := range r.file.Findings {
		if f.Field == field {
			return // the schema said already (20245 is not a plausible year)
		}
	}
	r.report(pointer, finding.Error, finding.RuleValue, fmt.Sprintf("%s %q is not a due date", key, n.Value),
		dueForms+"; keep the source wording in due_text")
}

var placeholderRE = lazyregexp.New(`(?i)^\s*(\[[^\]]*\b(add|insert|enter|describe|select|fill|type|à compléter|ajouter)\b[^\]]*\]|todo\b.*|tbd|fixme\b.*|n/?a|<[^>]+>)\s*$`)

// mayBePlaceholder is what placeholderRE can match, tested first: most
// values are prose that cannot, and the expression is the costliest of the
// rules. A match opens with [ or <, or with todo or fixme, or is at most
// three letters (tbd, n/a, na) between blanks. \s is ASCII white space, and
// the letters of todo and fixme have no case variants but their capitals.
func mayBePlaceholder(s string) bool {
	start, end := 0, len(s)
	for start < end && asciiSpace(s[start]) {
		start++
	}
	for end > start && asciiSpace(s[end-1]) {
		end--
	}
	if start == end {
		return false
	}
	t := s[start:end]
	switch t[0] {
	case '[', '<':
		return true
	}
	return len(t) <= 3 || foldedPrefix(t, "todo") || foldedPrefix(t, "fixme")
}

// asciiSpace is \s in an RE2 expression. A loop over it is the cost of
// strings.TrimLeft without building its cutset every call.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func foldedPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// Unfilled is the prefix of the placeholders mrtrack new writes into a
// skeleton; validate reports them as errors until they are replaced.
const Unfilled = "TODO:"

// Placeholder is the value a record holds where a required value is still
// to be filled in: "TODO: " and what belongs there.
func Placeholder(what string) string { return Unfilled + " " + what }

// IsUnfilled reports whether v is a skeleton placeholder.
func IsUnfilled(v any) bool {
	s, ok := v.(string)
	return ok && strings.HasPrefix(s, Unfilled)
}

// placeholder flags what a skeleton or a template left in a field.
// Source-wording fields (*_text) are verbatim by design and are not
// checked for template text.
func (r *rules) placeholder(at path, key string, s string) {
	if strings.HasPrefix(s, Unfilled) {
		r.report(at.String(), finding.Error, finding.RuleUnfilled, key+" is not filled in yet",
			"replace "+strings.TrimSpace(s))
		return
	}
	if strings.HasSuffix(key, "_text") || !mayBePlaceholder(s) || !placeholderRE.MatchString(s) {
		return
	}
	r.report(at.String(), finding.Warning, finding.RulePlaceholder,
		fmt.Sprintf("%s holds placeholder text %q", key, strings.TrimSpace(s)), placeholderHint(key))
}

// path is where walk is, as the keys and indexes leading there; the JSON
// pointer is only written out when a finding needs it, since nearly every
// value passes every check.
type path []string

// String is the JSON pointer: /actions/2/due.
func (p path) String() string {
	var b strings.Builder
	for _, tok := range p {
		b.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// walk calls fn for every node below n that is neither a mapping nor a
// sequence, with its path and the name of the key that holds it (the
// enclosing key for list items). The path is only valid during the call.
func walk(n *yaml.Node, fn func(at path, key string, n *yaml.Node)) {
	var at path
	var rec func(n *yaml.Node, key string)
	rec = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode {
					continue // not a key of the plain value
				}
				at = append(at, k.Value)
				rec(n.Content[i+1], k.Value)
				at = at[:len(at)-1]
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				at = append(at, strconv.Itoa(i))
				rec(c, key)
				at = at[:len(at)-1]
			}
		default:
			fn(at, key, n)
		}
	}
	rec(n, "")
}
