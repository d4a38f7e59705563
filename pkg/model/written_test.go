package model

import (
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/pkg/civil"
)

// What a document writes for a record without source wording must read
// back as the same value, or a re-import would change the record.
func TestWrittenReadsBack(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		for _, s := range Statuses {
			w := StatusWritten(s, lang)
			if got, ok := StatusOfWording(w); !ok || got != s {
				t.Errorf("%s: StatusWritten(%s) = %q, read back as %q", lang, s, w, got)
			}
		}
		dues := []Due{
			{Kind: DueDay, Date: civil.New(2024, time.December, 31)},
			{Kind: DueDay, Date: civil.New(2025, time.August, 1)},
			{Kind: DueMonth, Date: civil.New(2023, time.October, 1)},
			{Kind: DueYear, Date: civil.New(2025, time.January, 1)},
			{Kind: DueQuarter, Date: civil.New(2025, time.October, 1)},
			{Kind: DueHalf, Date: civil.New(2025, time.January, 1)},
			{Kind: DueContinuous}, {Kind: DueConditional}, {Kind: DueUnknown},
			{Kind: DueRecurring, Every: 6, Unit: civil.Months},
		}
		for _, d := range dues {
			w := DueWritten(d, lang)
			if got := SuggestDue(w); got != d.String() {
				t.Errorf("%s: DueWritten(%s) = %q, read back as %q", lang, d, w, got)
			}
		}
	}
}

func TestDueWritten(t *testing.T) {
	for _, c := range []struct {
		due, lang, want string
	}{
		{"2024-12-31", "fr", "31 décembre 2024"},
		{"2025-08-01", "fr", "1er août 2025"},
		{"2024-12-31", "en", "31 December 2024"},
		{"2024-12-31", "es", "31 December 2024"},
		{"2023-10", "fr", "Octobre 2023"},
		{"2025-Q4", "fr", "T4 2025"},
		{"2025-H1", "en", "H1 2025"},
		{"every 6 months", "fr", "Tous les 6 mois"},
		{"continuous", "fr", "En continu"},
	} {
		d, err := ParseDue(c.due)
		if err != nil {
			t.Fatal(err)
		}
		if got := DueWritten(d, c.lang); got != c.want {
			t.Errorf("DueWritten(%s, %s) = %q, want %q", c.due, c.lang, got, c.want)
		}
	}
	if got := ListWritten([]string{"Novembre 2024", "novembre 2025"}, "fr"); got != "Novembre 2024 et novembre 2025" {
		t.Errorf("ListWritten = %q", got)
	}
}
