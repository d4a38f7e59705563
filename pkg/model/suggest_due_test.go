package model

import "testing"

// The suggestions for due dates written as sources write them, quarters and
// halves included (format v2).
func TestSuggestDue(t *testing.T) {
	for in, want := range map[string]string{
		"T4 2025": "2025-Q4", "Q4 2025": "2025-Q4", "q1 2024": "2024-Q1", "S1 2025": "2025-H1", "H2 2025": "2025-H2",
		"fin 2025": "2025", "Fin 2025": "2025", "end of 2025": "2025", "fin novembre 2025": "2025-11",
		"Novembre 2024": "2024-11", "December 2025": "2025-12", "2025/10": "2025-10",
		"S3 2025": "", "T5 2025": "", "2025/13": "", "": "", "En continu": "continuous", "2025": "2025",
		"Tous les six mois": "every 6 months", "tous les 2 ans": "every 2 years", "every six months": "every 6 months",
		"Quarterly": "every 3 months", "every month": "every 1 month", "Toutes les deux semaines": "every 2 weeks",
		"tous les mois": "every 1 month", "tous les zéro mois": "", "every 0 months": "", "tous les six": "",
		"En continue": "continuous", "De manière régulière": "continuous", "Ongoing": "continuous",
	} {
		if got := SuggestDue(in); got != want {
			t.Errorf("SuggestDue(%q) = %q, want %q", in, got, want)
		}
	}
}
