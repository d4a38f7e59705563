package validate

import (
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"go.yaml.in/yaml/v3"
)

// redated warns when an item's due date is no longer its first promised
// one (original_due, or where its first extension started) and no
// recorded extension ends at it: the deadline moved without a reason on
// record. Values the schema or the date rules reject are left to them.
// due is the item's due, read.
func (r *rules) redated(p string, m *yaml.Node, due model.Due) {
	t, ok := trackingOf(m, due)
	if !ok || !t.UnrecordedMove() {
		return
	}
	from := t.LastMoveTarget()
	r.report(p+"/due", finding.Warning, finding.RuleRedated,
		fmt.Sprintf("due %s is not %s, the first promised date, and no extension records the move: re-dated without a recorded reason", t.Due, t.FirstDue()),
		fmt.Sprintf("record it under extensions (from: %s, to: %s, on, reason), or run mrtrack set ID --due %s --reason TEXT", from, t.Due, t.Due))
}

// trackingOf reads what the rule needs of an item with that due date: its
// first promised date, extensions and deadlines; false when one does not
// parse.
func trackingOf(m *yaml.Node, due model.Due) (model.Tracking, bool) {
	parse := func(n *yaml.Node) (model.Due, bool) {
		d, err := parseDueValue(n)
		return d, err == nil
	}
	t := model.Tracking{Due: due}
	if v := field(m, "original_due"); v != nil {
		d, ok := parse(v)
		if !ok {
			return t, false
		}
		t.OriginalDue = &d
	}
	exts, _ := items(field(m, "extensions"))
	for _, e := range exts {
		from, ok1 := parse(field(e, "from"))
		to, ok2 := parse(field(e, "to"))
		if !ok1 || !ok2 {
			return t, false
		}
		t.Extensions = append(t.Extensions, model.Extension{From: from, To: to})
	}
	list, _ := items(field(m, "deadlines"))
	for _, d := range list {
		dd, ok := parse(field(d, "due"))
		if !ok {
			return t, false
		}
		t.Deadlines = append(t.Deadlines, model.Deadline{Due: dd})
	}
	return t, true
}

// parseDueValue reads a due date the way it was written: a number (a year)
// as its digits, as fmt.Sprint writes the plain value.
func parseDueValue(n *yaml.Node) (model.Due, error) {
	return model.ParseDue(sprint(n))
}
