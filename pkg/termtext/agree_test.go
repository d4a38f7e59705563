package termtext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// referenceWidth and referenceShorten are Width and Shorten as they were
// before the lookup tables and the cut without a copy: every rune through
// displaywidth, every kept rune rewritten. The fast ones must agree with
// them on every input.
func referenceWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == '\x1b' {
			i = skipEscape(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += displaywidth.Rune(r)
		i += size
	}
	return n
}

func referenceShorten(s string, max int, trim string) string {
	if max <= 0 || referenceWidth(s) <= max {
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := referenceWidth(string(r))
		if used+w > max-1 {
			break
		}
		b.WriteRune(r)
		used += w
	}
	return strings.TrimRight(b.String(), trim) + "…"
}

// Every rune, alone, measures as displaywidth says: the tables hold its
// answers at the right places.
func TestWidthEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got, want := Width(s), referenceWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

var agreeSeeds = []string{
	"", "abc", "Développement d'une stratégie – phase 2…", "日本語のテキスト", "\x1b[31mlate\x1b[0m",
	"a\x1b[0", "\x1b]0;t", "tab\t", "caf\xc3", "\xff\xfeabc", "ab\uFFFDcd", "œuvre « très » — fin",
	"e\u0301e\u0301", "👍🏽 ok", "Ğüş İçin", "  spaces  ", "R1.6, R2.3; steps 1,2",
}

func FuzzWidthAgrees(f *testing.F) {
	for _, s := range agreeSeeds {
		f.Add(s, 10, " ,;:.–—-")
	}
	f.Fuzz(func(t *testing.T, s string, max int, trim string) {
		if got, want := Width(s), referenceWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, want %d", s, got, want)
		}
		max %= 80
		if got, want := Shorten(s, max, trim), referenceShorten(s, max, trim); got != want {
			t.Fatalf("Shorten(%q, %d, %q) = %q, want %q", s, max, trim, got, want)
		}
	})
}

// The seeds at every width, so the plain test run checks each cut.
func TestShortenAgrees(t *testing.T) {
	for _, s := range agreeSeeds {
		for max := -1; max <= referenceWidth(s)+1; max++ {
			for _, trim := range []string{"", " ,;:.–—-"} {
				if got, want := Shorten(s, max, trim), referenceShorten(s, max, trim); got != want {
					t.Fatalf("Shorten(%q, %d, %q) = %q, want %q", s, max, trim, got, want)
				}
			}
		}
	}
}
