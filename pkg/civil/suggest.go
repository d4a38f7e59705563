package civil

import (
	"fmt"
	"strings"
	"time"
)

// Precision is how much of a date a written form gives.
type Precision int

// The precisions, coarsest first.
const (
	YearOnly Precision = iota + 1
	MonthOnly
	DayPrecise
)

// Suggest reads a date as people write it in reports, in English or
// French, and returns the form mrtrack reads with its precision:
// "31/12/2024" → 2024-12-31, "December 2024" and "déc. 2024" → 2024-12,
// "fin 2025" and "end of 2025" → 2025, "Q4 2025" → 2025-12. It returns
// "" when it sees no date. The grammar is hand-written: no library reads
// French report dates, and the set of forms worth a suggestion is small.
func Suggest(s string) (string, Precision) {
	s = strings.TrimSpace(s)
	if d, ok := numericDate(s); ok {
		return d, precisionOf(d)
	}
	var words []string
	for _, w := range strings.FieldsFunc(fold(s), func(r rune) bool { return r == ' ' || r == ',' || r == '\'' || r == '’' }) {
		w = strings.TrimSuffix(w, ".")
		if !fillers[w] && w != "" {
			words = append(words, w)
		}
	}
	var day, month, year, quarter int
	for _, w := range words {
		switch n, isNum := number(w); {
		case isNum && len(w) == 4 && year == 0:
			year = n
		case isNum && n >= 1 && n <= 31 && day == 0:
			day = n
		case months[w] != 0 && month == 0:
			month = months[w]
		case len(w) == 2 && (w[0] == 'q' || w[0] == 't') && w[1] >= '1' && w[1] <= '4' && quarter == 0:
			quarter = int(w[1] - '0')
		default:
			return "", 0
		}
	}
	switch {
	case year == 0:
		return "", 0
	case quarter != 0 && day == 0 && month == 0:
		return fmt.Sprintf("%04d-%02d", year, quarter*3), MonthOnly
	case quarter != 0:
		return "", 0
	case month != 0 && day != 0:
		if d := (Date{year, time.Month(month), day}); d.Valid() {
			return d.String(), DayPrecise
		}
		return "", 0
	case month != 0:
		return fmt.Sprintf("%04d-%02d", year, month), MonthOnly
	case day != 0:
		return "", 0
	}
	return fmt.Sprintf("%04d", year), YearOnly
}

// numericDate reads a date written with numbers and / . or -, day first
// (31/12/2024, 1.3.2025) or year first (2024/12/31, 2024-1-5), or a
// month and a year (12/2024, 2024/12).
func numericDate(s string) (string, bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) < 2 || len(parts) > 3 || strings.ContainsAny(s, " ") {
		return "", false
	}
	n := make([]int, len(parts))
	for i, p := range parts {
		v, ok := number(p)
		if !ok || len(p) > 4 {
			return "", false
		}
		n[i] = v
	}
	var y, m, d int
	switch {
	case len(n) == 3 && len(parts[2]) == 4:
		d, m, y = n[0], n[1], n[2]
	case len(n) == 3 && len(parts[0]) == 4:
		y, m, d = n[0], n[1], n[2]
	case len(n) == 2 && len(parts[1]) == 4:
		m, y = n[0], n[1]
	case len(n) == 2 && len(parts[0]) == 4:
		y, m = n[0], n[1]
	default:
		return "", false
	}
	if m < 1 || m > 12 || y < 1 {
		return "", false
	}
	if len(n) == 2 {
		return fmt.Sprintf("%04d-%02d", y, m), true
	}
	date := Date{y, time.Month(m), d}
	return date.String(), date.Valid()
}

func precisionOf(s string) Precision {
	switch len(s) {
	case 4:
		return YearOnly
	case 7:
		return MonthOnly
	}
	return DayPrecise
}

// number reads a run of digits, with an ordinal ending (1er, 1st, 2nd).
func number(w string) (int, bool) {
	for _, suffix := range []string{"er", "re", "st", "nd", "rd", "th", "e"} {
		if t, ok := strings.CutSuffix(w, suffix); ok && t != "" {
			w = t
			break
		}
	}
	n, err := digits(w)
	return n, err == nil && w != ""
}

// fillers are the words around a date that do not change the deadline
// it names: "fin 2025", "d'ici fin décembre 2025", "by the end of 2025".
var fillers = map[string]bool{
	"fin": true, "end": true, "of": true, "the": true, "by": true, "d": true, "ici": true, "au": true, "en": true,
	"in": true, "de": true, "du": true, "le": true, "la": true, "courant": true, "during": true, "before": true,
	"avant": true, "plus": true, "tard": true, "latest": true, "at": true, "on": true, "mois": true, "month": true,
	"annee": true, "year": true,
}

// months are the month names and their usual abbreviations, English and
// French, accents folded.
var months = map[string]int{}

func init() {
	for i, names := range [][]string{
		{"january", "jan", "janvier", "janv"}, {"february", "feb", "fevrier", "fev", "fevr"},
		{"march", "mar", "mars"}, {"april", "apr", "avril", "avr"}, {"may", "mai"},
		{"june", "jun", "juin"}, {"july", "jul", "juillet", "juil"}, {"august", "aug", "aout"},
		{"september", "sep", "sept", "septembre"}, {"october", "oct", "octobre"},
		{"november", "nov", "novembre"}, {"december", "dec", "decembre"},
	} {
		for _, n := range names {
			months[n] = i + 1
		}
	}
}

// fold lowers s and drops the accents of French month names, for
// matching only: what is shown is always the input as typed.
func fold(s string) string {
	return accents.Replace(strings.ToLower(s))
}

var accents = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "û", "u", "ù", "u", "ô", "o", "à", "a", "â", "a", "î", "i", "ï", "i", "ç", "c")

// suggestion is the "did you mean" that starts a date error's hint, when
// s reads as a date of a precision the caller accepts.
func suggestion(s string, finest Precision, coarsest Precision) string {
	v, p := Suggest(s)
	if v == "" || p > finest || p < coarsest {
		return ""
	}
	return "did you mean " + v + "? "
}

// DateHint is the hint for a value that should be a day (YYYY-MM-DD):
// a suggestion when the value reads as one, then the form.
func DateHint(s string) string {
	return suggestion(s, DayPrecise, DayPrecise) + "write YYYY-MM-DD, e.g. 2024-12-31"
}

// DateError is a date that could not be read. Its message echoes the
// input as typed; Hint says how to write it, starting with a suggestion
// when the input reads as a date.
type DateError struct {
	Input  string
	advice string
}

func (e *DateError) Error() string { return fmt.Sprintf("%q is not a date", e.Input) }

// Hint is how to write the date.
func (e *DateError) Hint() string { return e.advice }
