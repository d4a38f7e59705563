package termtext

import (
	"reflect"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"fits", "Avec la CNCR", 20, []string{"Avec la CNCR"}},
		{"no width", "a b c", 0, []string{"a b c"}},
		{"at spaces", "afin de décentraliser l'activité de DSR", 16,
			[]string{"afin de", "décentraliser", "l'activité de", "DSR"}},
		{"accents count one column", "éééé éééé", 9, []string{"éééé éééé"}},
		{"combining accents", "e\u0301e\u0301e\u0301 e\u0301e\u0301", 3, []string{"e\u0301e\u0301e\u0301", "e\u0301e\u0301"}},
		{"long word between graphemes", "abe\u0301cd", 3, []string{"abe\u0301", "cd"}},
		{"wide characters", "漢字漢字 漢字", 5, []string{"漢字", "漢字", "漢字"}},
		{"colour is not split", "\x1b[2mabc def\x1b[0m", 3, []string{"\x1b[2mabc", "def\x1b[0m"}},
		{"leading spaces kept", "  (1) Elaboration d'une SOP", 12, []string{"  (1)", "Elaboration", "d'une SOP"}},
		{"space runs kept within a line", "R3  Améliorer les   conditions", 13, []string{"R3  Améliorer", "les", "conditions"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Wrap(tc.in, tc.width)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Wrap(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
			}
			for _, l := range got {
				if tc.width > 0 && Width(l) > tc.width {
					t.Errorf("line %q is %d columns, more than %d", l, Width(l), tc.width)
				}
			}
			if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(tc.in), " ") && !strings.Contains(tc.name, "grapheme") && !strings.Contains(tc.name, "wide") {
				t.Errorf("words lost or changed: %q", got)
			}
		})
	}
}
