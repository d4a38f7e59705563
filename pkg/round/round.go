// Package round holds an update round's file, data/rounds/NAME.yaml: which
// owners were sent a form and with which items, who replied and when, and
// the deadline extensions owners asked for (recorded as asked, never
// applied). It reads and checks the file against schema/round.schema.json
// and makes the bytes to write; the forms are package form's, and writing
// to disk belongs to the caller, through pkg/edit. It never touches a
// record.
package round

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/store"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"github.com/mrtrack/mrtrack/schema"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Folder is where round files live, under the data folder. The record
// walker leaves it out: its files are not records.
const Folder = store.RoundsFolder

// Mode says what a form's progress text does to the record's progress.
type Mode string

// The modes: a dated paragraph added to the progress, or the progress
// replaced by the text.
const (
	Append  Mode = "append"
	Replace Mode = "replace"
)

// Modes lists the modes in help order.
var Modes = []Mode{Append, Replace}

// Round is one update round.
type Round struct {
	Name     string     `yaml:"round"`
	OpenedOn civil.Date `yaml:"opened_on"`
	Due      civil.Date `yaml:"due"`
	Progress Mode       `yaml:"progress"`
	Owners   []*Owner   `yaml:"owners"`
}

// Owner is what one owner was sent and what came back.
type Owner struct {
	Name     string `yaml:"owner"`
	Language string `yaml:"language"`
	// Form is the form's file name without its extension (.xlsx, .csv).
	Form              string             `yaml:"form"`
	Sent              []Sent             `yaml:"sent"`
	RepliedOn         civil.Date         `yaml:"replied_on,omitempty"`
	ExtensionRequests []ExtensionRequest `yaml:"extension_requests,omitempty"`
}

// Sent is an item a form showed, with a digest of its locked cells.
type Sent struct {
	ID     string `yaml:"id"`
	Digest string `yaml:"digest"`
}

// ExtensionRequest is a new due date an owner asked for, with the reason;
// the office decides (mrtrack set --due … --reason … --approved-by …).
type ExtensionRequest struct {
	ID          string     `yaml:"id" json:"id"`
	From        string     `yaml:"from,omitempty" json:"from"`
	To          string     `yaml:"to" json:"to"`
	Reason      string     `yaml:"reason" json:"reason"`
	RequestedOn civil.Date `yaml:"requested_on" json:"requested_on"`
}

// ownerKeys is the order of an owner's keys, for the keys collect adds.
var ownerKeys = []string{"owner", "language", "form", "sent", "replied_on", "extension_requests"}

