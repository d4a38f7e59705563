package model

import (
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
	"sans objet": NoLongerApplicable, "no longer applicable": NoLongerApplicable,
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
	"conditionnel": "conditional", "conditionnelle": "conditional",
	"inconnu": "unknown", "inconnue": "unknown", "à déterminer": "unknown", "a déterminer": "unknown", "tbd": "unknown",
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

// DueOfWording is the due date a due_text names.
func DueOfWording(text string) (Due, bool) {
	s := SuggestDue(text)
	if s == "" {
		return Due{}, false
	}
	d, err := ParseDue(s)
	return d, err == nil
}
