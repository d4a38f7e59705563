package validate

import (
	"fmt"
	"strconv"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// The rules of the fields format v2 added: completion days, the
// evaluation office's verification, several deadlines, extensions, and
// days that have not happened yet. today is the day to measure against
// (--as-of); when it is zero (a caller with no clock, such as history at
// an old revision) the rules about the future are not applied.

// formatV2 runs the v2 rules on the file.
func (r *rules) formatV2(today civil.Date) {
	m, _ := r.value.(map[string]any)
	if r.file.Kind == KindEvaluation {
		r.dayOrMonth("/completed_on", m["completed_on"])
		return
	}
	actions, _ := m["actions"].([]any)
	for i, a := range actions {
		am, _ := a.(map[string]any)
		p := "/actions/" + strconv.Itoa(i)
		end, dated := r.item(p, am, today)
		steps, _ := am["steps"].([]any)
		for j, s := range steps {
			sm, _ := s.(map[string]any)
			sp := p + "/steps/" + strconv.Itoa(j)
			if stepEnd, ok := r.item(sp, sm, today); ok && dated && stepEnd.After(end) {
				r.report(sp+"/due", finding.Warning, finding.RuleStepAfterAction,
					fmt.Sprintf("step %v falls due on %s, after its action (%s)", sm["number"], stepEnd, end),
					"move the step's due date, or the action's: an action is not done before its steps")
			}
		}
	}
}

// item checks one action or step and returns the day its current
// deadline falls, false when it has none.
func (r *rules) item(p string, m map[string]any, today civil.Date) (civil.Date, bool) {
	status, _ := m["status"].(string)
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
	if v, ok := m["verification"].(map[string]any); ok {
		// A returned verification says why the item went back to work, so
		// it may stand on an item that is not completed; an accepted one
		// may not.
		accepted := v["status"] == string(model.Accepted)
		if accepted && status != string(model.Completed) {
			r.report(p+"/verification", finding.Error, finding.RuleVerification,
				fmt.Sprintf("the item is accepted as completed but its status is %s", status),
				"the evaluation office validates completed items only: remove verification, or set the status to completed")
		}
		if evidence, _ := m["evidence"].([]any); accepted && status == string(model.Completed) && len(evidence) == 0 {
			r.report(p+"/verification", finding.Warning, finding.RuleAcceptedNoEvidence,
				"the completion is accepted but the item lists no evidence",
				"add the report, decision or link that shows the work is done under evidence")
		}
		if on, ok := r.dayIn(v, p+"/verification", "on"); ok {
			r.future(p, "verification/on", "verification.on", on, today)
		}
	}
	exts, _ := m["extensions"].([]any)
	for k, e := range exts {
		em, _ := e.(map[string]any)
		ep := p + "/extensions/" + strconv.Itoa(k)
		r.dueMonth(ep+"/from", "from", em["from"])
		r.dueMonth(ep+"/to", "to", em["to"])
		if on, ok := r.dayIn(em, ep, "on"); ok {
			r.future(ep, "on", "the extension's on", on, today)
		}
	}
	r.redated(p, m)
	due, err := parseDueValue(m["due"])
	if err != nil {
		return civil.Date{}, false
	}
	if list, ok := m["deadlines"].([]any); ok {
		r.deadlines(p, list, due, today)
	}
	return due.Deadline()
}

// deadlines checks that an item's deadlines are in order, are met in
// order, and that due is the first not met (the last once all are).
func (r *rules) deadlines(p string, list []any, due model.Due, today civil.Date) {
	var prev civil.Date
	current, unmet := -1, false
	var currentDue model.Due
	for k, d := range list {
		dm, _ := d.(map[string]any)
		dp := p + "/deadlines/" + strconv.Itoa(k)
		dd, err := parseDueValue(dm["due"])
		if err != nil {
			return // the schema or the date rule says why
		}
		end, _ := dd.Deadline()
		if k > 0 && !end.After(prev) {
			r.report(dp+"/due", finding.Error, finding.RuleDeadlinesOrder,
				fmt.Sprintf("deadline %d (%s) is not after deadline %d (%s)", k+1, dd, k, list[k-1].(map[string]any)["due"]),
				"list the deadlines in the order they fall")
		}
		prev = end
		met, isMet := r.dayIn(dm, dp, "met_on")
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
		last, _ := list[len(list)-1].(map[string]any)
		currentDue, _ = parseDueValue(last["due"])
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
func (r *rules) day(p, key string, v any) (civil.Date, bool) {
	s, ok := v.(string)
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
func (r *rules) dayIn(m map[string]any, p, key string) (civil.Date, bool) {
	v, ok := m[key]
	if !ok {
		return civil.Date{}, false
	}
	return r.day(p, key, v)
}

// dayOrMonth checks a day or a month (the evaluation's completed_on).
func (r *rules) dayOrMonth(pointer string, v any) {
	if s, ok := v.(string); ok && shaped(s, "0000-00") {
		r.dueMonth(pointer, fieldName(pointer), v)
		return
	}
	r.day(pointer, "", v)
}

// dueMonth reports a due date written as a month that does not exist
// (2025-13), in the fields the existing date rule does not read.
func (r *rules) dueMonth(pointer, name string, v any) {
	if s, ok := v.(string); ok && shaped(s, "0000-00") {
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
