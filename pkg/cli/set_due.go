package cli

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/validate"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// The fields a move of the deadline writes besides due.
const (
	dueField         = "due"
	originalDueField = "original_due"
	extensionsField  = "extensions"
)

// move is why a deadline moved (--reason) and who approved it
// (--approved-by); the zero move records no extension.
type move struct{ reason, approvedBy string }

// check refuses a reason or approver without a due date to move, an
// approver without a reason, an empty one, and text a record cannot hold;
// it trims both.
func (mv *move) check(assign []assignment) error {
	if *mv == (move{}) {
		return nil
	}
	if !slices.ContainsFunc(assign, func(a assignment) bool { return a.field == dueField }) {
		return usage("--reason and --approved-by record a move of the deadline: give the new date with --due")
	}
	given := *mv
	mv.reason, mv.approvedBy = strings.TrimSpace(mv.reason), strings.TrimSpace(mv.approvedBy)
	switch {
	case given.reason == "":
		return usage("--approved-by records who approved an extension: give its --reason too")
	case validate.IsBlank(mv.reason):
		return usage("--reason must not be empty: say why the deadline moved")
	case given.approvedBy != "" && validate.IsBlank(mv.approvedBy):
		return usage("--approved-by must not be empty: name who approved the extension")
	}
	for name, v := range map[string]string{"--reason": mv.reason, "--approved-by": mv.approvedBy} {
		if err := checkText(name, v); err != nil {
			return err
		}
	}
	return nil
}

// checkText refuses a value that is not UTF-8 or holds a character records
// do not allow.
func checkText(name, v string) error {
	if !utf8.ValidString(v) {
		return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s: the value is not UTF-8 text: %s", name, quoted(v)),
			"records are UTF-8: convert the text first, e.g. with iconv -t UTF-8")}
	}
	if i := ydoc.IndexForbidden(v); i >= 0 {
		r, _ := utf8.DecodeRuneInString(v[i:])
		return &exitError{code: ExitUsage, err: withHint(fmt.Errorf("%s: %s is not allowed in record text: %s", name, ydoc.DescribeRune(r), quoted(v)),
			"records hold printable text, tabs and line feeds only; remove it or write the text again")}
	}
	return nil
}

// recordMove keeps the history of the deadline in the item m when set
// gives it the due date to (already written by the caller, from the item
// as read): the first move from a date fills original_due with the first
// promised date, unless the user gives original_due (dating an item that
// was unknown, conditional or a skeleton's placeholder is no move of a
// promise); with a reason, an extension
// {from, to, on, reason, approved_by} is appended. A reason for a due date
// that is already to, reached by a move no extension records, records
// that move. It returns the fields it changed.
func recordMove(r *edit.Record, m *yaml.Node, keys []string, to string, givenOriginal bool, mv move, today civil.Date) ([]string, error) {
	var t model.Tracking
	if err := m.Decode(&t); err != nil {
		return nil, err
	}
	newDue, err := model.ParseDue(to)
	if err != nil {
		return nil, err
	}
	var changed []string
	from := t.Due
	if newDue == t.Due {
		if mv.reason == "" || !t.UnrecordedMove() {
			return nil, nil
		}
		from = t.LastMoveTarget()
	} else if _, dated := t.Due.Deadline(); dated && t.OriginalDue == nil && !givenOriginal {
		if err := r.Set(m, originalDueField, edit.Value{Text: t.FirstDue().String(), Token: true}, keys); err != nil {
			return nil, err
		}
		changed = append(changed, originalDueField)
	}
	if mv.reason == "" {
		return changed, nil
	}
	ext := []edit.Field{
		{Key: "from", Value: edit.Value{Text: from.String(), Token: true}},
		{Key: "to", Value: edit.Value{Text: newDue.String(), Token: true}},
		{Key: "on", Value: edit.Value{Text: today.String(), Token: true}},
		{Key: "reason", Value: edit.Value{Text: mv.reason}},
	}
	if mv.approvedBy != "" {
		ext = append(ext, edit.Field{Key: "approved_by", Value: edit.Value{Text: mv.approvedBy}})
	}
	if err := r.Append(m, extensionsField, ext, keys); err != nil {
		return nil, err
	}
	return append(changed, extensionsField), nil
}
