package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/finding"
	"github.com/mrtrack/mrtrack/pkg/model"
	"github.com/mrtrack/mrtrack/pkg/ydoc"
	"github.com/santhosh-tekuri/jsonschema/v5"
	"go.yaml.in/yaml/v3"
)

const (
	datePattern = "^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$"
	dueForms    = "write YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, continuous, conditional, unknown or \"every N months\""
)

// The bounds the schemas' patterns set, for the messages that explain
// them: every date field takes the years 1900 to 2199, a recurring due
// date every 1 to 999 days, weeks, months or years, and the numbers of
// recommendations, actions and steps run from 1 to 999 (rec-999.yaml,
// R999.999.999). TestSchemaBounds holds the schemas to these numbers.
const (
	MinYear   = 1900
	MaxYear   = 2199
	MaxPeriod = model.MaxPeriod
	MaxNumber = 999
)

var (
	outOfRange = fmt.Sprintf("dates run from %d to %d", MinYear, MaxYear)
	periodRE   = lazyregexp.New(`^every [0-9]+ (day|week|month|year)s?$`)
)

// dated reports whether s has the shape of a day, a month or a year.
func dated(s string) bool {
	return shaped(s, "0000-00-00") || shaped(s, "0000-00") || shaped(s, "0000")
}

// explain turns one leaf schema error into findings placed on the node it
// is about, with a message that names the field and says what is allowed.
func (c *compiled) explain(root *yaml.Node, value any, e *jsonschema.ValidationError) []located {
	kwPath := e.KeywordLocation
	kw := kwPath[strings.LastIndex(kwPath, "/")+1:]
	node, key := ydoc.Locate(root, e.InstanceLocation)
	name := fieldName(e.InstanceLocation)
	at := func(rule, msg, hint string) []located {
		return []located{{node: node, pointer: e.InstanceLocation, rule: rule, msg: msg, hint: hint}}
	}
	if kw != "required" && kw != "additionalProperties" && IsUnfilled(ydoc.Pointer(value, e.InstanceLocation)) {
		return nil // a skeleton's placeholder: the unfilled rule reports it once
	}
	if (kw == "type" || kw == "minimum" || kw == "maximum") && numberWrittenOtherwise(node) &&
		takesInteger(c.parentSchema(e.AbsoluteKeywordLocation)) {
		return nil // 010, 0x1, 1e3: the number-form rules say what YAML made of it, once
	}
	switch kw {
	case "required":
		obj, _ := ydoc.Pointer(value, e.InstanceLocation).(map[string]any)
		props, _ := c.parentSchema(e.AbsoluteKeywordLocation)["properties"].(map[string]any)
		var out []located
		for _, r := range anyStrings(c.keyword(e.AbsoluteKeywordLocation)) {
			if _, ok := obj[r]; ok {
				continue
			}
			out = append(out, located{node: node, pointer: e.InstanceLocation, rule: finding.RuleRequired,
				msg:  fmt.Sprintf("missing required field %q%s", r, within(e.InstanceLocation)),
				hint: "add " + r + ": " + propDescription(props, r)})
		}
		return out
	case "additionalProperties":
		obj, _ := ydoc.Pointer(value, e.InstanceLocation).(map[string]any)
		props, _ := c.parentSchema(e.AbsoluteKeywordLocation)["properties"].(map[string]any)
		allowed := make([]string, 0, len(props))
		for p := range props {
			allowed = append(allowed, p)
		}
		slices.Sort(allowed)
		where, others := within(e.InstanceLocation), "allowed here: "+strings.Join(allowed, ", ")
		var out []located
		// In the order of the document, so the findings come sorted by
		// position; keys are unique here, as Check stops at a duplicate key
		// before the schema runs.
		for i := 0; node.Kind == yaml.MappingNode && i+1 < len(node.Content); i += 2 {
			kn := node.Content[i]
			k := kn.Value
			if _, known := props[k]; known {
				continue
			}
			if _, held := obj[k]; !held {
				continue
			}
			hint := others
			if s := suggest(k, allowed); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			out = append(out, located{node: kn, pointer: e.InstanceLocation + "/" + k, rule: finding.RuleUnknownKey,
				msg: fmt.Sprintf("unknown field %q%s", k, where), hint: hint})
		}
		return out
	case "type":
		want := typeWords(c.keyword(e.AbsoluteKeywordLocation))
		got := kindWord(node)
		return at(finding.RuleType, fmt.Sprintf("%s must be %s, not %s", name, want, got), typeHint(node, want))
	case "enum":
		allowed := anyStrings(c.keyword(e.AbsoluteKeywordLocation))
		v := fmt.Sprint(ydoc.Pointer(value, e.InstanceLocation))
		hint := "use one of: " + strings.Join(allowed, ", ")
		if s := SuggestValue(v, allowed); s != "" {
			hint = fmt.Sprintf("did you mean %s? %s", s, hint)
			if strings.HasSuffix(name, "status") {
				hint += "; keep the source wording in status_text"
			}
		}
		return at(finding.RuleValue, fmt.Sprintf("%s %q is not allowed", name, v), hint)
	case "pattern":
		v := fmt.Sprint(ydoc.Pointer(value, e.InstanceLocation))
		pattern, _ := c.keyword(e.AbsoluteKeywordLocation).(string)
		due := name == "due" || name == "original_due"
		switch {
		case pattern == datePattern && shaped(v, "0000-00-00"), due && dated(v):
			return at(finding.RuleValue, fmt.Sprintf("%s %s is out of range: %s", name, v, outOfRange), "check the year")
		case pattern == datePattern:
			return at(finding.RuleValue, fmt.Sprintf("%s %q is not a date", name, v), civil.DateHint(v))
		case due && periodRE.MatchString(v):
			return at(finding.RuleValue, fmt.Sprintf("%s %q is too long a period", name, v),
				fmt.Sprintf("a period runs every 1 to %d days, weeks, months or years", MaxPeriod))
		case due:
			return at(finding.RuleValue, fmt.Sprintf("%s %q is not a due date", name, v), dueHint(v))
		}
		if form, ok := ydoc.Pointer(c.parentSchema(e.AbsoluteKeywordLocation), "/x-mrtrack/form").(string); ok {
			hint, _ := ydoc.Pointer(c.parentSchema(e.AbsoluteKeywordLocation), "/x-mrtrack/hint").(string)
			return at(finding.RuleValue, fmt.Sprintf("%s %q is not %s", name, v, form), hint)
		}
		return at(finding.RuleValue, fmt.Sprintf("%s %q does not have the expected form", name, v), "it must match "+pattern)
	case "minimum", "maximum":
		bound := fmt.Sprint(c.keyword(e.AbsoluteKeywordLocation))
		v := node.Value // as written: 9223372036854775808, not 9.223372036854776e+18
		if name == "due" || name == "original_due" {
			return at(finding.RuleValue, fmt.Sprintf("%s %s is not a plausible year", name, v), dueForms)
		}
		word := "at least"
		if kw == "maximum" {
			word = "at most"
		}
		return at(finding.RuleValue, fmt.Sprintf("%s %s must be %s %s", name, v, word, bound), "")
	case "minLength":
		return at(finding.RuleEmptyValue, fmt.Sprintf("%s must not be empty", name), "")
	case "minItems":
		return at(finding.RuleEmptyValue, fmt.Sprintf("%s must list at least one item", name), "")
	}
	msg := e.Message
	if key != nil || e.InstanceLocation != "" {
		msg = name + ": " + msg
	}
	return at(finding.RuleSchemaOther, msg, "")
}