var namePattern = lazyregexp.New(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// CheckName says what is wrong with a round name, or nil: it names a file.
func CheckName(name string) error {
	if !namePattern.MatchString(name) {
		return fmt.Errorf("round name %q is not a file name mrtrack writes: use letters, digits, '.', '_' and '-', up to 64, starting with a letter or digit", name)
	}
	return nil
}

// Path is the round file of name under the data folder dir.
func Path(dir, name string) string { return filepath.Join(dir, Folder, name+".yaml") }

// Modeline is the first line of a round file, for editors.
const Modeline = "# yaml-language-server: $schema=../../schema/round.schema.json\n"

// Encode writes a round file: the modeline, then the round in the layout
// mrtrack fmt gives records (format.Scalar writes each value), so the
// keys collect adds later (pkg/edit) look like the others.
func Encode(r *Round) ([]byte, error) {
	var b strings.Builder
	b.WriteString(Modeline)
	var err error
	put := func(indent, prefix, key, v string, text bool) {
		if err != nil {
			return
		}
		var s string
		if s, err = format.Scalar(v, text, len(indent), "\n"); err == nil {
			b.WriteString(indent + prefix + key + ": " + s + "\n")
		}
	}
	put("", "", "round", r.Name, true)
	put("", "", "opened_on", r.OpenedOn.String(), false)
	put("", "", "due", r.Due.String(), false)
	put("", "", "progress", string(r.Progress), false)
	b.WriteString("owners:\n")
	for _, o := range r.Owners {
		put("  ", "- ", "owner", o.Name, true)
		put("    ", "", "language", o.Language, false)
		put("    ", "", "form", o.Form, true)
		b.WriteString("    sent:\n")
		for _, s := range o.Sent {
			put("      ", "- ", "id", s.ID, true)
			put("        ", "", "digest", s.Digest, true)
		}
		if !o.RepliedOn.IsZero() {
			put("    ", "", "replied_on", o.RepliedOn.String(), false)
		}
		if len(o.ExtensionRequests) > 0 {
			b.WriteString("    extension_requests:\n")
			for _, x := range o.ExtensionRequests {
				put("      ", "- ", "id", x.ID, true)
				if x.From != "" {
					put("        ", "", "from", x.From, false)
				}
				put("        ", "", "to", x.To, false)
				put("        ", "", "reason", x.Reason, true)
				put("        ", "", "requested_on", x.RequestedOn.String(), false)
			}
		}
	}
	if len(r.Owners) == 0 {
		return nil, fmt.Errorf("round %s has no owner", r.Name)
	}
	if err != nil {
		return nil, err
	}
	out := []byte(b.String())
	if _, fs := Read(Path("", r.Name), out); len(fs) > 0 {
		return nil, &InvalidError{Path: Path("", r.Name), Findings: fs}
	}
	return out, nil
}

// Owner returns the owner named name, or nil.
func (r *Round) Owner(name string) *Owner {
	for _, o := range r.Owners {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// OwnerOf returns the owner the item id was sent to, or nil.
func (r *Round) OwnerOf(id string) *Owner {
	for _, o := range r.Owners {
		if o.SentDigest(id) != "" {
			return o
		}
	}
	return nil
}

// SentDigest is the digest the item id was sent with, "" when it was not.
func (o *Owner) SentDigest(id string) string {
	if i := slices.IndexFunc(o.Sent, func(s Sent) bool { return s.ID == id }); i >= 0 {
		return o.Sent[i].Digest
	}
	return ""
}

// HasRequest reports whether the owner's extension requests hold req.
func (o *Owner) HasRequest(req ExtensionRequest) bool {
	return slices.ContainsFunc(o.ExtensionRequests, func(x ExtensionRequest) bool {
		return x.ID == req.ID && x.To == req.To && x.Reason == req.Reason
	})
}

// Read checks a round file and decodes it. path names it in findings;
// errors mean the round is nil.
func Read(path string, data []byte) (*Round, []finding.Finding) {
	var out []finding.Finding
	add := func(line, col int, rule, msg, field, hint string) {
		out = append(out, finding.Finding{File: path, Line: line, Col: col, Severity: finding.Error, Rule: rule, Message: msg, Field: field, Hint: hint})
	}
	root, probs := ydoc.Parse(data)
	for _, p := range probs {
		add(p.Line, p.Col, p.Rule, p.Message, "", p.Hint)
	}
	if root == nil || len(out) > 0 {
		return nil, out
	}
	for _, l := range schemaErrors(ydoc.Value(root)) {
		n, _ := ydoc.Locate(root, l.pointer)
		add(n.Line, n.Column, finding.RuleSchemaOther, l.msg, ydoc.FieldPath(l.pointer), "round files are written by mrtrack round open and collect; see docs/workflows.md")
	}
	if len(out) > 0 {
		return nil, out
	}
	var r Round
	if err := root.Decode(&r); err != nil {
		add(root.Line, root.Column, finding.RuleType, err.Error(), "", "")
		return nil, out
	}
	if !r.OpenedOn.Valid() || !r.Due.Valid() {
		add(root.Line, root.Column, finding.RuleInvalidDate, "opened_on or due is not a calendar day", "", "")
	}
	if want := filepath.Base(path); want != r.Name+".yaml" {
		add(root.Line, root.Column, finding.RuleFileName, fmt.Sprintf("the round is named %q but its file is %s", r.Name, want), "$.round", "rename the file "+r.Name+".yaml")
	}
	sentTo := map[string]string{}
	for i, o := range r.Owners {
		for _, s := range o.Sent {
			if other, ok := sentTo[s.ID]; ok {
				n, _ := ydoc.Locate(root, fmt.Sprintf("/owners/%d/owner", i))
				add(n.Line, n.Column, finding.RuleDuplicateNumber, fmt.Sprintf("%s was sent to %s and to %s", s.ID, other, o.Name), fmt.Sprintf("$.owners[%d]", i), "")
			}
			sentTo[s.ID] = o.Name
		}
	}
	if len(out) > 0 {
		return nil, out
	}
	return &r, nil
}

type schemaError struct{ pointer, msg string }

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft7
	const url = "mrtrack:///schema/round.schema.json"
	if err := c.AddResource(url, bytes.NewReader(schema.Round)); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// schemaErrors are the leaf errors of the round schema on v.
func schemaErrors(v any) []schemaError {
	s, err := compiled()
	if err != nil {
		return []schemaError{{"", "internal: the round schema does not compile: " + err.Error()}}
	}
	err = s.Validate(v)
	var ve *jsonschema.ValidationError
	if err == nil {
		return nil
	}
	if !errors.As(err, &ve) {
		return []schemaError{{"", err.Error()}}
	}
	var out []schemaError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, schemaError{e.InstanceLocation, e.Message})
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return out
}
