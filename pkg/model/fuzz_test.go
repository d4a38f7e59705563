package model

import "testing"

// FuzzParseDue: whatever the text, ParseDue returns a due date or an error;
// what it accepts writes back in the record format and reads back the same,
// and a dated one has a real deadline.
func FuzzParseDue(f *testing.F) {
	for _, s := range []string{"2024-12-31", "2023-10", "2023", "continuous", "conditional", "unknown", "every 6 months",
		"every 1 day", "every 2 weeks", "every 01 years", "every 0 days", "every 99999999999999999999 days", "0000",
		"2024-02-30", "2024-13", " 2024 ", "every 6 fortnights", "TODO: set the date"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDue(s)
		if err != nil {
			return
		}
		again, err := ParseDue(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDue(%q) = %+v, written %q, read back %+v, %v", s, d, d.String(), again, err)
		}
		if end, dated := d.Deadline(); dated && !end.Valid() {
			t.Fatalf("ParseDue(%q) falls due on %v, not a day", s, end)
		}
	})
}
