package query

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Évacuation médicale", "evacuation medicale"},
		{"ÉVACUATION  MÉDICALE", "evacuation medicale"},
		{"  évacuation\nmédicale\t", "evacuation medicale"},
		{"Administration/Ressources Humaines", "administration/ressources humaines"},
		{"mise en œuvre", "mise en oeuvre"},
		{"Cœur ŒUVRE Æther straße", "coeur oeuvre aether strasse"},
		{"l’OIM", "l'oim"},
		{"« orange »", "\" orange \""},
		{"2018 – 2022", "2018 - 2022"},
		{"ça, où, très, naïf, Noël, São Tomé, señor", "ca, ou, tres, naif, noel, sao tome, senor"},
		{"e\u0301vacuation", "evacuation"}, // decomposed: e + combining acute
		{"non\u00a0couverts", "non couverts"},
		{"Ελλάδα", "ελλάδα"}, // outside the table: only lower-cased
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldIsIdempotent(t *testing.T) {
	for _, s := range []string{"Évacuation  médicale", "mise en Œuvre", "« x »"} {
		if Fold(Fold(s)) != Fold(s) {
			t.Errorf("Fold(Fold(%q)) = %q, Fold = %q", s, Fold(Fold(s)), Fold(s))
		}
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		text, needle string
		want         bool
	}{
		{"Administration/Ressources Humaines", "ressources humaines", true},
		{"Administration/Ressources Humaines", "RESSOURCES", true},
		{"services d'évacuation médicale (national", "evacuation medicale", true},
		{"services d’évacuation médicale", "d'evacuation", true},
		{"Protection/ Education Unit", "education", true},
		{"Protection", "protection/", false},
		{"External Relations", "", true},
	}
	for _, tt := range tests {
		if got := Contains(tt.text, tt.needle); got != tt.want {
			t.Errorf("Contains(%q, %q) = %v, want %v", tt.text, tt.needle, got, tt.want)
		}
	}
}
