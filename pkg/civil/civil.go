// Package civil holds calendar days without time of day or zone, the unit
// every due date and "today" in mrtrack is measured in. It never reads the
// clock: callers pass today in.
package civil

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a day in the proleptic Gregorian calendar. The zero Date is not a
// valid day and reports IsZero.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Of returns the calendar day of t in t's own location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// New returns the date y-m-d. It does not normalise: check Valid.
func New(y int, m time.Month, d int) Date { return Date{y, m, d} }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a real calendar day (2024-02-30 does not).
func (d Date) Valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Year < 1 || d.Year > 9999 {
		return false
	}
	return d.Day <= DaysIn(d.Year, d.Month)
}

// DaysIn returns the number of days in month m of year y. A month out of
// range counts from January of y, as time.Date does.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	case time.January, time.March, time.May, time.July, time.August, time.October, time.December:
		return 31
	}
	// Every day of every record is checked: the table above spares them
	// time.Date's normalising, which only a month out of range needs.
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func (d Date) t() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String formats d as YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	// By hand, not fmt: status writes a day on each of thousands of rows.
	y, m := d.Year, int(d.Month)
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d.Day/10), byte('0' + d.Day%10)}
	return string(b[:])
}

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return Of(d.t().AddDate(0, 0, n)) }

// AddMonths returns d moved by n months, clamped to the last day of the
// target month (2024-01-31 + 1 month = 2024-02-29).
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	day := min(d.Day, DaysIn(first.Year(), first.Month()))
	return Date{first.Year(), first.Month(), day}
}

// DaysSince returns d - other in days.
func (d Date) DaysSince(other Date) int {
	return int(d.t().Sub(other.t()).Hours() / 24)
}

// Before reports whether d is before other.
func (d Date) Before(other Date) bool { return d.Compare(other) < 0 }

// After reports whether d is after other.
func (d Date) After(other Date) bool { return d.Compare(other) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after other.
func (d Date) Compare(other Date) int {
	switch {
	case d.Year != other.Year:
		return cmp(d.Year, other.Year)
	case d.Month != other.Month:
		return cmp(int(d.Month), int(other.Month))
	default:
		return cmp(d.Day, other.Day)
	}
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// EndOfMonth returns the last day of d's month.
func (d Date) EndOfMonth() Date { return Date{d.Year, d.Month, DaysIn(d.Year, d.Month)} }

// EndOfQuarter returns the last day of d's calendar quarter.
func (d Date) EndOfQuarter() Date {
	m := time.Month((int(d.Month)-1)/3*3 + 3)
	return Date{d.Year, m, DaysIn(d.Year, m)}
}

// EndOfYear returns 31 December of d's year.
func (d Date) EndOfYear() Date { return Date{d.Year, time.December, 31} }

// Parse reads a day written YYYY-MM-DD and checks it exists.
func Parse(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%q is not a date: write YYYY-MM-DD", s)
	}
	y, ok1 := fixedDigits(s[0:4])
	m, ok2 := fixedDigits(s[5:7])
	dd, ok3 := fixedDigits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%q is not a date: write YYYY-MM-DD", s)
	}
	d := Date{y, time.Month(m), dd}
	if !d.Valid() {
		return Date{}, fmt.Errorf("%s is not a calendar day", s)
	}
	return d, nil
}

// fixedDigits reads a few ASCII digits (no sign, no spaces), too few to
// overflow; strconv.Atoi would check them a second time.
func fixedDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// digits parses a run of ASCII digits only (no sign, no spaces).
func digits(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

// UnmarshalText reads a YYYY-MM-DD day.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes d as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
