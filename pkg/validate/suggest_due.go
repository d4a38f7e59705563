package validate

import (
	"fmt"
	"strconv"
	"strings"
)

// monthWords are the month names of the sources, French and English, and
// their usual abbreviations.
var monthWords = map[string]int{
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// SuggestDue reads a due date in the source's words and returns it in the
// record format, "" when it cannot: "T4 2025" and "Q4 2025" are 2025-Q4,
// "S1 2025" and "H1 2025" 2025-H1, "fin 2025" and "end of 2025" 2025,
// "novembre 2025" 2025-11, and UNDP's "2025/10" 2025-10.
func SuggestDue(s string) string {
	words := strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ".", " ").Replace(s)))
	if len(words) == 0 {
		return ""
	}
	year, ok := yearWord(words[len(words)-1])
	if len(words) == 1 {
		if y, m, found := strings.Cut(words[0], "/"); found {
			if yy, ok := yearWord(y); ok {
				if mm, err := strconv.Atoi(m); err == nil && mm >= 1 && mm <= 12 {
					return fmt.Sprintf("%04d-%02d", yy, mm)
				}
			}
		}
		return ""
	}
	if !ok {
		return ""
	}
	lead := words[:len(words)-1]
	if lead[0] == "fin" || lead[0] == "end" {
		lead = lead[1:] // "fin 2025", "fin novembre 2025", "end of 2025"
		if len(lead) > 0 && (lead[0] == "of" || lead[0] == "de" || lead[0] == "d'") {
			lead = lead[1:]
		}
		if len(lead) == 0 {
			return strconv.Itoa(year)
		}
	}
	if len(lead) != 1 {
		return ""
	}
	w := lead[0]
	if m, ok := monthWords[w]; ok {
		return fmt.Sprintf("%04d-%02d", year, m)
	}
	if len(w) == 2 && w[1] >= '1' && w[1] <= '4' {
		switch n := w[1] - '0'; {
		case w[0] == 't' || w[0] == 'q':
			return fmt.Sprintf("%04d-Q%d", year, n)
		case (w[0] == 's' || w[0] == 'h') && n <= 2:
			return fmt.Sprintf("%04d-H%d", year, n)
		}
	}
	return ""
}

func yearWord(s string) (int, bool) {
	y, err := strconv.Atoi(s)
	return y, err == nil && len(s) == 4 && y >= 1900 && y <= 2199
}

// dueHint is the hint for a due date that is not one: the reading of
// the source's words when there is one.
func dueHint(v string) string {
	if s := SuggestDue(v); s != "" {
		return fmt.Sprintf("did you mean %s? write it as due: %s and keep %q in due_text", s, s, v)
	}
	return dueForms + "; keep the source wording in due_text"
}
