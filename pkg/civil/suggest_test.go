package civil

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		p        Precision
	}{
		{"31/12/2024", "2024-12-31", DayPrecise},
		{"1.3.2025", "2025-03-01", DayPrecise},
		{"2024/12/31", "2024-12-31", DayPrecise},
		{"2024-1-5", "2024-01-05", DayPrecise},
		{"12/2024", "2024-12", MonthOnly},
		{"December 2024", "2024-12", MonthOnly},
		{"déc. 2024", "2024-12", MonthOnly},
		{"Décembre 2024", "2024-12", MonthOnly},
		{"fin 2025", "2025", YearOnly},
		{"Fin décembre 2025", "2025-12", MonthOnly},
		{"d'ici fin 2025", "2025", YearOnly},
		{"end of 2025", "2025", YearOnly},
		{"31 décembre 2025", "2025-12-31", DayPrecise},
		{"1er mars 2025", "2025-03-01", DayPrecise},
		{"March 3, 2025", "2025-03-03", DayPrecise},
		{"Q4 2025", "2025-12", MonthOnly},
		{"T1 2026", "2026-03", MonthOnly},
		{"août 2025", "2025-08", MonthOnly},
		// No date, or none that exists: no suggestion.
		{"31/02/2024", "", 0},
		{"30 février 2024", "", 0},
		{"continu", "", 0},
		{"soon", "", 0},
		{"December", "", 0},
		{"13/13/2024", "", 0},
		{"12 2024 2025", "", 0},
		{"", "", 0},
	} {
		got, p := Suggest(tc.in)
		if got != tc.want || p != tc.p {
			t.Errorf("Suggest(%q) = %q, %d; want %q, %d", tc.in, got, p, tc.want, tc.p)
		}
	}
}

// A date typed on the command line is echoed as typed, never lowercased,
// and the hint suggests the form when it sees one.
func TestParseUserError(t *testing.T) {
	today := New(2025, 6, 30)
	_, err := ParseUser("Fin Décembre 2025", today)
	de, ok := err.(*DateError)
	if !ok {
		t.Fatalf("error %v (%T), want a *DateError", err, err)
	}
	if got := de.Error(); got != `"Fin Décembre 2025" is not a date` {
		t.Errorf("message %q", got)
	}
	if got := de.Hint(); !strings.HasPrefix(got, "did you mean 2025-12? write YYYY-MM-DD") {
		t.Errorf("hint %q", got)
	}
	_, err = ParseUser("soon", today)
	if got := err.(*DateError).Hint(); !strings.HasPrefix(got, "write YYYY-MM-DD") {
		t.Errorf("hint %q, want no suggestion", got)
	}
	// A day the calendar lacks is a different error.
	if _, err := ParseUser("2024-02-30", today); err == nil || err.Error() != "2024-02-30 is not a calendar day" {
		t.Errorf("2024-02-30: %v", err)
	}
}

func TestDateHint(t *testing.T) {
	if got := DateHint("12/03/2024"); got != "did you mean 2024-03-12? write YYYY-MM-DD, e.g. 2024-12-31" {
		t.Errorf("DateHint = %q", got)
	}
	// A month is not a day: no suggestion where a day is needed.
	if got := DateHint("March 2024"); got != "write YYYY-MM-DD, e.g. 2024-12-31" {
		t.Errorf("DateHint = %q", got)
	}
}
