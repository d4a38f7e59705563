package owners

import (
	"bytes"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
)

// No owners.yaml crashes the parser; every finding is placed inside the
// file; a list comes back exactly when there is no error, and its names
// are single lines, so nothing read from it can break a header.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte(Modeline + "\nowners:\n  - name: A\n    emails: [a@example.org]\n  - name: a\n"))
	f.Add([]byte("owners: [{name: \"x\\ny\"}]\n"))
	f.Add([]byte("owners: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, fs := Parse("owners.yaml", data)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, fd := range fs {
			if fd.Line < 0 || fd.Line > lines || fd.Col < 0 {
				t.Fatalf("finding outside the file (%d lines): %+v", lines, fd)
			}
		}
		errs, _ := finding.Count(fs)
		if (list == nil) != (errs > 0) {
			t.Fatalf("list %v with %d errors: %+v", list != nil, errs, fs)
		}
		if list == nil {
			return
		}
		for _, o := range append([]Owner{{Name: list.Office.Name}}, list.Owners...) {
			if bytes.ContainsAny([]byte(o.Name), "\r\n") {
				t.Fatalf("name with a line break: %q", o.Name)
			}
		}
	})
}
