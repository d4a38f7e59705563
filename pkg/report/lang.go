package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// Lang is the language a report is written in.
type Lang string

// The report languages.
const (
	English Lang = "en"
	French  Lang = "fr"
)

// ParseLang reads --lang.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "fr":
		return French, nil
	case "en":
		return English, nil
	}
	return "", fmt.Errorf("--lang %q is not a report language: write fr or en", s)
}

// LangOf is the language of the evaluations' records: French when they
// are all in French, else English.
func LangOf(evals []*model.Evaluation) Lang {
	if len(evals) == 0 {
		return English
	}
	for _, e := range evals {
		if !strings.HasPrefix(strings.ToLower(e.Language), "fr") {
			return English
		}
	}
	return French
}

// Date writes d as the language writes it: "31 décembre 2024", "1er
// janvier 2025", "31 December 2024"; "" for no date.
func (l Lang) Date(d civil.Date) string { return d.Written(string(l)) }

// Percent writes a ratio as a whole percentage, "50 %" in French, "50%"
// in English, and "–" when it has no denominator.
func (l Lang) Percent(r Ratio) string {
	rate, ok := r.Rate()
	if !ok {
		return "–"
	}
	n := strconv.Itoa(int(rate*100 + 0.5))
	if l == French {
		return n + "\u00a0%"
	}
	return n + "%"
}

// Fraction writes a ratio as "3 / 4 (75%)".
func (l Lang) Fraction(r Ratio) string {
	return fmt.Sprintf("%d / %d (%s)", r.Numerator, r.Denominator, l.Percent(r))
}

// Word is a label in the report's language.
func (l Lang) Word(t Text) string { return t.In(l) }

func itoa(n int) string { return strconv.Itoa(n) }
