package model

import (
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/civil"
)

// statusWords map the wording of statuses in management responses,
// French and English, to the canonical status.
var statusWords = map[string]Status{
	"planifié": NotStarted, "plannifié": NotStarted, "planned": NotStarted, "not started": NotStarted,
	"non démarré": NotStarted, "pas commencé": NotStarted,
	"en cours": InProgress, "en cours de réalisation": InProgress, "in progress": InProgress,
	"ongoing": Ongoing, "continu": Ongoing, "en continu": Ongoing, "de manière régulière": Ongoing,
	"réalisé": Completed, "déjà réalisé": Completed, "clôturé": Completed, "done": Completed,
	"closed": Completed, "complete": Completed, "completed": Completed, "implemented": Completed,
	// UNDP's Evaluation Resource Centre
	"initiated": InProgress, "not initiated": NotStarted, "no longer applicable": NoLongerApplicable,
	"sans objet": NoLongerApplicable,
}

// StatusWords are the source wordings mrtrack reads as statuses
// ("en cours" is in-progress), lower-case; callers must not change it.
func StatusWords() map[string]Status { return statusWords }

// StatusOfWording is the status a status_text names.
func StatusOfWording(text string) (Status, bool) {
	key := strings.ToLower(strings.TrimSpace(text))
	if s, ok := statusWords[key]; ok {
		return s, true
	}
	for _, s := range Statuses {
		if key == string(s) {
			return s, true
		}
	}
	return "", false
}

// dueWords map the wording of deadlines that are not dates.
var dueWords = map[string]string{
	"continu": "continuous", "en continu": "continuous", "continue": "continuous", "permanent": "continuous",
	"en permanence": "continuous", "ongoing": "continuous", "continuously": "continuous",
	"en continue": "continuous", "de manière régulière": "continuous", "de maniere reguliere": "continuous",
	"régulièrement": "continuous", "regularly": "continuous", "continuous": "continuous",
	"conditionnel": "conditional", "conditionnelle": "conditional",
	"inconnu": "unknown", "inconnue": "unknown", "à déterminer": "unknown", "a déterminer": "unknown", "tbd": "unknown",
	"no due date": "unknown", // UNDP's Evaluation Resource Centre
	"conditional": "conditional", "to be determined": "unknown",
}

// SuggestDue is the due value a source wording names, in the record
// format: "31 décembre 2025" is 2025-12-31, "Continu" continuous; "" when
// it reads as none.
func SuggestDue(text string) string {
	key := strings.ToLower(strings.TrimSpace(text))
	if s, ok := dueWords[key]; ok {
		return s
	}
	if _, err := ParseDue(strings.TrimSpace(text)); err == nil {
		return strings.TrimSpace(text)
	}
	if s := quarterOrHalf(key); s != "" {
		return s
	}
	if s := recurring(key); s != "" {
		return s
	}
	s, _ := civil.Suggest(text)
	return s
}

// quarterOrHalf reads "T4 2025" and "Q4 2025" as 2025-Q4, "S1 2025" and
// "H1 2025" as 2025-H1 (French trimestre and semestre, English quarter
// and half), in either order; "" for anything else. A date reads a quarter
// as its last month (civil.Suggest); a due date can say the quarter itself.
func quarterOrHalf(key string) string {
	words := strings.Fields(key)
	if len(words) != 2 {
		return ""
	}
	year, part := words[0], words[1]
	if len(year) != 4 {
		year, part = part, year
	}
	if len(year) != 4 || strings.Trim(year, "0123456789") != "" || len(part) != 2 {
		return ""
	}
	switch n := part[1]; {
	case (part[0] == 'q' || part[0] == 't') && n >= '1' && n <= '4':
		return year + "-Q" + string(n)
	case (part[0] == 'h' || part[0] == 's') && (n == '1' || n == '2'):
		return year + "-H" + string(n)
	}
	return ""
}

// periodWords are the wordings of a recurring deadline that name their
// period in one word.
var periodWords = map[string]string{
	"monthly": "every 1 month", "mensuel": "every 1 month", "mensuelle": "every 1 month", "chaque mois": "every 1 month",
	"every month": "every 1 month", "tous les mois": "every 1 month",
	"quarterly": "every 3 months", "trimestriel": "every 3 months", "trimestrielle": "every 3 months",
	"chaque trimestre": "every 3 months", "every quarter": "every 3 months",
	"semestriel": "every 6 months", "semestrielle": "every 6 months", "twice a year": "every 6 months",
	"semi-annually": "every 6 months", "biannually": "every 6 months", "chaque semestre": "every 6 months",
	"annually": "every 1 year", "yearly": "every 1 year", "annuel": "every 1 year", "annuelle": "every 1 year",
	"chaque année": "every 1 year", "every year": "every 1 year", "tous les ans": "every 1 year",
	"weekly": "every 1 week", "hebdomadaire": "every 1 week", "chaque semaine": "every 1 week", "every week": "every 1 week",
}

// numberWords are the numbers a recurring wording spells out.
var numberWords = map[string]int{
	"un": 1, "une": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4, "four": 4,
	"six": 6, "douze": 12, "twelve": 12, "dix-huit": 18, "eighteen": 18,
}

// periodUnits name the units of a period, French and English, singular
// and plural.
var periodUnits = map[string]string{
	"jour": "day", "jours": "day", "day": "day", "days": "day", "semaine": "week", "semaines": "week",
	"week": "week", "weeks": "week", "mois": "month", "month": "month", "months": "month",
	"an": "year", "ans": "year", "année": "year", "années": "year", "year": "year", "years": "year",
}

// recurring reads "Tous les six mois", "every 6 months", "quarterly" as
// the record's "every N units"; "" for anything else.
func recurring(key string) string {
	if s, ok := periodWords[key]; ok {
		return s
	}
	words := strings.Fields(key)
	switch {
	case len(words) == 4 && words[0] == "tous" && words[1] == "les", len(words) == 4 && words[0] == "toutes" && words[1] == "les":
		words = words[2:]
	case len(words) == 3 && words[0] == "every":
		words = words[1:]
	default:
		return ""
	}
	n, ok := numberWords[words[0]]
	if !ok {
		v, err := strconv.Atoi(words[0])
		if err != nil || v < 1 || v > MaxPeriod {
			return ""
		}
		n = v
	}
	unit, ok := periodUnits[words[1]]
	if !ok {
		return ""
	}
	if n == 1 {
		return "every 1 " + unit
	}
	return "every " + strconv.Itoa(n) + " " + unit + "s"
}

// DueOfWording is the due date a due_text names.
func DueOfWording(text string) (Due, bool) {
	s := SuggestDue(text)
	if s == "" {
		return Due{}, false
	}
	d, err := ParseDue(s)
	return d, err == nil
}
