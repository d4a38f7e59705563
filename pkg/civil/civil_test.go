package civil

import (
	"fmt"
	"testing"
	"time"
)

func d(y int, m time.Month, day int) Date { return New(y, m, day) }

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2024-12-31", d(2024, 12, 31), true},
		{"2024-02-29", d(2024, 2, 29), true}, // leap year
		{"2023-02-29", Date{}, false},        // not a leap year
		{"1900-02-29", Date{}, false},        // century, not a leap year
		{"2000-02-29", d(2000, 2, 29), true}, // 400th year, leap
		{"2024-04-31", Date{}, false},
		{"2024-13-01", Date{}, false},
		{"2024-00-10", Date{}, false},
		{"0000-01-01", Date{}, false},
		{"2024-1-01", Date{}, false},
		{"2024/01/01", Date{}, false},
		{"+024-01-01", Date{}, false},
		{"2024-01-0x", Date{}, false},
		{" 2024-01-01", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestDaysIn(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		want int
	}{
		{2024, 1, 31}, {2024, 2, 29}, {2025, 2, 28}, {2100, 2, 28}, {2000, 2, 29}, {2024, 4, 30}, {2024, 12, 31},
	}
	for _, tt := range tests {
		if got := DaysIn(tt.y, tt.m); got != tt.want {
			t.Errorf("DaysIn(%d, %d) = %d, want %d", tt.y, tt.m, got, tt.want)
		}
	}
}

// DaysIn's table must say what time.Date says, in every month of the
// years a record can hold and around them, and out of range.
func TestDaysInAgreesWithTime(t *testing.T) {
	for y := -401; y <= 10000; y++ {
		for m := time.Month(-1); m <= 14; m++ {
			if got, want := DaysIn(y, m), time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("DaysIn(%d, %d) = %d, time.Date says %d", y, m, got, want)
			}
		}
	}
}

func TestPeriodEnds(t *testing.T) {
	tests := []struct {
		in                 Date
		month, quarter, yr Date
	}{
		{d(2024, 1, 15), d(2024, 1, 31), d(2024, 3, 31), d(2024, 12, 31)},
		{d(2024, 2, 1), d(2024, 2, 29), d(2024, 3, 31), d(2024, 12, 31)},
		{d(2025, 2, 28), d(2025, 2, 28), d(2025, 3, 31), d(2025, 12, 31)},
		{d(2024, 4, 1), d(2024, 4, 30), d(2024, 6, 30), d(2024, 12, 31)},
		{d(2024, 9, 30), d(2024, 9, 30), d(2024, 9, 30), d(2024, 12, 31)},
		{d(2024, 11, 28), d(2024, 11, 30), d(2024, 12, 31), d(2024, 12, 31)},
	}
	for _, tt := range tests {
		if got := tt.in.EndOfMonth(); got != tt.month {
			t.Errorf("%v.EndOfMonth() = %v, want %v", tt.in, got, tt.month)
		}
		if got := tt.in.EndOfQuarter(); got != tt.quarter {
			t.Errorf("%v.EndOfQuarter() = %v, want %v", tt.in, got, tt.quarter)
		}
		if got := tt.in.EndOfYear(); got != tt.yr {
			t.Errorf("%v.EndOfYear() = %v, want %v", tt.in, got, tt.yr)
		}
	}
}

func TestArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  Date
		want Date
	}{
		{"+1 day over a year end", d(2024, 12, 31).AddDays(1), d(2025, 1, 1)},
		{"-1 day over a leap day", d(2024, 3, 1).AddDays(-1), d(2024, 2, 29)},
		{"+30 days", d(2024, 12, 15).AddDays(30), d(2025, 1, 14)},
		{"+1 month clamps to February", d(2024, 1, 31).AddMonths(1), d(2024, 2, 29)},
		{"+1 month clamps in a common year", d(2025, 1, 31).AddMonths(1), d(2025, 2, 28)},
		{"-1 month over a year start", d(2025, 1, 15).AddMonths(-1), d(2024, 12, 15)},
		{"+12 months from a leap day", d(2024, 2, 29).AddMonths(12), d(2025, 2, 28)},
		{"+2 weeks", d(2024, 12, 25).Add(2, Weeks), d(2025, 1, 8)},
		{"+1 year", d(2024, 6, 1).Add(1, Years), d(2025, 6, 1)},
		{"+3 days", d(2024, 6, 1).Add(3, Days), d(2024, 6, 4)},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestDaysSince(t *testing.T) {
	tests := []struct {
		a, b Date
		want int
	}{
		{d(2025, 1, 1), d(2024, 12, 31), 1},
		{d(2024, 12, 31), d(2025, 1, 1), -1},
		{d(2025, 1, 1), d(2024, 1, 1), 366}, // 2024 is a leap year
		{d(2026, 11, 28), d(2024, 12, 31), 697},
		{d(2024, 6, 1), d(2024, 6, 1), 0},
		// Across the European clock change: still whole days.
		{d(2024, 3, 31), d(2024, 3, 30), 1},
	}
	for _, tt := range tests {
		if got := tt.a.DaysSince(tt.b); got != tt.want {
			t.Errorf("%v.DaysSince(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCompare(t *testing.T) {
	a, b := d(2024, 12, 31), d(2025, 1, 1)
	if !a.Before(b) || a.After(b) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Errorf("comparisons of %v and %v are wrong", a, b)
	}
	if !d(2024, 2, 1).After(d(2024, 1, 31)) || !d(2024, 1, 2).After(d(2024, 1, 1)) {
		t.Error("month or day order is wrong")
	}
}

func TestOf(t *testing.T) {
	// The day in the time's own zone: late evening in New York is still
	// that day there, though already the next in UTC.
	ny := time.FixedZone("EST", -5*3600)
	if got := Of(time.Date(2024, 12, 31, 22, 0, 0, 0, ny)); got != d(2024, 12, 31) {
		t.Errorf("Of = %v, want 2024-12-31", got)
	}
}

func TestText(t *testing.T) {
	var z Date
	if !z.IsZero() || z.String() != "" || z.Valid() {
		t.Errorf("zero Date: IsZero %v, String %q, Valid %v", z.IsZero(), z.String(), z.Valid())
	}
	b, err := d(2024, 3, 5).MarshalText()
	if err != nil || string(b) != "2024-03-05" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	var got Date
	if err := got.UnmarshalText([]byte("2024-03-05")); err != nil || got != d(2024, 3, 5) {
		t.Errorf("UnmarshalText = %v, %v", got, err)
	}
	if err := got.UnmarshalText([]byte("5 mars 2024")); err == nil {
		t.Error("UnmarshalText accepted a French date")
	}
}

func TestStringIsPercent04d(t *testing.T) {
	for _, d := range []Date{{1, 1, 1}, {999, 12, 31}, {2024, 2, 29}, {9999, 12, 31}, {10000, 1, 1}, {-1, 1, 1}, {2024, 0, 5}, {2024, 13, 40}, {2024, 100, 1}} {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day); got != want {
			t.Errorf("%#v.String() = %q, want %q", d, got, want)
		}
	}
}
