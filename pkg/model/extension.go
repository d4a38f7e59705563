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

// Moved reports whether the record says the due date moved: an extension
// is recorded, or due is no longer the first promised date.
func (t *Tracking) Moved() bool {
	return len(t.Extensions) > 0 || t.FirstDue() != t.Due
}

// UnrecordedMove reports whether due differs from the first promised date
// with no recorded extension ending at it: re-dated without a reason. An
// item moving along its own deadlines (a met deadline makes the next one
// count) is not re-dated.
func (t *Tracking) UnrecordedMove() bool {
	first := t.FirstDue()
	if first == t.Due || t.endsExtension(t.Due) {
		return false
	}
	return !(t.hasDeadline(first) && t.hasDeadline(t.Due))
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
