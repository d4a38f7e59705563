package validate

import (
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// redated warns when an item's due date is no longer its first promised
// one (original_due, or where its first extension started) and no
// recorded extension ends at it: the deadline moved without a reason on
// record. Values the schema or the date rules reject are left to them.
func (r *rules) redated(p string, m map[string]any) {
	t, ok := trackingOf(m)
	if !ok || !t.UnrecordedMove() {
		return
	}
	from := t.LastMoveTarget()
	r.report(p+"/due", finding.Warning, finding.RuleRedated,
		fmt.Sprintf("due %s is not %s, the first promised date, and no extension records the move: re-dated without a recorded reason", t.Due, t.FirstDue()),
		fmt.Sprintf("record it under extensions (from: %s, to: %s, on, reason), or run mrtrack set ID --due %s --reason TEXT", from, t.Due, t.Due))
}

// trackingOf reads what the rule needs of an item: its due date, first
// promised date, extensions and deadlines; false when one does not parse.
func trackingOf(m map[string]any) (model.Tracking, bool) {
	parse := func(v any) (model.Due, bool) {
		d, err := parseDueValue(v)
		return d, err == nil
	}
	var t model.Tracking
	var ok bool
	if t.Due, ok = parse(m["due"]); !ok {
		return t, false
	}
	if v, has := m["original_due"]; has {
		d, ok := parse(v)
		if !ok {
			return t, false
		}
		t.OriginalDue = &d
	}
	exts, _ := m["extensions"].([]any)
	for _, e := range exts {
		em, _ := e.(map[string]any)
		from, ok1 := parse(em["from"])
		to, ok2 := parse(em["to"])
		if !ok1 || !ok2 {
			return t, false
		}
		t.Extensions = append(t.Extensions, model.Extension{From: from, To: to})
	}
	list, _ := m["deadlines"].([]any)
	for _, d := range list {
		dm, _ := d.(map[string]any)
		due, ok := parse(dm["due"])
		if !ok {
			return t, false
		}
		t.Deadlines = append(t.Deadlines, model.Deadline{Due: due})
	}
	return t, true
}

// parseDueValue reads a due date the way it was written: a number (a year)
// as its digits.
func parseDueValue(v any) (model.Due, error) {
	if s, ok := v.(string); ok {
		return model.ParseDue(s) // fmt.Sprint would copy it
	}
	return model.ParseDue(fmt.Sprint(v))
}
