package civil

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseUser reads a date typed on the command line, relative to today:
// YYYY-MM-DD, YYYY-MM and YYYY (the last day of that month or year, as a
// deadline written that way falls due then), today, yesterday, tomorrow,
// eom, eoq, eoy, and offsets such as +30d, -2w, +3m, +1y.
func ParseUser(s string, today Date) (Date, error) {
	typed := s
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "today", "now":
		return today, nil
	case "yesterday":
		return today.AddDays(-1), nil
	case "tomorrow":
		return today.AddDays(1), nil
	case "eom":
		return today.EndOfMonth(), nil
	case "eoq":
		return today.EndOfQuarter(), nil
	case "eoy":
		return today.EndOfYear(), nil
	case "":
		return Date{}, fmt.Errorf("empty date: write YYYY-MM-DD, YYYY-MM, YYYY, today, eom, eoq, eoy or an offset such as +30d")
	}
	if s[0] == '+' || s[0] == '-' {
		n, unit, err := ParseSpan(s[1:])
		if err != nil {
			return Date{}, err
		}
		if s[0] == '-' {
			n = -n
		}
		return today.Add(n, unit), nil
	}
	if d, ok := parsePeriodEnd(s); ok {
		return d, nil
	}
	if dayShaped(s) {
		return Parse(s) // a day, or one the calendar does not have
	}
	return Date{}, &DateError{Input: typed, advice: suggestion(typed, DayPrecise, YearOnly) + userForms}
}

// dayShaped reports whether s is written YYYY-MM-DD in digits.
func dayShaped(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	_, err1 := digits(s[:4])
	_, err2 := digits(s[5:7])
	_, err3 := digits(s[8:])
	return err1 == nil && err2 == nil && err3 == nil
}

// userForms are the forms ParseUser reads.
const userForms = "write YYYY-MM-DD, YYYY-MM, YYYY, today, eom, eoq, eoy or an offset such as +30d or -2w"

// parsePeriodEnd reads YYYY or YYYY-MM as the last day of that period.
func parsePeriodEnd(s string) (Date, bool) {
	switch len(s) {
	case 4:
		y, err := digits(s)
		if err != nil || y < 1 {
			return Date{}, false
		}
		return Date{y, time.December, 31}, true
	case 7:
		if s[4] != '-' {
			return Date{}, false
		}
		y, err1 := digits(s[:4])
		m, err2 := digits(s[5:])
		if err1 != nil || err2 != nil || y < 1 || m < 1 || m > 12 {
			return Date{}, false
		}
		return Date{y, time.Month(m), 1}.EndOfMonth(), true
	}
	return Date{}, false
}

// Unit is a calendar unit of a span.
type Unit byte

// The units a span can be written in.
const (
	Days   Unit = 'd'
	Weeks  Unit = 'w'
	Months Unit = 'm'
	Years  Unit = 'y'
)

// Units lists the units, shortest first.
var Units = []Unit{Days, Weeks, Months, Years}

// Name is the unit as a singular noun: day, week, month or year.
func (u Unit) Name() string {
	switch u {
	case Days:
		return "day"
	case Weeks:
		return "week"
	case Months:
		return "month"
	case Years:
		return "year"
	}
	return ""
}

// Add returns d moved by n units.
func (d Date) Add(n int, u Unit) Date {
	switch u {
	case Weeks:
		return d.AddDays(7 * n)
	case Months:
		return d.AddMonths(n)
	case Years:
		return d.AddMonths(12 * n)
	}
	return d.AddDays(n)
}

// ParseSpan reads a length of time such as 30d, 2w, 6m, 1y or a bare
// number of days.
func ParseSpan(s string) (int, Unit, error) {
	orig := s
	s = strings.ToLower(strings.TrimSpace(s))
	unit := Days
	if s != "" {
		switch last := Unit(s[len(s)-1]); last {
		case Days, Weeks, Months, Years:
			unit, s = last, s[:len(s)-1]
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 100000 || strings.ContainsAny(s, "+-") {
		return 0, 0, fmt.Errorf("%q is not a span: write a number followed by d, w, m or y (30d, 2w, 6m, 1y)", orig)
	}
	return n, unit, nil
}
