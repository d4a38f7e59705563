package validate

import (
	"fmt"
	"strconv"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"go.yaml.in/yaml/v3"
)

// The rules of the fields format v2 added: completion days, the
// evaluation office's verification, several deadlines, extensions, and
// days that have not happened yet. today is the day to measure against
// (--as-of); when it is zero (a caller with no clock, such as history at
// an old revision) the rules about the future are not applied.

// formatV2 runs the v2 rules on the file.
func (r *rules) formatV2(today civil.Date) {
	m := r.root
	if r.file.Kind == KindEvaluation {
		r.dayOrMonth("/completed_on", field(m, "completed_on"))
		return
	}
	actions, _ := items(field(m, "actions"))
	for i, a := range actions {
		p := "/actions/" + strconv.Itoa(i)
		end, dated := r.item(p, a, today)
		steps, _ := items(field(a, "steps"))
		for j, s := range steps {
			sp := p + "/steps/" + strconv.Itoa(j)
			if stepEnd, ok := r.item(sp, s, today); ok && dated && stepEnd.After(end) {
				r.report(sp+"/due", finding.Warning, finding.RuleStepAfterAction,
					fmt.Sprintf("step %s falls due on %s, after its action (%s)", sprint(field(s, "number")), stepEnd, end),
					"move the step's due date, or the action's: an action is not done before its steps")
			}
		}
	}
}

// item checks one action or step and returns the day its current
// deadline falls, false when it has none.
func (r *rules) item(p string, m *yaml.Node, today civil.Date) (civil.Date, bool) {
	status, _ := text(field(m, "status"))
	added, hasAdded := r.dayIn(m, p, "added")
	if done, ok := r.dayIn(m, p, "completed_on"); ok {
		switch {
		case status != string(model.Completed):
			r.report(p+"/completed_on", finding.Error, finding.RuleCompletedOn,
				fmt.Sprintf("completed_on is %s but the status is %s", done, status),
				"remove completed_on, or set the status to completed")
		case hasAdded && done.Before(added):
			r.report(p+"/completed_on", finding.Error, finding.RuleCompletedOn,
				fmt.Sprintf("completed_on %s is before the item was added (%s)", done, added),
				"check both days: work is completed after it is added")
		}
		r.future(p, "completed_on", "completed_on", done, today)
	}
	if updated, ok := r.dayIn(m, p, "updated"); ok {
		r.future(p, "updated", "updated", updated, today)
	}
	if v := field(m, "verification"); isMapping(v) {
		// A returned verification says why the item went back to work, so
		// it may stand on an item that is not completed; an accepted one
		// may not.
		vs, _ := text(field(v, "status"))
		accepted := vs == string(model.Accepted)
		if accepted && status != string(model.Completed) {
			r.report(p+"/verification", finding.Error, finding.RuleVerification,
				fmt.Sprintf("the item is accepted as completed but its status is %s", status),
				"the evaluation office validates completed items only: remove verification, or set the status to completed")
		}
		if evidence, _ := items(field(m, "evidence")); accepted && status == string(model.Completed) && len(evidence) == 0 {
			r.report(p+"/verification", finding.Warning, finding.RuleAcceptedNoEvidence,
				"the completion is accepted but the item lists no evidence",
				"add the report, decision or link that shows the work is done under evidence")
		}
		if on, ok := r.dayIn(v, p+"/verification", "on"); ok {
			r.future(p, "verification/on", "verification.on", on, today)
		}
	}
	exts, _ := items(field(m, "extensions"))
	for k, e := range exts {
		ep := p + "/extensions/" + strconv.Itoa(k)
		r.dueMonth(ep+"/from", "from", field(e, "from"))
		r.dueMonth(ep+"/to", "to", field(e, "to"))
		if on, ok := r.dayIn(e, ep, "on"); ok {
			r.future(ep, "on", "the extension's on", on, today)
		}
	}
	due, err := parseDueValue(field(m, "due"))
	if err != nil {
		return civil.Date{}, false // the schema or the date rule says why
	}
	r.redated(p, m, due)
	if list, ok := items(field(m, "deadlines")); ok {
		r.deadlines(p, list, due, today)
	}
	return due.Deadline()
}

