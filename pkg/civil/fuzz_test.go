package civil

import (
	"testing"
	"time"
)

// The date grammars of mrtrack: whatever the text, a parse returns a date
// or an error, never panics, and what it accepts is what it means.

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2024-12-31", "2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2024-13-01", "2024-1-1", "+024-01-01", "２０２４-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		if !d.Valid() || d.String() != s {
			t.Fatalf("Parse(%q) = %v (valid %v), which writes back as %q", s, d, d.Valid(), d.String())
		}
	})
}

func FuzzParseUser(f *testing.F) {
	for _, s := range []string{"today", "yesterday", "tomorrow", "eom", "eoq", "eoy", "2024", "2024-02", "2024-02-29",
		"+30d", "-2w", "+3m", "-1y", "+100000y", "-100000d", "+", "-", "0000", "2024-00", " EOQ ", "+30"} {
		f.Add(s, 2025, 6, 30)
	}
	f.Fuzz(func(t *testing.T, s string, y, m, d int) {
		today := New(y, time.Month(m), d)
		if !today.Valid() {
			return
		}
		got, err := ParseUser(s, today)
		if err != nil {
			return
		}
		if got.IsZero() {
			t.Fatalf("ParseUser(%q) = the zero date, no error", s)
		}
		if p, perr := Parse(s); perr == nil && p != got {
			t.Fatalf("ParseUser(%q) = %v, Parse says %v", s, got, p)
		}
	})
}

func FuzzParseSpan(f *testing.F) {
	for _, s := range []string{"30d", "2w", "6m", "1y", "30", "0d", "100000d", "100001d", "-1d", "+1d", " 3M ", "d", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, unit, err := ParseSpan(s)
		if err != nil {
			return
		}
		if n < 0 || n > 100000 || (unit != Days && unit != Weeks && unit != Months && unit != Years) {
			t.Fatalf("ParseSpan(%q) = %d %c", s, n, unit)
		}
	})
}
