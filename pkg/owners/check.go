package owners

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/query"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
)

// Use is one action of the records naming an owner.
type Use struct {
	Owner   string
	File    string // the recommendation file, as findings name it
	Pointer string // the owner field in it: /actions/2/owner
	ID      string // EVO-2024-03/R1.3
}

// Uses lists the owner of every action in evals, in the records' order;
// actions without an owner are left out.
func Uses(evals []*model.Evaluation) []Use {
	var out []Use
	for _, e := range evals {
		for _, r := range e.Recommendations {
			for i, a := range r.Actions {
				if strings.TrimSpace(a.Owner) == "" {
					continue
				}
				out = append(out, Use{Owner: a.Owner, File: r.File, Pointer: fmt.Sprintf("/actions/%d/owner", i),
					ID: model.QualifiedID(e, a.ID())})
			}
		}
	}
	return out
}

// Check compares the list with the records' uses: an owner the list does
// not know, at each action naming it, and an entry no action names, are
// warnings. locate places a use in its file (0, 0 when it cannot).
func (f *File) Check(uses []Use, locate func(Use) (line, col int)) []finding.Finding {
	var out []finding.Finding
	used := make(map[string]bool, len(uses))
	for _, u := range uses {
		key := query.Fold(u.Owner)
		used[key] = true
		if _, ok := f.Lookup(u.Owner); ok {
			continue
		}
		line, col := locate(u)
		out = append(out, finding.Finding{File: u.File, Line: line, Col: col, Severity: finding.Warning, Rule: finding.RuleOwnerUnknown,
			Message: fmt.Sprintf("owner %q of %s is not in %s", u.Owner, u.ID, f.Path),
			Field:   ydoc.FieldPath(u.Pointer),
			Hint:    fmt.Sprintf("add an entry with name: %s to %s, or spell the owner as an entry there does", u.Owner, filepath.Base(f.Path))})
	}
	for _, o := range f.Owners {
		if used[query.Fold(o.Name)] {
			continue
		}
		out = append(out, finding.Finding{File: f.Path, Line: o.Line, Col: o.Col, Severity: finding.Warning, Rule: finding.RuleOwnerUnused,
			Message: fmt.Sprintf("owner %q owns no action in the records", o.Name),
			Hint:    "remove the entry, or check its spelling against the records' owner fields"})
	}
	return out
}
