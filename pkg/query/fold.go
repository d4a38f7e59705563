package query

import (
	"strings"
	"unicode"
)

// Fold returns s in the form text is compared in: lower case, Latin
// letters without their accents (é → e, œ → oe), typographic apostrophes
// and dashes made plain, and runs of white space made one space. It is
// what lets "evacuation medicale" find "Évacuation  médicale".
//
// A table is enough for the Latin scripts the records are written in, and
// keeps golang.org/x/text out of the build; a letter outside the table
// (Greek, Cyrillic, …) is only lower-cased.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.Is(unicode.Mn, r) { // a combining accent, as in decomposed text
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if plain, ok := folds[r]; ok {
			b.WriteString(plain)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Contains reports whether needle occurs in text, both folded.
func Contains(text, needle string) bool {
	return strings.Contains(Fold(text), Fold(needle))
}

// folds maps the precomposed Latin letters and the punctuation that French,
// Spanish, Portuguese and the other Latin-script working languages use to
// their folded form.
var folds = func() map[rune]string {
	m := map[rune]string{}
	add := func(plain string, letters string) {
		for _, r := range letters {
			m[r] = plain
		}
	}
	add("a", "àáâãäåāăąǎÀÁÂÃÄÅĀĂĄǍ")
	add("ae", "æÆ")
	add("c", "çćĉċčÇĆĈĊČ")
	add("d", "ďđðĎĐÐ")
	add("e", "èéêëēĕėęěÈÉÊËĒĔĖĘĚ")
	add("g", "ĝğġģĜĞĠĢ")
	add("h", "ĥħĤĦ")
	add("i", "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ")
	add("j", "ĵĴ")
	add("k", "ķĶ")
	add("l", "ĺļľŀłĹĻĽĿŁ")
	add("n", "ñńņňÑŃŅŇ")
	add("o", "òóôõöøōŏőǒÒÓÔÕÖØŌŎŐǑ")
	add("oe", "œŒ")
	add("r", "ŕŗřŔŖŘ")
	add("s", "śŝşšșŚŜŞŠȘ")
	add("ss", "ß")
	add("t", "ţťŧțŢŤŦȚ")
	add("th", "þÞ")
	add("u", "ùúûüũūŭůűųǔÙÚÛÜŨŪŬŮŰŲǓ")
	add("w", "ŵŴ")
	add("y", "ýÿŷÝŸŶ")
	add("z", "źżžŹŻŽ")
	add("'", "‘’‚‛′`´")
	add("\"", "“”„‟«»″")
	add("-", "‐‑‒–—―−")
	return m
}()
