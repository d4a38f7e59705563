package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"go.yaml.in/yaml/v3"
)

// DueKind says how precisely an item's due date is known, or why it has none.
type DueKind int

// The kinds of due date.
const (
	DueDay DueKind = iota
	DueMonth
	DueYear
	DueContinuous
	DueRecurring
	DueConditional
	DueUnknown
	DueQuarter // 2025-Q4, due on the quarter's last day
	DueHalf    // 2025-H1, due on 30 June (H2: 31 December)
)

// Due is when an item falls due: a day, a month or a year, or no date with
// the reason. The zero Due is a day with a zero date; records never hold it.
type Due struct {
	Kind  DueKind
	Date  civil.Date // first day of the period for days, months, quarters, half years and years
	Every int        // recurring: every Every Unit
	Unit  civil.Unit
}

// Deadline returns the day a dated item falls due: the day itself, or the
// last day of its month or year. It is false for undated items.
func (d Due) Deadline() (civil.Date, bool) {
	switch d.Kind {
	case DueDay:
		return d.Date, true
	case DueMonth:
		return d.Date.EndOfMonth(), true
	case DueYear:
		return d.Date.EndOfYear(), true
	case DueQuarter:
		return d.Date.EndOfQuarter(), true
	case DueHalf:
		return d.Date.AddMonths(5).EndOfMonth(), true
	}
	return civil.Date{}, false
}

// String writes d in the record format.
func (d Due) String() string {
	switch d.Kind {
	case DueDay:
		return d.Date.String()
	case DueMonth:
		return fmt.Sprintf("%04d-%02d", d.Date.Year, int(d.Date.Month))
	case DueYear:
		return fmt.Sprintf("%04d", d.Date.Year)
	case DueQuarter:
		return fmt.Sprintf("%04d-Q%d", d.Date.Year, (int(d.Date.Month)+2)/3)
	case DueHalf:
		return fmt.Sprintf("%04d-H%d", d.Date.Year, (int(d.Date.Month)+5)/6)
	case DueContinuous:
		return "continuous"
	case DueConditional:
		return "conditional"
	case DueRecurring:
		s := fmt.Sprintf("every %d %s", d.Every, d.Unit.Name())
		if d.Every != 1 {
			s += "s"
		}
		return s
	}
	return "unknown"
}

// MaxPeriod is the longest period of a recurring due date, in its unit:
// the schema's bound, so a due date ParseDue takes is one validate takes.
const MaxPeriod = 999

// ParseDue reads a due date in the record format: 2024-12-31, 2023-10,
// 2025-Q4, 2025-H1, 2023, continuous, conditional, unknown or "every N
// days|weeks|months|years".
func ParseDue(s string) (Due, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "continuous":
		return Due{Kind: DueContinuous}, nil
	case "conditional":
		return Due{Kind: DueConditional}, nil
	case "unknown":
		return Due{Kind: DueUnknown}, nil
	}
	if rest, ok := strings.CutPrefix(s, "every "); ok {
		return parseEvery(rest)
	}
	switch len(s) {
	case 10:
		if s[4] == '-' && s[7] == '-' {
			d, err := civil.Parse(s)
			return Due{Kind: DueDay, Date: d}, err
		}
	case 7:
		if y, m, ok := yearMonth(s); ok {
			return Due{Kind: DueMonth, Date: civil.New(y, time.Month(m), 1)}, nil
		}
		if d, ok := yearPart(s); ok {
			return d, nil
		}
	case 4:
		if y, err := strconv.Atoi(s); err == nil && y >= 1 {
			return Due{Kind: DueYear, Date: civil.New(y, time.January, 1)}, nil
		}
	}
	return Due{}, fmt.Errorf("%q is not a due date: write YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, continuous, conditional, unknown or \"every N months\"", s)
}

// yearPart reads a quarter (2025-Q4) or a half year (2025-H1).
func yearPart(s string) (Due, bool) {
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1 || s[4] != '-' || s[6] < '1' {
		return Due{}, false
	}
	n := int(s[6] - '0')
	switch {
	case s[5] == 'Q' && n <= 4:
		return Due{Kind: DueQuarter, Date: civil.New(y, time.Month(3*n-2), 1)}, true
	case s[5] == 'H' && n <= 2:
		return Due{Kind: DueHalf, Date: civil.New(y, time.Month(6*n-5), 1)}, true
	}
	return Due{}, false
}

func yearMonth(s string) (y, m int, ok bool) {
	if s[4] != '-' {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	return y, m, err1 == nil && err2 == nil && y >= 1 && m >= 1 && m <= 12
}

func parseEvery(s string) (Due, error) {
	fields := strings.Fields(s)
	if len(fields) == 2 {
		n, err := strconv.Atoi(fields[0])
		unit := strings.TrimSuffix(fields[1], "s")
		for _, u := range civil.Units {
			if err == nil && n >= 1 && n <= MaxPeriod && u.Name() == unit {
				return Due{Kind: DueRecurring, Every: n, Unit: u}, nil
			}
		}
	}
	return Due{}, fmt.Errorf("\"every %s\" is not a period: write every N days, weeks, months or years, N from 1 to %d", s, MaxPeriod)
}

// UnmarshalYAML reads a due date; an unquoted year arrives as an integer.
// A skeleton's "TODO: …" placeholder reads as unknown, so a new record can
// be listed and set before it is complete (validate reports it).
func (d *Due) UnmarshalYAML(n *yaml.Node) error {
	if strings.HasPrefix(n.Value, "TODO:") {
		*d = Due{Kind: DueUnknown}
		return nil
	}
	v, err := ParseDue(n.Value)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes d in the record format.
func (d Due) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
