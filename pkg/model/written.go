package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/civil"
)

// statusWritten is how each status reads in a management response, by
// language; StatusOfWording reads every one back.
var statusWritten = map[string]map[Status]string{
	"fr": {NotStarted: "Planifié", InProgress: "En cours", Completed: "Réalisé", Ongoing: "Continu", NoLongerApplicable: "Sans objet"},
	"en": {NotStarted: "Not started", InProgress: "In progress", Completed: "Completed", Ongoing: "Ongoing", NoLongerApplicable: "No longer applicable"},
}

// StatusWritten is s as a management response in lang writes it:
// "En cours", "In progress". Documents use it where a record has no
// status_text.
func StatusWritten(s Status, lang string) string { return statusWritten[civil.Lang(lang)][s] }

// dueWritten are the due dates without a date, by language; SuggestDue
// reads every one back.
var dueWritten = map[string]map[DueKind]string{
	"fr": {DueContinuous: "En continu", DueConditional: "Conditionnel", DueUnknown: "À déterminer"},
	"en": {DueContinuous: "Ongoing", DueConditional: "Conditional", DueUnknown: "To be determined"},
}

// DueWritten is d as a management response in lang writes it: "31
// décembre 2024", "Décembre 2024", "T4 2025", "En continu"; "31 December
// 2024", "Q4 2025", "every 6 months". Documents use it where a record has
// no due_text; SuggestDue reads it back.
func DueWritten(d Due, lang string) string {
	lang = civil.Lang(lang)
	quarter, half := "Q", "H"
	if lang == "fr" {
		quarter, half = "T", "S" // trimestre, semestre
	}
	switch d.Kind {
	case DueDay:
		return d.Date.Written(lang)
	case DueMonth:
		return capitalized(civil.MonthName(d.Date.Month, lang)) + fmt.Sprintf(" %d", d.Date.Year)
	case DueYear:
		return fmt.Sprintf("%d", d.Date.Year)
	case DueQuarter:
		return fmt.Sprintf("%s%d %d", quarter, (int(d.Date.Month)+2)/3, d.Date.Year)
	case DueHalf:
		return fmt.Sprintf("%s%d %d", half, (int(d.Date.Month)+5)/6, d.Date.Year)
	case DueRecurring:
		if lang == "fr" {
			return fmt.Sprintf("Tous les %d %s", d.Every, frenchUnits[d.Unit])
		}
		return d.String()
	}
	return dueWritten[lang][d.Kind]
}

// frenchUnits are the units of a recurring date after "tous les N".
var frenchUnits = map[civil.Unit]string{civil.Days: "jours", civil.Weeks: "semaines", civil.Months: "mois", civil.Years: "ans"}

func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// ListWritten joins items the way lang writes a list of two or more:
// "novembre 2024 et novembre 2025", "A, B and C".
func ListWritten(items []string, lang string) string {
	and := " and "
	if civil.Lang(lang) == "fr" {
		and = " et "
	}
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}
