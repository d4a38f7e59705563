package render

import (
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/model"
)

// deadlineOf says which of several deadlines due is: " (deadline 2 of
// 2)", "" for an item with one.
func deadlineOf(t *model.Tracking) string {
	if len(t.Deadlines) == 0 {
		return ""
	}
	return fmt.Sprintf(" (deadline %d of %d)", t.DeadlineNumber(), t.DeadlineCount())
}

// notInSource reports a header line whose field the source did not give
// (an optional field left out): show leaves it out rather than print an
// empty value or a zero day.
func notInSource(f Field) bool {
	return f.Value == ""
}
