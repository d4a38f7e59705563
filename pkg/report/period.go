package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
)

// Period is the reporting period the closure rate is taken over, From and
// To included.
type Period struct {
	Name     string // as given: 2025, 2025-Q1 or 2025-01-01..2025-06-30
	From, To civil.Date
}

// Contains reports whether d falls in the period.
func (p Period) Contains(d civil.Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// YearOf is the calendar year of d, the period when none is asked for.
func YearOf(d civil.Date) Period {
	return Period{Name: fmt.Sprintf("%04d", d.Year), From: civil.New(d.Year, time.January, 1), To: d.EndOfYear()}
}

// periodForms is what --period takes, for errors.
const periodForms = "write a year (2025), a quarter (2025-Q1) or FROM..TO with dates (2025-01-01..2025-06-30, 2024-07..2025-06)"

// ParsePeriod reads --period: a year, a quarter or FROM..TO, each end a
// date as other commands take them (YYYY-MM-DD, YYYY-MM, YYYY, today,
// eoq, +30d); a month or a year as FROM starts on its first day.
func ParsePeriod(s string, today civil.Date) (Period, error) {
	s = strings.TrimSpace(s)
	if from, to, ok := strings.Cut(s, ".."); ok {
		start, err := periodStart(from, today)
		if err != nil {
			return Period{}, fmt.Errorf("--period %s: the start: %w", s, err)
		}
		end, err := civil.ParseUser(strings.TrimSpace(to), today)
		if err != nil {
			return Period{}, fmt.Errorf("--period %s: the end: %w", s, err)
		}
		if end.Before(start) {
			return Period{}, fmt.Errorf("--period %s ends before it starts: write the earlier date first", s)
		}
		return Period{Name: start.String() + ".." + end.String(), From: start, To: end}, nil
	}
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil && y >= 1 {
			return YearOf(civil.New(y, time.January, 1)), nil
		}
	}
	if len(s) == 7 && (s[5] == 'Q' || s[5] == 'q') && s[4] == '-' {
		y, err := strconv.Atoi(s[:4])
		q := int(s[6] - '0')
		if err == nil && y >= 1 && q >= 1 && q <= 4 {
			from := civil.New(y, time.Month(3*q-2), 1)
			return Period{Name: fmt.Sprintf("%04d-Q%d", y, q), From: from, To: from.EndOfQuarter()}, nil
		}
	}
	return Period{}, fmt.Errorf("--period %q is not a period: %s", s, periodForms)
}

// periodStart reads the start of FROM..TO: a day, or the first day of a
// month (2024-07) or a year (2024).
func periodStart(s string, today civil.Date) (civil.Date, error) {
	s = strings.TrimSpace(s)
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil && y >= 1 {
			return civil.New(y, time.January, 1), nil
		}
	}
	if len(s) == 7 && s[4] == '-' {
		y, err1 := strconv.Atoi(s[:4])
		m, err2 := strconv.Atoi(s[5:])
		if err1 == nil && err2 == nil && y >= 1 && m >= 1 && m <= 12 {
			return civil.New(y, time.Month(m), 1), nil
		}
	}
	return civil.ParseUser(s, today)
}
