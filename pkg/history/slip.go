package history

import (
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// Recorded adds to what the history says of an item's due date what its
// record says, up to the end of day upTo: each recorded extension is a
// move, even one no commit shows (a response transcribed with its
// extensions, or a clone whose history starts later), and a due date that
// is no longer the first promised one moved at least once. A move both
// know is counted once: the larger count wins, and when the record's does,
// the first date and the days moved are the record's too.
func (s Slip) Recorded(t *model.Tracking, upTo civil.Date) Slip {
	n := 0
	for _, e := range t.Extensions {
		if !e.On.After(upTo) {
			n++
		}
	}
	if n == 0 && t.Redated() {
		n = 1
	}
	if n <= s.Moves {
		return s
	}
	first := t.FirstDue()
	s.Moves, s.First = n, first.String()
	from, ok1 := first.Deadline()
	to, ok2 := t.Due.Deadline()
	if ok1 && ok2 {
		s.Days = to.DaysSince(from)
	}
	return s
}
