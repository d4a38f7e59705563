package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/edit"
	"github.com/mrtrack/mrtrack/pkg/escape"
	"github.com/mrtrack/mrtrack/pkg/printers"
	"github.com/mrtrack/mrtrack/pkg/round"
	"github.com/mrtrack/mrtrack/pkg/termtext"
)

// fileChange is what a form changes in one record file.
type fileChange struct {
	file  edit.File
	items []collected
	// What each item had changed and removed, once applied.
	changed, removed [][]string
	res              *edit.Result
}

// write applies a checked form: every record file it touches is first
// changed in a dry run, so a form whose change one file refuses writes
// none; then for real (unless --dry-run), then the round file.
func (c *collector) write(name string, rf *roundFile, owner *round.Owner, day civil.Date, todo []collected, requests []round.ExtensionRequest) (bool, error) {
	env := c.env
	var changes []*fileChange
	byFile := map[string]*fileChange{}
	for _, cl := range todo {
		f, err := recordFile(env, c.g, cl.target, true)
		if err != nil {
			return false, err
		}
		fc := byFile[f.Abs]
		if fc == nil {
			fc = &fileChange{file: f}
			byFile[f.Abs] = fc
			changes = append(changes, fc)
		}
		fc.items = append(fc.items, cl)
	}
	for _, dry := range []bool{true, c.opts.dryRun} {
		for _, fc := range changes {
			fc.file.DryRun = dry
			if err := fc.apply(day); err != nil {
				if err := editFailed(env, err, ExitFindings); codeOf(err) != ExitFindings {
					return false, err
				}
				fmt.Fprintf(env.Stderr, "mrtrack: %s: not collected: %s\n", escape.Line(name), escape.Line(err.Error()))
				return false, nil
			}
		}
		if dry && c.opts.dryRun {
			break
		}
	}
	reply := round.Reply{Owner: owner.Name, On: day, Requests: requests}
	rres, err := edit.Rewrite(edit.File{Path: rf.file.Path, Abs: rf.file.Abs, Root: rf.file.Root, DryRun: c.opts.dryRun}, func(old []byte) ([]byte, error) {
		return round.Record(rf.file.Path, old, reply)
	})
	if err != nil {
		var invalid *round.InvalidError
		if errors.As(err, &invalid) {
			printers.Text{}.Findings(env.Stderr, invalid.Findings)
			return false, &exitError{code: ExitFindings, err: err}
		}
		return false, editFailed(env, err, ExitCannotRun)
	}
	c.report(name, rf, owner, day, changes, rres, requests)
	return true, nil
}

// apply makes the file's changes, as set makes them (setValues and
// stampCompletion), with the day of the reply as the day.
func (fc *fileChange) apply(day civil.Date) error {
	var scopes []edit.Scope
	for _, cl := range fc.items {
		scopes = append(scopes, edit.Scope{Item: itemOf(cl.target), Keys: []string{"status", appendField, stampField, completedField}})
	}
	fc.changed, fc.removed = make([][]string, len(fc.items)), make([][]string, len(fc.items))
	res, err := edit.Apply(fc.file, scopes, func(r *edit.Record) error {
		for i, cl := range fc.items {
			item := itemOf(cl.target)
			values, err := withoutRepeat(r, item, cl.values, day, cl.set)
			if err != nil {
				return fmt.Errorf("%s: %w", fc.file.Path, err)
			}
			if fc.changed[i], err = setValues(r, fc.file, item, values, day, cl.set); err != nil {
				return err
			}
			if fc.removed[i], err = stampCompletion(r, fc.file, item, values, day, cl.set, &fc.changed[i]); err != nil {
				return err
			}
		}
		return nil
	})
	fc.res = res
	return err
}

// withoutRepeat leaves the progress out of values when, appended, it is
// there already: the form was collected before, and collecting it again
// must change nothing.
func withoutRepeat(r *edit.Record, item edit.Item, values []assignment, day civil.Date, opts *setOptions) ([]assignment, error) {
	if !opts.append {
		return values, nil
	}
	m, _, err := r.Find(item)
	if err != nil {
		return nil, err
	}
	cur := ""
	if n := edit.Lookup(m, appendField); n != nil {
		cur = strings.TrimRight(n.Value, " \n")
	}
	var out []assignment
	for _, a := range values {
		p := appendParagraph("", day, a.value)
		if a.field == appendField && (cur == p || strings.HasSuffix(cur, "\n"+p)) {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

// report says what collecting a form did, and the commit message that
// says it in the history.
func (c *collector) report(name string, rf *roundFile, owner *round.Owner, day civil.Date, changes []*fileChange, rres *edit.Result, requests []round.ExtensionRequest) {
	out := c.env.Stdout
	items := 0
	for _, fc := range changes {
		for i := range fc.items {
			if len(fc.changed[i]) > 0 || len(fc.removed[i]) > 0 {
				items++
			}
		}
	}
	if c.opts.dryRun {
		for _, fc := range changes {
			if fc.res.Changed() {
				fmt.Fprint(out, fc.res.Diff())
			}
		}
		if rres.Changed() {
			fmt.Fprint(out, rres.Diff())
		}
	}
	who := fmt.Sprintf("%s: %s, round %s", escape.Line(name), escape.Line(owner.Name), rf.Name)
	if items == 0 && !rres.Changed() {
		fmt.Fprintf(out, "%s: nothing to change (collected on %s)\n", who, day)
		return
	}
	if c.opts.dryRun {
		fmt.Fprintf(out, "%s: would change %s; nothing was written (--dry-run)\n", who, termtext.Plural(items, "item"))
		return
	}
	fmt.Fprintf(out, "%s, reply of %s\n", who, day)
	for _, fc := range changes {
		for i, cl := range fc.items {
			if len(fc.changed[i]) > 0 || len(fc.removed[i]) > 0 {
				fmt.Fprintf(out, "  %s: set %s of %s%s\n", escape.Line(fc.file.Path), strings.Join(fc.changed[i], ", "), escape.Line(cl.target.ID()), removedNote(fc.removed[i]))
			}
		}
		printers.Text{}.Findings(c.env.Stderr, fc.res.Findings)
	}
	var asked []string
	for _, r := range requests {
		asked = append(asked, fmt.Sprintf("%s to %s", escape.Line(r.ID), escape.Line(r.To)))
	}
	note := "recorded the reply"
	if len(asked) > 0 {
		note += "; extension requested, not applied: " + strings.Join(asked, ", ")
	}
	fmt.Fprintf(out, "  %s: %s\n", escape.Line(rf.file.Path), note)
	msg := fmt.Sprintf("round %s: update from %s (%s", rf.Name, escape.Line(owner.Name), termtext.Plural(items, "item"))
	if items == 0 {
		msg = fmt.Sprintf("round %s: reply from %s (no change to the records", rf.Name, escape.Line(owner.Name))
	}
	if len(requests) > 0 {
		msg += ", " + termtext.Plural(len(requests), "extension request")
	}
	fmt.Fprintf(out, "suggested commit message: %s)\n", msg)
}
