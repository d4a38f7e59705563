package civil

import (
	"strconv"
	"time"
)

// monthNames are the months as French and English prose writes them.
var monthNames = map[string][12]string{
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// Lang is the language a document is written in: "fr" for French, "en"
// for English and every language mrtrack has no wording for.
func Lang(lang string) string {
	if _, ok := monthNames[lang]; ok {
		return lang
	}
	return "en"
}

// MonthName is month m as lang writes it in running text: "décembre",
// "December".
func MonthName(m time.Month, lang string) string { return monthNames[Lang(lang)][m-1] }

// Written is d as lang writes it in prose: "31 décembre 2024" (French
// writes the first of the month "1er"), "31 December 2024"; the form
// civil.Suggest reads back.
func (d Date) Written(lang string) string {
	if d.IsZero() {
		return ""
	}
	day := strconv.Itoa(d.Day)
	if Lang(lang) == "fr" && d.Day == 1 {
		day = "1er"
	}
	return day + " " + MonthName(d.Month, lang) + " " + strconv.Itoa(d.Year)
}
