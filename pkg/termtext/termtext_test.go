package termtext

import "testing"

func TestTermtext(t *testing.T) {
	tests := []struct{ got, want string }{
		{Plural(0, "file"), "0 files"},
		{Plural(1, "file"), "1 file"},
		{Plural(12, "action"), "12 actions"},
		{Shorten("abc", 3, ""), "abc"},
		{Shorten("abcd", 3, ""), "ab…"},
		{Shorten("abcd", 0, ""), "abcd"},
		{Shorten("Développement d'une stratégie", 15, ""), "Développement …"},
		{Shorten("Développement d'une stratégie", 15, " "), "Développement…"},
		{Shorten("日本語のテキスト", 7, ""), "日本語…"},
		{Paint("late"), "late"},
		{Paint("late", Red), "\x1b[31mlate\x1b[0m"},
		{Paint("error", Bold, Red), "\x1b[1;31merror\x1b[0m"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if w := Width("日本"); w != 4 {
		t.Errorf("Width(日本) = %d, want 4", w)
	}
}
