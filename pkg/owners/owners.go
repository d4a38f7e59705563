// Package owners holds owners.yaml, the optional list at the data folder's
// root of who owns the actions and how to reach them: contact emails, a
// GitHub team or handle, the language of their forms, and the evaluation
// office itself. It parses the file through the records' front door
// (pkg/ydoc, the schema in schema/owners.schema.json), looks owners up the
// way `list --owner` compares them, and checks the list against the
// records. It writes nothing and sends nothing.
package owners

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"go.yaml.in/yaml/v3"
)

// FileName is the owners list's name, at the data folder's root.
const FileName = validate.OwnersFile

// Modeline is the first line of owners.yaml: its schema, for editors.
const Modeline = "# yaml-language-server: $schema=../schema/" + validate.OwnersSchemaFile

// IsListOf reports whether the file at abs is the owners list of the data
// folder dataDir (both absolute): commands that walk the data folder read
// it as such, not as a record.
func IsListOf(abs, dataDir string) bool {
	return dataDir != "" && filepath.Clean(abs) == filepath.Join(filepath.Clean(dataDir), FileName)
}

// File is a parsed owners.yaml.
type File struct {
	Path   string // as findings name it
	Office Office
	Owners []Owner

	byName map[string]int // folded name to the first entry of that name
}

// Office is the evaluation office: it owns every record file and sends
// the reminders. Each field may be empty.
type Office struct {
	Name   string `yaml:"name"`
	Email  string `yaml:"email"`
	GitHub string `yaml:"github"`
}

// Owner is one owner or unit, named as the records' owner fields name it.
type Owner struct {
	Name     string   `yaml:"name"`
	Emails   []string `yaml:"emails"`
	GitHub   string   `yaml:"github"`
	Language string   `yaml:"language"` // "en", "fr", or "" when not said

	// Line and Col place the entry's name in owners.yaml.
	Line, Col int `yaml:"-"`
}

// DefaultLanguage is the language of an owner's forms and reminders when
// owners.yaml does not say.
const DefaultLanguage = "en"

// FormLanguage is the language of the owner's forms and reminders: en or
// fr, DefaultLanguage when the entry does not say.
func (o *Owner) FormLanguage() string {
	if o == nil || o.Language == "" {
		return DefaultLanguage
	}
	return o.Language
}

// Parse checks the bytes of owners.yaml (path is how findings name it)
// and returns the list, or nil when the file has errors; the findings are
// its errors and warnings, placed at line and column.
func Parse(path string, data []byte) (*File, []finding.Finding) {
	root, fs := validate.CheckOwners(path, data)
	if root == nil {
		return nil, fs
	}
	f := &File{Path: path}
	if err := root.Decode(f); err != nil {
		// The schema and this struct disagree: a bug, said as a finding.
		return nil, append(fs, finding.Finding{File: path, Line: 1, Col: 1, Severity: finding.Error,
			Rule: finding.RuleSchemaOther, Message: "cannot read owners: " + err.Error()})
	}
	place(f, root)
	f.index()
	fs = append(fs, f.duplicates()...)
	if errs, _ := finding.Count(fs); errs > 0 {
		return nil, fs
	}
	return f, fs
}

// place records where each owner's name is written, for findings.
func place(f *File, root *yaml.Node) {
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "owners" {
			list = root.Content[i+1]
		}
	}
	if list == nil {
		return
	}
	for i, item := range list.Content {
		if i >= len(f.Owners) {
			break
		}
		f.Owners[i].Line, f.Owners[i].Col = item.Line, item.Column
		for j := 0; j+1 < len(item.Content); j += 2 {
			if item.Content[j].Value == "name" {
				f.Owners[i].Line, f.Owners[i].Col = item.Content[j+1].Line, item.Content[j+1].Column
			}
		}
	}
}

// Lookup returns the entry for an owner as the records name it: the same
// name once case, accents, typographic punctuation and runs of spaces are
// set aside (query.Fold, as `list --owner` compares), so "Relations
// extérieures" finds "relations exterieures".
func (f *File) Lookup(name string) (*Owner, bool) {
	if f == nil {
		return nil, false
	}
	if f.byName == nil {
		f.index() // a File built in code rather than parsed
	}
	i, ok := f.byName[query.Fold(name)]
	if !ok {
		return nil, false
	}
	return &f.Owners[i], true
}

// index maps each folded name to its first entry, so a lookup per action
// costs one fold, not one per entry.
func (f *File) index() {
	f.byName = make(map[string]int, len(f.Owners))
	for i := len(f.Owners) - 1; i >= 0; i-- {
		f.byName[query.Fold(f.Owners[i].Name)] = i
	}
}

// Matching returns the entries whose name contains any of needles, as
// `list --owner` selects actions: "protection" gives every Protection
// unit. No needles gives every entry.
func (f *File) Matching(needles ...string) []*Owner {
	if f == nil {
		return nil
	}
	var out []*Owner
	for i := range f.Owners {
		if len(needles) == 0 || slices.ContainsFunc(needles, func(n string) bool { return query.Contains(f.Owners[i].Name, n) }) {
			out = append(out, &f.Owners[i])
		}
	}
	return out
}

// duplicates reports two entries for one owner: Lookup would silently
// take the first.
func (f *File) duplicates() []finding.Finding {
	var out []finding.Finding
	first := map[string]int{}
	for i, o := range f.Owners {
		key := query.Fold(o.Name)
		j, seen := first[key]
		if !seen {
			first[key] = i
			continue
		}
		out = append(out, finding.Finding{File: f.Path, Line: o.Line, Col: o.Col, Severity: finding.Error, Rule: finding.RuleOwnerDuplicate,
			Message: fmt.Sprintf("owner %q is listed twice (first at line %d)", o.Name, f.Owners[j].Line),
			Hint:    "merge the two entries: names are compared ignoring case and accents"})
	}
	return out
}
