package render

import (
	"fmt"

	"github.com/mrtrack/mrtrack/pkg/model"
)

// sourceNote is what a field says of the source's wording beside its
// value: `(source: "En cours")`, or, once the value has moved on from what
// the source said (an action completed since the response was written),
// `(changed since the source: "En cours")`, so the two never read as a
// contradiction. "" when there is no wording or it is the value itself.
func (f Field) sourceNote() string {
	if f.Written == "" || f.Written == f.Value {
		return ""
	}
	if f.Changed {
		return fmt.Sprintf("(changed since the source: %q)", f.Written)
	}
	return fmt.Sprintf("(source: %q)", f.Written)
}

// statusChanged reports whether status is no longer what the source
// wording says; a wording mrtrack cannot read is not a change.
func statusChanged(status model.Status, text string) bool {
	s, ok := model.StatusOfWording(text)
	return ok && s != status
}

// dueChanged reports the same of a due date.
func dueChanged(due model.Due, text string) bool {
	d, ok := model.DueOfWording(text)
	return ok && d.String() != due.String()
}
