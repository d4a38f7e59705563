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
	Owner  string
	Action *model.Action
	Index  int // the action's place in its recommendation file, from 0
}

// File is the recommendation file of the use, as findings name it.
func (u Use) File() string { return u.Action.Recommendation.File }

// Pointer is the owner field in its file: /actions/2/owner.
func (u Use) Pointer() string { return fmt.Sprintf("/actions/%d/owner", u.Index) }

// ID is the action's id with its evaluation: EVO-2024-03/R1.3.
func (u Use) ID() string { return model.QualifiedID(u.Action.Recommendation.Evaluation, u.Action.ID()) }

// Uses lists the owner of every action in evals, in the records' order;
// actions without an owner are left out.
func Uses(evals []*model.Evaluation) []Use {
	var out []Use
	for _, e := range evals {
		for _, r := range e.Recommendations {
			for i, a := range r.Actions {
				if strings.TrimSpace(a.Owner) != "" {
					out = append(out, Use{Owner: a.Owner, Action: a, Index: i})
				}
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
	if f.byName == nil {
		f.index()
	}
	folded := map[string]string{} // a few owners name thousands of actions: fold each once
	for _, u := range uses {
		key, ok := folded[u.Owner]
		if !ok {
			key = query.Fold(u.Owner)
			folded[u.Owner] = key
		}
		used[key] = true
		if _, ok := f.byName[key]; ok {
			continue
		}
		line, col := locate(u)
		out = append(out, finding.Finding{File: u.File(), Line: line, Col: col, Severity: finding.Warning, Rule: finding.RuleOwnerUnknown,
			Message: fmt.Sprintf("owner %q of %s is not in %s", u.Owner, u.ID(), f.Path),
			Field:   ydoc.FieldPath(u.Pointer()),
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
