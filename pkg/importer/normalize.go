package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// DueReading is how import reads a due-date cell.
type DueReading struct {
	// Due is the record's value: 2024-12-31, 2023-10, 2025-Q4, continuous,
	// every 6 months, conditional; "" when the text names none.
	Due string
	// Deadlines are the dates of a text that names several ("Novembre
	// 2024 et novembre 2025"), in order; Due is the first.
	Deadlines []string
	// How says how the text was read, for a note; "" when the text is the
	// value itself.
	How string
}

// ReadDue reads a due-date cell in French or English: every form
// model.SuggestDue knows, several dates joined by "et"/"and", a condition
// ("En fonction de …"), or a text with one date in it ("… disponible fin
// 2025. …").
func ReadDue(text string) DueReading {
	t := strings.TrimSpace(text)
	if Empty(t) {
		return DueReading{}
	}
	if d, err := model.ParseDue(t); err == nil {
		return DueReading{Due: d.String()}
	}
	if s := model.SuggestDue(t); s != "" {
		return DueReading{Due: s, How: "read as " + s}
	}
	if dates := severalDates(t); len(dates) > 1 {
		return DueReading{Due: dates[0], Deadlines: dates,
			How: fmt.Sprintf("read as %d deadlines, %s; the first that is not met counts", len(dates), strings.Join(dates, " and "))}
	}
	found := datesIn(t)
	if len(found) == 1 {
		return DueReading{Due: found[0].value, How: fmt.Sprintf("read as %s, the only date in the text (%q)", found[0].value, found[0].words)}
	}
	if conditional(t) {
		return DueReading{Due: "conditional", How: "read as conditional: the text makes the date depend on something"}
	}
	return DueReading{}
}

var joinRE = lazyregexp.New(`(?i)\s+(?:et|and|&|puis|then)\s+|\s*;\s*`)

// severalDates reads "Novembre 2024 et novembre 2025" as its dates; nil
// unless every part is a date.
func severalDates(t string) []string {
	parts := joinRE.Split(t, -1)
	if len(parts) < 2 {
		return nil
	}
	var out []string
	for _, p := range parts {
		s, prec := civil.Suggest(p)
		if prec == 0 {
			return nil
		}
		out = append(out, s)
	}
	return out
}

type foundDate struct{ value, words string }

// datesIn finds the dates written inside a longer text: the longest runs
// of up to four words that civil.Suggest reads, each with its year.
func datesIn(t string) []foundDate {
	words := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '\n' })
	var out []foundDate
	for i := 0; i < len(words); {
		best, n := "", 0
		for j := min(len(words), i+4); j > i; j-- {
			run := strings.TrimRight(strings.Join(words[i:j], " "), ".")
			if s, prec := civil.Suggest(run); prec != 0 && strings.ContainsAny(run, "0123456789") {
				best, n = s, j-i
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		out = append(out, foundDate{best, strings.TrimRight(strings.Join(words[i:i+n], " "), ".")})
		i += n
	}
	return out
}

// conditions are the wordings of a deadline that depends on something.
var conditions = []string{"en fonction de", "conditionn", "sous réserve", "selon la disponibilité", "dès que",
	"depending on", "depends on", "subject to", "conditional", "contingent on", "once ", "when funding", "if funding"}

func conditional(t string) bool {
	k := strings.ToLower(t)
	for _, c := range conditions {
		if strings.Contains(k, c) {
			return true
		}
	}
	return false
}

// StatusReading is how import reads a status cell.
type StatusReading struct {
	Status model.Status // "" when the text names none
	How    string       // how it was read, for a note; "" when the text is the value itself
}

// ReadStatus reads a status cell: a wording model.StatusOfWording knows,
// or a text that contains exactly one ("En cours depuis 2020", "Le
// document est en cours de finalisation").
func ReadStatus(text string) StatusReading {
	t := strings.TrimSpace(text)
	if Empty(t) {
		return StatusReading{}
	}
	if s, ok := model.StatusOfWording(t); ok {
		if string(s) == t {
			return StatusReading{Status: s}
		}
		return StatusReading{Status: s, How: "read as " + string(s)}
	}
	if s, w := statusWithin(t); s != "" {
		return StatusReading{Status: s, How: fmt.Sprintf("read as %s, from %q in the text", s, w)}
	}
	return StatusReading{}
}

// statusWords lists the status wordings longest first, so "en cours de
// réalisation" is found before "en cours".
var statusWordsByLength = func() []string {
	var out []string
	for w := range model.StatusWords() {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}()

// statusWithin is the one status the wordings inside t name, with the
// wording; "" when they name none or several.
func statusWithin(t string) (model.Status, string) {
	k := " " + strings.ToLower(t) + " "
	var found model.Status
	var word string
	for _, w := range statusWordsByLength {
		i := strings.Index(k, w)
		if i < 0 || !boundary(k, i-1) || !boundary(k, i+len(w)) {
			continue
		}
		s := model.StatusWords()[w]
		if found != "" && s != found {
			return "", ""
		}
		if found == "" {
			found, word = s, strings.TrimSpace(t[max(i-1, 0):min(i-1+len(w), len(t))])
		}
		k = k[:i] + strings.Repeat(" ", len(w)) + k[i+len(w):]
	}
	return found, word
}

func boundary(k string, i int) bool {
	if i < 0 || i >= len(k) {
		return true
	}
	return strings.ContainsRune(" .,;:!?()\n\t«»\"'", rune(k[i]))
}

// Empty reports whether a cell says nothing: blank, "NA", "N/A", "-", or
// a template placeholder ("[add only if partially agree or disagree was
// selected]").
func Empty(s string) bool {
	t := strings.TrimSpace(s)
	switch strings.ToLower(strings.Trim(t, ".")) {
	case "", "na", "n/a", "n.a", "n/d", "nd", "-", "–", "—", "none", "néant", "sans objet", "s/o":
		return true
	}
	return Placeholder(t)
}

// Placeholder reports whether s is a template's instruction left in a
// cell: bracketed text, "[add …]", "<insert …>", "Click or tap here to
// enter text."
func Placeholder(s string) bool {
	t := strings.TrimSpace(s)
	if len(t) > 2 && (t[0] == '[' && t[len(t)-1] == ']' || t[0] == '<' && t[len(t)-1] == '>') {
		return true
	}
	k := strings.ToLower(t)
	return strings.HasPrefix(k, "click or tap here") || strings.HasPrefix(k, "cliquez ou appuyez ici")
}