// fieldName is the last named step of a pointer: /actions/2/due is "due",
// /responsible/0 is "responsible[0]".
func fieldName(pointer string) string {
	toks := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i := len(toks) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(toks[i]); err != nil && toks[i] != "" {
			return toks[i] + strings.Join(indexes(toks[i+1:]), "")
		}
	}
	return "document"
}

func indexes(toks []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = "[" + t + "]"
	}
	return out
}

// within names the object a pointer leads to, in the words of the record
// format: " in action #3", " in step #2 of action #1", " in approved_by";
// nothing for the document itself.
func within(pointer string) string {
	if pointer == "" {
		return ""
	}
	toks := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	var parts []string
	for i := 0; i < len(toks); i++ {
		n, err := strconv.Atoi(toks[min(i+1, len(toks)-1)])
		switch {
		case i+1 < len(toks) && err == nil && toks[i] == "actions":
			parts = append([]string{fmt.Sprintf("action #%d", n+1)}, parts...)
			i++
		case i+1 < len(toks) && err == nil && toks[i] == "steps":
			parts = append([]string{fmt.Sprintf("step #%d", n+1)}, parts...)
			i++
		case i+1 < len(toks) && err == nil && toks[i] == "owners": // owners.yaml
			parts = append([]string{fmt.Sprintf("owner #%d", n+1)}, parts...)
			i++
		default:
			parts = append([]string{toks[i]}, parts...)
		}
	}
	return " in " + strings.Join(parts, " of ")
}

func propDescription(props map[string]any, name string) string {
	p, _ := props[name].(map[string]any)
	d, _ := p["description"].(string)
	return d
}

func anyStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

var typeNames = map[string]string{
	"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
	"array": "a list", "object": "a mapping of keys", "null": "empty",
}

func typeWords(v any) string {
	var words []string
	switch t := v.(type) {
	case string:
		words = []string{typeNames[t]}
	case []any:
		for _, x := range t {
			words = append(words, typeNames[fmt.Sprint(x)])
		}
	}
	return strings.Join(words, " or ")
}

func kindWord(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!null":
		return "empty"
	case "!!int":
		return "a whole number"
	case "!!float":
		return "a number"
	case "!!bool":
		return "true/false"
	}
	return fmt.Sprintf("text %q", clip(n.Value, 40))
}

func typeHint(n *yaml.Node, want string) string {
	switch {
	case n.ShortTag() == "!!null" && want == "text":
		return `write "" for an empty text, or fill it in`
	case want == "text" && n.Kind == yaml.ScalarNode:
		return "put the value in quotes"
	case want == "a list" && n.Kind == yaml.ScalarNode:
		return "write it as a list: one '- item' per line"
	}
	return ""
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
