package model

// FirstDue is the item's first promised due date: original_due when the
// record keeps it, else where its first recorded extension started, else
// due itself.
func (t *Tracking) FirstDue() Due {
	switch {
	case t.OriginalDue != nil:
		return *t.OriginalDue
	case len(t.Extensions) > 0:
		return t.Extensions[0].From
	}
	return t.Due
}

// Redated reports whether due is no longer the first promised date. An
// item moving along its own deadlines (a met deadline makes the next one
// count) is not re-dated.
func (t *Tracking) Redated() bool {
	first := t.FirstDue()
	return first != t.Due && !(t.hasDeadline(first) && t.hasDeadline(t.Due))
}

// UnrecordedMove reports whether the item was re-dated with no recorded
// extension ending at its due date: re-dated without a reason.
func (t *Tracking) UnrecordedMove() bool {
	return t.Redated() && !t.endsExtension(t.Due)
}

// LastMoveTarget is where the last recorded extension moved the item to,
// or its first promised date when none is recorded: the due date a new
// extension starts from when due was moved without one.
func (t *Tracking) LastMoveTarget() Due {
	if n := len(t.Extensions); n > 0 {
		return t.Extensions[n-1].To
	}
	return t.FirstDue()
}

func (t *Tracking) endsExtension(d Due) bool {
	for _, e := range t.Extensions {
		if e.To == d {
			return true
		}
	}
	return false
}

func (t *Tracking) hasDeadline(d Due) bool {
	for _, dl := range t.Deadlines {
		if dl.Due == d {
			return true
		}
	}
	return false
}
