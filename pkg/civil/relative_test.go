package civil

import (
	"strings"
	"testing"
)

func TestParseUser(t *testing.T) {
	today := d(2024, 11, 28)
	tests := []struct {
		in   string
		want Date
	}{
		{"2025-01-01", d(2025, 1, 1)},
		{"2024-02-29", d(2024, 2, 29)},
		// A month or a year means its last day, as a deadline written
		// that way falls due then.
		{"2024-12", d(2024, 12, 31)},
		{"2024-02", d(2024, 2, 29)},
		{"2025-02", d(2025, 2, 28)},
		{"2023", d(2023, 12, 31)},
		{"today", today},
		{"now", today},
		{"Today", today},
		{"  TODAY ", today},
		{"yesterday", d(2024, 11, 27)},
		{"tomorrow", d(2024, 11, 29)},
		{"eom", d(2024, 11, 30)},
		{"EOM", d(2024, 11, 30)},
		{"eoq", d(2024, 12, 31)},
		{"eoy", d(2024, 12, 31)},
		{"+30d", d(2024, 12, 28)},
		{"+30", d(2024, 12, 28)}, // days when the unit is left out
		{"-2w", d(2024, 11, 14)},
		{"+2W", d(2024, 12, 12)},
		{"+3m", d(2025, 2, 28)}, // clamped to the end of February
		{"-1m", d(2024, 10, 28)},
		{"+1y", d(2025, 11, 28)},
		{"+0d", today},
	}
	for _, tt := range tests {
		got, err := ParseUser(tt.in, today)
		if err != nil || got != tt.want {
			t.Errorf("ParseUser(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseUserEndOfPeriodsFromOtherDays(t *testing.T) {
	tests := []struct {
		today Date
		in    string
		want  Date
	}{
		{d(2024, 2, 10), "eom", d(2024, 2, 29)},
		{d(2025, 2, 10), "eom", d(2025, 2, 28)},
		{d(2024, 12, 31), "eom", d(2024, 12, 31)},
		{d(2024, 1, 1), "eoq", d(2024, 3, 31)},
		{d(2024, 5, 15), "eoq", d(2024, 6, 30)},
		{d(2024, 7, 1), "eoq", d(2024, 9, 30)},
		{d(2024, 1, 31), "+1m", d(2024, 2, 29)},
		{d(2024, 12, 31), "+1d", d(2025, 1, 1)},
	}
	for _, tt := range tests {
		got, err := ParseUser(tt.in, tt.today)
		if err != nil || got != tt.want {
			t.Errorf("ParseUser(%q) on %v = %v, %v; want %v", tt.in, tt.today, got, err, tt.want)
		}
	}
}

func TestParseUserErrors(t *testing.T) {
	today := d(2024, 11, 28)
	tests := []struct {
		in, msg string
	}{
		{"", "empty date"},
		{"   ", "empty date"},
		{"2024-02-30", "not a calendar day"},
		{"2024-13", "not a date"},
		{"2024-00", "not a date"},
		{"0000", "not a date"},
		{"24-12-31", "not a date"},
		{"31/12/2024", "not a date"},
		{"31 décembre 2024", "not a date"},
		{"next week", "not a date"},
		{"+", "not a span"},
		{"+d", "not a span"},
		{"+3x", "not a span"},
		{"+-3d", "not a span"},
		{"++3d", "not a span"},
		{"+1.5m", "not a span"},
	}
	for _, tt := range tests {
		got, err := ParseUser(tt.in, today)
		if err == nil {
			t.Errorf("ParseUser(%q) = %v, want an error", tt.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParseUser(%q) error %q does not say %q", tt.in, err, tt.msg)
		}
	}
}

func TestParseSpan(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		unit Unit
	}{
		{"30d", 30, Days},
		{"30", 30, Days},
		{"0", 0, Days},
		{"2w", 2, Weeks},
		{"6m", 6, Months},
		{"1y", 1, Years},
		{" 3M ", 3, Months},
	}
	for _, tt := range tests {
		n, unit, err := ParseSpan(tt.in)
		if err != nil || n != tt.n || unit != tt.unit {
			t.Errorf("ParseSpan(%q) = %d, %c, %v; want %d, %c", tt.in, n, unit, err, tt.n, tt.unit)
		}
	}
	for _, bad := range []string{"", "d", "-3d", "+3d", "3x", "3 d", "1e3", "100001", "thirty"} {
		if n, unit, err := ParseSpan(bad); err == nil {
			t.Errorf("ParseSpan(%q) = %d, %c, want an error", bad, n, unit)
		}
	}
}

func TestUnitNames(t *testing.T) {
	want := []string{"day", "week", "month", "year"}
	for i, u := range Units {
		if u.Name() != want[i] {
			t.Errorf("%c: Name() = %q, want %q", u, u.Name(), want[i])
		}
	}
	if Unit('x').Name() != "" {
		t.Errorf("an unknown unit has a name")
	}
}
