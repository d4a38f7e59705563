package importer

import (
	"reflect"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/model"
)

// Every date form of the domain notes, in French and English.
func TestReadDue(t *testing.T) {
	for _, c := range []struct {
		in        string
		due       string
		deadlines []string
		noted     bool
	}{
		{"31 décembre 2024", "2024-12-31", nil, true},
		{"31 Janvier 2024", "2024-01-31", nil, true},
		{"30 Juin 2025", "2025-06-30", nil, true},
		{"Octobre 2023", "2023-10", nil, true},
		{"Décembre 2024", "2024-12", nil, true},
		{"2023", "2023", nil, false},
		{"2024-12-31", "2024-12-31", nil, false},
		{"fin 2025", "2025", nil, true},
		{"Q4 2025", "2025-Q4", nil, true},
		{"March 2025", "2025-03", nil, true},
		{"31 March 2025", "2025-03-31", nil, true},
		{"Ongoing", "continuous", nil, true},
		{"Continu", "continuous", nil, true},
		{"En continu", "continuous", nil, true},
		{"En continue", "continuous", nil, true},
		{"De manière régulière", "continuous", nil, true},
		{"Tous les six mois", "every 6 months", nil, true},
		{"Every six months", "every 6 months", nil, true},
		{"Novembre 2024 et novembre 2025", "2024-11", []string{"2024-11", "2025-11"}, true},
		{"June 2025 and December 2025", "2025-06", []string{"2025-06", "2025-12"}, true},
		{"En fonction de l'élaboration du nouveau CREED", "conditional", nil, true},
		{"Subject to funding", "conditional", nil, true},
		{"Accord déjà signé, le guide sera disponible fin 2025. Les guichets uniques sont conditionnés par la disponibilité des financements.", "2025", nil, true},
		{"NA", "", nil, false},
		{"N/A", "", nil, false},
		{"", "", nil, false},
		{"Réalisé", "", nil, false},
		{"Planifié", "", nil, false},
		{"2024 ou 2025 selon", "", nil, false},
	} {
		got := ReadDue(c.in)
		if got.Due != c.due || !reflect.DeepEqual(got.Deadlines, c.deadlines) || (got.How != "") != c.noted {
			t.Errorf("ReadDue(%q) = %+v, want due %q deadlines %v noted %v", c.in, got, c.due, c.deadlines, c.noted)
		}
	}
}

// Every status wording of the seed, and the English ones.
func TestReadStatus(t *testing.T) {
	for in, want := range map[string]model.Status{
		"Réalisé": model.Completed, "Déjà réalisé": model.Completed, "Clôturé": model.Completed,
		"En cours": model.InProgress, "En cours de réalisation": model.InProgress,
		"En cours depuis 2020": model.InProgress, "Le document est en cours de finalisation": model.InProgress,
		"Planifié": model.NotStarted, "Plannifié": model.NotStarted, "Continu": model.Ongoing,
		"De manière régulière": model.Ongoing, "Completed": model.Completed, "In progress": model.InProgress,
		"Not started": model.NotStarted, "Ongoing": model.Ongoing, "completed": model.Completed,
		"NA": "", "": "", "Réalisé ou en cours": "", "Bien": "",
	} {
		if got := ReadStatus(in); got.Status != want {
			t.Errorf("ReadStatus(%q) = %q, want %q", in, got.Status, want)
		}
	}
}

func TestEmpty(t *testing.T) {
	for in, want := range map[string]bool{
		"NA": true, "N/A": true, "n/a": true, " ": true, "[add only if partially agree or disagree was selected]": true,
		"Click or tap here to enter text.": true, "Avec la CNCR": false, "[Protection/ Education Unit": false,
	} {
		if got := Empty(in); got != want {
			t.Errorf("Empty(%q) = %v, want %v", in, got, want)
		}
	}
}
