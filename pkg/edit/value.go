package edit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mrtrack/mrtrack/pkg/format"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// Value is a new value and how it should be written.
type Value struct {
	Text string
	// Token values (statuses, dates, due dates, numbers) are written plain
	// where YAML allows, as the record format shows them; text is written
	// as text, in a block when it spans lines.
	Token bool
}

// render writes v as mrtrack fmt writes it (format.Scalar decides), under
// a key at keyIndent, and checks that it reads back as v.
func (v Value) render(keyIndent int, nl string) (string, error) {
	// Written escaped, these would make a file that no longer reads.
	if i := ydoc.IndexForbidden(v.Text); i >= 0 {
		r, _ := utf8.DecodeRuneInString(v.Text[i:])
		return "", fmt.Errorf("cannot write %s: it holds a %s, which records do not allow", short(v.Text), ydoc.DescribeRune(r))
	}
	text, err := format.Scalar(v.Text, !v.Token, keyIndent, nl)
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %w", short(v.Text), err)
	}
	if !v.readsBack(text, keyIndent, nl) {
		return "", fmt.Errorf("cannot write %s as a YAML value", short(v.Text))
	}
	return text, nil
}

// short quotes the start of a value for a message.
func short(s string) string {
	const limit = 40
	if r := []rune(s); len(r) > limit {
		return fmt.Sprintf("%q…", string(r[:limit]))
	}
	return fmt.Sprintf("%q", s)
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
