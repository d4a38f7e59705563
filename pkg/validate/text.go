package validate

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode"

	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"go.yaml.in/yaml/v3"
)

// IsBlank reports whether s is empty once white space and invisible
// characters are trimmed: what "must not be empty" means for every text
// field, in validate and in set. Invisible is Unicode's White_Space, the
// separators (Zs, Zl, Zp), controls and format characters (Cc, Cf: zero-width
// space and joiners, bidirectional marks, the BOM), variation selectors,
// the other default-ignorable code points (Hangul fillers and the like),
// and U+2800 BRAILLE PATTERN BLANK: text that prints as nothing.
func IsBlank(s string) bool {
	for _, r := range s {
		if !invisible(r) {
			return false
		}
	}
	return true
}

var invisibleTables = []*unicode.RangeTable{unicode.White_Space, unicode.Zs, unicode.Zl, unicode.Zp, unicode.Cc,
	unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point}

func invisible(r rune) bool {
	if r < 0x80 {
		return r <= ' ' || r == 0x7F // ASCII letters first: most text ends the loop at its first rune
	}
	return r == 0x2800 || unicode.In(r, invisibleTables...)
}

// blank reports a text the schema says must not be empty (minLength 1 or
// more) that holds only invisible characters; an empty one the schema
// reports itself.
func (r *rules) blank(at path, s string) {
	if s == "" || !IsBlank(s) {
		return
	}
	if min, _ := r.schema.subschema(at)["minLength"].(float64); min < 1 {
		return
	}
	r.report(at.String(), finding.Error, finding.RuleEmptyValue, fieldName(at.String())+" must not be empty",
		fmt.Sprintf("it holds only white space or invisible characters (%s); write the text", runeList(s)))
}

// runeList names the first few code points of s: U+200B, U+0020.
func runeList(s string) string {
	out, n := "", 0
	for _, r := range s {
		if n == 3 {
			return out + ", …"
		}
		if n > 0 {
			out += ", "
		}
		out += fmt.Sprintf("U+%04X", r)
		n++
	}
	return out
}

// plainDecimal reports whether s is a number in decimal digits alone,
// optionally signed negative, without a leading zero: the one form YAML
// 1.1 and 1.2 read alike. yaml.v3 reads 010 as 8, and 0x1, 0o1, 0b1, 1_0,
// 1e3 and 1.0 as whole numbers too.
func plainDecimal(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if len(s) == 0 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// numberWrittenOtherwise reports whether n is a number YAML reads but
// not written in plain decimal digits.
func numberWrittenOtherwise(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && mayBeNumber(n.Value) && !plainDecimal(n.Value) &&
		(n.ShortTag() == "!!int" || n.ShortTag() == "!!float")
}

// mayBeNumber reports whether YAML could read s as a number: yaml.v3
// resolves a plain scalar to one only when it starts with a sign, a digit
// or a dot (.5, .inf), and records refuse explicit tags. Most scalars are
// words, and telling them apart this way spares the tag's resolution.
func mayBeNumber(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c == '+' || c == '-' || c == '.' || '0' <= c && c <= '9'
}

// numberForm reports a whole-number field not written in plain decimal
// digits. Due dates have their own message (yearNumber).
func (r *rules) numberForm(at path, key string, v any) {
	if key == "due" || key == "original_due" || !takesInteger(r.schema.subschema(at)) {
		return
	}
	pointer := at.String()
	n, _ := ydoc.Locate(r.root, pointer)
	if !numberWrittenOtherwise(n) {
		return
	}
	hint := "write a whole number in the digits 0-9 alone"
	read := ""
	switch x := v.(type) {
	case int64:
		read = strconv.FormatInt(x, 10)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			read = strconv.FormatFloat(x, 'f', -1, 64)
		}
	}
	if read != "" {
		hint = fmt.Sprintf("YAML reads %s as %s: write the number in the digits 0-9 alone, without a leading zero", n.Value, read)
	}
	r.report(pointer, finding.Error, finding.RuleValue, fmt.Sprintf("%s %s is not written in plain decimal digits", fieldName(pointer), n.Value), hint)
}

// takesInteger reports whether a schema allows a whole number.
func takesInteger(s map[string]any) bool {
	types, _ := stringList(s["type"])
	return slices.Contains(types, "integer") || slices.Contains(types, "number")
}
