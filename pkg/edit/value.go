package edit

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Value is a new value and how it should be written.
type Value struct {
	Text string
	// Token values (statuses, dates, due dates) are written plain, without
	// quotes, as the record format shows them; text keeps the old value's
	// quoting where it can and switches to a block for several lines.
	Token bool
}

// render writes v for the place of old (nil for a new key) under a key at
// keyIndent. Multi-line text becomes a literal block starting on the next
// line; every candidate is checked by parsing it back.
func (v Value) render(old *yaml.Node, keyIndent int, nl string) (string, error) {
	for _, cand := range v.candidates(old, keyIndent, nl) {
		if v.readsBack(cand, keyIndent, nl) {
			return cand, nil
		}
	}
	return "", fmt.Errorf("cannot write %q as a YAML value", v.Text)
}

func (v Value) candidates(old *yaml.Node, keyIndent int, nl string) []string {
	if strings.Contains(v.Text, "\n") {
		return []string{v.block(keyIndent, nl), strconv.Quote(v.Text)}
	}
	single := "'" + strings.ReplaceAll(v.Text, "'", "''") + "'"
	double := strconv.Quote(v.Text)
	// Follow the old value's quoting; without one, prefer what mrtrack fmt
	// writes: "" for empty text, plain where YAML allows it, else single
	// quotes.
	switch {
	case old != nil && old.Style&yaml.SingleQuotedStyle != 0:
		return []string{single, double}
	case old != nil && old.Style&yaml.DoubleQuotedStyle != 0:
		return []string{double, single}
	case v.Text == "":
		return []string{double}
	}
	return []string{v.Text, single, double}
}

// block writes a literal block scalar indented two spaces past the key,
// with the chomping indicator that keeps the text's final line break (or
// its absence) exactly.
func (v Value) block(keyIndent int, nl string) string {
	body := strings.TrimSuffix(v.Text, "\n")
	header := "|-"
	switch {
	case strings.HasSuffix(v.Text, "\n\n"):
		header = "|+"
	case strings.HasSuffix(v.Text, "\n"):
		header = "|"
	}
	if strings.HasPrefix(body, " ") {
		header = "|2" + header[1:]
	}
	pad := strings.Repeat(" ", keyIndent+2)
	var b strings.Builder
	b.WriteString(header)
	for _, line := range strings.Split(body, "\n") {
		b.WriteString(nl)
		if line != "" {
			b.WriteString(pad + line)
		}
	}
	if header == "|+" {
		b.WriteString(nl)
	}
	return b.String()
}

// readsBack reports whether text, written as the value of a key, reads as
// v.Text and, for text values, as a string rather than a number or a date.
func (v Value) readsBack(text string, keyIndent int, nl string) bool {
	doc := strings.Repeat(" ", keyIndent) + "k: " + text + nl
	var m map[string]yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &m); err != nil {
		return false
	}
	n, ok := m["k"]
	if !ok || n.Kind != yaml.ScalarNode || n.Value != v.Text {
		return false
	}
	return v.Token || n.ShortTag() == "!!str"
}
