package report

import (
	"testing"
)

// FuzzParsePeriod: --period never panics; a period it takes starts on or
// before its end, and its name reads back as the same period.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025", "2025-Q1", "2024-07..2025-06", "2024-07-01..2025-06-30", "2025..today", "0001-Q1", "9999", "..", "2025-Q", "+3m..+1y"} {
		f.Add(s)
	}
	today := day("2025-05-10")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s, today)
		if err != nil {
			return
		}
		if p.To.Before(p.From) {
			t.Fatalf("%q: %s ends before it starts", s, p.Name)
		}
		again, err := ParsePeriod(p.Name, today)
		if err != nil || again != p {
			t.Fatalf("%q gives %+v, whose name %q reads as %+v, %v", s, p, p.Name, again, err)
		}
	})
}
