package validate

import (
	"encoding/json"
	"sync"

	"github.com/mrtrack/mrtrack/schema"
)

// mustHaveText reports whether the schema refuses an empty string for
// key (minLength on the property, or on its items for a list): there the
// placeholder hint must not suggest writing "". Read from the schemas, so
// a field that becomes required is covered without a list to update.
func mustHaveText(key string) bool { return nonEmptyKeys()[key] }

var nonEmptyKeys = sync.OnceValue(func() map[string]bool {
	keys := map[string]bool{}
	for _, doc := range [][]byte{schema.Evaluation, schema.Recommendation} {
		var v any
		if json.Unmarshal(doc, &v) == nil {
			collectNonEmpty(v, "", keys)
		}
	}
	return keys
})

// collectNonEmpty walks a schema, name being the property the node
// describes (kept through items, $defs and combinators below it).
func collectNonEmpty(n any, name string, keys map[string]bool) {
	switch n := n.(type) {
	case map[string]any:
		if min, ok := n["minLength"].(float64); ok && min > 0 && name != "" {
			keys[name] = true
		}
		for k, v := range n {
			if k != "properties" {
				collectNonEmpty(v, name, keys)
			}
		}
		if props, ok := n["properties"].(map[string]any); ok {
			for k, v := range props {
				collectNonEmpty(v, k, keys)
			}
		}
	case []any:
		for _, v := range n {
			collectNonEmpty(v, name, keys)
		}
	}
}

// placeholderHint says how to replace placeholder text in key, offering
// "" only where the schema takes it.
func placeholderHint(key string) string {
	if mustHaveText(key) {
		return "replace it with the real value: " + key + " cannot be empty"
	}
	return `replace it with the real value, or write "" when there is nothing to say`
}