// deadlines checks that an item's deadlines are in order, are met in
// order, and that due is the first not met (the last once all are).
func (r *rules) deadlines(p string, list []*yaml.Node, due model.Due, today civil.Date) {
	var prev civil.Date
	current, unmet := -1, false
	var currentDue model.Due
	for k, d := range list {
		dp := p + "/deadlines/" + strconv.Itoa(k)
		dd, err := parseDueValue(field(d, "due"))
		if err != nil {
			return // the schema or the date rule says why
		}
		end, _ := dd.Deadline()
		if k > 0 && !end.After(prev) {
			r.report(dp+"/due", finding.Error, finding.RuleDeadlinesOrder,
				fmt.Sprintf("deadline %d (%s) is not after deadline %d (%s)", k+1, dd, k, sprint(field(list[k-1], "due"))),
				"list the deadlines in the order they fall")
		}
		prev = end
		met, isMet := r.dayIn(d, dp, "met_on")
		switch {
		case isMet && unmet:
			r.report(dp+"/met_on", finding.Error, finding.RuleDeadlinesOrder,
				fmt.Sprintf("deadline %d is met but an earlier one is not", k+1),
				"record met_on on the earlier deadline first, or remove this one")
		case isMet:
			r.future(dp, "met_on", "met_on", met, today)
		case !unmet:
			unmet, current, currentDue = true, k, dd
		}
	}
	if current < 0 && len(list) > 0 {
		currentDue, _ = parseDueValue(field(list[len(list)-1], "due"))
		current = len(list) - 1
	}
	if current >= 0 && due != currentDue {
		r.report(p+"/due", finding.Error, finding.RuleDeadlinesDue,
			fmt.Sprintf("due is %s but deadline %d of %d, the first not met, is %s", due, current+1, len(list), currentDue),
			fmt.Sprintf("write due: %s (due is the deadline that counts now)", currentDue))
	}
}

// day reads a day written YYYY-MM-DD and reports one that is not on the
// calendar (the schema checks the shape).
func (r *rules) day(p, key string, n *yaml.Node) (civil.Date, bool) {
	s, ok := text(n)
	if !ok || !shaped(s, "0000-00-00") {
		return civil.Date{}, false
	}
	d, err := civil.Parse(s)
	if err != nil {
		pointer := join(p, key)
		r.report(pointer, finding.Error, finding.RuleInvalidDate, fmt.Sprintf("%s %s is not a calendar day", fieldName(pointer), s),
			"check the day and month")
		return civil.Date{}, false
	}
	return d, true
}

// join is the pointer to key under p ("" for p itself), written only for
// a finding: most values pass every rule, and each pointer written is an
// allocation.
func join(p, key string) string {
	if key == "" {
		return p
	}
	return p + "/" + key
}

// dayIn is day for the field key of the mapping m at p: most items lack
// most of these fields, and the pointer is only written for a finding.
func (r *rules) dayIn(m *yaml.Node, p, key string) (civil.Date, bool) {
	v := field(m, key)
	if v == nil {
		return civil.Date{}, false
	}
	return r.day(p, key, v)
}

// dayOrMonth checks a day or a month (the evaluation's completed_on).
func (r *rules) dayOrMonth(pointer string, v *yaml.Node) {
	if s, ok := text(v); ok && shaped(s, "0000-00") {
		r.dueMonth(pointer, fieldName(pointer), v)
		return
	}
	r.day(pointer, "", v)
}

// dueMonth reports a due date written as a month that does not exist
// (2025-13), in the fields the existing date rule does not read.
func (r *rules) dueMonth(pointer, name string, v *yaml.Node) {
	if s, ok := text(v); ok && shaped(s, "0000-00") {
		if _, err := model.ParseDue(s); err != nil {
			r.report(pointer, finding.Error, finding.RuleInvalidDate, fmt.Sprintf("%s %s is not a calendar month", name, s),
				"months run from 01 to 12")
		}
	}
}

// future reports a day later than today: it has not happened yet.
func (r *rules) future(p, key, name string, d, today civil.Date) {
	if !today.IsZero() && d.After(today) {
		r.report(join(p, key), finding.Error, finding.RuleFutureDate,
			fmt.Sprintf("%s %s is after today (%s): it has not happened yet", name, d, today),
			"write the day it happened; to check against another day, pass --as-of")
	}
}
